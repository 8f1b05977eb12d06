"""`/`: one box over every system — suggestions by keyboard, results, facets, the billable filter, paging."""

import re

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.web.pages import result_codes, result_systems


def test_a_suggestion_chosen_with_the_keyboard_opens_its_code_page(page: Page) -> None:
    page.goto("/")
    box = page.get_by_role("combobox", name="Search all medical codes")
    box.press_sequentially("37188")
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options.first).to_contain_text("37188")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id") or "")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/codes/CPT/37188$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Catheter removal of vein blood clot")


def test_arrows_wrap_escape_closes_then_clears_and_nothing_moves(page: Page) -> None:
    page.goto("/")
    below = page.locator(".systems")
    before = below.bounding_box()
    box = page.get_by_role("combobox", name="Search all medical codes")
    box.press_sequentially("pulmonary emb")
    listbox = page.get_by_role("listbox", name="Suggestions")
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    assert below.bounding_box() == before, "opening the suggestions moved the page"
    count = options.count()
    assert count >= 2
    box.press("ArrowUp")
    expect(options.nth(count - 1)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("pulmonary emb")
    box.press("Escape")
    expect(box).to_have_value("")


def test_enter_without_a_chosen_suggestion_searches_and_marks_the_matches(page: Page) -> None:
    page.goto("/")
    box = page.get_by_role("combobox", name="Search all medical codes")
    box.fill("pulmonary embolism")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=pulmonary\+embolism$"))
    expect(page.locator("#results-summary")).to_contain_text("match “pulmonary embolism”")
    expect(page.locator(".result").first).to_be_visible()
    assert "I26" in result_codes(page)
    marked = {text.lower() for text in page.locator(".result__title mark").all_inner_texts()}
    assert {"pulmonary", "embolism"} <= marked


def test_facets_choose_a_system_and_keep_the_query_in_the_url(page: Page) -> None:
    # "vein" is a body part of procedures in every system and of diagnoses too.
    page.goto("/?q=vein")
    facets = page.get_by_role("navigation", name="Filter by code system")
    expect(facets.locator("[aria-current]")).to_contain_text("All systems")
    assert len(result_systems(page)) > 1
    facets.get_by_role("link", name=re.compile("^ICD-10-CM")).click()
    expect(page).to_have_url(re.compile(r"\?q=vein&system=ICD10CM$"))
    expect(facets.locator("[aria-current]")).to_contain_text("ICD-10-CM")
    assert result_systems(page) == {"ICD-10-CM"}
    facets.get_by_role("link", name=re.compile("^CPT")).click()
    expect(page).to_have_url(re.compile(r"system=CPT$"))
    assert result_systems(page) == {"CPT"}
    page.go_back()
    expect(page).to_have_url(re.compile(r"system=ICD10CM$"))


def test_the_billable_filter_waits_for_search_as_the_system_filter_does(page: Page) -> None:
    # WCAG 3.2.2: changing a control does not change the page on its own.
    page.goto("/?q=dvt&system=ICD10CM")
    assert "Not billable" in page.locator(".result .flag").all_inner_texts()
    page.get_by_label("Billable codes only").check()
    page.wait_for_timeout(300)
    expect(page).to_have_url(re.compile(r"system=ICD10CM$"))
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"system=ICD10CM&billable=1$"))
    assert set(page.locator(".result .flag").all_inner_texts()) == {"Billable"}


def test_pages_follow_the_cursor_and_the_back_button_returns(page: Page) -> None:
    page.goto("/?q=pulmonary+embolism")
    first = result_codes(page)
    assert len(first) == 20
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"&after=[^&]+&page=2$"))
    expect(page.locator(".pager__where")).to_contain_text("results 21\N{EN DASH}40")
    second = result_codes(page)
    assert second and not set(second) & set(first)
    assert page.locator("ol.result-list").get_attribute("start") == "21"
    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?q=pulmonary\+embolism$"))
    assert result_codes(page) == first


def test_previous_page_goes_back_through_the_results_and_page_one_has_one_address(page: Page) -> None:
    page.goto("/?q=pulmonary+embolism")
    first = result_codes(page)
    expect(page.get_by_role("link", name="Previous page")).to_have_count(0)
    page.get_by_role("link", name="Next page").click()
    second = result_codes(page)
    page.get_by_role("link", name="Next page").click()
    expect(page.locator(".pager__where")).to_contain_text("Page 3 of ")
    page.get_by_role("link", name="Previous page").click()
    expect(page).to_have_url(re.compile(r"&before=[^&]+&page=2$"))
    expect(page.locator(".pager__where")).to_contain_text("results 21\N{EN DASH}40")
    assert result_codes(page) == second
    page.get_by_role("link", name="Previous page").click()
    expect(page).to_have_url(re.compile(r"/\?q=pulmonary\+embolism$"))
    assert result_codes(page) == first


