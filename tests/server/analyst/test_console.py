"""The analyst console over the real engine: Cypher answers as columns, rows, nodes and relationships; the
engine's read-only analyst user refuses every write, the graph unchanged; off loopback it needs the key."""

import json
import re
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from starlette.testclient import TestClient

from graph.driver import Graph
from graph.queries.analyst import CODE_WITH_NEIGHBOURS
from graph.reads.graph_state import fingerprint
from server.app import create_app
from server.settings import Settings

WRITES = [
    "CREATE (n:Evil) RETURN n",
    "MATCH (c:Code) SET c.title = 'x' RETURN c",
    "MATCH (c:Code) WITH c LIMIT 1 DETACH DELETE c",
]


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    if settings.analyst_graph_config() is None:
        pytest.skip("no read-only analyst user on this Neo4j (MEDGRAPH_ANALYST_USER)")
    with TestClient(create_app(settings)) as client:
        yield client


def ask(client: TestClient, query: str, **parameters: object) -> dict[str, object]:
    response = client.post("/analyst/query", json={"query": query, "parameters": parameters})
    body: dict[str, object] = response.json()
    body["status"] = response.status_code
    return body


def test_a_code_with_its_neighbours_comes_back_as_rows_nodes_and_relationships(client: TestClient) -> None:
    answer = ask(client, CODE_WITH_NEIGHBOURS, uid="CPT:37188")
    assert answer["status"] == 200
    assert answer["columns"] == ["c", "r", "n"]
    assert answer["truncated"] is False
    assert isinstance(answer["ms"], float)
    nodes = {n["id"]: n for n in answer["nodes"]}  # type: ignore[attr-defined]
    uids = {n["properties"].get("uid") for n in nodes.values()}
    assert "CPT:37188" in uids
    assert "Code" in next(n for n in nodes.values() if n["properties"].get("uid") == "CPT:37188")["labels"]
    relationships = answer["relationships"]
    assert relationships and len(answer["rows"]) == len(relationships)  # type: ignore[arg-type]
    for rel in relationships:  # type: ignore[attr-defined]
        assert rel["start"] in nodes and rel["end"] in nodes and rel["type"]


def test_parameters_travel_as_parameters(client: TestClient) -> None:
    query = "MATCH (c:Code {uid: $uid}) RETURN c.code AS code, c.system AS system"
    answer = ask(client, query, uid="ICD10CM:I82.401")
    assert (answer["columns"], answer["rows"]) == (["code", "system"], [["I82.401", "ICD10CM"]])


def test_more_than_a_thousand_rows_are_cut_and_said_to_be(client: TestClient) -> None:
    answer = ask(client, "UNWIND range(1, 1500) AS x RETURN x")
    assert len(answer["rows"]) == 1000  # type: ignore[arg-type]
    assert answer["rows"][-1] == [1000]  # type: ignore[index]
    assert answer["truncated"] is True


def test_a_syntax_error_is_400_with_its_code(client: TestClient) -> None:
    answer = ask(client, "MATCH (c:Code RETURN c")
    assert answer["status"] == 400
    assert answer["error"]["code"] == "SYNTAX_ERROR"  # type: ignore[index]
    assert "Syntax error" in answer["error"]["message"]  # type: ignore[index]


def test_an_empty_or_endless_query_is_refused_before_the_engine_sees_it(client: TestClient) -> None:
    assert ask(client, "  ")["error"] == {  # type: ignore[comparison-overlap]
        "code": "BAD_REQUEST",
        "message": "the query is empty: give a Cypher statement in `query`",
    }
    assert ask(client, "RETURN 1 " + "+ 1 " * 3000)["status"] == 400


@pytest.mark.parametrize("statement", WRITES)
def test_the_engine_refuses_every_write_and_the_graph_is_unchanged(
    client: TestClient, loaded_graph: Graph, statement: str
) -> None:
    before = fingerprint(loaded_graph)
    answer = ask(client, statement)
    assert answer["status"] == 403
    assert answer["error"]["code"] == "READ_ONLY"  # type: ignore[index]
    assert "the analyst console can only read" in answer["error"]["message"]  # type: ignore[index]
    assert fingerprint(loaded_graph) == before


def test_the_page_works_without_javascript(client: TestClient) -> None:
    page = client.get("/analyst")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert 'action="/analyst"' in page.text
    form = {"query": "MATCH (c:Code {uid: $uid}) RETURN c.code AS code", "parameters": '{"uid": "CPT:37188"}'}
    answer = client.post("/analyst", data=form)
    assert answer.status_code == 200
    assert "<td>37188</td>" in answer.text
    assert "1 row in" in answer.text
    refused = client.post("/analyst", data={"query": WRITES[0], "parameters": ""})
    assert refused.status_code == 403
    assert "READ_ONLY" in refused.text


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.DOTALL)
    assert match, f"{pattern} is not in the page"
    return match[1]


def test_the_page_carries_the_graphs_schema_and_a_style_nonce_of_its_own(client: TestClient) -> None:
    page = client.get("/analyst")
    schema = json.loads(
        found(r'<script type="application/json" id="analyst-schema">(.*?)</script>', page.text)
    )
    assert {"Code", "Procedure", "Condition"} <= set(schema["labels"])
    assert {"CHILD_OF", "HAS_RISK", "MAPS_TO"} <= set(schema["relationshipTypes"])
    assert {"uid", "title", "code"} <= set(schema["propertyKeys"])
    # The editor's <style> element is admitted by this response's nonce, and by nothing inline else.
    nonce = found(r'<meta name="csp-nonce" nonce="([^"]+)">', page.text)
    policy = page.headers["Content-Security-Policy"]
    assert f"style-src 'self' 'nonce-{nonce}';" in policy
    assert "'unsafe-inline'" not in policy
    assert page.headers["Cache-Control"] == "no-store"
    assert nonce not in client.get("/analyst").headers["Content-Security-Policy"]


def test_off_loopback_the_console_needs_the_key(settings: Settings, loaded_graph: Graph) -> None:
    if settings.analyst_graph_config() is None:
        pytest.skip("no read-only analyst user on this Neo4j")
    public = settings.model_copy(update={"host": "0.0.0.0"})
    keyed = settings.model_copy(update={"host": "0.0.0.0", "analyst_key": SecretStr("s3cret-analyst")})
    body = {"query": "RETURN 1 AS one"}
    with TestClient(create_app(public)) as client:
        refused = client.post("/analyst/query", json=body)
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "UNAUTHORIZED"
    with TestClient(create_app(keyed)) as client:
        wrong = client.post("/analyst/query", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = client.post("/analyst/query", json=body, headers={"Authorization": "Bearer s3cret-analyst"})
        assert right.json()["rows"] == [[1]]
