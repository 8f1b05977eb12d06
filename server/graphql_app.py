"""The `/graphql` endpoint: Strawberry over ASGI, GET and POST, GraphiQL in dev mode."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL

from graph.driver import Graph
from schema import schema
from schema.context import Context


class MedgraphGraphQL(GraphQL[Context, None]):
    def __init__(self, graph: Graph, dev: bool) -> None:
        super().__init__(schema, graphql_ide="graphiql" if dev else None, allow_queries_via_get=True)
        self.graph = graph

    async def get_context(self, request: Request, response: Response | Any) -> Context:
        return Context(graph=self.graph)
