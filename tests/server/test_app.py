"""The app over the real engine: its lifespan, health, readiness both ways, metrics, a GraphQL query."""

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from graph.errors import DatabaseUnavailable
from graph.reads.code_systems import list_code_systems
from graph.reads.health import ping
from server.app import create_app
from server.data_follower import DataFollower
from server.settings import Settings
from tests.conftest import free_port, wait_for, wait_until_following


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def test_healthz_says_the_process_is_up(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_when_the_database_answers_and_the_index_is_built(client: TestClient) -> None:
    wait_until_following(client)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_readyz_is_503_with_a_reason_when_the_database_is_down() -> None:
    port = free_port()
    nobody = Settings.from_environ({"NEO4J_URI": f"bolt://127.0.0.1:{port}", "MEDGRAPH_QUERY_TIMEOUT": "2"})
    with TestClient(create_app(nobody)) as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable"
        assert "unavailable" in body["reason"]
        metrics = client.get("/metrics").text
        assert 'medgraph_database_errors_total{kind="DatabaseUnavailable"}' in metrics


def test_the_lifespan_opens_the_driver_and_closes_it_once_the_follower_has_ended(
    settings: Settings, loaded_graph: Graph
) -> None:
    client = TestClient(create_app(settings))
    assert client.app_state == {}  # create_app opens nothing: an app that never serves holds no driver
    with client:
        graph: Graph = client.app_state["graph"]
        ping(graph)
        assert client.get("/readyz").status_code == 200
    with pytest.raises(DatabaseUnavailable, match="Driver closed"):
        ping(graph)


def test_a_failing_index_build_is_a_readyz_warning_and_a_metric_until_it_builds(
    settings: Settings, loaded_graph: Graph, tmp_path: Path
) -> None:
    blocked = tmp_path / "search"
    blocked.write_text("a file where the index folder should be: every build fails")
    with TestClient(create_app(settings.model_copy(update={"home": tmp_path}))) as client:
        follower: DataFollower = client.app_state["follower"]
        wait_for(lambda: follower.failure is not None, 120, "the index build never failed")
        failure = follower.failure
        assert failure is not None and failure.startswith("FileExistsError: ")
        assert client.get("/readyz").json() == {"status": "ready", "warning": failure}
        metrics = client.get("/metrics").text
        assert 'medgraph_data_follower_failures_total{kind="FileExistsError"}' in metrics
        blocked.unlink()
        wait_until_following(client)
        assert client.get("/readyz").json() == {"status": "ready"}


def test_graphql_answers_code_systems_over_post_and_get(client: TestClient, loaded_graph: Graph) -> None:
    query = "{ codeSystems { id name version codeCount billableCount } }"
    posted = client.post("/graphql", json={"query": query}, follow_redirects=False)
    assert posted.status_code == 200
    slashed = client.post("/graphql/", json={"query": query}, follow_redirects=False)
    assert slashed.json() == posted.json()
    assert "errors" not in posted.json()
    systems = posted.json()["data"]["codeSystems"]
    assert [system["id"] for system in systems] == ["CPT", "HCPCS", "ICD10CM", "ICD10PCS", "ICD9CM", "MSDRG"]
    assert systems == [
        {"id": s.id, "name": s.name, "version": s.version, "codeCount": s.code_count,
         "billableCount": s.billable_count}
        for s in list_code_systems(loaded_graph)
    ]  # fmt: skip
    icd10cm = systems[2]
    assert (icd10cm["version"], icd10cm["codeCount"], icd10cm["billableCount"]) == (
        "FY2026 (April 1, 2026 update)", 98_505, 74_719,
    )  # fmt: skip
    got = client.get("/graphql", params={"query": query})
    assert got.json() == posted.json()


class Assets(HTMLParser):
    """What a page loads (scripts, stylesheets, icon), its inline scripts and styles, and its CSP nonce."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self.nonce = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        url = attributes.get("src") if tag == "script" else attributes.get("href") if tag == "link" else None
        if url:
            self.urls.append(url)
        elif tag in ("script", "style") or "style" in attributes:
            self.inline.append(tag)
        if tag == "meta" and attributes.get("name") == "csp-nonce":
            self.nonce = attributes.get("nonce") or ""


def test_graphiql_is_our_page_of_bundled_assets_under_the_content_security_policy(client: TestClient) -> None:
    response = client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    assert 'data-endpoint="/graphql"' in response.text
    assets = Assets()
    assets.feed(response.text)
    assert assets.inline == []
    loaded = [url for url in assets.urls if url != "data:,"]  # the empty icon, as on every page
    assert "/static/vendor/graphiql.min.js" in {url.partition("?")[0] for url in loaded}
    for url in loaded:
        assert url.startswith("/static/"), url
        assert client.get(url).status_code == 200, f"{url}: run the web asset build (make test does)"
    policy = response.headers["content-security-policy"]
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["script-src"] == "'self'"
    # The one addition to the pages' policy: GraphiQL's <style> elements, by a nonce new on every response.
    assert assets.nonce and directives["style-src"] == f"'self' 'nonce-{assets.nonce}'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert (directives["default-src"], directives["connect-src"], directives["font-src"]) == ("'self'",) * 3
    again = client.get("/graphql", headers={"Accept": "text/html"})
    assert assets.nonce not in again.headers["content-security-policy"]


def metric(client: TestClient, sample: str) -> float:
    """The value of one sample of `/metrics` (its name and labels as written there); 0 when not there yet."""
    for line in client.get("/metrics").text.splitlines():
        name, _, value = line.rpartition(" ")
        if name == sample:
            return float(value)
    return 0.0


def test_metrics_count_requests_by_route_and_status(client: TestClient) -> None:
    healthz = 'medgraph_http_requests_total{method="GET",route="/healthz",status="200"}'
    missing = 'medgraph_http_requests_total{method="GET",route="unmatched",status="404"}'
    timed = 'medgraph_http_request_seconds_count{route="/healthz"}'
    before = {sample: metric(client, sample) for sample in (healthz, missing, timed)}
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no-such-page")
    after = {sample: metric(client, sample) for sample in (healthz, missing, timed)}
    assert {sample: after[sample] - before[sample] for sample in after} == {healthz: 2, missing: 1, timed: 2}


def test_graphql_errors_carry_a_code(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ noSuchField }"})
    errors = response.json()["errors"]
    assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_responses_carry_security_headers(client: TestClient) -> None:
    headers = client.get("/healthz").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"]


def test_an_oversized_body_is_refused_with_413(client: TestClient) -> None:
    response = client.post(
        "/graphql", content=b"{" + b" " * 70_000 + b"}", headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"{not json", "application/json"), (b"query=x", "text/plain")],
)
def test_malformed_requests_are_a_clear_4xx(client: TestClient, content: bytes, content_type: str) -> None:
    response = client.post("/graphql", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert [error["extensions"]["code"] for error in response.json()["errors"]] == ["BAD_REQUEST"]


def test_a_mutation_over_get_is_refused(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "mutation { __typename }"})
    assert response.status_code == 400
    assert [error["extensions"]["code"] for error in response.json()["errors"]] == ["BAD_REQUEST"]
