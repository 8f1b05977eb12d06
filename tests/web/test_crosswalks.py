"""The code page's crosswalk section over the CMS GEMs (server/web/crosswalks.py), in Chromium."""

import re

from playwright.sync_api import Page, expect


def test_the_i82_401_page_shows_its_icd9_crosswalk_in_plain_words(page: Page) -> None:
    page.goto("/codes/ICD10CM/I82.401")
    crosswalks = page.locator("#crosswalks")
    expect(crosswalks.locator("h3").first).to_have_text("Maps to ICD-9-CM (approximate, CMS GEMs)")
    link = crosswalks.get_by_role("link", name=re.compile(r"453\.40")).first
    expect(link).to_have_attribute("href", "/codes/ICD9CM/453.40")
    expect(crosswalks.locator("li").filter(has_text="453.40").locator(".flag")).to_have_text("retired")
    link.click()
    expect(page).to_have_url(re.compile(r"/codes/ICD9CM/453\.40$"))
    expect(page.locator(".alert--retired")).to_contain_text("inactive since then (valid through 2015-09-30)")
    expect(page.locator("#crosswalks")).to_contain_text("Maps to ICD-10-CM (approximate, CMS GEMs)")


def test_a_combination_says_code_both_of_these(page: Page) -> None:
    page.goto("/codes/ICD10CM/I50.20")
    heading = page.locator("#crosswalks h3", has_text="together")
    expect(heading).to_have_text(
        "Maps to ICD-9-CM together (approximate, CMS GEMs, combination scenario 1): code both of these"
    )
    together = heading.locator("xpath=following-sibling::ul[1]")
    expect(together.locator(".code")).to_have_text(["428.20", "428.0"])


def test_a_code_without_an_equivalent_says_so(page: Page) -> None:
    page.goto("/codes/ICD9CM/365.70")
    crosswalks = page.locator("#crosswalks")
    expect(crosswalks.locator("h3", has_text="equivalent")).to_have_text("No ICD-10-CM equivalent (CMS GEMs)")
    expect(crosswalks).to_contain_text("No ICD-10-CM code is equivalent: the CMS GEMs map it to none.")
