from graph.driver import Graph
from graph.queries.health import PING


def ping(graph: Graph) -> None:
    """Raises `graph.errors.DatabaseUnavailable` unless the database answers a trivial query."""
    graph.read(PING)
