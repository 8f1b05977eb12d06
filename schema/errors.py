"""GraphQL errors with `extensions.code`, the boundary where our exceptions become API errors.

The exceptions resolvers raise, one tree; each message is shown to the user as written:

ApiError
 ├── BadUserInput         BAD_USER_INPUT        an argument is not acceptable
 ├── Unauthenticated      UNAUTHENTICATED       a write without the right API key
 ├── Forbidden            FORBIDDEN             a write where the server takes none: no API key is configured
 └── QueryTooComplex      QUERY_TOO_COMPLEX     over a limit on depth, aliases, tokens or estimated cost

The codes of errors no ApiError raises, with a message of their own:

 graphql-core             GRAPHQL_PARSE_FAILED       the document is not GraphQL
                          GRAPHQL_VALIDATION_FAILED  the document does not fit the schema
 graph.errors             DATABASE_UNAVAILABLE       DatabaseUnavailable: the engine cannot be reached
                          DATABASE_TIMEOUT           QueryTimeout: a query ran past its time limit
 anything else            INTERNAL_ERROR             logged with its traceback; answered "Internal error."
 server.graphql_http      BAD_REQUEST                not a GraphQL-over-HTTP request
                          NOT_FOUND                  no such path
                          METHOD_NOT_ALLOWED         not GET or POST, or a mutation over GET
 server.body_limit        PAYLOAD_TOO_LARGE          the body is over the limit
 server.persisted_queries PERSISTED_QUERY_NOT_FOUND  APQ: unknown hash
                          PERSISTED_QUERY_HASH_MISMATCH  APQ: the document does not hash to sha256Hash

Every code a client can meet is a value of `ErrorCode`, published in the SDL with what each means; the test
keeps this list, the enum and the SDL in step (tests/schema/test_error_codes.py).
"""

import logging
from enum import StrEnum

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph.errors import DatabaseUnavailable, QueryTimeout

log = logging.getLogger("medgraph.graphql")


# Published in the SDL so that clients can switch on the codes; the API sends them as plain strings.
@strawberry.enum(
    description=(
        "The `extensions.code` of every error the API answers with. "
        "BAD_USER_INPUT: an argument is not acceptable; "
        "UNAUTHENTICATED: a write without the right API key; "
        "FORBIDDEN: a write where the server takes none (no API key is set); "
        "QUERY_TOO_COMPLEX: over a limit on depth, aliases, tokens or cost; not run; "
        "GRAPHQL_PARSE_FAILED: the document is not GraphQL; "
        "GRAPHQL_VALIDATION_FAILED: the document does not fit the schema; "
        "DATABASE_UNAVAILABLE: the graph engine cannot be reached; try again; "
        "DATABASE_TIMEOUT: a query ran past its time limit; "
        "INTERNAL_ERROR: anything else; details are logged; "
        "BAD_REQUEST: HTTP: not a GraphQL-over-HTTP request; "
        "NOT_FOUND: HTTP: no such path; "
        "METHOD_NOT_ALLOWED: HTTP: not GET or POST, or a mutation over GET; "
        "PAYLOAD_TOO_LARGE: HTTP: the body is over the limit; "
        "PERSISTED_QUERY_NOT_FOUND: APQ: unknown hash; send the document once; "
        "PERSISTED_QUERY_HASH_MISMATCH: APQ: the document does not hash to sha256Hash."
    )
)
class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"
    DATABASE_TIMEOUT = "DATABASE_TIMEOUT"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    BAD_REQUEST = "BAD_REQUEST"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"


class ApiError(Exception):
    """An error the API reports to the client in its own words (the message is shown as written)."""


class BadUserInput(ApiError):
    """Raised by resolvers for arguments they refuse."""


class Unauthenticated(ApiError):
    """The request did not prove who it is (no key, or the wrong one)."""


class Forbidden(ApiError):
    """The server does not allow this at all, whoever asks."""


class QueryTooComplex(ApiError):
    """A document over one of the schema's limits, refused before it runs."""


def error_code(error: GraphQLError) -> ErrorCode:
    original = error.original_error
    if original is None:
        if _is_limit(error):
            return ErrorCode.QUERY_TOO_COMPLEX
        # graphql-core words every parse failure "Syntax Error: …" and gives it no original error.
        return (
            ErrorCode.GRAPHQL_PARSE_FAILED
            if error.message.startswith("Syntax Error")
            else ErrorCode.GRAPHQL_VALIDATION_FAILED
        )
    if isinstance(original, BadUserInput) or _is_bad_variable(error):
        return ErrorCode.BAD_USER_INPUT
    if isinstance(original, QueryTooComplex):
        return ErrorCode.QUERY_TOO_COMPLEX
    if isinstance(original, Unauthenticated):
        return ErrorCode.UNAUTHENTICATED
    if isinstance(original, Forbidden):
        return ErrorCode.FORBIDDEN
    if isinstance(original, DatabaseUnavailable):
        return ErrorCode.DATABASE_UNAVAILABLE
    if isinstance(original, QueryTimeout):
        return ErrorCode.DATABASE_TIMEOUT
    return ErrorCode.INTERNAL_ERROR


_PUBLIC_MESSAGES = {
    ErrorCode.DATABASE_UNAVAILABLE: "The code database is unavailable right now; try again shortly.",
    ErrorCode.DATABASE_TIMEOUT: "The query took too long and was stopped.",
    ErrorCode.INTERNAL_ERROR: "Internal error.",
}


def _is_limit(error: GraphQLError) -> bool:
    text = error.message.lower()
    # Strawberry's limiters say "exceeds maximum operation depth", "31 aliases found. Allowed: 30" and
    # "Document contains more than 2000 tokens. Parsing aborted."
    limits = ("exceeds maximum", "too many", "maximum", "token limit", "aliases found", "parsing aborted")
    return any(word in text for word in limits)


def _is_bad_variable(error: GraphQLError) -> bool:
    """graphql-core's own refusal of a variable or argument value (wrong type, out of range, null for `!`)."""
    return isinstance(error.original_error, GraphQLError) and error.message.startswith(
        ("Variable '$", "Argument '")
    )


class ErrorCodes(SchemaExtension):
    """Give every error a code and hide internals behind a plain message."""

    def on_operation(self):  # type: ignore[no-untyped-def]
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._coded(error) for error in result.errors]

    @staticmethod
    def _coded(error: GraphQLError) -> GraphQLError:
        code = error_code(error)
        if code == ErrorCode.INTERNAL_ERROR:
            log.error("internal error in %s", error.path, exc_info=error.original_error)
        return GraphQLError(
            _PUBLIC_MESSAGES.get(code, error.message),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=error.original_error,
            extensions={**(error.extensions or {}), "code": code.value},
        )
