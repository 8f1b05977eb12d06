"""The `/graphql` endpoint: Strawberry over ASGI, GET and POST (server.graphql_http), and GraphiQL for a
browser's GET, rendered by the page it is given (server.web.graphiql_page) instead of Strawberry's own, which
loads its scripts from a CDN."""

from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from schema import build_schema, schema
from schema.batched_reads import ReadBatcher
from schema.context import Context, SharedReads
from server.auth import editor_of
from server.graphql_http import GraphQLOverHTTP
from server.response_cache import ResponseCache
from server.settings import Settings
from server.state import graph_of, search_of

IdePage = Callable[[Request], Response]


class MedgraphGraphQL(GraphQLOverHTTP):
    """`ide` renders the page a browser's GET of `/graphql` gets; without one, that GET is a 404."""

    def __init__(
        self, introspection: bool = True, cache: ResponseCache | None = None, ide: IdePage | None = None
    ) -> None:
        served = schema if introspection else build_schema(introspection=False)
        graphql_ide = "graphiql" if ide is not None else None
        super().__init__(served, cache, graphql_ide=graphql_ide, allow_queries_via_get=True)
        self.ide = ide

    async def render_graphql_ide(self, request: Request) -> Response:
        if self.ide is None:  # Strawberry asks only when `graphql_ide` is set, which it is with `ide` alone
            raise RuntimeError("no IDE page to render")
        return self.ide(request)

    async def get_context(self, request: Request | WebSocket, response: Response | Any) -> Context:
        return context_for(request)


def context_for(request: HTTPConnection) -> Context:
    """The context of one request, for the endpoint and for pages that execute the schema in process."""
    settings: Settings = request.app.state.settings
    return Context(
        graph=graph_of(request),
        search=search_of(request),
        editor=editor_of(request, settings.api_key),
        writes_enabled=settings.api_key is not None,
        data_changed=request.app.state.response_cache.invalidate,
        shared=_shared_reads_of(request),
    )


def _shared_reads_of(request: HTTPConnection) -> SharedReads:
    """One per request: the documents a page runs side by side read in the same transactions and loaders."""
    shared: SharedReads | None = getattr(request.state, "shared_reads", None)
    if shared is None:
        shared = request.state.shared_reads = SharedReads(ReadBatcher(graph_of(request)))
    return shared
