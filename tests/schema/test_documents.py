"""The parsed-document cache (schema/documents.py) in the real schema: a text is parsed and validated once,
its validation errors (a refusal of the cost check among them) are kept with it and served again, a text that
does not parse is not kept, and the store is bounded, least recently used first out.

A hit is observable without timing: a miss parses the text again and stores a new document object in place of
the old one, so the stored object staying the same is the proof that the second request was served from it.
"""

import strawberry
from graphql import GraphQLError

from graph.driver import Graph
from schema import build_schema
from schema.cost import MAX_EXPANDED_FIELDS
from schema.documents import DocumentStore
from tests.schema.conftest import Api

VALID = "{ __typename }"
INVALID = "{ noSuchField }"
FRAGMENT_BOMB = (
    "{ ...F0 } "
    + "".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} " for i in range(40))
    + "fragment F40 on Query { codeSystems { id } }"
)


def answer(schema: strawberry.Schema, text: str) -> tuple[object, list[tuple[str, str]]]:
    result = schema.execute_sync(text)
    return result.data, [(error.extensions["code"], error.message) for error in result.errors or []]


def test_a_valid_text_is_parsed_and_validated_once() -> None:
    store = DocumentStore()
    schema = build_schema(documents=store)
    assert answer(schema, VALID) == ({"__typename": "Query"}, [])
    entry = store.get(VALID)
    assert entry is not None and entry.errors == []  # validated, and valid
    document = entry.document
    assert answer(schema, VALID) == ({"__typename": "Query"}, [])
    again = store.get(VALID)
    assert again is not None and again.document is document


def test_validation_errors_are_kept_with_the_text_and_served_again() -> None:
    store = DocumentStore()
    schema = build_schema(documents=store)
    refused = (None, [("GRAPHQL_VALIDATION_FAILED", "Cannot query field 'noSuchField' on type 'Query'.")])
    assert answer(schema, INVALID) == refused
    entry = store.get(INVALID)
    assert entry is not None and [error.message for error in entry.errors or []] == [refused[1][0][1]]
    # What the second request answers comes from the store: a mark put on the kept errors is what it gets.
    entry.errors = [GraphQLError("kept with the text")]
    assert answer(schema, INVALID) == (None, [("GRAPHQL_VALIDATION_FAILED", "kept with the text")])
    assert store.get(INVALID) is entry


def test_a_refusal_of_the_cost_check_is_kept_with_the_text() -> None:
    store = DocumentStore()
    schema = build_schema(documents=store)
    data, errors = answer(schema, FRAGMENT_BOMB)
    assert data is None and [code for code, _ in errors] == ["QUERY_TOO_COMPLEX"]
    assert f"at most {MAX_EXPANDED_FIELDS}" in errors[0][1]
    entry = store.get(FRAGMENT_BOMB)
    assert entry is not None and [error.message for error in entry.errors or []] == [errors[0][1]]
    document = entry.document
    assert answer(schema, FRAGMENT_BOMB) == (data, errors)
    assert store.get(FRAGMENT_BOMB) is entry and entry.document is document


def test_a_text_that_does_not_parse_is_not_kept_and_gets_the_same_syntax_error() -> None:
    store = DocumentStore()
    schema = build_schema(documents=store)
    broken = "{ codeSystems { id "
    first = answer(schema, broken)
    assert first == (None, [("GRAPHQL_PARSE_FAILED", "Syntax Error: Expected Name, found <EOF>.")])
    assert store.get(broken) is None
    assert answer(schema, broken) == first
    assert store.get(broken) is None


def test_the_store_is_bounded_least_recently_used_first_out() -> None:
    store = DocumentStore(size=2)
    schema = build_schema(documents=store)
    a, b, c = "{ __typename }", "{ t: __typename }", "{ u: __typename }"
    answer(schema, a)
    kept = store.get(a)
    answer(schema, b)
    answer(schema, a)  # asked again: b is now the least recently used
    answer(schema, c)
    assert store.get(b) is None
    assert store.get(a) is kept and store.get(c) is not None


def test_variables_do_not_share_a_refusal_that_depends_on_them(loaded_graph: Graph) -> None:
    """Validation is kept by text, but the cost check with the variables runs for each request."""
    api = Api(loaded_graph)
    page = 'query($first: Int) { search(query: "vein", first: $first) { edges { node { code } } } }'
    assert api.error_codes(page, first=1_000_000) == ["QUERY_TOO_COMPLEX"]
    assert len(api.data(page, first=2)["search"]["edges"]) == 2
    assert api.error_codes(page, first=1_000_000) == ["QUERY_TOO_COMPLEX"]
