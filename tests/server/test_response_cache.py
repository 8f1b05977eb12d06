"""The response cache (server.response_cache): which requests it keeps, and that a change of the data, or of
the search index, is never answered from before the change. Then over HTTP on the real engine: hits, misses
and bypasses as `X-Cache` says, and the same answer either way."""

import asyncio
from collections.abc import Iterator

import pytest
from starlette.requests import Request
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.response_cache import Lookup, ResponseCache
from server.settings import Settings
from tests.conftest import START_TIMEOUT, wait_until_following


def request(method: str = "POST", body: bytes = b'{"query": "{ a }"}', **headers: str) -> Request:
    scope = {
        "type": "http",
        "method": method,
        "path": "/graphql/",
        "query_string": b"query=%7B+a+%7D" if method == "GET" else b"",
        "headers": [(k.replace("_", "-").lower().encode(), v.encode()) for k, v in headers.items()],
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(scope, receive)


def keyed(cache: ResponseCache, req: Request) -> Lookup:
    found = asyncio.run(cache.lookup(req))
    assert found is not None
    return found


def refused(cache: ResponseCache, req: Request) -> bool:
    return asyncio.run(cache.lookup(req)) is None


def test_the_same_request_is_the_same_key_and_another_body_another() -> None:
    cache = ResponseCache()
    first = keyed(cache, request(content_type="application/json"))
    again = keyed(cache, request(content_type="application/json"))
    other = keyed(cache, request(body=b'{"query": "{ b }"}', content_type="application/json"))
    got = keyed(cache, request("GET"))
    assert first.key == again.key
    assert len({first.key, other.key, got.key}) == 3


@pytest.mark.parametrize(
    "headers",
    [
        {"authorization": "Bearer k"},
        {"x_medgraph_editor": "ann"},
        {"cache_control": "no-cache"},
        {"cache_control": "max-age=0, No-Store"},
    ],
)
def test_credentials_and_no_cache_are_never_cached(headers: dict[str, str]) -> None:
    assert refused(ResponseCache(), request(**headers))


def test_graphiql_and_other_methods_are_not_cached() -> None:
    cache = ResponseCache()
    graphiql = request("GET")
    graphiql.scope["query_string"] = b""
    assert refused(cache, graphiql)
    assert refused(cache, request("PUT"))


def test_an_answer_computed_across_a_change_is_not_kept() -> None:
    cache = ResponseCache()
    before = keyed(cache, request())
    cache.invalidate()  # a write committed while the answer was being computed
    cache.put(before, b"stale")
    assert cache.get(before) is None
    now = keyed(cache, request())
    cache.put(now, b"fresh")
    assert cache.get(now) == b"fresh"


def test_following_a_new_data_or_index_version_forgets_everything() -> None:
    cache = ResponseCache()
    cache.follow("v1", "v1")
    entry = keyed(cache, request())
    cache.put(entry, b"answer")
    cache.follow("v1", "v1")
    assert cache.get(entry) == b"answer"
    cache.follow("v2", "v1")  # a load elsewhere moved the graph: the index is not rebuilt yet
    assert cache.get(entry) is None
    entry = keyed(cache, request())
    cache.put(entry, b"answer")
    cache.follow("v2", "v2")  # the rebuilt index answers searches differently
    assert cache.get(entry) is None


def test_the_size_is_bounded_in_bytes_least_recently_used_first_out() -> None:
    cache = ResponseCache(max_bytes=1000)
    entries = []
    for number in range(12):
        entries.append(keyed(cache, request(body=f'{{"query": "{{ a{number} }}"}}'.encode())))
    for entry in entries[:10]:
        cache.put(entry, b"x" * 100)
    assert cache.get(entries[0]) == b"x" * 100  # now the most recently used
    cache.put(entries[10], b"y" * 100)
    assert cache.get(entries[1]) is None
    assert cache.get(entries[0]) is not None
    cache.put(entries[11], b"z" * 101)  # over a tenth of the cache: not kept
    assert cache.get(entries[11]) is None
    assert cache.size == 10


# ---------------------------------------------------------------------------------------- over HTTP


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        wait_until_following(client, START_TIMEOUT)
        yield client


PAGE = {"query": '{ code(system: CPT, code: "37188") { code title children { nodes { code } } } }'}


def test_a_repeated_read_is_a_hit_with_the_same_answer(client: TestClient) -> None:
    # A document no other test sends, so that its first answer is computed. Clearing the cache here instead
    # made the data follower clear it again on its next step, which could fall inside the first request.
    repeated = {"query": '{ code(system: CPT, code: "37188") { code title shortTitle kind } }'}
    first = client.post("/graphql/", json=repeated)
    second = client.post("/graphql/", json=repeated)
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second.headers["content-type"] == "application/json"
    got = client.get("/graphql/", params=repeated)
    assert got.json() == first.json()
    metrics = client.get("/metrics").text
    (hits,) = [line for line in metrics.splitlines() if line.startswith("medgraph_response_cache_hits_total")]
    assert float(hits.split()[1]) >= 1


def test_no_cache_is_computed_every_time(client: TestClient) -> None:
    fresh = client.post("/graphql/", json=PAGE, headers={"Cache-Control": "no-cache"})
    assert fresh.headers["X-Cache"] == "bypass"
    assert "errors" not in fresh.json()


def test_answers_with_errors_are_not_kept(client: TestClient) -> None:
    bad = {"query": '{ code(system: CPT, code: "") { code } }'}
    for _ in range(2):
        response = client.post("/graphql/", json=bad)
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert response.headers["X-Cache"] == "miss"


def test_security_headers_are_on_hits_too(client: TestClient) -> None:
    client.post("/graphql/", json=PAGE)
    hit = client.post("/graphql/", json=PAGE)
    assert hit.headers["X-Cache"] == "hit"
    assert hit.headers["X-Content-Type-Options"] == "nosniff"


def test_a_web_page_is_kept_whole_and_an_unknown_code_is_rendered_every_time(client: TestClient) -> None:
    first, second = client.get("/codes/CPT/37188"), client.get("/codes/CPT/37188")
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert second.text == first.text and "Not medical or coding advice" in second.text
    assert second.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in second.headers
    for _ in range(2):
        unknown = client.get("/codes/CPT/00000")
        assert (unknown.status_code, unknown.headers["X-Cache"]) == (404, "miss")
    fresh = client.get("/codes/CPT/37188", headers={"Cache-Control": "no-cache"})
    assert fresh.headers["X-Cache"] == "bypass" and fresh.text == first.text


def test_only_reads_of_pages_are_cached() -> None:
    cache = ResponseCache()
    assert cache.lookup_page(request("GET")) is not None
    assert cache.lookup_page(request("POST")) is None
    assert cache.lookup_page(request("GET", authorization="Bearer k")) is None