def test_the_url_holds_the_whole_search(http: httpx.Client) -> None:
    html = http.get("/", params={"q": "dvt", "system": "ICD10CM", "billable": "1"}).text
    assert '<option value="ICD10CM" selected>' in html
    assert 'name="billable" value="1" checked' in html
    assert 'value="dvt"' in html


def test_what_users_type_is_escaped(http: httpx.Client) -> None:
    response = http.get("/", params={"q": '<script>alert("x")</script> vein'})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert" in response.text


def test_a_stale_cursor_is_a_400_with_a_way_back(http: httpx.Client) -> None:
    response = http.get("/", params={"q": "dvt", "after": "not-a-cursor", "page": "2"})
    assert response.status_code == 400
    assert "start again from the first page" in response.text
    assert 'href="/?q=dvt"' in response.text


def test_pages_send_a_policy_that_allows_no_inline_code(http: httpx.Client) -> None:
    policy = http.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_a_corrected_query_says_so_and_offers_the_words_as_typed(page: Page) -> None:
    page.goto("/?q=pnuemonia")
    line = page.locator(".results__correction")
    expect(line).to_have_text(re.compile(r"Showing results for pneumonia\s+— search instead for pnuemonia"))
    assert result_codes(page)[0].startswith("J1")
    line.get_by_role("link", name="pnuemonia").click()
    expect(page).to_have_url(re.compile(r"/\?q=pnuemonia&exact=1$"))
    expect(page.locator(".results__correction")).to_have_count(0)
    expect(page.locator("#results-summary")).to_contain_text("No codes match “pnuemonia”")


def test_a_suggestion_forgives_a_typo_in_the_word_being_typed(page: Page) -> None:
    page.goto("/")
    page.get_by_role("combobox", name="Search all medical codes").press_sequentially("pnue")
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options.first).to_contain_text(re.compile("pneumonia", re.IGNORECASE))


def test_a_result_found_through_the_index_says_so_in_a_quiet_line(page: Page) -> None:
    page.goto("/?q=shingles")
    expect(page.locator(".result__via").first).to_be_visible()
    lines = page.locator(".result__via").all_inner_texts()
    assert "via index: Shingles → Herpes, herpesvirus, herpetic, zoster" in lines


def test_a_condition_a_result_is_linked_to_opens_its_page(page: Page) -> None:
    page.goto("/?q=blood+clot")
    linked = page.locator(".result__matched a.result__condition", has_text="lung clot").first
    expect(linked).to_have_attribute("href", "/conditions/pulmonary-embolism")
    linked.click()
    expect(page).to_have_url(re.compile(r"/conditions/pulmonary-embolism$"))


def test_a_procedure_found_through_a_condition_links_the_condition(page: Page) -> None:
    # 37187 is indicated for pulmonary embolism, whose synonyms include "blood clot in the lung".
    page.goto("/?q=blood+clot+in+lung")
    line = page.locator(".result__via", has_text="via condition: blood clot in the lung").first
    expect(line.get_by_role("link", name="blood clot in the lung")).to_have_attribute(
        "href", "/conditions/pulmonary-embolism"
    )


def test_numbered_pages_jump_ahead_and_back_to_page_one(page: Page) -> None:
    page.goto("/?q=fracture")
    numbers = page.get_by_role("list", name="Pages")
    expect(numbers.locator("[aria-current=page]")).to_have_text("1")
    page_one = result_codes(page)
    numbers.get_by_role("link", name="Page 3", exact=True).click()
    expect(page.locator(".pager__where")).to_contain_text("results 41\N{EN DASH}60")
    expect(page.get_by_role("list", name="Pages").locator("[aria-current=page]")).to_have_text("3")
    third = result_codes(page)
    page.get_by_role("link", name="Next page").click()
    page.get_by_role("link", name="Previous page").click()
    assert result_codes(page) == third
    page.get_by_role("list", name="Pages").get_by_role("link", name="Page 1", exact=True).click()
    expect(page).to_have_url(re.compile(r"/\?q=fracture$"))
    assert result_codes(page) == page_one


def test_suggestion_titles_are_shown_whole_on_desktops_and_phones(browser: Browser, base_url: str) -> None:
    # I82.4Y1 and I82.4Z1 differ only in "proximal" and "distal", near the end of their titles.
    for width in (1280, 390):
        context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto("/")
        page.get_by_role("combobox", name="Search all medical codes").press_sequentially("I82.4Y1")
        option = page.get_by_role("listbox", name="Suggestions").get_by_role("option").first
        expect(option).to_contain_text("proximal lower extremity")
        title = option.locator(".combo__title")
        assert title.evaluate("t => t.scrollHeight <= t.clientHeight + 1"), f"title cut at {width} px"
        context.close()
