"""The facts an explanation is generated from, read in as few round trips as a page needs."""

from collections.abc import Iterable
from dataclasses import dataclass

from graph.driver import Graph
from graph.model import System
from graph.queries import explain as q


@dataclass(frozen=True, slots=True)
class Reference:
    """A code that another code's data names."""

    uid: str
    code: str
    title: str


def hcpcs_cross_reference_uids(codes: Iterable[str]) -> list[str]:
    """Uids to look the workbook's cross-references up by: letter codes are HCPCS, numeric ones CPT."""
    return [(System.CPT if code[:1].isdigit() else System.HCPCS).uid(code) for code in codes]


def codes_named(graph: Graph, uids: list[str]) -> dict[str, Reference]:
    """The codes of `uids` the graph holds, by code."""
    if not uids:
        return {}
    rows = graph.read(q.CODES_NAMED, uids=uids)
    return {row["code"]: Reference(uid=row["uid"], code=row["code"], title=row["title"]) for row in rows}
