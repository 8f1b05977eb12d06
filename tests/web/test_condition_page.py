"""`/conditions/{key}`: a condition with its synonyms, description, ICD-10-CM codes and procedures."""

import re

import httpx
from playwright.sync_api import Page, expect


def test_a_condition_lists_its_codes_and_procedures(page: Page) -> None:
    page.goto("/conditions/pulmonary-embolism")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pulmonary embolism")
    expect(page.locator(".synonyms")).to_contain_text("PE")
    expect(page.locator("#about")).not_to_be_empty()
    codes = page.locator("#codes")
    expect(codes.get_by_role("link", name=re.compile(r"^I26\s"))).to_have_count(1)
    procedures = page.locator("#procedures")
    expect(procedures.get_by_role("link", name=re.compile("37188"))).to_have_count(1)
    codes.get_by_role("link", name=re.compile(r"^I26\s")).click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I26$"))
    expect(page.locator("#conditions").get_by_role("link", name="Pulmonary embolism")).to_be_visible()


def test_an_unknown_condition_is_a_404(http: httpx.Client) -> None:
    response = http.get("/conditions/no-such-condition")
    assert response.status_code == 404
    assert 'name="q"' in response.text


def test_a_condition_monograph_shows_every_section(page: Page) -> None:
    page.goto("/conditions/urinary-tract-infection")
    for section, heading in [
        ("what-it-is", "What it is"),
        ("symptoms", "Symptoms"),
        ("causes", "Causes and risk factors"),
        ("diagnosis", "How it is diagnosed"),
        ("treatments", "Treatments"),
        ("seek-care", "When to seek care"),
        ("categories", "ICD-10-CM categories"),
    ]:
        expect(page.locator(f"#{section} h2")).to_have_text(heading)
    expect(page.locator("#what-it-is .lay-names")).to_have_text(
        "Everyday names: urine infection, water infection, UTI"
    )
    expect(page.locator("#symptoms li")).to_have_count(4)
    expect(page.locator("#treatments li").first).to_contain_text("Antibiotic treatment")
    expect(page.locator("#categories").get_by_role("link", name=re.compile(r"^N39\.0\s"))).to_have_count(1)
    expect(page.locator("#categories .about__source")).to_contain_text(
        "Reviewed 2026-12-04 (editorial review and independent second review; not reviewed by a clinician)."
    )


def test_a_condition_lists_the_billable_codes_under_each_of_its_categories(page: Page) -> None:
    page.goto("/conditions/deep-vein-thrombosis")
    category = page.get_by_role("link", name=re.compile(r"^I82\.4\s"))
    group = page.locator(".code-groups__item").filter(has=category)
    expect(group).to_have_count(1)
    summary = group.locator("summary")
    expect(summary).to_have_text(re.compile(r"^\d+ billable codes$"))
    summary.click()
    billable = group.locator(".code-groups__billable").get_by_role("link", name=re.compile(r"^I82\.401\s"))
    expect(billable).to_be_visible()
    billable.click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.401$"))
