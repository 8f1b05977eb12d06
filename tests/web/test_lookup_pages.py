"""`/index/{book}` and `/tables/{table}` in Chromium: look a word up as in the book, on the real data."""

import re

import httpx
from playwright.sync_api import Page, expect


def test_looking_up_shingles_sends_the_reader_to_herpes_zoster_and_its_code(page: Page) -> None:
    page.goto("/index/icd10cm")
    expect(page.get_by_role("heading", level=1)).to_have_text("ICD-10-CM Alphabetic Index")
    page.get_by_label("Look up a main term").fill("Shingles")
    page.get_by_role("button", name="Look up").click()
    expect(page).to_have_url(re.compile(r"/index/icd10cm\?q=Shingles$"))
    term = page.locator(".index-term")
    expect(term).to_have_count(1)
    expect(term.locator("h3")).to_have_text("Shingles")
    term.get_by_role("link", name="Herpes, herpesvirus, herpetic, zoster").click()
    expect(page).to_have_url(re.compile(r"/index/icd10cm\?q=Herpes%2C\+herpesvirus%2C\+herpetic$"))
    zoster = page.locator(".index-subterms > li").filter(
        has=page.locator(".index-subterm", has_text="zoster")
    )
    zoster.get_by_role("link", name="B02.9").click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/B02\.9$"))


def test_a_letter_lists_its_main_terms_in_the_books_order_page_by_page(page: Page) -> None:
    page.goto("/index/icd10cm")
    letters = page.get_by_role("navigation", name="Main terms by letter")
    letters.get_by_role("link", name="X", exact=True).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Main terms under X")
    expect(page.locator(".index-results__count")).to_have_text("18 main terms.")
    titles = page.locator(".index-term__title")
    expect(titles).to_have_count(15)
    first_page = titles.all_inner_texts()
    page.get_by_role("link", name="Next main terms").click()
    expect(page).to_have_url(re.compile(r"letter=X&after="))
    expect(titles).to_have_count(3)
    assert not set(titles.all_inner_texts()) & set(first_page)
    expect(page.get_by_role("link", name="Next main terms")).to_have_count(0)


def test_the_pcs_index_page_says_plainly_when_no_term_is_found(page: Page, http: httpx.Client) -> None:
    page.goto("/index/icd10pcs?q=zzzzq")
    expect(page.locator(".index-empty")).to_contain_text("No main term of the ICD-10-PCS Index")
    assert http.get("/index/icd10pcs?letter=A").status_code == 200


def test_looking_up_appendectomy_in_the_pcs_index_leads_to_the_table_by_its_prefix(page: Page) -> None:
    page.goto("/index/icd10pcs")
    expect(page.get_by_role("heading", level=1)).to_have_text("ICD-10-PCS Index")
    page.get_by_label("Look up a main term").fill("Appendectomy")
    page.get_by_role("button", name="Look up").click()
    expect(page).to_have_url(re.compile(r"/index/icd10pcs\?q=Appendectomy$"))
    term = page.locator(".index-term")
    expect(term).to_have_count(1)
    expect(term.locator("h3")).to_have_text("Appendectomy")
    expect(term.locator(".index-line")).to_contain_text("see Excision, Appendix")
    expect(term.locator(".index-line")).to_contain_text("see Resection, Appendix")
    term.get_by_role("link", name="0DTJ").click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10PCS/0DT$"))


def test_a_pcs_use_reference_is_shown_as_printed(page: Page) -> None:
    page.goto("/index/icd10pcs?q=Abdominal+esophagus")
    term = page.locator(".index-term")
    expect(term).to_have_count(1)
    expect(term.locator(".index-line")).to_contain_text("use Esophagus, Lower")


def test_the_drug_table_shows_a_substance_under_the_official_columns(page: Page) -> None:
    page.goto("/tables/drugs")
    page.get_by_label("Look up a substance").fill("acetaminophen")
    page.get_by_role("button", name="Look up").click()
    table = page.get_by_role("table")
    expect(table.locator("thead th")).to_have_text([
        "Substance", "Poisoning Accidental (unintentional)", "Poisoning Intentional self-harm",
        "Poisoning Assault", "Poisoning Undetermined", "Adverse effect", "Underdosing",
    ])  # fmt: skip
    row = table.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_have_text("Acetaminophen")
    expect(row.locator("td")).to_have_text(
        ["T39.1X1-", "T39.1X2-", "T39.1X3-", "T39.1X4-", "T39.1X5-", "T39.1X6-"]
    )
    row.get_by_role("link", name="T39.1X5").click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/T39\.1X5$"))


def test_the_neoplasm_table_shows_a_site_and_the_rows_under_it(page: Page) -> None:
    page.goto("/tables/neoplasms?q=breast")
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(22)
    expect(rows.first.locator("td")).to_have_text(["C50.9-", "C79.81", "D05-", "D24-", "D48.6-", "D49.3"])
    expect(rows.nth(1).locator("th")).to_have_text("areola")


def test_bad_input_is_a_clear_400_and_an_unknown_book_a_404(http: httpx.Client) -> None:
    assert http.get("/index/icd10cm", params={"after": "forged"} | {"q": "a"}).status_code == 400
    assert http.get("/index/icd11").status_code == 404
    assert http.get("/tables/diseases").status_code == 404


def test_the_home_page_links_to_the_indexes_and_tables(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("link", name="Table of Drugs")).to_have_attribute("href", "/tables/drugs")
    expect(page.get_by_role("link", name="ICD-10-PCS Index")).to_have_attribute("href", "/index/icd10pcs")


def test_a_short_word_shows_the_first_rows_and_says_the_table_has_more(page: Page) -> None:
    page.goto("/tables/drugs?q=a")
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(300)
    expect(page.locator(".index-incomplete")).to_have_text(
        "The table has more rows for “a” than this page shows: type more of the substance."
    )
