"""The facts an ICD-10-PCS explanation is generated from, for a batch of codes in four round trips."""

from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.queries import explain as q
from graph.reads.explain import Reference
from graph.reads.index_terms import IndexEntryRow, index_entries
from graph.reads.pcs_axes import AxisRow

SIMILAR_COUNT = 8
# An index line that gives only a table ("Colectomy" 0DT) leads to every code of the table, appendix or not:
# only lines naming the body part (a prefix of four characters or more) or the whole code say what this is.
SPECIFIC_PREFIX = 4


@dataclass(frozen=True, slots=True)
class IndexTerms:
    source: str  # the index and its release ("ICD-10-PCS Index FY2025")
    terms: tuple[str, ...]  # each line's path, as the index writes it ("Resection, Appendix")


@dataclass(frozen=True, slots=True)
class PcsFacts:
    uid: str
    code: str
    title: str
    release: str
    axes: tuple[AxisRow, ...]  # positions 1..7
    table: Reference
    index: IndexTerms | None
    similar: tuple[Reference, ...]  # same table and body part, by code


def pcs_facts(graph: Graph, uids: list[str]) -> dict[str, PcsFacts]:
    """The facts of each ICD-10-PCS code of `uids` that the graph holds, by uid."""
    rows = graph.read(q.PCS_FACTS, uids=uids)
    similar = {
        row["uid"]: tuple(_reference(other) for other in row["similar"])
        for row in graph.read(q.PCS_SAME_BODY_PART, uids=uids, first=SIMILAR_COUNT)
    }
    entries = index_entries(graph, uids)
    return {
        row["uid"]: _facts(row, similar.get(row["uid"], ()), entries.get(row["uid"], []))
        for row in rows
        if row["axisValues"]
    }


def _facts(row: dict[str, Any], similar: tuple[Reference, ...], entries: list[IndexEntryRow]) -> PcsFacts:
    outline = {len(level["code"]): level for level in row["outline"]}
    levels = [
        AxisRow(
            position=n,
            title=str(outline[n]["axis"]),
            character=row["code"][n - 1],
            label=str(outline[n]["title"]),
            definition=None,
            explanation=None,
            includes=(),
        )
        for n in (1, 2)
    ]
    values = [
        AxisRow(
            position=int(v["position"]),
            title=str(v["axis"]),
            character=str(v["value"]),
            label=str(v["meaning"]),
            definition=v.get("definition"),
            explanation=v.get("explanation"),
            includes=tuple(v.get("includes") or ()),
        )
        for v in row["axisValues"]
    ]
    return PcsFacts(
        uid=row["uid"],
        code=row["code"],
        title=row["title"],
        release=row["release"] or "unknown release",
        axes=tuple(sorted([*levels, *values], key=lambda axis: axis.position)),
        table=_reference(outline[3]),
        index=_index_terms(entries),
        similar=similar,
    )


def _index_terms(entries: list[IndexEntryRow]) -> IndexTerms | None:
    specific = [e for e in entries if e.prefix is None or len(e.prefix) >= SPECIFIC_PREFIX]
    if not specific:
        return None
    terms = dict.fromkeys(", ".join(entry.path) for entry in specific)
    return IndexTerms(source=specific[0].source, terms=tuple(terms))


def _reference(row: dict[str, Any]) -> Reference:
    return Reference(uid=str(row["uid"]), code=str(row["code"]), title=str(row["title"]))
