"""What the tests know about the pages: the seed page's sections, in order, and a few helpers."""

from playwright.sync_api import Page

from schema import schema
from server.web.documents import Documents

# Every section of the seed page (CPT 37188), in its order, as the code page names them.
SEED_SECTIONS = [
    "Name of the procedure",
    "Summary",
    "Purpose",
    "Indications",
    "Preparation",
    "Procedure description",
    "Duration",
    "Setting",
    "Personnel",
    "Risks and complications",
    "Benefits",
    "Recovery",
    "Alternatives",
    "Patient experience",
    "Similar codes",
    "Neighbourhood in the graph",
]
DOCUMENTS = Documents(schema)


def available(document: str) -> bool:
    """Whether the public schema answers a page's document yet (fields still being built are skipped)."""
    return DOCUMENTS[document].available


def section_headings(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("article h2").all_inner_texts()]


def result_codes(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".result__code").all_inner_texts()]


def result_systems(page: Page) -> set[str]:
    return {text.strip() for text in page.locator(".result .badge").all_inner_texts()}
