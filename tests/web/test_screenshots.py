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
        expect(page.locator("#graph-canvas canvas").first).to_be_attached()
    graph.screenshot(path=shots / "code-37188-neighbourhood.png")
    context.close()
    _keep(shots / "code-37188.png")
    _keep(shots / "code-37188-neighbourhood.png")
