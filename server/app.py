"""The Starlette app, composed explicitly: routes, middleware and a lifespan that owns the one driver, the
search index and the task that follows the data version (server.state)."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from functools import partial

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from graph.analyst import AnalystConsole
from graph.driver import Graph
from graph.errors import GraphError
from graph.schema_setup import ensure_schema
from graph.search.service import SearchService
from server.access_log import AccessLogMiddleware
from server.analyst import analyst_routes
from server.auth import EDITOR_HEADER
from server.body_limit import BodyLimitMiddleware
from server.compression import compression
from server.data_follower import DataFollower
from server.fhir import fhir_routes
from server.graphql_app import MedgraphGraphQL
from server.health import healthz, readyz
from server.metrics import Metrics, MetricsMiddleware
from server.response_cache import ResponseCache
from server.security_headers import SecurityHeadersMiddleware
from server.settings import Settings
from server.state import LifespanState
from server.web import graphiql_page, web_routes

log = logging.getLogger("medgraph")


def cors(settings: Settings) -> list[Middleware]:
    """Cross-origin reads (and keyed writes) for the origins of MEDGRAPH_CORS_ORIGINS; none when unset."""
    if not settings.cors_origin_list:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization", EDITOR_HEADER],
            max_age=600,
        )
    ]


def create_app(settings: Settings, graph_type: type[Graph] = Graph) -> Starlette:
    """The app; its lifespan opens the driver (a `graph_type`), the search index and the follower, and
    closes them. Tests hand in a `Graph` of their own to meet faults the real engine cannot make on demand."""
    metrics = Metrics()
    cache = ResponseCache()
    metrics.watch(cache)
    # GraphiQL is offered in production too: it is our own page over bundled assets, under the pages' CSP.
    graphiql = partial(graphiql_page.render, introspection=settings.introspection_enabled)
    graphql = MedgraphGraphQL(settings.introspection_enabled, cache, ide=graphiql)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[LifespanState]:
        graph = graph_type(settings.graph_config(), on_error=metrics.count_database_error)
        analyst_config = settings.analyst_graph_config()
        analyst = AnalystConsole(analyst_config) if analyst_config is not None else None
        try:
            search = SearchService(graph, settings.home / "search")
            every = settings.data_version_poll_seconds
            follower = DataFollower(graph, search, cache, every, metrics.count_follower_failure)
            try:
                engine = await run_in_threadpool(ensure_schema, graph)
                log.info("graph schema ready on %s (%s)", graph.config.uri, engine)
            except GraphError as exc:  # the app still serves /healthz and a 503 /readyz that says why
                log.warning("graph schema not set up at start: %s", exc)
            refresher = asyncio.create_task(follower.run())
            try:
                # Lifespan state: Starlette gives each request a copy as `request.state` (server.state).
                yield LifespanState(graph=graph, search=search, follower=follower, analyst=analyst)
            finally:
                # Awaited, so that a read the follower has in a worker thread ends before the driver closes.
                refresher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await refresher
        finally:
            if analyst is not None:
                analyst.close()
            graph.close()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics.endpoint),
            # Both spellings answer: a Mount would redirect `/graphql` to `/graphql/` (a round trip more).
            Route("/graphql", graphql),
            Route("/graphql/", graphql),
            *fhir_routes(),
            *analyst_routes(),
            *web_routes(),
        ],
        middleware=[
            Middleware(MetricsMiddleware, metrics=metrics),
            Middleware(AccessLogMiddleware),
            Middleware(SecurityHeadersMiddleware),
            compression(),
            *cors(settings),
            Middleware(BodyLimitMiddleware),
        ],
        lifespan=lifespan,
    )
    app.state.response_cache = cache
    app.state.settings = settings
    app.state.metrics = metrics
    return app
