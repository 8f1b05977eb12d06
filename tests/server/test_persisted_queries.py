"""Automatic persisted queries (server.persisted_queries): the store's rules, then the Apollo protocol over
HTTP on the real app — miss, register, hit by POST and by GET, a wrong hash refused."""

import hashlib
import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.persisted_queries import PersistedQueries, PersistedQueryError
from server.settings import Settings

QUERY = '{ code(system: ICD10CM, code: "I82.401") { title } }'
HASH = hashlib.sha256(QUERY.encode()).hexdigest()
TITLE = "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"


def persisted(digest: str = HASH) -> dict[str, object]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def test_a_request_without_the_extension_runs_its_own_document() -> None:
    assert PersistedQueries().resolve(QUERY, None) == QUERY
    assert PersistedQueries().resolve(QUERY, {"other": 1}) == QUERY


def test_an_unknown_hash_is_not_found_until_its_document_is_sent() -> None:
    store = PersistedQueries()
    with pytest.raises(PersistedQueryError) as missing:
        store.resolve(None, persisted())
    assert (missing.value.code, missing.value.status) == ("PERSISTED_QUERY_NOT_FOUND", 200)
    assert store.resolve(QUERY, persisted()) == QUERY
    assert store.resolve(None, persisted()) == QUERY
    assert len(store) == 1


@pytest.mark.parametrize(
    ("extensions", "code"),
    [
        (persisted("0" * 64), "PERSISTED_QUERY_HASH_MISMATCH"),
        (persisted("not-a-hash"), "BAD_REQUEST"),
        ({"persistedQuery": {"version": 2, "sha256Hash": HASH}}, "BAD_REQUEST"),
        ({"persistedQuery": "yes"}, "BAD_REQUEST"),
    ],
)
def test_a_wrong_or_malformed_hash_is_refused(extensions: dict[str, object], code: str) -> None:
    store = PersistedQueries()
    with pytest.raises(PersistedQueryError) as refused:
        store.resolve(QUERY, extensions)
    assert (refused.value.code, refused.value.status) == (code, 400)
    assert len(store) == 0


def test_the_store_is_bounded_least_recently_used_first_out() -> None:
    store = PersistedQueries(max_documents=2)
    texts = [f"{{ a{n}: __typename }}" for n in range(3)]
    for text in texts:
        store.resolve(text, persisted(hashlib.sha256(text.encode()).hexdigest()))
    assert len(store) == 2
    with pytest.raises(PersistedQueryError):
        store.resolve(None, persisted(hashlib.sha256(texts[0].encode()).hexdigest()))


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.engine
def test_the_apollo_protocol_over_post_and_get(client: TestClient) -> None:
    miss = client.post("/graphql", json={"extensions": persisted()})
    assert miss.status_code == 200
    assert miss.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"

    registered = client.post("/graphql", json={"query": QUERY, "extensions": persisted()})
    assert registered.json() == {"data": {"code": {"title": TITLE}}}

    hit = client.post("/graphql", json={"extensions": persisted()})
    assert hit.json() == {"data": {"code": {"title": TITLE}}}

    by_get = client.get("/graphql", params={"extensions": json.dumps(persisted())})
    assert by_get.json() == {"data": {"code": {"title": TITLE}}}
    assert "ETag" in by_get.headers  # a CDN may keep it


@pytest.mark.engine
def test_a_document_with_another_hash_is_refused_over_http(client: TestClient) -> None:
    refused = client.post("/graphql", json={"query": "{ __typename }", "extensions": persisted()})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
