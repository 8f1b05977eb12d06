"""Named reads of codes, batched by uid for the DataLoaders: one round trip per kind of data per page."""

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.importers.gems import SOURCE as GEMS_SOURCE
from graph.importers.icd9cm import PROCEDURE, VOLUME
from graph.model import NOTE_EDGES, NOTE_PROPERTIES, System
from graph.queries import codes as q

# The properties of a code that a row needs but its notes: what the search index keeps for its hits.
HEAD_PROPERTIES = (
    "uid", "system", "code", "title", "shortTitle", "kind", "billable", "active",
    "effectiveDate", "terminationDate", "curated", "release",
)  # fmt: skip

NOTE_EDGE_KINDS = {rel.value: kind for kind, rel in NOTE_EDGES.items()}
_NOT_CODE_CHARACTERS = re.compile(r"[\s.]")


@dataclass(frozen=True, slots=True)
class NoteRow:
    kind: str
    text: str
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeRow:
    uid: str
    system: str
    code: str
    title: str
    short_title: str | None
    kind: str
    billable: bool
    active: bool
    effective_date: str | None
    termination_date: str | None
    curated: bool
    official: bool  # loaded from an official release (not only curated)
    properties: dict[str, Any]
    complete: bool = True  # False for a row from the search index: its properties lack the notes

    def notes_text(self) -> list[tuple[str, str]]:
        """(kind, text) of every note as published, in page order."""
        return [
            (kind, text) for kind, prop in NOTE_PROPERTIES.items() for text in self.properties.get(prop) or []
        ]


@dataclass(frozen=True, slots=True)
class MappingRow:
    uid: str | None  # None where the source says the code has no equivalent in `system`
    system: str
    source: str | None
    approximate: bool
    outgoing: bool
    combination: bool = False
    scenario: int | None = None  # of a combination: one way to code the source with several codes
    choice_list: int | None = None  # within the scenario: code one target of each of its choice lists

    @property
    def no_map(self) -> bool:
        return self.uid is None


def compact_code(typed: str) -> str:
    """`i82.401`, ` I82 401 ` and `I82401` all become `I82401`: how a person may type a code."""
    return _NOT_CODE_CHARACTERS.sub("", typed).upper()


def find_code(graph: Graph, system: System, typed: str) -> CodeRow | None:
    """The code as typed, with or without its dot. ICD-9-CM's volumes share undotted forms (`0010` is
    diagnosis 001.0 and procedure 00.10): the dotted form says which; without it, the diagnosis."""
    rows = [
        row["code"] for row in graph.read(q.CODE_BY_COMPACT, system=system.value, compact=compact_code(typed))
    ]
    exact = typed.strip().upper()
    rows.sort(key=lambda code: (code["code"] != exact, code.get(VOLUME) == PROCEDURE))
    return code_row(rows[0]) if rows else None


def codes_by_uid(graph: Graph, uids: list[str]) -> dict[str, CodeRow]:
    return {code["uid"]: code_row(code) for code in graph.read_collected(q.CODES_BY_UID, uids=uids)}


def roots(graph: Graph, system: System, first: int, offset: int) -> list[str]:
    """Uids of the system's codes without a parent, by code: a page of `first` from `offset`."""
    return [row["uid"] for row in graph.read(q.ROOTS, system=system.value, first=first, offset=offset)]


def parents(graph: Graph, uids: list[str]) -> dict[str, str]:
    return {row["uid"]: row["parent"] for row in graph.read(q.PARENTS, uids=uids)}


def children(graph: Graph, uids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for row in sorted(graph.read_collected(q.CHILDREN, uids=uids), key=lambda row: (row["uid"], row["code"])):
        found[row["uid"]].append(row["child"])
    return found


def ancestor_rows(graph: Graph, uids: list[str]) -> dict[str, list[CodeRow]]:
    """Each code's ancestors, nearest first (a code without any is missing from the result)."""
    found: dict[str, list[CodeRow]] = defaultdict(list)
    for row in sorted(
        graph.read_collected(q.ANCESTORS, uids=uids), key=lambda row: (row["uid"], row["distance"])
    ):
        found[row["uid"]].append(code_row(row["ancestor"]))
    return found


def ancestors(graph: Graph, uids: list[str]) -> dict[str, list[str]]:
    """The uids of each code's ancestors, nearest first."""
    return {uid: [row.uid for row in rows] for uid, rows in ancestor_rows(graph, uids).items()}


def note_targets(graph: Graph, uids: list[str]) -> dict[str, dict[tuple[str, str], list[str]]]:
    """uid → (note kind, note text) → target uids, for notes that name codes."""
    found: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = graph.read_collected(q.NOTE_TARGETS, uids=uids)
    for row in sorted(
        rows, key=lambda row: (row["uid"], row["type"], *_nulls_last(row["note"]), row["code"])
    ):
        found[row["uid"]][(NOTE_EDGE_KINDS[row["type"]], row["note"])].append(row["target"])
    return found


def mappings(graph: Graph, uids: list[str]) -> dict[str, list[MappingRow]]:
    """Crosswalks of each code in both directions, then the systems a GEM gives it no map to."""
    found: dict[str, list[MappingRow]] = defaultdict(list)
    rows = graph.read_collected(q.MAPPINGS, uids=uids)
    for row in sorted(
        rows, key=lambda row: (row["uid"], *_nulls_last(row["scenario"], row["choiceList"]), row["code"])
    ):
        found[row["uid"]].append(
            MappingRow(
                uid=row["other"],
                system=row["system"],
                source=row["source"],
                approximate=bool(row["approximate"]),
                outgoing=bool(row["outgoing"]),
                combination=bool(row["combination"]),
                scenario=row["scenario"] or None,
                choice_list=row["choiceList"] or None,
            )
        )
    for row in graph.read(q.NO_MAPS, uids=uids):
        found[row["uid"]].append(
            MappingRow(uid=None, system=row["system"], source=GEMS_SOURCE, approximate=True, outgoing=True)
        )
    return found


def _nulls_last(*values: Any) -> tuple[tuple[bool, Any], ...]:
    # As Cypher's ORDER BY sorts: nulls after every value (two nulls compare equal, a null and a value never
    # reach their second item).
    return tuple((value is None, 0 if value is None else value) for value in values)


def head_row(head: dict[str, Any]) -> CodeRow:
    """A code's row from the HEAD_PROPERTIES the search index keeps (its notes are read when asked for)."""
    return code_row(head, complete=False)


def code_row(props: dict[str, Any], *, complete: bool = True) -> CodeRow:
    return CodeRow(
        uid=props["uid"],
        system=props["system"],
        code=props["code"],
        title=props["title"],
        short_title=props.get("shortTitle"),
        kind=props.get("kind") or "code",
        billable=bool(props.get("billable")),
        active=props.get("active", True) is not False,
        effective_date=props.get("effectiveDate"),
        termination_date=props.get("terminationDate"),
        curated=bool(props.get("curated")),
        official=props.get("release") is not None,
        properties=props,
        complete=complete,
    )
