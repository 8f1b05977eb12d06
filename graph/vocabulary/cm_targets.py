"""Resolve an ICD-10-CM index target against the loaded tabular release.

The index is a year older than the tabular list at times, so a target is resolved in this order: the code as
it stands; a target ending in `-` ("M21.61-") names the category or subcategory that needs more characters;
a code that is a header in the loaded release needs more characters too; a code the release no longer has is
moved to what replaced it by the conversion table (several replacements: their nearest common header).
What is none of these stays unresolved and is counted by the loader.
"""

from collections.abc import Mapping
from os.path import commonprefix

from graph.driver import Graph
from graph.importers.conversion_table import (
    bundled_conversion_table_path,
    read_conversion_table,
    replaced_by,
)
from graph.importers.index_records import IndexTarget
from graph.model import System
from graph.queries.index_terms import SYSTEM_CODES
from graph.vocabulary.index_terms import Resolution, Resolver


class CmTargets:
    """A resolver over the codes of a release: `codes` maps each code (dotted) to whether it is billable."""

    def __init__(self, codes: Mapping[str, bool], replacements: Mapping[str, tuple[str, ...]]) -> None:
        self._codes = codes
        self._replacements = replacements

    def __call__(self, target: IndexTarget) -> Resolution | None:
        wanted = target.code.removesuffix("-").removesuffix(".")
        more = target.code.endswith("-")
        if wanted in self._codes:
            return self._link(wanted, more)
        found = [code for code in self._replacements.get(wanted, ()) if code in self._codes]
        if len(found) == 1:
            return self._link(found[0], more)
        if found:
            header = self._header(commonprefix(found))  # noqa: RUF071 -- codes are compared by characters
            return self._link(header, True) if header else None
        return None

    def _link(self, code: str, more: bool) -> Resolution:
        return (System.ICD10CM.uid(code), more or not self._codes[code], None)

    def _header(self, prefix: str) -> str | None:
        # The longest code of the release that starts every replacement, at least a category.
        while len(prefix) >= 3:
            prefix = prefix.removesuffix(".")
            if prefix in self._codes:
                return prefix
            prefix = prefix[:-1]
        return None


def cm_resolver(graph: Graph) -> Resolver:
    """The resolver for the loaded ICD-10-CM release, with the bundled conversion table for retired codes."""
    rows = graph.read(SYSTEM_CODES, system=System.ICD10CM.value)
    codes = {row["code"]: bool(row["billable"]) for row in rows}
    return CmTargets(codes, replaced_by(read_conversion_table(bundled_conversion_table_path())))
