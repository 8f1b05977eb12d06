"""The task that keeps an app replica in step with the graph: it builds the search index at start, then
follows the graph's data version (loads by other processes, curation writes of any replica)
within `every` seconds.

It never dies of a failure: every failure — the graph not answering, the index failing to build (a full disk)
or anything unforeseen — is logged (once per run of failures, with its cause), counted in
`medgraph_data_follower_failures`, kept as the reason `/readyz` gives, and retried after a back-off that
doubles up to MAX_BACKOFF_SECONDS. Cancelling the task (the app's shutdown) is the only way it ends.
"""

import asyncio
import logging
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool

from graph.driver import Graph
from graph.reads.graph_state import data_version
from graph.search.service import SearchService
from server.response_cache import ResponseCache

log = logging.getLogger("medgraph")
MAX_BACKOFF_SECONDS = 10.0


class DataFollower:
    def __init__(
        self,
        graph: Graph,
        search: SearchService,
        cache: ResponseCache,
        every: float,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        self.graph = graph
        self.search = search
        self.cache = cache
        self.every = every
        self.on_failure = on_failure
        self.failure: str | None = None  # why the last step failed; None once a step succeeds

    @property
    def index_ready(self) -> bool:
        return self.search.version is not None

    async def run(self) -> None:
        pause = self.every
        while True:
            try:
                await self.step()
            except Exception as exc:
                self._failed(exc)
                pause = min(max(pause, self.every) * 2, MAX_BACKOFF_SECONDS)
            else:
                if self.failure is not None:
                    log.info("data version followed again")
                self.failure = None
                pause = self.every
            await asyncio.sleep(pause)

    async def step(self) -> None:
        version = await run_in_threadpool(data_version, self.graph)
        self.cache.follow(version, self.search.version)
        if self.search.version != version or self.search.version is None:
            await run_in_threadpool(self.search.refresh)
            self.cache.follow(version, self.search.version)

    def _failed(self, exc: Exception) -> None:
        if self.on_failure is not None:
            self.on_failure(exc)
        reason = f"{type(exc).__name__}: {exc}"
        if self.failure is None:  # once per run of failures, not once per poll
            log.warning("data version not followed: %s", reason, exc_info=exc)
        self.failure = reason
