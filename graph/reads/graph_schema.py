"""The names a statement over the graph can use: its labels, relationship types and property keys, as the
engine reports them (the analyst console's editor completes them)."""

from dataclasses import dataclass
from typing import Any, LiteralString

from graph.dialect import detect_engine, property_key_queries
from graph.driver import Graph
from graph.queries.graph_schema import LABELS, RELATIONSHIP_TYPES


@dataclass(frozen=True, slots=True)
class GraphSchema:
    labels: tuple[str, ...]
    relationship_types: tuple[str, ...]
    property_keys: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The names of Neo4j's editor support (`EditorSupportSchema`), as the graph spells them."""
        return {
            "labels": list(self.labels),
            "relationshipTypes": list(self.relationship_types),
            "propertyKeys": list(self.property_keys),
        }


def graph_schema(graph: Graph) -> GraphSchema:
    keys = {key for query in property_key_queries(detect_engine(graph)) for key in _names(graph, query)}
    return GraphSchema(
        labels=tuple(sorted(set(_names(graph, LABELS)))),
        relationship_types=tuple(sorted(set(_names(graph, RELATIONSHIP_TYPES)))),
        property_keys=tuple(sorted(keys)),
    )


def _names(graph: Graph, query: LiteralString) -> list[str]:
    names: list[str] = graph.read(query)[0]["names"]
    return names
