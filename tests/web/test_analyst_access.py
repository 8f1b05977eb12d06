"""`/analyst` off loopback, in Chromium: the console asks for the key, refuses a statement without it or with
a wrong one, and runs it with the right one (MEDGRAPH_ANALYST_KEY)."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from pydantic import SecretStr

from graph.driver import Graph
from server.app import create_app
from server.settings import Settings
from tests.conftest import served
from tests.web.conftest import watched_page

KEY = "s3cret-analyst"


@pytest.fixture(scope="module")
def keyed_url(
    settings: Settings, loaded_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app as it is configured to listen on every interface (so the key is needed), served on loopback."""
    if settings.analyst_graph_config() is None:
        pytest.skip("no read-only analyst user on this Neo4j")
    home = tmp_path_factory.mktemp("keyed-home")
    keyed = settings.model_copy(update={"host": "0.0.0.0", "analyst_key": SecretStr(KEY), "home": home})
    with served(create_app(keyed)) as url:
        yield url


@pytest.fixture
def keyed_page(browser: Browser, keyed_url: str) -> Iterator[Page]:
    yield from watched_page(browser, keyed_url)


def run_with_key(page: Page, key: str) -> None:
    page.get_by_label("Analyst key").fill(key)
    page.click("#analyst-run")


def test_the_console_asks_for_the_key_and_refuses_to_run_without_it(keyed_page: Page) -> None:
    keyed_page.goto("/analyst")
    expect(keyed_page.locator("#analyst-error")).to_contain_text("UNAUTHORIZED")
    expect(keyed_page.get_by_label("Analyst key")).to_be_visible()
    keyed_page.click("#analyst-run")
    expect(keyed_page.locator("#analyst-error")).to_contain_text("UNAUTHORIZED")
    expect(keyed_page.locator(".analyst-table")).to_have_count(0)


def test_a_wrong_key_is_refused_and_the_right_one_runs_the_statement(keyed_page: Page) -> None:
    keyed_page.goto("/analyst")
    run_with_key(keyed_page, "not-the-key")
    expect(keyed_page.locator("#analyst-error")).to_contain_text("UNAUTHORIZED")
    run_with_key(keyed_page, KEY)
    expect(keyed_page.locator("#analyst-summary")).to_contain_text("rows")
    expect(keyed_page.locator(".analyst-table tbody tr").first).to_be_visible()
    expect(keyed_page.locator("#analyst-error")).to_have_count(0)
