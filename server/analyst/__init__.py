"""The analyst console: a read-only Cypher console at `/analyst` and its endpoint `POST /analyst/query`.

A sibling of GraphQL and FHIR: it runs the analyst's statements through graph.analyst, as the graph's
read-only analyst user, and never reaches into the other front ends.
"""

from starlette.routing import BaseRoute, Route

from server.analyst.endpoints import AnalystEndpoints


def analyst_routes() -> list[BaseRoute]:
    endpoints = AnalystEndpoints()
    return [
        Route("/analyst", endpoints.page, methods=["GET", "POST"], name="analyst-page"),
        Route("/analyst/query", endpoints.query, methods=["POST"], name="analyst-query"),
    ]
