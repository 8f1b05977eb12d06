"""The Starlette app, composed explicitly: routes, middleware and a lifespan that owns the one driver."""

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.routing import Mount, Route

from graph.driver import Graph
from graph.schema_setup import ensure_schema
from server.access_log import AccessLogMiddleware
from server.graphql_app import MedgraphGraphQL
from server.health import healthz, readyz
from server.metrics import Metrics, MetricsMiddleware
from server.settings import Settings

log = logging.getLogger("medgraph")


def create_app(settings: Settings) -> Starlette:
    metrics = Metrics()
    graph = Graph(settings.graph_config(), on_error=metrics.count_database_error)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            engine = await run_in_threadpool(ensure_schema, graph)
            log.info("graph schema ready on %s (%s)", graph.config.uri, engine)
        except Exception as exc:  # the app still serves /healthz and a 503 /readyz that says why
            log.warning("graph schema not set up at start: %s", exc)
        try:
            yield
        finally:
            graph.close()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics.endpoint),
            Mount("/graphql", MedgraphGraphQL(graph, dev=settings.dev)),
        ],
        middleware=[Middleware(MetricsMiddleware, metrics=metrics), Middleware(AccessLogMiddleware)],
        lifespan=lifespan,
    )
    app.state.graph = graph
    app.state.settings = settings
    app.state.metrics = metrics
    return app
