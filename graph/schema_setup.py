"""Create the model's constraints and indexes; safe to run at every start."""

from graph.dialect import Engine, create_fulltext_index, detect_engine
from graph.driver import Graph
from graph.queries.schema_setup import SCHEMA_STATEMENTS


def ensure_schema(graph: Graph) -> Engine:
    """Idempotent: a second run changes nothing. Returns the engine it found."""
    for statement in SCHEMA_STATEMENTS:
        graph.write(statement)
    engine = detect_engine(graph)
    create_fulltext_index(graph, engine)
    return engine
