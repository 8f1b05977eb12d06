"""With JavaScript off: the search form is a plain GET form, and the code page is complete."""

import re

from playwright.sync_api import Page, expect

from tests.web.pages import SEED_SECTIONS, available, result_systems, section_headings


def test_the_search_form_works_without_javascript(static_page: Page) -> None:
    page = static_page
    page.goto("/")
    page.get_by_role("combobox", name="Search all medical codes").fill("dvt")
    page.get_by_label("Code system").select_option("ICD10CM")
    page.get_by_label("Billable codes only").check()
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/\?q=dvt&system=ICD10CM&billable=1$"))
    assert result_systems(page) == {"ICD-10-CM"}
    page.get_by_role("link", name="Next page").click()
    expect(page.locator(".pager__where")).to_contain_text("Page 2")


def test_the_code_page_is_complete_without_javascript(static_page: Page) -> None:
    page = static_page
    page.goto("/codes/CPT/37188")
    assert [h for h in section_headings(page) if h in SEED_SECTIONS] == SEED_SECTIONS
    expect(page.locator("#graph-canvas")).to_have_count(int(available("neighborhood")))
    if available("neighborhood"):
        expect(page.locator("#graph-canvas")).to_be_hidden()
        connections = page.locator("details.connections")
        expect(connections).to_have_attribute("open", "")
        expect(connections.get_by_role("link", name="Deep vein thrombosis").first).to_be_visible()
    if available("similar"):
        expect(page.locator("#similar .similar__item").first).to_be_visible()
