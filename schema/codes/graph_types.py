"""Similar codes and the neighbourhood picture of a code."""

import strawberry

from graph.reads.neighborhood import CODE
from graph.reads.neighborhood import Subgraph as SubgraphRow
from schema.enums import CodeSystem, GraphNodeKind, RelationshipType
from schema.node import encode_id


@strawberry.type(description="A node of a code's neighbourhood, ready to draw.")
class GraphNode:
    id: strawberry.ID = strawberry.field(
        description="The node's global id, as `Node.id`: `node(id:)` fetches codes and concepts (not yet "
        "ICD-10-PCS axis values)."
    )
    label: str
    kind: GraphNodeKind
    key: str | None = strawberry.field(description="A concept's key (deep-vein-thrombosis); null for a code.")
    system: CodeSystem | None
    code: str | None
    title: str | None
    depth: int = strawberry.field(description="Hops from the centre.")


@strawberry.type(description="A relationship of a neighbourhood, between two of its nodes' ids.")
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: RelationshipType
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
        # A code's uid ("CPT:37188") is a Code's key; a concept's "<Label>:<key>" its type and key.
        ids = {
            n.id: encode_id(CODE, n.id) if n.kind == CODE else encode_id(*n.id.split(":", 1))
            for n in row.nodes
        }
        return cls(
            nodes=[
                GraphNode(
                    id=ids[n.id],
                    label=n.label,
                    kind=GraphNodeKind(n.kind),
                    key=None if n.kind == CODE else n.id.split(":", 1)[1],
                    system=CodeSystem(n.system) if n.system else None,
                    code=n.id.split(":", 1)[1] if n.kind == CODE else None,
                    title=n.title,
                    depth=n.depth,
                )
                for n in row.nodes
            ],
            edges=[
                GraphEdge(
                    source=ids[e.source], target=ids[e.target], type=RelationshipType(e.type), detail=e.detail
                )
                for e in row.edges
            ],
            truncated=row.truncated,
        )
