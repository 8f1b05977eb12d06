"""Driver errors become `graph.errors` (graph.driver), each tested against the real engine: an engine that was
stopped, a database that does not exist, a driver that was closed.

A query past MEDGRAPH_QUERY_TIMEOUT is not among them: the embedded engine's Bolt plugin ignores the
transaction timeout the driver sends (a count of 10^14 rows ran for 11 minutes under a 1 s timeout), so
QueryTimeout comes only from a Neo4j server (NEO4J_URI).
"""

import dataclasses
import os
from collections.abc import Iterator

import pytest

from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.errors import DatabaseUnavailable, GraphError, QueryTimeout
from graph.reads.health import ping
from server.settings import Settings
from tests.conftest import engine_environ

pytestmark = pytest.mark.engine


def test_a_database_that_does_not_exist_is_unavailable(settings: Settings, graph: Graph) -> None:
    errors: list[GraphError] = []
    config = dataclasses.replace(settings.graph_config(), database="no_such_database")
    elsewhere = Graph(config, on_error=errors.append)
    try:
        with pytest.raises(DatabaseUnavailable) as raised:
            ping(elsewhere)
    finally:
        elsewhere.close()
    assert errors == [raised.value]


def test_a_closed_driver_is_unavailable_and_says_so(settings: Settings, graph: Graph) -> None:
    closed = Graph(settings.graph_config())
    ping(closed)
    closed.close()
    with pytest.raises(DatabaseUnavailable, match=r"^Driver closed$"):
        ping(closed)


@pytest.fixture(scope="module")
def stopped_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graph]:
    """A driver that reached an engine of this module's own, which then stopped."""
    settings = Settings.from_environ(engine_environ(tmp_path_factory.mktemp("stopped")))
    control = EngineControl(settings.engine_config())
    control.start()
    try:
        graph = Graph(dataclasses.replace(settings.graph_config(), query_timeout=2.0))
        ping(graph)
    finally:
        control.stop()
    try:
        yield graph
    finally:
        graph.close()


def test_a_stopped_engine_is_unavailable(stopped_engine: Graph) -> None:
    with pytest.raises(DatabaseUnavailable, match=r"^database at bolt://127\.0\.0\.1:\d+ is unavailable: "):
        ping(stopped_engine)


# Two rows of 10^5 each: 10^10 rows to count, far past a second on any server.
LONG_COUNT = "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n"


@pytest.mark.skipif(
    "NEO4J_URI" not in os.environ,
    reason="the embedded engine ignores the transaction timeout (module docstring); Neo4j applies it",
)
def test_a_query_past_its_time_limit_is_a_timeout(settings: Settings) -> None:
    errors: list[GraphError] = []
    hurried = Graph(dataclasses.replace(settings.graph_config(), query_timeout=1.0), on_error=errors.append)
    try:
        with pytest.raises(QueryTimeout) as raised:
            hurried.read(LONG_COUNT)
    finally:
        hurried.close()
    assert errors == [raised.value]
