"""Screenshots of the pages for the README (docs/screenshots/*.png).

Every run takes them into a temporary folder, so a page that no longer renders fails here; with
UPDATE_SCREENSHOTS=1 in the environment they also replace the committed ones.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.web.conftest import ROOT

DOCS = ROOT / "docs" / "screenshots"
MIN_BYTES = 20_000  # a blank or unstyled page is much smaller


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _keep(shot: Path) -> None:
    assert shot.stat().st_size > MIN_BYTES, f"{shot.name} looks empty"
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS / shot.name)


def test_screenshot_of_search_results(browser: Browser, base_url: str, shots: Path) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto("/?q=pulmonary+embolism")
    expect(page.locator(".result").first).to_be_visible()
    page.screenshot(path=shots / "search-results.png")
    page.goto("/")
    page.get_by_role("combobox", name="Search all medical codes").press_sequentially("dvt")
    expect(page.get_by_role("listbox", name="Suggestions").get_by_role("option").first).to_be_visible()
    page.screenshot(
        path=shots / "search-suggestions.png", clip={"x": 0, "y": 0, "width": 1280, "height": 720}
    )
    context.close()
    _keep(shots / "search-results.png")
    _keep(shots / "search-suggestions.png")


def test_screenshot_of_the_37188_page(browser: Browser, base_url: str, shots: Path) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 1100})
    page = context.new_page()
    page.goto("/codes/CPT/37188")
    page.screenshot(path=shots / "code-37188.png")
    graph = page.locator("#neighbourhood")
    if page.locator("#graph-canvas").count():
        page.get_by_role("button", name="Show the picture").click()
        expect(page.locator("#graph-canvas canvas").first).to_be_attached()
    graph.screenshot(path=shots / "code-37188-neighbourhood.png")
    context.close()
    _keep(shots / "code-37188.png")
    _keep(shots / "code-37188-neighbourhood.png")


def test_screenshot_of_a_code_page_on_a_phone(browser: Browser, base_url: str, shots: Path) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": 390, "height": 844}, device_scale_factor=2
    )
    page = context.new_page()
    page.goto("/codes/ICD10CM/I82.401")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.screenshot(path=shots / "code-I82.401-phone.png")
    context.close()
    _keep(shots / "code-I82.401-phone.png")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/codes/ICD10CM", "browse-icd10cm.png"),
        ("/conditions/deep-vein-thrombosis", "condition-deep-vein-thrombosis.png"),
        ("/codes/HCPCS/G6020", "code-G6020-terminated.png"),
    ],
)
def test_screenshot_of_a_page(browser: Browser, base_url: str, shots: Path, path: str, name: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.screenshot(path=shots / name)
    context.close()
    _keep(shots / name)
