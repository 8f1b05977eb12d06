"""Named read of condition monographs, by condition key."""

from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.queries import condition_monographs as q
from graph.reads.knowledge import Concept, concept


@dataclass(frozen=True, slots=True)
class ConditionTreatment:
    """One treatment of a condition: a code (`code_uid`) or a treatment concept, with the curated note."""

    note: str
    code_uid: str | None
    treatment: Concept | None


@dataclass(frozen=True, slots=True)
class ConditionMonographRow:
    props: dict[str, Any]
    treatments: list[ConditionTreatment]


def condition_monographs(graph: Graph, keys: list[str]) -> dict[str, ConditionMonographRow]:
    return {
        row["key"]: ConditionMonographRow(
            props=row["monograph"],
            treatments=[
                ConditionTreatment(
                    note=t["note"],
                    code_uid=t["uid"],
                    treatment=None if t["uid"] is not None else concept(t),
                )
                for t in sorted(row["treatments"], key=lambda t: t["rank"])
            ],
        )
        for row in graph.read(q.CONDITION_MONOGRAPHS, keys=keys)
    }
