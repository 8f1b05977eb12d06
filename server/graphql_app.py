"""The `/graphql` endpoint: Strawberry over ASGI, GET and POST, GraphiQL in dev mode (server.graphql_http)."""

from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from schema import build_schema, schema
from schema.context import Context
from schema.curation.access import EDITOR_HEADER, editor_for
from server.graphql_http import GraphQLOverHTTP
from server.response_cache import ResponseCache
from server.settings import Settings
from server.state import graph_of, search_of


class MedgraphGraphQL(GraphQLOverHTTP):
    def __init__(self, dev: bool, introspection: bool = True, cache: ResponseCache | None = None) -> None:
        served = schema if introspection else build_schema(introspection=False)
        super().__init__(served, cache, graphql_ide="graphiql" if dev else None, allow_queries_via_get=True)

    async def get_context(self, request: Request | WebSocket, response: Response | Any) -> Context:
        return context_for(request)


def context_for(request: HTTPConnection) -> Context:
    """The context of one request, for the endpoint and for pages that execute the schema in process."""
    settings: Settings = request.app.state.settings
    return Context(
        graph=graph_of(request),
        search=search_of(request),
        editor=editor_for(
            settings.api_key, request.headers.get("Authorization"), request.headers.get(EDITOR_HEADER)
        ),
        writes_enabled=settings.api_key is not None,
        data_changed=request.app.state.response_cache.invalidate,
    )
