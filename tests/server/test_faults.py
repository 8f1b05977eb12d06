"""Engine faults while the app serves, on an engine of this module's own (the session engine stays untouched).

The engine is killed with SIGKILL, as the kernel's OOM killer or a crash would: no clean shutdown, sockets
torn down. GraphQL requests must then fail fast and plainly (HTTP 503, DATABASE_UNAVAILABLE, Retry-After)
within the query timeout (the driver's retry window), `/readyz` must say 503, and once the engine is started
again the same app must serve again without a restart.
"""

import logging
import os
import re
import signal
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from graph.bundle import seeds_dir
from graph.driver import RETRY_WINDOW_DIVISOR, Graph
from graph.engine.control import EngineControl
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.schema_setup import ensure_schema
from server.app import create_app
from server.graphql_http import database_down
from server.settings import Settings
from tests.conftest import engine_of_its_own, wait_for, wait_until_following

QUERY_TIMEOUT = 3.0
# The driver announces each back-off before it sleeps (a warning of the `neo4j` logger).
BACKOFF = re.compile(r"Transaction failed and will be retried in ([0-9.]+)s")
RECOVERY_TIMEOUT = 60.0
CODE_SYSTEMS = {"query": "{ codeSystems { id } }"}
SEARCH = {"query": '{ search(query: "37188") { totalCount edges { node { code } } } }'}
SEARCH_WITH_NOTES = {"query": '{ search(query: "37188") { edges { node { code notes { text } } } } }'}
CODE = {"query": '{ code(system: CPT, code: "37188") { code title } }'}
NO_CACHE = {"Cache-Control": "no-cache"}  # every answer computed, so each needs the database


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, EngineControl]]:
    home = tmp_path_factory.mktemp("faults")
    with engine_of_its_own(home, MEDGRAPH_QUERY_TIMEOUT=str(QUERY_TIMEOUT)) as (settings, control):
        graph = Graph(settings.graph_config())
        try:  # the curated seeds: a few codes to search and read (the official releases are not needed here)
            ensure_schema(graph)
            load_knowledge(graph, load_seeds(seeds_dir()))
        finally:
            graph.close()
        yield settings, control


@pytest.fixture
def running(engine: tuple[Settings, EngineControl]) -> tuple[Settings, EngineControl]:
    """The module's engine, started again if a test before this one left it killed."""
    if not engine[1].status().running:
        engine[1].start()
    return engine


def kill(control: EngineControl) -> None:
    pid = control.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not control.status().running, 10, "the killed engine still runs")


def test_a_killed_engine_is_a_503_and_the_app_recovers_when_it_is_started_again(
    running: tuple[Settings, EngineControl], caplog: pytest.LogCaptureFixture
) -> None:
    settings, control = running
    # The app reads the data version only at start: the driver's retries while the engine is down are then
    # all the request's own.
    quiet = settings.model_copy(update={"data_version_poll_seconds": 3600.0})
    with TestClient(create_app(quiet)) as client:
        wait_until_following(client)
        assert client.get("/readyz").status_code == 200
        for body in (CODE_SYSTEMS, SEARCH, CODE):
            served = client.post("/graphql", json=body)
            assert served.status_code == 200 and "errors" not in served.json(), served.text
        assert served.json()["data"]["code"]["code"] == "37188"

        kill(control)

        # What the response cache holds stays served: it is the data as of the version the app last saw. So do
        # search hits, which the in-process index answers without the graph.
        kept = client.post("/graphql", json=CODE)
        assert (kept.status_code, kept.headers["X-Cache"]) == (200, "hit")
        searched = client.post("/graphql", json=SEARCH, headers=NO_CACHE)
        assert searched.status_code == 200 and "errors" not in searched.json(), searched.text
        assert searched.json()["data"]["search"]["edges"] == [{"node": {"code": "37188"}}]
        for body in (CODE_SYSTEMS, SEARCH_WITH_NOTES, CODE):
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="neo4j"):
                refused = client.post("/graphql", json=body, headers=NO_CACHE)
            backoffs = [float(found[1]) for r in caplog.records if (found := BACKOFF.match(r.getMessage()))]
            assert refused.status_code == 503, refused.text
            assert refused.headers["retry-after"] == "5"
            errors = refused.json()["errors"]
            assert {error["extensions"]["code"] for error in errors} == {"DATABASE_UNAVAILABLE"}
            assert errors[0]["message"] == "The code database is unavailable right now; try again shortly."
            assert "bolt://" not in refused.text  # the address stays in the logs
            # Why it fails fast: the driver retried the dead engine and its retry window
            # (MEDGRAPH_QUERY_TIMEOUT / 2.5, graph.driver) ended the retries: the last back-off began inside
            # the window. Without the window the back-offs would double on up to the driver's 30 s default.
            assert backoffs, "the driver never retried: the refusal did not come from the dead engine"
            assert sum(backoffs[:-1]) <= QUERY_TIMEOUT / RETRY_WINDOW_DIVISOR, backoffs
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["status"] == "unavailable"

        control.start()

        def serving() -> bool:
            return client.post("/graphql", json=CODE_SYSTEMS, headers=NO_CACHE).status_code == 200

        wait_for(
            serving, RECOVERY_TIMEOUT, "the app never served again after the engine restarted", every=0.5
        )
        served = client.post("/graphql", json=CODE_SYSTEMS, headers=NO_CACHE)
        assert served.status_code == 200 and "errors" not in served.json(), served.text
        assert client.post("/graphql", json=SEARCH, headers=NO_CACHE).status_code == 200
        assert client.get("/readyz").status_code == 200


def test_the_503_is_only_for_an_unavailable_database(running: tuple[Settings, EngineControl]) -> None:
    """A mix of errors, or errors of the request itself, keep GraphQL's 200: retrying would not help."""
    settings, _ = running
    with TestClient(create_app(settings)) as client:
        bad = client.post("/graphql", json={"query": '{ search(query: "") { totalCount } }'})
        assert bad.status_code == 200
        assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


UNAVAILABLE = {"message": "m", "extensions": {"code": "DATABASE_UNAVAILABLE"}}
BAD_INPUT = {"message": "m", "extensions": {"code": "BAD_USER_INPUT"}}


@pytest.mark.parametrize(
    ("errors", "down"),
    [
        ([UNAVAILABLE], True),
        ([UNAVAILABLE, UNAVAILABLE], True),
        ([UNAVAILABLE, BAD_INPUT], False),
        ([BAD_INPUT], False),
        ([{"message": "m"}], False),
        ([], False),
        (None, False),
    ],
)
def test_only_a_response_whose_every_error_is_database_unavailable_is_a_503(
    errors: list[object] | None, down: bool
) -> None:
    assert database_down({"data": None, "errors": errors}) is down
