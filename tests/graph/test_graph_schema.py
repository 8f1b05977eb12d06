"""The graph's schema as the analyst editor completes it: every label, relationship type and property key that
the loaded data holds, read from the engine (graph.dialect says how), and cached by the console per data
version."""

from typing import Any, LiteralString, cast

from graph.driver import Graph
from graph.errors import DatabaseUnavailable
from graph.queries.graph_state import DATA_VERSION, LABEL_COUNTS, RELATIONSHIP_COUNTS
from graph.reads.graph_schema import graph_schema
from server.analyst.schema import SchemaCache


def test_the_schema_names_every_label_type_and_key_of_the_data(loaded_graph: Graph) -> None:
    schema = graph_schema(loaded_graph)
    assert {row["label"] for row in loaded_graph.read(LABEL_COUNTS)} <= set(schema.labels)
    assert {row["type"] for row in loaded_graph.read(RELATIONSHIP_COUNTS)} <= set(schema.relationship_types)
    # Keys of codes, of curated nodes, and of relationships only (MAPS_TO's `approximate`, a GEMs flag).
    keys = {"uid", "code", "system", "title", "billable", "summary", "approximate"}
    assert keys <= set(schema.property_keys)
    for names in (schema.labels, schema.relationship_types, schema.property_keys):
        assert list(names) == sorted(set(names))
    assert schema.as_json() == {
        "labels": list(schema.labels),
        "relationshipTypes": list(schema.relationship_types),
        "propertyKeys": list(schema.property_keys),
    }


class CountingGraph:
    """Just enough of a Graph on Neo4j for the cache: its data version, and a count of the schema's reads."""

    def __init__(self) -> None:
        self.version = "v1"
        self.schema_reads = 0
        self.down = False

    def server_agent(self) -> str:
        return "Neo4j/5.26.0"

    def read(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        if self.down:
            raise DatabaseUnavailable("the graph is away")
        if query == DATA_VERSION:
            return [{"version": self.version}]
        self.schema_reads += 1
        return [{"names": ["b", "a", "b"]}]


def test_the_console_reads_the_schema_again_only_when_the_data_changes() -> None:
    fake = CountingGraph()
    cache = SchemaCache()
    first = cache.get(cast(Graph, fake))
    assert first == {"labels": ["a", "b"], "relationshipTypes": ["a", "b"], "propertyKeys": ["a", "b"]}
    reads = fake.schema_reads
    assert cache.get(cast(Graph, fake)) is first
    assert fake.schema_reads == reads
    fake.version = "v2"
    cache.get(cast(Graph, fake))
    assert fake.schema_reads == 2 * reads


def test_a_graph_that_does_not_answer_gives_an_empty_schema_and_is_asked_again() -> None:
    fake = CountingGraph()
    fake.down = True
    cache = SchemaCache()
    assert cache.get(cast(Graph, fake)) == {}
    fake.down = False
    assert cache.get(cast(Graph, fake))["labels"] == ["a", "b"]
