"""The `/graphql` endpoint: Strawberry over ASGI, GET and POST, GraphiQL in dev mode."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL

from schema import schema
from schema.context import Context


class MedgraphGraphQL(GraphQL[Context, None]):
    def __init__(self, dev: bool) -> None:
        super().__init__(schema, graphql_ide="graphiql" if dev else None, allow_queries_via_get=True)

    async def get_context(self, request: Request, response: Response | Any) -> Context:
        return context_for(request)


def context_for(request: Request) -> Context:
    """The context of one request, for the endpoint and for pages that execute the schema in process."""
    return Context(graph=request.app.state.graph, search=request.app.state.search)
