"""Reads of an ICD-10-PCS code's seven characters: what each means, with CMS's definitions."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.queries import pcs_axes as q


@dataclass(frozen=True, slots=True)
class AxisRow:
    position: int  # 1..7
    title: str  # "Section", "Body System", "Root Operation", "Body Part" … as the section names it
    character: str
    label: str
    definition: str | None
    explanation: str | None
    includes: tuple[str, ...]


def code_axes(graph: Graph, uids: list[str]) -> dict[str, list[AxisRow]]:
    """Each PCS code's characters in position order; codes of other systems have none."""
    found: dict[str, list[AxisRow]] = defaultdict(list)
    for row in [*graph.read(q.CODE_OUTLINE_AXES, uids=uids), *graph.read(q.CODE_VALUE_AXES, uids=uids)]:
        found[row["uid"]].append(_row(row))
    return {uid: sorted(rows, key=lambda axis: axis.position) for uid, rows in found.items()}


def _row(row: dict[str, Any]) -> AxisRow:
    return AxisRow(
        position=int(row["position"]),
        title=str(row["title"]),
        character=str(row["character"]),
        label=str(row["label"]),
        definition=row.get("definition"),
        explanation=row.get("explanation"),
        includes=tuple(row.get("includes") or ()),
    )
