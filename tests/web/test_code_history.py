"""The code page's history section and POA line, in Chromium, over the real loaded data."""

import re

from playwright.sync_api import Page, expect


def test_a_code_new_in_fy2026_names_the_code_it_replaced_as_a_link(page: Page) -> None:
    page.goto("/codes/ICD10CM/B88.01")
    history = page.locator("#history")
    expect(history.get_by_role("heading", level=2)).to_have_text("Code history")
    expect(history).to_contain_text("New in FY2026 (effective 2025-10-01).")
    history.get_by_role("link", name=re.compile("B88.0 Other acariasis")).click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/B88\.0$"))
    expect(page.locator("#history")).to_contain_text("took over from B88.0")
    expect(page.locator("#history .code-list li")).to_have_count(2)


def test_a_retired_previous_code_is_named_without_a_link(page: Page) -> None:
    page.goto("/codes/ICD10CM/S30.11XA")
    expect(page.locator("#history .history__retired")).to_have_text("No longer in ICD-10-CM: S30.1XXA")


def test_a_terminated_hcpcs_code_links_to_its_replacement(page: Page) -> None:
    page.goto("/codes/HCPCS/C9173")
    history = page.locator("#history")
    expect(history).to_contain_text("Terminated 2025-06-30")
    expect(history.get_by_role("link", name=re.compile("Q5148"))).to_have_attribute(
        "href", "/codes/HCPCS/Q5148"
    )


def test_a_terminated_code_names_its_replacement_at_the_top(page: Page) -> None:
    page.goto("/codes/HCPCS/C9173")
    head = page.locator(".code-head")
    expect(head.locator(".alert--retired")).to_contain_text("Terminated by its publisher on 2025-06-30")
    head.locator("#replaced-by").get_by_role("link", name=re.compile("Q5148")).click()
    expect(page).to_have_url(re.compile(r"/codes/HCPCS/Q5148$"))


def test_a_terminated_code_without_a_replacement_shows_its_span_and_its_retired_siblings(page: Page) -> None:
    # G6020 was added 2015-01-01 and terminated 2015-12-31; its record's action date (2016-01-01) is no
    # "effective" date of a code no longer in use.
    page.goto("/codes/HCPCS/G6020")
    head = page.locator(".code-head")
    expect(head.locator(".alert--retired")).to_contain_text(
        "Terminated by its publisher on 2015-12-31, after being in use from 2015-01-01."
    )
    expect(head.locator("#replaced-by")).to_contain_text("names no replacement")
    expect(head).not_to_contain_text("effective 2016-01-01")
    sibling = page.locator("#similar .similar__item", has_text="G6024")
    expect(sibling.locator(".flag--retired")).to_have_text("retired")


def test_an_active_hcpcs_code_shows_when_it_was_added(page: Page) -> None:
    page.goto("/codes/HCPCS/J2997")
    expect(page.locator(".code-head__release")).to_contain_text(re.compile(r"added \d{4}-\d{2}-\d{2}"))
    expect(page.locator("#replaced-by")).to_have_count(0)


def test_poa_exemption_is_shown_for_icd10cm_codes_only(page: Page) -> None:
    page.goto("/codes/ICD10CM/B90.0")
    expect(page.locator(".code-head")).to_contain_text("Present on admission (POA): exempt")
    page.goto("/codes/ICD10CM/I10")
    expect(page.locator(".code-head")).to_contain_text("Present on admission (POA): not exempt")
    page.goto("/codes/CPT/37188")
    expect(page.locator(".code-head")).not_to_contain_text("Present on admission")
