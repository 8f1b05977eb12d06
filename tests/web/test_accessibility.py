"""axe-core (from tools/web-assets/node_modules) finds no serious or critical problem on the main pages."""

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.web.conftest import AXE

PAGES = [
    "/",
    "/?q=pulmonary+embolism",
    "/codes/CPT/37188",
    "/codes/ICD10CM/I82.401",
    "/codes/ICD10PCS/06CM3ZZ",
    "/codes/HCPCS/J2997",
    "/conditions/deep-vein-thrombosis",
    "/codes/ICD10CM",
    "/codes/HCPCS",
    "/conditions",
    "/index/icd10cm?q=herpes",
    "/index/icd10pcs?letter=A",
    "/tables/drugs?q=acetaminophen",
    "/tables/neoplasms?q=breast",
    "/drg?pdx=I50.20&sdx=J96.01&sdx_poa=Y&pr=02703DZ&age=72&sex=FEMALE",
    "/analyst",
]
BLOCKING = {"serious", "critical"}


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_problems(axe_page: Page, path: str) -> None:
    axe_page.goto(path)
    axe_page.wait_for_load_state("load")
    assert violations(axe_page) == []


def test_no_serious_accessibility_problems_with_the_cypher_editors_completion_open(axe_page: Page) -> None:
    axe_page.goto("/analyst")
    editor = axe_page.get_by_role("textbox", name="Cypher")
    editor.click()
    editor.press("Control+End")
    editor.press_sequentially(" MATCH (x:Cod")
    editor.press("Control+Space")
    axe_page.locator(".cm-tooltip-autocomplete li").first.wait_for()
    assert violations(axe_page) == []


def test_no_serious_accessibility_problems_with_suggestions_open(axe_page: Page) -> None:
    axe_page.goto("/")
    axe_page.get_by_role("combobox", name="Search all medical codes").press_sequentially("thromb")
    axe_page.get_by_role("listbox", name="Suggestions").get_by_role("option").first.wait_for()
    assert violations(axe_page) == []
