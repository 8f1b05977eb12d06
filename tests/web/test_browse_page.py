"""`/codes/{system}` and `/conditions`: a system from the top of its hierarchy, and the conditions A to Z."""

import re

import httpx
from playwright.sync_api import Page, expect


def test_icd10cm_opens_on_its_chapters_with_their_blocks(page: Page) -> None:
    page.goto("/codes/ICD10CM")
    expect(page.get_by_role("heading", level=1)).to_have_text("ICD-10-CM codes")
    chapters = page.locator(".browse-tree > .browse-tree__item")
    expect(chapters).to_have_count(22)
    circulatory = chapters.filter(has_text="Diseases of the circulatory system")
    circulatory.locator("summary").click()
    circulatory.get_by_role("link", name=re.compile(r"^I80-I89\s")).click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I80-I89$"))


def test_hcpcs_lists_its_letter_ranges_without_the_codes_under_them(page: Page) -> None:
    page.goto("/codes/HCPCS")
    items = page.locator(".browse-tree > .browse-tree__item")
    expect(items.first).to_contain_text("A0000-A9999")
    expect(items.filter(has_text="J0000-J9999").get_by_role("link")).to_have_count(1)
    expect(page.locator("details")).to_have_count(0)


def test_a_system_typed_another_way_redirects_and_an_unknown_one_is_a_404(http: httpx.Client) -> None:
    moved = http.get("/codes/icd-10-pcs", follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (301, "/codes/ICD10PCS")
    assert http.get("/codes/ICD11").status_code == 404


def test_the_conditions_page_lists_every_condition_by_letter(page: Page) -> None:
    page.goto("/conditions")
    expect(page.get_by_role("heading", level=1)).to_have_text("Conditions A to Z")
    letter_p = page.locator("#letter-P")
    letter_p.get_by_role("link", name="Pulmonary embolism").click()
    expect(page).to_have_url(re.compile(r"/conditions/pulmonary-embolism$"))


def test_the_home_page_links_to_every_browse_page(page: Page) -> None:
    page.goto("/")
    expect(page.locator(".systems").get_by_role("link", name="HCPCS Level II", exact=True)).to_have_attribute(
        "href", "/codes/HCPCS"
    )
    expect(page.get_by_role("link", name="conditions A to Z")).to_have_attribute("href", "/conditions")
