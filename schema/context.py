from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool

from graph.driver import Graph

T = TypeVar("T")


@dataclass
class Context:
    """What every resolver sees for one request."""

    graph: Graph

    async def run(self, read: Callable[..., T], *args: Any) -> T:
        """Run a blocking `graph.reads` function off the event loop."""
        return await run_in_threadpool(read, self.graph, *args)


Info = strawberry.Info[Context, None]
