from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool

from graph.driver import Graph
from graph.search.service import SearchService
from schema.batched_reads import ReadBatcher
from schema.curation.access import Editor
from schema.loaders import Loaders

T = TypeVar("T")


@dataclass
class SharedReads:
    """What the documents of one request share: their transactions and their DataLoaders. A page runs its
    documents side by side; each asks for the page's code and many of the same neighbours, and with loaders of
    their own each wave read them once a document."""

    batcher: ReadBatcher

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders.create(self.batcher)


@dataclass
class Context:
    """What every resolver sees for one request: the graph, the search index and the request's DataLoaders."""

    graph: Graph
    search: SearchService
    editor: Editor | None = None  # set when the request holds the API key
    writes_enabled: bool = False  # an API key is configured; without one every write is refused
    data_changed: Callable[[], None] = lambda: None  # told when a write changed the graph (response cache)
    shared: SharedReads | None = None  # the request's, when it runs several documents (a page)

    @cached_property
    def reads(self) -> ReadBatcher:
        return self.shared.batcher if self.shared is not None else ReadBatcher(self.graph)

    @cached_property
    def loaders(self) -> Loaders:
        """Made on first use: many requests (`{ __typename }`, search) never read through a loader."""
        return self.shared.loaders if self.shared is not None else Loaders.create(self.reads)

    async def run(self, read: Callable[..., T], *args: Any) -> T:
        """Run a blocking `graph.reads` function off the event loop, in one transaction with the other reads
        asked for at the same moment (schema.batched_reads)."""
        return await self.reads.run(read, *args)

    async def run_blocking(self, work: Callable[[], T]) -> T:
        return await run_in_threadpool(work)


Info = strawberry.Info[Context, None]
