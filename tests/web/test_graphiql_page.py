"""GraphiQL on `/graphql` in Chromium: served by the app alone, under the pages' content security policy, it
loads the schema's docs, opens a dialog and runs a typed query. The `page` fixture fails the test on any
script error or CSP refusal."""

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

TITLE = "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"


def test_graphiql_runs_a_typed_query_with_nothing_from_another_host(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/graphql")
    page.get_by_label("Show Documentation Explorer").click()
    expect(page.locator(".graphiql-doc-explorer")).to_contain_text("Root Types")  # introspection answered
    page.get_by_label("Open settings dialog").click()  # its <style> element needs the page's nonce
    expect(page.get_by_role("dialog")).to_contain_text("Persist headers")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)

    page.locator(".graphiql-query-editor .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type('{ code(system: ICD10CM, code: "I82.401") { title } }')
    page.keyboard.press("Escape")  # closes the completion list, if one is open
    page.get_by_label("Execute query (Ctrl-Enter)").click()
    expect(page.locator(".graphiql-response")).to_contain_text(f'"title": "{TITLE}"')

    origin = urlsplit(base_url).netloc
    assert requested and {urlsplit(url).netloc for url in requested} == {origin}, requested
