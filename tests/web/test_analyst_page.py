"""`/analyst` in Chromium: an example runs into a table and a graph, a click expands it, CSV export, a syntax
error shown, a write refused by the engine with the graph unchanged; the Cypher editor highlights, completes
the graph's own names, runs on Ctrl+Enter and lets the focus go on; Neo4j 5's linter (in its worker)
underlines a syntax error and no valid statement (the examples, Neo4j 5's newer syntax), and marks a name the
graph lacks as a warning; without JavaScript the form still posts. The `page` fixture fails a test on any CSP
refusal (the editor's styles, the linter's worker) or script error."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, Response, expect

from graph.driver import Graph
from graph.reads.graph_state import fingerprint
from server.analyst.examples import EXAMPLES, Example


def editor(page: Page) -> Locator:
    """The editor's text box, which the "Cypher" label names."""
    return page.get_by_role("textbox", name="Cypher")


def write(page: Page, query: str) -> None:
    """Replace what the editor holds as a person does: select it all and type (inserted at once, as a paste or
    an input method does). Not Locator.fill, whose own editing Chromium styles inline (a CSP refusal)."""
    box = editor(page)
    box.click()
    box.press("Control+a")
    page.keyboard.insert_text(query)


def run(page: Page, query: str) -> None:
    write(page, query)
    page.fill("#analyst-parameters", "{}")
    page.click("#analyst-run")


# The linter's worker loads Neo4j's compiler (a few MB of script) before its first answer: on a slow machine
# that takes seconds. A wait, not a timing test.
LINT_TIMEOUT = 60_000


def linted(page: Page) -> None:
    """Wait until the linter has drawn its diagnostics of what the editor holds (the editor's data-lint)."""
    host = page.locator("#analyst-form .cypher-editor")
    expect(host).to_have_attribute("data-lint", "done", timeout=LINT_TIMEOUT)


def lint_errors(page: Page) -> Locator:
    return page.locator(".cm-content .cm-lintRange-error")


def lint_warnings(page: Page) -> Locator:
    return page.locator(".cm-content .cm-lintRange-warning")


def editor_text(page: Page) -> str:
    text: str = page.evaluate("() => window.medgraphAnalystEditor.getValue()")
    return text


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


def test_the_editor_replaces_the_textarea_and_highlights_cypher(page: Page) -> None:
    page.goto("/analyst")
    expect(page.locator("#analyst-form .cm-editor")).to_be_visible()
    expect(page.locator("#analyst-query")).to_be_hidden()
    expect(page.locator(".cm-content .cm-keyword").filter(has_text="MATCH").first).to_be_visible()
    # Drawn by CodeMirror's own styles (a <style> the page's nonce admits) and the package's stylesheet.
    assert page.eval_on_selector("#analyst-form .cm-editor", "e => getComputedStyle(e).display") == "flex"
    keyword = page.locator(".cm-content .cm-keyword").first.evaluate("e => getComputedStyle(e).color")
    plain = page.locator(".cm-content").evaluate("e => getComputedStyle(e).color")
    assert keyword != plain
    assert editor_text(page) == EXAMPLES[0].query.strip()
    assert page.locator("#analyst-query").input_value() == editor_text(page)


@pytest.mark.parametrize(
    ("typed", "offered", "completed"),
    [
        ("MATCH (n:Cod", ":Code", "MATCH (n:Code)"),
        ("MATCH (n:Code)-[:CHILD", ":CHILD_OF", "MATCH (n:Code)-[:CHILD_OF]"),
        ("MATCH (n:Code) RETURN n.bill", "billable", "MATCH (n:Code) RETURN n.billable"),
    ],
)
def test_completion_offers_the_graphs_names(page: Page, typed: str, offered: str, completed: str) -> None:
    page.goto("/analyst")
    box = editor(page)
    box.click()
    box.press("Control+a")
    box.press("Delete")
    box.press_sequentially(typed)  # the brackets close themselves as they are typed
    box.press("Control+Space")
    options = page.locator(".cm-tooltip-autocomplete li")
    wanted = options.filter(has_text=re.compile(f"^{re.escape(offered)}$"))
    expect(wanted).to_be_visible()
    # Chosen with the keyboard, as a person typing does: a pointer over the half-typed name would also open
    # the linter's tooltip for it, which can take the click.
    selected = page.locator(".cm-tooltip-autocomplete li[aria-selected=true]")
    for _ in range(30):
        if selected.inner_text().strip() == offered:
            break
        box.press("ArrowDown")
    expect(selected).to_have_text(offered)
    # CodeMirror ignores Enter for its interactionDelay (75 ms) after the list last changed, so that a key
    # meant for the text is not taken by a list that just appeared: a person's pause, not a timing test.
    page.wait_for_timeout(300)
    box.press("Enter")
    page.wait_for_function("text => window.medgraphAnalystEditor.getValue() === text", arg=completed)


