"""End-to-end fixtures: the real app under uvicorn on a free port, and Debian's Chromium driven by Playwright.

The server is `create_app(settings)` over the session's loaded graph, run by `uvicorn.Server` in a thread of
this process (started once per session, stopped at the end). Playwright for Python drives /usr/bin/chromium:
`npx playwright install` cannot download browsers here, and `make test` installs Debian's chromium.
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# The flags this machine needs (no GPU, no background calls to Google's hosts); Playwright adds --headless,
# --no-sandbox and a fresh profile directory of its own.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tools" / "web-assets" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Console:
    """What the page reported: uncaught script errors, and content-security-policy refusals."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.csp: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._message)

    def _message(self, message: object) -> None:
        text = getattr(message, "text", "")
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp.append(text)


def _context(browser: Browser, base_url: str, **options: object) -> BrowserContext:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(10_000)
    return context


def watched_page(browser: Browser, base_url: str, **options: object) -> Iterator[Page]:
    """A fresh page of its own context (with `options`); fails the test on a script error or a CSP refusal."""
    context = _context(browser, base_url, **options)
    page = context.new_page()
    console = Console(page)
    try:
        yield page
    finally:
        context.close()
    assert console.errors == [], f"script errors: {console.errors}"
    assert console.csp == [], f"refused by the content security policy: {console.csp}"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page with JavaScript; fails the test on a script error or a CSP refusal."""
    yield from watched_page(browser, base_url)


@pytest.fixture
def static_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page with JavaScript disabled."""
    context = _context(browser, base_url, java_script_enabled=False)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def axe_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page that may take axe-core in: the CSP refuses injected scripts, so this context bypasses it."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: `make test` installs tools/web-assets")
    context = _context(browser, base_url, bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, follow_redirects=False, timeout=30) as client:
        yield client
