"""Compressed transfers (server.compression) on the real app: brotli when accepted, gzip otherwise, nothing
for small answers or for clients that take none; the decoded answer is the plain one; caching still works."""

from collections.abc import Iterator
from urllib.parse import urlencode

import brotli
import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.settings import Settings
from tests.conftest import settings_environ, wait_until_following

PAGE = "/codes/ICD10CM/I82.401"
READ = {"query": '{ code(system: ICD10CM, code: "I82.401") { title ancestors { code title } } }'}


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(Settings.from_environ(settings_environ(settings)))) as client:
        wait_until_following(client)
        yield client


def raw(client: TestClient, path: str, encoding: str, **headers: str) -> tuple[dict[str, str], bytes, int]:
    """The status, headers and body bytes exactly as sent (the client decodes nothing)."""
    with client.stream("GET", path, headers={"Accept-Encoding": encoding, **headers}) as response:
        return dict(response.headers), b"".join(response.iter_raw()), response.status_code


@pytest.mark.engine
def test_a_page_goes_brotli_encoded_to_a_client_that_accepts_it(client: TestClient) -> None:
    plain_headers, plain, _ = raw(client, PAGE, "identity")
    headers, body, status = raw(client, PAGE, "gzip, deflate, br")
    assert status == 200
    assert headers["content-encoding"] == "br"
    assert "accept-encoding" in headers["vary"].lower()
    assert brotli.decompress(body) == plain
    assert "content-encoding" not in plain_headers
    assert len(body) * 4 < len(plain)


@pytest.mark.engine
def test_gzip_serves_a_client_without_brotli(client: TestClient) -> None:
    headers, body, _ = raw(client, "/graphql?" + urlencode(READ), "gzip")
    assert headers["content-encoding"] == "gzip"
    response = client.get("/graphql", params=READ, headers={"Accept-Encoding": "gzip"})
    assert response.json()["data"]["code"]["title"].startswith("Acute embolism and thrombosis")
    assert len(body) < len(response.content)


@pytest.mark.engine
def test_small_answers_go_as_they_are(client: TestClient) -> None:
    headers, body, status = raw(client, "/healthz", "br, gzip")
    assert status == 200
    assert "content-encoding" not in headers
    assert len(body) < 500


@pytest.mark.engine
def test_a_compressed_page_still_answers_304_to_its_tag(client: TestClient) -> None:
    headers, _, _ = raw(client, PAGE, "br")
    again_headers, again, status = raw(client, PAGE, "br", **{"If-None-Match": headers["etag"]})
    assert status == 304
    assert again == b""
    assert again_headers["etag"] == headers["etag"]
