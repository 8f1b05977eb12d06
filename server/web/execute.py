"""Run a page's GraphQL document in process, exactly as a client would send it to /graphql.

The pages have no other way to the graph: `schema.execute` with the same per-request context as /graphql
(`server.graphql_app.context_for`).

QueryFailed            the API answered with errors; `codes` holds their `extensions.code`
└── QueryUnavailable   the schema cannot answer this document (yet)
"""

from typing import Any

import strawberry
from starlette.requests import Request

from server.graphql_app import context_for
from server.web.documents import Document


class QueryFailed(Exception):
    def __init__(self, codes: list[str], messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.codes = codes
        self.messages = messages

    @property
    def bad_input(self) -> bool:
        return "BAD_USER_INPUT" in self.codes

    @property
    def unavailable(self) -> bool:
        return any(code in ("DATABASE_UNAVAILABLE", "DATABASE_TIMEOUT") for code in self.codes)


class QueryUnavailable(QueryFailed):
    pass


async def execute(
    schema: strawberry.Schema, request: Request, document: Document, **variables: Any
) -> dict[str, Any]:
    """The `data` of the document's answer; QueryFailed when the answer carries errors."""
    if not document.available:
        raise QueryUnavailable(["UNAVAILABLE"], list(document.problems))
    result = await schema.execute(
        document.text,
        variable_values=variables,
        context_value=context_for(request),
    )
    if result.errors:
        codes = [str((error.extensions or {}).get("code", "INTERNAL_ERROR")) for error in result.errors]
        raise QueryFailed(codes, [error.message for error in result.errors])
    assert result.data is not None
    return result.data
