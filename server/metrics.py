"""Prometheus metrics: request counts and latency per route, database errors by kind, and the response
cache's hits, misses and size."""

import time
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.response_cache import ResponseCache


class Metrics:
    """One registry per app, so tests (and several apps in one process) never share counters."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "medgraph_http_requests", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "medgraph_http_request_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10),
            registry=self.registry,
        )
        self.database_errors = Counter(
            "medgraph_database_errors", "Database errors by kind", ["kind"], registry=self.registry
        )

        self.follower_failures = Counter(
            "medgraph_data_follower_failures",
            "Failed steps of following the graph's data version, by kind",
            ["kind"],
            registry=self.registry,
        )

    def count_follower_failure(self, error: Exception) -> None:
        self.follower_failures.labels(type(error).__name__).inc()

    def count_database_error(self, error: Exception) -> None:
        self.database_errors.labels(type(error).__name__).inc()

    def watch(self, cache: ResponseCache) -> None:
        self.registry.register(_CacheCollector(cache))

    def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


class MetricsMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = _route_name(scope)
        status = 500
        started = time.perf_counter()

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
            self.metrics.requests.labels(scope["method"], route, str(status)).inc()


def _route_name(scope: Scope) -> str:
    """The route's template, not the raw path, so that label values stay few."""
    for route in scope["app"].routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return getattr(route, "path", "other")
    return "unmatched"


class _CacheCollector(Collector):
    """Read from the cache when scraped: it counts for itself, on the hot path, without locks."""

    def __init__(self, cache: ResponseCache) -> None:
        self.cache = cache

    def collect(self) -> Iterator[Metric]:
        cache = self.cache
        yield CounterMetricFamily("medgraph_response_cache_hits", "Answers served from the cache", cache.hits)
        yield CounterMetricFamily("medgraph_response_cache_misses", "Answers computed", cache.misses)
        yield GaugeMetricFamily("medgraph_response_cache_entries", "Answers held", cache.size)
