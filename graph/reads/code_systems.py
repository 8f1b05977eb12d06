from dataclasses import dataclass

from graph.driver import Graph
from graph.queries.code_systems import LIST_CODE_SYSTEMS


@dataclass(frozen=True, slots=True)
class CodeSystemRow:
    id: str
    name: str
    version: str
    source: str
    loaded_at: str
    code_count: int
    billable_count: int


def list_code_systems(graph: Graph) -> list[CodeSystemRow]:
    return [
        CodeSystemRow(
            id=s["id"],
            name=s["name"],
            version=s["version"],
            source=s["source"],
            loaded_at=str(s["loadedAt"]),
            code_count=s["codeCount"],
            billable_count=s["billableCount"],
        )
        for s in (row["system"] for row in graph.read(LIST_CODE_SYSTEMS))
    ]
