"""The access log (server/access_log.py): one JSON line per HTTP request on `medgraph.access`, with the
method, the path (never the query string: it carries what people search for), the status, the time and the
client."""

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from server.access_log import AccessLogMiddleware
from server.app import create_app
from server.settings import Settings
from tests.conftest import free_port


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app over a database nobody listens on: none of these requests reads it."""
    environ = {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "MEDGRAPH_QUERY_TIMEOUT": "1"}
    with TestClient(create_app(Settings.from_environ(environ))) as client:
        yield client


def records(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "medgraph.access"]


def test_each_request_is_one_json_line_with_what_was_asked_and_answered(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="medgraph.access"):
        client.get("/healthz")
        client.get("/no-such-page")
        client.post(
            "/graphql", content=b"{" + b" " * 70_000 + b"}", headers={"content-type": "application/json"}
        )
        client.put("/graphql", json={"query": "{ __typename }"})
    logged = records(caplog)
    assert [(r["method"], r["path"], r["status"]) for r in logged] == [
        ("GET", "/healthz", 200),
        ("GET", "/no-such-page", 404),
        ("POST", "/graphql", 413),
        ("PUT", "/graphql", 405),
    ]
    assert all(set(r) == {"method", "path", "status", "ms", "client"} for r in logged)
    assert all(isinstance(r["ms"], float) and r["ms"] >= 0 for r in logged)
    assert {r["client"] for r in logged} == {"testclient"}  # the peer address Starlette's test client gives
    assert all("\n" not in r.getMessage() for r in caplog.records if r.name == "medgraph.access")


def test_the_query_string_is_never_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    private = "my-own-diagnosis-xyzzy"
    with caplog.at_level(logging.INFO, logger="medgraph.access"):
        client.get("/healthz", params={"q": private})
        client.get("/graphql", params={"query": f'{{ search(query: "{private}") {{ noSuchField }} }}'})
    assert [(r["path"], r["status"]) for r in records(caplog)] == [("/healthz", 200), ("/graphql", 200)]
    assert private not in caplog.text


def test_a_request_that_fails_inside_the_app_is_logged_as_a_500_and_the_error_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(scope: Scope, receive: Receive, send: Send) -> None:
        raise RuntimeError("broken before answering")

    client = TestClient(AccessLogMiddleware(broken))
    with caplog.at_level(logging.INFO, logger="medgraph.access"), pytest.raises(RuntimeError, match="broken"):
        client.get("/anything")
    assert [(r["method"], r["path"], r["status"]) for r in records(caplog)] == [("GET", "/anything", 500)]


async def tiny(scope: Scope, receive: Receive, send: Send) -> None:
    """An app that answers its lifespan's startup and shutdown and every request with a 204."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def test_only_http_requests_are_records_not_the_lifespan(caplog: pytest.LogCaptureFixture) -> None:
    with (
        caplog.at_level(logging.INFO, logger="medgraph.access"),
        TestClient(AccessLogMiddleware(tiny)) as client,
    ):
        client.get("/ping")
    assert [(r["method"], r["path"], r["status"]) for r in records(caplog)] == [("GET", "/ping", 204)]
