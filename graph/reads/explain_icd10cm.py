"""The facts an ICD-10-CM explanation is generated from: one read transaction for a batch of codes."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.model import NOTE_EDGES, NOTE_PROPERTIES
from graph.queries import explain_icd10cm as q
from graph.reads.codes import CodeRow, code_row
from graph.reads.explain import Reference
from graph.reads.index_terms import IndexEntryRow

_NOTE_KINDS = {rel.value: kind for kind, rel in NOTE_EDGES.items()}
# The notes an explanation reads, in the order the tabular list prints them.
NOTE_KINDS = (
    "includes",
    "inclusion_term",
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional",
    "code_also",
)


@dataclass(frozen=True, slots=True)
class CmNote:
    kind: str  # a key of graph.model.NOTE_PROPERTIES
    text: str
    holder: str  # the code the note is printed on: this code or an ancestor up to its category
    targets: tuple[Reference, ...]  # the codes the note names that the release holds


@dataclass(frozen=True, slots=True)
class Level:
    code: str
    kind: str
    title: str


@dataclass(frozen=True, slots=True)
class CmReleases:
    tabular: str  # "ICD-10-CM FY2026 (April 1, 2026 update)"
    poa_exempt: str | None  # the POA-exempt list file loaded, if any
    data_version: str | None = None  # of the graph read, for what is derived from it


@dataclass(frozen=True, slots=True)
class CmFacts:
    code: CodeRow
    ancestors: tuple[Level, ...]  # nearest first, up to the chapter
    notes: tuple[CmNote, ...]  # the code's own first, then each ancestor's up to the category
    seventh: tuple[str, ...]  # "A: initial encounter …" lines of the nearest 7th-character definition
    conditions: tuple[str, ...]  # names of the knowledge graph's conditions coded as it or an ancestor
    billable_codes: int  # billable codes below it (0 for a billable code)
    index_entries: tuple[IndexEntryRow, ...]


def cm_facts(
    graph: Graph, uids: Sequence[str], index_entries: Mapping[str, Sequence[IndexEntryRow]]
) -> dict[str, CmFacts]:
    """The facts of each of `uids` the graph holds (an unknown uid is missing from the result), with the
    index lines that lead to each (graph.reads.index_terms.index_entries; the caller has them: a code page
    reads them for its Index section, through the loader the explanation shares)."""
    return facts_of_rows(graph.read(q.CM_FACTS, uids=list(uids)), index_entries)


def facts_of_rows(
    facts: list[dict[str, Any]], entries: Mapping[str, Sequence[IndexEntryRow]]
) -> dict[str, CmFacts]:
    """The facts from the rows of CM_FACTS and each code's index entries, by uid."""
    return {row["uid"]: _facts(row, tuple(entries.get(row["uid"], ()))) for row in facts}


def cm_releases(graph: Graph) -> CmReleases:
    row = graph.read(q.CM_RELEASES)[0]
    name = row["name"] or "ICD-10-CM"
    return CmReleases(
        tabular=f"{name} {row['version'] or ''}".strip(),
        poa_exempt=row["poaRelease"],
        data_version=row["dataVersion"],
    )


def cm_uids(graph: Graph) -> list[str]:
    return [row["uid"] for row in graph.read(q.CM_UIDS)]


def _facts(row: dict[str, Any], entries: tuple[IndexEntryRow, ...]) -> CmFacts:
    ancestors = sorted(row["ancestors"], key=lambda level: int(level["distance"]))
    props = row["code"]
    # The tabular list prints a note on the highest level it applies to; from the code up to its category.
    holders = [props]
    for level in ancestors:
        if level["kind"] in ("block", "chapter"):
            break
        holders.append(level)
    targets: dict[tuple[str, str, str], list[Reference]] = {}
    for t in row["targets"]:
        key = (t["holder"], _NOTE_KINDS[t["rel"]], t["note"])
        targets.setdefault(key, []).append(Reference(uid=t["uid"], code=t["code"], title=t["title"]))
    notes = tuple(
        CmNote(kind, text, holder["code"], _in_order(text, targets.get((holder["uid"], kind, text), [])))
        for holder in holders
        for kind in NOTE_KINDS
        for text in holder.get(NOTE_PROPERTIES[kind]) or ()
    )
    seventh = next((tuple(level["sevenChrDef"]) for level in holders if level.get("sevenChrDef")), ())
    return CmFacts(
        code=code_row(props),
        ancestors=tuple(Level(a["code"], a["kind"], a["title"]) for a in ancestors),
        notes=notes,
        seventh=seventh,
        conditions=tuple(sorted({c["name"] for c in row["conditions"]})),
        billable_codes=int(row["billableCodes"]),
        index_entries=entries,
    )


def _in_order(text: str, found: list[Reference]) -> tuple[Reference, ...]:
    """The targets in the order the note names them ("cerebral (I63.6, I67.6)")."""
    return tuple(
        sorted(found, key=lambda ref: (p if (p := text.find(ref.code)) >= 0 else len(text), ref.code))
    )
