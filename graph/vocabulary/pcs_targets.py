"""Resolve an ICD-10-PCS Index lead, and a `use` text, against the loaded PCS release.

The graph holds PCS sections (1 character), body systems (2), tables (3) and codes (7), never the 4- to
6-character prefixes the index prints ("Resection, Appendix 0DTJ"). So a code links to the code; a table to
the table; a prefix to the deepest node it names (0DTJ → table 0DT) and keeps itself as the link's `prefix`,
which says which codes under that node the line leads to. Tables and prefixes need more characters: their
links are `incomplete`, and keep the lead as `prefix` ("0CT") so that readers can treat both alike. A lead
no code of the release extends (the FY2025 index names a few codes FY2026 no longer has) is unresolved.

A `use` text names the value of an axis to code instead of the word looked up ("Abdominal esophagus" → use
"Esophagus, Lower"): it links to every `:PcsValue` whose meaning it is, whatever its case. A text that ends in
"in" is completed by a table printed after it ("Cardiac Lead, Pacemaker in 0JH"), which the importer keeps as
a lead of the term; the value is named by the words before it. A text "… in" a body system or section
("Zooplastic Tissue in Heart and Great Vessels") names the values of that meaning there.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.driver import Graph
from graph.importers.index_records import IndexTarget
from graph.model import System
from graph.queries.index_terms import SYSTEM_CODES
from graph.queries.pcs_values import PCS_OUTLINE, PCS_VALUES
from graph.vocabulary.index_terms import Resolution, Resolver

CODE_LENGTH = 7


class PcsTargets:
    """A resolver over the codes of a release: every section, body system, table and code."""

    def __init__(self, codes: Iterable[str]) -> None:
        self._nodes = set(codes)
        # Every leading part of a code: what a prefix lead must be to lead anywhere.
        self._leads = {code[:n] for code in self._nodes if len(code) == CODE_LENGTH for n in range(1, 8)}

    def __call__(self, target: IndexTarget) -> Resolution | None:
        lead = target.code
        if lead not in self._leads:
            return None
        if len(lead) == CODE_LENGTH:
            return (System.ICD10PCS.uid(lead), False, None)
        node = next(lead[:n] for n in range(len(lead), 0, -1) if lead[:n] in self._nodes)
        return (System.ICD10PCS.uid(node), True, lead)


@dataclass(frozen=True, slots=True)
class PcsValue:
    key: str
    meaning: str
    section: str
    body_system: str | None  # the characters after the section its meaning depends on; None: the section's


class PcsValues:
    """The `:PcsValue` keys each `use` text names. `places` are the titles of the release's sections and body
    systems by their code ("New Technology": "X", "Heart and Great Vessels": "02")."""

    def __init__(self, values: Iterable[PcsValue], places: Iterable[tuple[str, str]]) -> None:
        self._values: dict[str, list[PcsValue]] = defaultdict(list)
        for value in values:
            self._values[_fold(value.meaning)].append(value)
        self._places: dict[str, list[str]] = defaultdict(list)
        for code, title in places:
            self._places[_fold(title)].append(code)

    def __call__(self, text: str) -> list[str]:
        folded = _fold(text)
        found = self._values.get(folded) or self._values.get(folded.removesuffix(" in"))
        if not found and " in " in folded:
            # "Zooplastic Tissue in Heart and Great Vessels": the value as it is called in that body system
            # (or section); a value whose meaning holds for the whole section is in each of its body systems.
            meaning, _, place = folded.rpartition(" in ")
            codes = self._places.get(place, ())
            found = [v for v in self._values.get(meaning, ()) if any(_within(v, code) for code in codes)]
        return sorted(value.key for value in found or ())


def _within(value: PcsValue, place: str) -> bool:
    if value.section != place[0]:
        return False
    return len(place) == 1 or value.body_system is None or value.body_system[0] == place[1]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def pcs_resolver(graph: Graph) -> Resolver:
    """The resolver for the loaded ICD-10-PCS release."""
    return PcsTargets(row["code"] for row in graph.read(SYSTEM_CODES, system=System.ICD10PCS.value))


def pcs_values(graph: Graph) -> PcsValues:
    """The `use` resolver for the loaded ICD-10-PCS release's axis values."""
    values = (
        PcsValue(row["key"], row["meaning"], row["section"], row["bodySystem"])
        for row in graph.read(PCS_VALUES)
    )
    return PcsValues(values, ((row["code"], row["title"]) for row in graph.read(PCS_OUTLINE)))
