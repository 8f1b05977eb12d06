"""The code page's tools: the copy button, the printed page, the "On this page" list on every screen width,
and the inherited Excludes1 notes shown open."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import watched_page

CODE_PAGE = "/codes/ICD10CM/I82.401"
PHONE = {"width": 375, "height": 812}
MAX_TABS = 60  # far more than the links before the sections: a bound, so that a lost focus fails the test


@pytest.fixture
def clipboard_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page that may read and write the clipboard; fails the test on a script error or a CSP refusal."""
    yield from watched_page(browser, base_url, permissions=["clipboard-read", "clipboard-write"])


def tab_to(page: Page, selector: str) -> None:
    """Press Tab, as a keyboard user would, until the focus is on an element matching `selector`."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {selector}")


def focused(page: Page, selector: str) -> bool:
    return bool(page.evaluate("selector => document.activeElement.matches(selector)", selector))


def test_the_copy_button_copies_the_code_as_published(clipboard_page: Page) -> None:
    page = clipboard_page
    page.goto("/codes/icd-10-cm/i82401")
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.401$"))
    head = page.locator(".code-head")
    button = head.get_by_role("button", name="Copy code I82.401", exact=True)
    status = head.get_by_role("status")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("type", "button")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")

    tab_to(page, ".copy-code__button")
    assert focused(page, ":focus-visible")
    outline = page.evaluate(
        "() => [getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert outline == ["solid", "3px"]
    page.keyboard.press("Enter")
    expect(status).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == "I82.401"

    page.evaluate("() => navigator.clipboard.writeText('something else')")
    button.click()
    expect(status).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == "I82.401"


def test_the_copy_button_is_not_shown_without_javascript(static_page: Page) -> None:
    page = static_page
    page.goto(CODE_PAGE)
    expect(page.get_by_role("heading", level=1)).to_contain_text("I82.401")
    expect(page.get_by_role("button", name=re.compile(r"^Copy code"))).to_have_count(0)
    expect(page.locator(".copy-code")).to_have_count(1)
    expect(page.locator(".copy-code")).to_be_hidden()


def test_the_printed_page_leaves_out_the_search_box_the_lists_and_the_picture(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    search = page.locator(".site-header").get_by_role("search")
    toc = page.get_by_role("navigation", name="On this page")
    copy = page.get_by_role("button", name="Copy code 37188", exact=True)
    for shown in (search, toc, copy, page.locator("#neighbourhood")):
        expect(shown).to_be_visible()

    page.emulate_media(media="print")
    for left_out in (search, copy, *(page.locator(part) for part in (".toc", ".toc-jump", "#neighbourhood"))):
        expect(left_out).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#procedure ol.steps > li")).to_have_count(6)
    expect(page.locator("#procedure")).to_be_visible()
    footer = page.locator("footer")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text("Not medical or coding advice")
    expect(footer.locator(".cpt-notice")).to_contain_text("medgraph's own plain-language descriptions")
    # Browsers leave backgrounds out of print: the code's white-on-dark label must turn black on nothing.
    styles = page.evaluate(
        """() => {
            const style = selector => getComputedStyle(document.querySelector(selector));
            const link = document.querySelector('#indications a');
            return {
                code: [style('.code-head__code').color, style('.code-head__code').backgroundColor],
                body: [style('body').color, style('body').backgroundColor],
                link: [getComputedStyle(link).color, getComputedStyle(link, '::after').content],
                similar: style('.similar__item').breakInside,
                step: style('#procedure ol.steps > li').breakInside,
            };
        }"""
    )
    assert styles == {
        "code": ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"],
        "body": ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"],
        "link": ["rgb(0, 0, 0)", "none"],
        "similar": "avoid",
        "step": "avoid",
    }


def test_the_printed_page_carries_the_notes_folded_away_on_screen(page: Page) -> None:
    page.goto(CODE_PAGE)
    folded = page.locator("#notes details.inherited", has_text="Notes on category I82 that apply")
    notes = folded.locator("dl.notes")
    expect(notes).to_be_hidden()
    page.emulate_media(media="print")
    expect(notes).to_be_visible()
    expect(notes.locator("dt").first).to_have_text("Excludes2 — not included here, may be coded together")


def test_the_list_of_sections_comes_first_on_a_desktop_and_stays_on_the_right(page: Page) -> None:
    page.goto(CODE_PAGE)
    toc = page.get_by_role("navigation", name="On this page")
    expect(toc).to_have_count(1)
    expect(toc).to_have_class("toc")
    # Measured before any scrolling: the list is sticky.
    article = page.locator("article.code-page").bounding_box()
    aside = toc.bounding_box()
    assert article is not None and aside is not None
    assert aside["x"] >= article["x"] + article["width"]
    assert aside["y"] == article["y"]

    tab_to(page, ".toc a, article a, article summary, article button")
    assert focused(page, '.toc a[href="#overview"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.401#overview$"))


def test_the_list_of_sections_is_folded_above_them_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(CODE_PAGE)
        toc = page.get_by_role("navigation", name="On this page")
        expect(toc).to_have_count(1)
        expect(toc).to_have_class("toc-jump")
        expect(toc).to_be_visible()
        expect(page.locator(".toc")).to_be_hidden()
        summary = toc.locator("summary")
        expect(summary).to_have_text("On this page")
        notes_link = toc.get_by_role("link", name="Coding notes", exact=True)
        expect(notes_link).to_be_hidden()
        toc_box = toc.bounding_box()
        first_section = page.locator("article section.section").first.bounding_box()
        assert toc_box is not None and first_section is not None
        assert toc_box["y"] + toc_box["height"] <= first_section["y"]

        # The keyboard meets it before anything in the sections.
        tab_to(page, ".toc-jump summary, article .section a, article .section summary")
        assert focused(page, ".toc-jump summary")
        page.keyboard.press("Enter")
        expect(notes_link).to_be_visible()
        notes_link.tap()
        expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.401#notes$"))
        expect(page.locator("#h-notes")).to_be_in_viewport()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_inherited_excludes1_notes_are_open_and_the_others_folded(static_page: Page) -> None:
    page = static_page
    page.goto(CODE_PAGE)
    inherited = page.locator("#notes details.inherited")
    expect(inherited.locator("summary")).to_have_text(
        [
            "Notes on subcategory I82.40 that apply here too",
            "Notes on category I82 that apply here too",
            "Notes on chapter 9 that apply here too",
        ]
    )
    assert [d.get_attribute("open") for d in inherited.all()] == ["", None, None]
    excludes1 = inherited.nth(0).locator("dt", has_text="Excludes1")
    expect(excludes1).to_have_text("Excludes1 — not coded here, never together")
    expect(excludes1).to_be_visible()
    expect(inherited.nth(0).get_by_role("link", name="I82.4Z", exact=True)).to_be_visible()
    expect(inherited.nth(1).locator("dl.notes")).to_be_hidden()
    expect(inherited.nth(2).locator("dl.notes")).to_be_hidden()
