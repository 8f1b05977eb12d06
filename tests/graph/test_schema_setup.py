from graph.dialect import Engine, detect_engine, fulltext_index_name
from graph.driver import Graph
from graph.queries.schema_setup import SCHEMA_STATEMENTS
from graph.schema_setup import ensure_schema

SHOW_INDEX_NAMES = "SHOW INDEXES YIELD name RETURN name"


def test_schema_setup_is_idempotent(graph: Graph) -> None:
    before = sorted(row["name"] for row in graph.read(SHOW_INDEX_NAMES))
    ensure_schema(graph)
    ensure_schema(graph)
    after = sorted(row["name"] for row in graph.read(SHOW_INDEX_NAMES))
    assert before == after


def test_every_constraint_and_index_exists(graph: Graph) -> None:
    names = {row["name"] for row in graph.read(SHOW_INDEX_NAMES)}
    engine = detect_engine(graph)
    assert fulltext_index_name(engine) in names
    # One index per statement (constraints own a uniqueness index), plus the full-text one.
    assert len(names) >= len(SCHEMA_STATEMENTS) + 1


def test_code_uid_is_unique(graph: Graph) -> None:
    graph.write("MERGE (c:Code {uid: 'TEST:unique'})")
    try:
        rows = graph.read("MATCH (c:Code {uid: 'TEST:unique'}) RETURN count(c) AS n")
        assert rows == [{"n": 1}]
    finally:
        graph.write("MATCH (c:Code {uid: 'TEST:unique'}) DELETE c")


def test_the_engine_is_recognised(graph: Graph) -> None:
    assert detect_engine(graph) in (Engine.ARCADEDB, Engine.NEO4J)
