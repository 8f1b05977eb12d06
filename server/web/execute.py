"""Run a page's GraphQL document in process, exactly as a client would send it to /graphql.

The pages have no other way to the graph: `schema.execute` with the same per-request context as /graphql
(`server.graphql_app.context_for`). Its errors are in server.web.errors.
"""

from typing import Any

import strawberry
from starlette.requests import Request

from server.graphql_app import context_for
from server.web.documents import Document
from server.web.errors import PageQueryFailed, PageQueryUnavailable


async def execute(
    schema: strawberry.Schema, request: Request, document: Document, **variables: Any
) -> dict[str, Any]:
    """The `data` of the document's answer; PageQueryFailed when the answer carries errors."""
    if not document.available:
        raise PageQueryUnavailable(["UNAVAILABLE"], list(document.problems))
    result = await schema.execute(
        document.text,
        variable_values=variables,
        context_value=context_for(request),
    )
    if result.errors:
        codes = [str((error.extensions or {}).get("code", "INTERNAL_ERROR")) for error in result.errors]
        raise PageQueryFailed(codes, [error.message for error in result.errors])
    assert result.data is not None
    return result.data
