"""HTTP caching (server.http_caching) on the real app: entity tags and Cache-Control on GET reads and pages,
304 for a tag the client already has, no-store for the rest, a year for fingerprinted static assets, and a
curation write that changes every tag."""

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.http_caching import entity_tag, not_modified
from server.settings import Settings
from tests.conftest import settings_environ, wait_until_following

KEY = "http-caching-test-key"
READ = {"query": '{ code(system: ICD10CM, code: "I26.99") { title } }'}


def test_if_none_match_names_the_tag_weakly_strongly_or_with_a_star() -> None:
    assert not_modified('W/"abc"', 'W/"abc"')
    assert not_modified('"abc"', 'W/"abc"')
    assert not_modified('"x", W/"abc"', 'W/"abc"')
    assert not_modified("*", 'W/"abc"')
    assert not not_modified('W/"abd"', 'W/"abc"')
    assert not not_modified(None, 'W/"abc"')


def test_an_entity_tag_is_weak_and_changes_with_the_data() -> None:
    tag = entity_tag(b"GET /codes/CPT/37188", ("v1", "index-1"))
    assert tag.startswith('W/"') and tag.endswith('"')
    assert tag == entity_tag(b"GET /codes/CPT/37188", ("v1", "index-1"))
    assert tag != entity_tag(b"GET /codes/CPT/37188", ("v2", "index-1"))


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    environ = {**settings_environ(settings), "MEDGRAPH_API_KEY": KEY}
    with TestClient(create_app(Settings.from_environ(environ))) as client:
        wait_until_following(client)
        yield client


@pytest.mark.engine
def test_a_get_read_has_an_etag_and_a_repeat_with_it_is_a_304(client: TestClient) -> None:
    first = client.get("/graphql", params=READ)
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=5, stale-while-revalidate=60"
    repeat = client.get("/graphql", params=READ, headers={"If-None-Match": tag})
    assert (repeat.status_code, repeat.content) == (304, b"")
    assert repeat.headers["etag"] == tag


@pytest.mark.engine
def test_posts_and_errors_are_not_stored(client: TestClient) -> None:
    assert client.post("/graphql", json=READ).headers["cache-control"] == "no-store"
    broken = client.get("/graphql", params={"query": "{ nope }"})
    assert broken.headers["cache-control"] == "no-store"
    assert "etag" not in broken.headers


@pytest.mark.engine
def test_a_page_has_an_etag_and_a_repeat_with_it_is_a_304(client: TestClient) -> None:
    page = client.get("/codes/ICD10CM/I26.99")
    assert page.status_code == 200
    again = client.get("/codes/ICD10CM/I26.99", headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/codes/ICD10CM/Q99.999").headers["cache-control"] == "no-store"


@pytest.mark.engine
def test_fingerprinted_static_assets_are_cached_for_a_year(client: TestClient) -> None:
    page = client.get("/").text
    start = page.index("/static/app.css?v=")
    url = page[start : page.index('"', start)]
    assert client.get(url).headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/app.css").headers["cache-control"] == "no-cache"
    assert client.get("/static/app.css?v=0000").headers["cache-control"] == "no-cache"


@pytest.mark.engine
def test_a_curation_write_changes_every_tag(client: TestClient) -> None:
    before = client.get("/graphql", params=READ).headers["etag"]
    page_before = client.get("/codes/ICD10CM/I26.99").headers["etag"]
    headers = {"Authorization": f"Bearer {KEY}", "X-Medgraph-Editor": "http-caching-test"}
    target = 'code: {system: CPT, code: "37188"}, condition: "post-thrombotic-syndrome"'
    add = f'mutation {{ addIndication({target}, note: "test") {{ changed }} }}'
    remove = f"mutation {{ removeIndication({target}) {{ changed }} }}"
    try:
        assert client.post("/graphql", json={"query": add}, headers=headers).json() == {
            "data": {"addIndication": {"changed": True}}
        }
        stale = client.get("/graphql", params=READ, headers={"If-None-Match": before})
        assert stale.status_code == 200
    finally:
        client.post("/graphql", json={"query": remove}, headers=headers)
    wait_until_following(client)
    assert client.get("/graphql", params=READ).headers["etag"] != before
    assert client.get("/codes/ICD10CM/I26.99").headers["etag"] != page_before
