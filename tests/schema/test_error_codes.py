"""The error codes (schema.errors): one enum, published in the SDL, and how each error is classified."""

import re

import pytest
from graphql import GraphQLError

from graph.errors import DatabaseUnavailable, QueryTimeout
from schema import errors, schema
from schema.errors import BadUserInput, ErrorCode, Forbidden, QueryTooComplex, Unauthenticated, error_code


def test_the_sdl_lists_every_error_code_with_its_meaning() -> None:
    sdl = schema.as_str()
    enum = sdl[sdl.index("enum ErrorCode {") :].split("}", 1)[0]
    assert [line.strip() for line in enum.splitlines()[1:]] == [code.value for code in ErrorCode]
    assert "GRAPHQL_PARSE_FAILED: the document is not GraphQL" in sdl


def test_the_documented_tree_names_every_error_code() -> None:
    documented = re.findall(r"\b[A-Z][A-Z_]*[A-Z]\b", errors.__doc__ or "")
    assert sorted({code for code in documented if code in ErrorCode.__members__}) == sorted(
        ErrorCode.__members__
    )
    assert [code for code in documented if "_" in code and code not in ErrorCode.__members__] == []


@pytest.mark.parametrize(
    ("original", "code"),
    [
        (BadUserInput("first must be between 1 and 100"), ErrorCode.BAD_USER_INPUT),
        (Unauthenticated("wrong key"), ErrorCode.UNAUTHENTICATED),
        (Forbidden("no writes here"), ErrorCode.FORBIDDEN),
        (QueryTooComplex("cost 5000 over 2000"), ErrorCode.QUERY_TOO_COMPLEX),
        (DatabaseUnavailable("engine down"), ErrorCode.DATABASE_UNAVAILABLE),
        (QueryTimeout("ran past 5 s"), ErrorCode.DATABASE_TIMEOUT),
        (KeyError("a bug"), ErrorCode.INTERNAL_ERROR),
    ],
)
def test_a_resolver_error_is_coded_by_its_type(original: Exception, code: ErrorCode) -> None:
    assert error_code(GraphQLError(str(original), original_error=original)) == code


def test_a_syntax_error_is_a_parse_failure_and_a_schema_mismatch_a_validation_failure() -> None:
    assert (
        error_code(GraphQLError("Syntax Error: Expected Name, found <EOF>."))
        == ErrorCode.GRAPHQL_PARSE_FAILED
    )
    unknown = GraphQLError("Cannot query field 'nonsense' on type 'Code'.")
    assert error_code(unknown) == ErrorCode.GRAPHQL_VALIDATION_FAILED
    deep = GraphQLError("'q' exceeds maximum operation depth of 12")
    assert error_code(deep) == ErrorCode.QUERY_TOO_COMPLEX
