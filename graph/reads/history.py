"""Reads of code history for the API: each code's changes, newest first, and whether it is POA exempt."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.driver import Graph
from graph.queries import history as q

MAX_CODES = 200  # per change and direction; the most any code has in the bundled data is 126 (T15-T19)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    effective: str | None  # ISO date the change took effect
    source: str
    replaces: tuple[str, ...] = ()  # uids of the codes this one took the place of
    replaced_by: tuple[str, ...] = ()  # uids of the codes that took this one's place
    retired: tuple[str, ...] = ()  # previous codes (or ranges) the loaded release does not have
    previous_text: str | None = None  # the conversion table's previous-code cell as published


@dataclass(frozen=True, slots=True)
class CodeHistory:
    poa_exempt: bool | None = None
    changes: tuple[ChangeRow, ...] = field(default_factory=tuple)


def code_history(graph: Graph, uids: list[str]) -> dict[str, CodeHistory]:
    return {row["uid"]: _history(row) for row in graph.read(q.CODE_HISTORY, uids=uids)}


def _history(row: Mapping[str, Any]) -> CodeHistory:
    # One change per (effective, source): a conversion-table row with the edges it made, or a group of edges.
    replaces = _grouped(row["replaces"])
    replaced_by = _grouped(row["replacedBy"])
    changes: list[ChangeRow] = []
    for change in row["changes"]:
        key = (change["effective"], change["source"])
        changes.append(
            ChangeRow(
                effective=change["effective"],
                source=change["source"],
                replaces=replaces.pop(key, ()),
                replaced_by=replaced_by.pop(key, ()),
                retired=tuple(change["retired"] or ()),
                previous_text=change["previousText"],
            )
        )
    for key in sorted({*replaces, *replaced_by}, key=str):
        changes.append(ChangeRow(*key, replaces=replaces.get(key, ()), replaced_by=replaced_by.get(key, ())))
    changes.sort(key=lambda c: (c.effective or "", c.source), reverse=True)
    return CodeHistory(poa_exempt=row["poaExempt"], changes=tuple(changes))


def _grouped(edges: Iterable[Mapping[str, Any]]) -> dict[tuple[str | None, str], tuple[str, ...]]:
    found: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for edge in edges:
        found[(edge["effective"], edge["source"])].append(edge["uid"])
    return {key: tuple(sorted(uids)[:MAX_CODES]) for key, uids in found.items()}
