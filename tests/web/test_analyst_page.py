"""`/analyst` in Chromium: an example runs into a table and a graph, a click expands it, CSV export, a syntax
error shown, a write refused by the engine with the graph unchanged."""

from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, expect

from graph.driver import Graph
from graph.reads.graph_state import fingerprint


def run(page: Page, query: str) -> None:
    page.fill("#analyst-query", query)
    page.fill("#analyst-parameters", "{}")
    page.click("#analyst-run")


def test_an_example_shows_a_table_and_a_graph_that_expands(page: Page) -> None:
    page.goto("/analyst")
    page.get_by_role("button", name="A code with its neighbours (a picture)").click()
    expect(page.locator("#analyst-summary")).to_contain_text(" rows in ")
    expect(page.locator(".analyst-table thead th")).to_have_text(["c", "r", "n"])
    graph = page.locator("#analyst-graph")
    expect(graph).to_be_visible()
    drawn = int(graph.get_attribute("data-nodes") or 0)
    assert drawn > 1

    # Tapping a neighbouring code adds its own neighbours to the picture (the expand query, same endpoint).
    # A predicate, not a glob: Playwright 1.65 no longer matches "**/analyst/query" against the full URL.
    # The wait is generous: on a 2-core CI machine the first tap after the picture is drawn can take many
    # seconds in software-rendered Chromium (the server answers in milliseconds); a wait, not a timing test.
    def is_query(response: Response) -> bool:
        return urlsplit(response.url).path == "/analyst/query"

    with page.expect_response(is_query, timeout=90_000):
        page.evaluate(
            "() => window.medgraphAnalystGraph.nodes()"
            ".filter(n => n.data('uid') && n.data('uid') !== 'CPT:37188').first().emit('tap')"
        )
    page.wait_for_function(f"() => Number(document.getElementById('analyst-graph').dataset.nodes) > {drawn}")


def test_csv_export_holds_the_columns_and_rows(page: Page) -> None:
    page.goto("/analyst")
    run(page, "MATCH (c:Code {uid: 'ICD10CM:I82.401'}) RETURN c.code AS code, c.system AS system")
    expect(page.locator("#analyst-summary")).to_contain_text("1 row in")
    with page.expect_download() as download:
        page.click("#analyst-csv")
    path = download.value.path()
    assert path is not None
    assert Path(path).read_bytes() == b"code,system\r\nI82.401,ICD10CM\r\n"  # CSV lines end in CRLF


def test_a_syntax_error_is_shown(page: Page) -> None:
    page.goto("/analyst")
    run(page, "MATCH (c:Code RETURN c")
    expect(page.locator("#analyst-error")).to_contain_text("SYNTAX_ERROR")


def test_a_write_is_refused_and_the_graph_is_unchanged(page: Page, loaded_graph: Graph) -> None:
    before = fingerprint(loaded_graph)
    page.goto("/analyst")
    run(page, "CREATE (n:Evil) RETURN n")
    expect(page.locator("#analyst-error")).to_contain_text("READ_ONLY")
    expect(page.locator("#analyst-error")).to_contain_text("the analyst console can only read")
    assert fingerprint(loaded_graph) == before
