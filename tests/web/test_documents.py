"""The pages' GraphQL documents are valid against the public schema (a client could send each as it is)."""

import pytest

from tests.web.pages import DOCUMENTS

NAMES = ["code", "code_systems", "condition", "neighborhood", "search", "similar", "suggest"]


@pytest.mark.parametrize("name", NAMES)
def test_every_page_document_is_valid_against_the_public_schema(name: str) -> None:
    assert DOCUMENTS[name].problems == ()
