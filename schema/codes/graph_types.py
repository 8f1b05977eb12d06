"""Similar codes and the neighbourhood picture of a code."""

import strawberry

from graph.reads.neighborhood import Subgraph as SubgraphRow
from schema.enums import CodeSystem


@strawberry.type(description="A node of a code's neighbourhood, ready to draw.")
class GraphNode:
    id: str = strawberry.field(description='A code\'s uid ("CPT:37188") or "<Label>:<key>" for a concept.')
    label: str
    kind: str = strawberry.field(
        description='"Code", or the concept\'s kind: Condition, Risk, PersonnelRole …'
    )
    system: CodeSystem | None
    code: str | None
    title: str | None
    depth: int = strawberry.field(description="Hops from the centre.")


@strawberry.type
class GraphEdge:
    source: str
    target: str
    type: str
    detail: str | None = strawberry.field(
        description='e.g. "repeat-of" for RELATED, "approximate" crosswalks.'
    )


@strawberry.type(
    description="A code's neighbourhood in the graph: nodes and edges, no edge without its nodes."
)
class Subgraph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = strawberry.field(description="True when `limit` left nodes out.")

    @classmethod
    def of(cls, row: SubgraphRow) -> "Subgraph":
        return cls(
            nodes=[
                GraphNode(
                    id=n.id,
                    label=n.label,
                    kind=n.kind,
                    system=CodeSystem(n.system) if n.system else None,
                    code=n.id.split(":", 1)[1] if n.kind == "Code" else None,
                    title=n.title,
                    depth=n.depth,
                )
                for n in row.nodes
            ],
            edges=[
                GraphEdge(source=e.source, target=e.target, type=e.type, detail=e.detail) for e in row.edges
            ],
            truncated=row.truncated,
        )
