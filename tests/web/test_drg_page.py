"""`/drg` in Chromium: codes chosen from the suggestions fill the form, the claim groups with its reasons, the
editor's edits are shown in plain words, and the form works without JavaScript."""

import re

import httpx
from playwright.sync_api import Page, expect


def test_codes_chosen_from_suggestions_group_to_heart_failure_with_mcc(page: Page) -> None:
    page.goto("/drg")
    principal = page.get_by_role("combobox", name="Principal diagnosis (ICD-10-CM)")
    principal.press_sequentially("I50.20")
    options = page.locator("#drg-pdx-listbox").get_by_role("option")
    expect(options.first).to_contain_text("I50.20")
    principal.press("ArrowDown")
    principal.press("Enter")  # fills the box, does not leave the page
    expect(principal).to_have_value("I50.20")
    expect(page).to_have_url(re.compile(r"/drg$"))
    page.get_by_role("combobox", name="Secondary diagnosis 1 (ICD-10-CM)").fill("J96.01")
    page.get_by_label("Present on admission, secondary diagnosis 1").select_option("Y")
    page.get_by_label("Age (years)").fill("72")
    page.get_by_label("Sex").select_option("FEMALE")
    page.get_by_role("button", name="Group the claim").click()
    heading = page.locator("#h-drg-result")
    expect(heading).to_contain_text("DRG 291")
    expect(heading).to_contain_text("Heart Failure and Shock with MCC")
    expect(page.locator(".drg-result__mdc")).to_contain_text(
        "MDC 05: Diseases and Disorders of the Circulatory System"
    )
    failure = page.locator(".drg-why__secondary").first
    expect(failure).to_contain_text("J96.01")
    expect(failure).to_contain_text("a major complication or comorbidity (MCC)")
    expect(failure).to_contain_text("it helped assign the DRG")
    expect(page.locator("#drg-edits-none")).to_be_visible()
    expect(page.locator(".explained__source")).to_contain_text("MS-DRG v43.1")
    # The form shows the claim back as entered.
    expect(page.get_by_label("Age (years)")).to_have_value("72")


def test_a_procedure_suggestion_offers_only_icd10pcs_codes(page: Page) -> None:
    page.goto("/drg")
    box = page.get_by_role("combobox", name="Procedure 1 (ICD-10-PCS)")
    box.press_sequentially("02703")
    options = page.locator("#drg-pr-1-listbox").get_by_role("option")
    expect(options.first).to_contain_text("02703")
    for text in options.all_inner_texts():
        assert "ICD-10-PCS" in text


def test_an_edit_is_explained_and_a_malformed_code_is_named(page: Page) -> None:
    page.goto("/drg?pdx=V00.01XA&age=40&sex=MALE")
    expect(page.locator("#h-drg-result")).to_contain_text("DRG 999")
    expect(page.locator("#drg-edits")).to_contain_text("E_CODE_AS_PDX")
    expect(page.locator("#drg-edits")).to_contain_text("can only be a secondary diagnosis")
    page.goto("/drg?pdx=heart+failure&age=40")
    expect(page.locator("#drg-problem")).to_contain_text("principalDiagnosis")
    expect(page.locator("#drg-result")).to_have_count(0)


def test_the_form_groups_without_javascript(http: httpx.Client) -> None:
    response = http.get(
        "/drg", params={"pdx": "I5020", "sdx": "E1165", "sdx_poa": "Y", "age": "65", "sex": "MALE"}
    )
    assert response.status_code == 200
    assert "Heart Failure and Shock without CC/MCC" in response.text
    assert 'value="I5020"' in response.text
    assert http.get("/drg", params={"pdx": "I50.20", "age": "old"}).status_code == 400


def test_a_code_page_says_what_the_grouper_makes_of_the_code(page: Page) -> None:
    page.goto("/codes/ICD10CM/J96.01")
    line = page.locator("#drg-level")
    expect(line).to_contain_text("MS-DRG v43.1: MCC (major complication or comorbidity) when reported as a")
    expect(line).to_contain_text("MDC 04, Diseases and Disorders of the Respiratory System")
    line.get_by_role("link", name="Group a stay with it").click()
    expect(page.get_by_role("combobox", name="Principal diagnosis (ICD-10-CM)")).to_have_value("J96.01")


def test_ms_drg_opens_on_its_mdcs_and_a_drg_page_explains_its_family(page: Page) -> None:
    page.goto("/codes/MSDRG")
    items = page.locator(".browse-tree > .browse-tree__item")
    expect(items).to_have_count(25 + 2)  # the MDCs, and the pre-MDC and no-MDC groups
    circulatory = items.filter(has_text="Diseases and Disorders of the Circulatory System")
    circulatory.locator("summary").click()
    expect(circulatory.get_by_role("link", name=re.compile(r"^291-293\s"))).to_be_visible()
    circulatory.get_by_role("link", name="Open MDC05").click()
    expect(page).to_have_url(re.compile(r"/codes/MSDRG/MDC05$"))
    expect(page.locator(".code-head__kind")).to_contain_text("Major Diagnostic Category")
    page.goto("/codes/MSDRG/292")
    expect(page.locator(".breadcrumb")).to_contain_text("MDC05")
    expect(page.locator(".breadcrumb")).to_contain_text("291-293")
    family = page.locator("#explained-family")
    expect(family).to_contain_text("291 (with MCC), 292 (with CC) and 293 (without CC/MCC)")
    expect(family.get_by_role("link", name=re.compile("^293"))).to_have_attribute("href", "/codes/MSDRG/293")
