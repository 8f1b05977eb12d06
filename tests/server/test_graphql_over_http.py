"""`/graphql` as the GraphQL-over-HTTP spec and its audit suite (npm graphql-http) want it, on the real app:
content negotiation, request errors without `data`, one operation per request, `Vary: Accept`."""

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.media_types import GRAPHQL_RESPONSE, JSON, negotiate
from server.settings import Settings
from tests.conftest import START_TIMEOUT, wait_until_following

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "tools" / "graphql-audit" / "audit.mjs"
NEW = GRAPHQL_RESPONSE


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/json", JSON),
        (NEW, NEW),
        (f"{NEW}, application/json", NEW),
        (f"application/json, {NEW}", NEW),
        (f"{NEW};q=0.9, application/json", JSON),
        (f"{NEW};q=1, application/json;q=0.5", NEW),
        (f"{NEW};q=0, */*", JSON),
        ("text/html", JSON),
        (f"{NEW.upper()}", NEW),
        (f"{NEW};q=oops, application/json", JSON),
    ],
)
def test_the_media_type_follows_the_accept_header_and_its_q_values(accept: str | None, chosen: str) -> None:
    assert negotiate(accept) == chosen


@pytest.mark.engine
def test_every_must_and_should_of_the_graphql_http_audit_passes(base_url: str) -> None:
    node = shutil.which("node")
    assert node is not None, "node is needed (make test installs it)"
    run = subprocess.run(
        [node, str(AUDIT), f"{base_url}/graphql"], capture_output=True, text=True, timeout=300, check=True
    )
    audits = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(audits) >= 60
    failed = [a for a in audits if a["name"].startswith(("MUST", "SHOULD")) and a["status"] != "ok"]
    assert failed == []


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        wait_until_following(client, START_TIMEOUT)  # or the index's arrival clears a cached answer
        yield client


@pytest.mark.engine
def test_a_parse_error_in_the_new_media_type_is_a_400_without_data(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ codeSystems { id "}, headers={"Accept": NEW})
    assert response.status_code == 400
    assert response.headers["content-type"] == NEW
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["message"] == "Syntax Error: Expected Name, found <EOF>."


@pytest.mark.engine
def test_the_same_error_in_application_json_stays_a_200_with_null_data(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ codeSystems { id "})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json()["data"] is None


@pytest.mark.engine
def test_variables_that_do_not_coerce_are_a_400_in_the_new_media_type(client: TestClient) -> None:
    query = "query ($c: String!) { code(system: ICD10CM, code: $c) { title } }"
    response = client.post("/graphql", json={"query": query, "variables": {"c": 7}}, headers={"Accept": NEW})
    assert response.status_code == 400
    assert "data" not in response.json()


@pytest.mark.engine
def test_an_answer_in_the_new_media_type_keeps_its_data(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ __typename }"}, headers={"Accept": NEW})
    assert (response.status_code, response.headers["content-type"]) == (200, NEW)
    assert response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["vary"] == "Accept"


@pytest.mark.engine
def test_two_operations_without_an_operation_name_are_refused(client: TestClient) -> None:
    document = "query A { codeSystems { id } } query B { __typename }"
    refused = client.post("/graphql", json={"query": document}).json()
    assert refused["data"] is None
    assert (
        refused["errors"][0]["message"]
        == "Must provide operation name if query contains multiple operations."
    )
    chosen = client.post("/graphql", json={"query": document, "operationName": "B"}).json()
    assert chosen == {"data": {"__typename": "Query"}}


@pytest.mark.engine
def test_a_cached_answer_is_served_in_the_negotiated_media_type(client: TestClient) -> None:
    params = {"query": "{ codeSystems { id } }"}
    first = client.get("/graphql", params=params)
    again = client.get("/graphql", params=params, headers={"Accept": NEW})
    assert again.headers["x-cache"] == "hit"
    assert again.headers["content-type"] == NEW
    assert again.content == first.content