def test_an_example_fills_the_editor_and_runs(page: Page) -> None:
    page.goto("/analyst")
    example = EXAMPLES[2]
    page.get_by_role("button", name=example.title).click()
    expect(page.locator("#analyst-summary")).to_contain_text(" in ")
    assert editor_text(page) == example.query.strip()
    assert page.locator("#analyst-query").input_value() == example.query.strip()
    expect(page.locator(".analyst-table thead th").first).to_be_visible()


def test_a_syntax_error_is_underlined_in_the_editor(page: Page) -> None:
    page.goto("/analyst")
    write(page, "MATCH (n:Code RETURN n")
    linted(page)
    # Where Neo4j's parser stops: the word it did not expect.
    expect(lint_errors(page).first).to_have_text("RETURN")
    write(page, "MATCH (c:Code) RETURN c LIMIT 1")
    linted(page)
    expect(lint_errors(page)).to_have_count(0)


def test_the_statement_on_the_page_at_load_is_not_marked(page: Page) -> None:
    page.goto("/analyst")
    linted(page)
    assert editor_text(page) == EXAMPLES[0].query.strip()
    expect(lint_errors(page)).to_have_count(0)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_no_example_is_marked_as_an_error(page: Page, example: Example) -> None:
    page.goto("/analyst")
    linted(page)
    page.get_by_role("button", name=example.title).click()
    assert editor_text(page) == example.query.strip()
    linted(page)
    expect(lint_errors(page)).to_have_count(0)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (c:Code)-[r]->(x) RETURN type(r) AS t ORDER BY t LIMIT 5",
        "MATCH (c:Code)-[r]->(x) RETURN c.uid, x.uid ORDER BY type(r), c.uid LIMIT 5",
        "MATCH (n:Code) RETURN n.uid ORDER BY labels(n), n.uid LIMIT 5",
        "MATCH (c:Code) CALL { WITH c MATCH (c)-[:CHILD_OF]->(p) RETURN p } RETURN c.uid, p.uid LIMIT 5",
        "MATCH (c:Code) CALL (c) { MATCH (c)-[:CHILD_OF]->(p) RETURN p } RETURN c.uid, p.uid LIMIT 5",
        "MATCH (n:Code|Condition) RETURN n LIMIT 5",
        "MATCH (c:Code) RETURN c.uid, COUNT { (c)-[:CHILD_OF]->() } AS parents LIMIT 5",
        "MATCH (c:Code) WHERE EXISTS { (c)-[:CHILD_OF]->(:Code) } RETURN c.uid LIMIT 5",
    ],
)
def test_valid_cypher_is_not_marked_as_an_error(page: Page, query: str) -> None:
    page.goto("/analyst")
    write(page, query)
    linted(page)
    expect(lint_errors(page)).to_have_count(0)


def test_a_name_the_graph_lacks_is_a_warning_not_an_error(page: Page) -> None:
    page.goto("/analyst")
    write(page, "MATCH (n:NoSuchLabel) RETURN n.uid LIMIT 1")
    linted(page)
    expect(lint_warnings(page)).to_have_text(["NoSuchLabel"])
    expect(lint_errors(page)).to_have_count(0)


def test_ctrl_enter_runs_what_the_editor_holds(page: Page) -> None:
    page.goto("/analyst")
    write(page, "MATCH (c:Code {uid: 'ICD10CM:I82.401'}) RETURN c.title AS title")
    page.fill("#analyst-parameters", "{}")
    editor(page).press("Control+Enter")
    expect(page.locator("#analyst-summary")).to_contain_text("1 row in")
    expect(page.locator(".analyst-table thead th")).to_have_text(["title"])
    assert "\n" not in editor_text(page)  # the run, not a blank line


def test_tab_moves_the_focus_out_of_the_editor(page: Page) -> None:
    page.goto("/analyst")
    page.get_by_text("Cypher", exact=True).click()  # the label focuses the editor, as it did the textarea
    expect(editor(page)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#analyst-parameters")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(editor(page)).to_be_focused()


def test_without_javascript_the_textarea_posts_the_form(static_page: Page) -> None:
    static_page.goto("/analyst")
    query = "MATCH (c:Code {uid: 'CPT:37188'}) RETURN c.code AS code"
    static_page.fill("#analyst-query", query)
    static_page.fill("#analyst-parameters", "{}")
    static_page.click("#analyst-run")
    expect(static_page.locator("#analyst-summary")).to_contain_text("1 row in")
    expect(static_page.locator(".analyst-table td")).to_have_text(["37188"])
    expect(static_page.locator("#analyst-query")).to_have_value(query)
