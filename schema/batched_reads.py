"""Reads asked for in the same moment of a request run together: one thread and one read transaction.

GraphQL resolves a page in waves, and the DataLoaders of a wave dispatch their batches within a tick or two of
each other. Run apart, every batch was a thread, a session and a transaction of its own: 21 for a code page,
which spent more time in them than in its statements. Gathered, a wave is one of each, and a read asked for
twice in it (a page's documents each look up the page's code) runs once: one transaction answers it the same.
"""

import asyncio
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from graph.driver import Graph
from graph.errors import DatabaseUnavailable, QueryTimeout

T = TypeVar("T")
Read = Callable[[Graph], Any]

# Loop iterations to wait for the rest of a wave. A DataLoader dispatches its batch a tick after its first
# load; the other fields of the wave ask within the next few (measured: more ticks gathered no more reads).
TICKS = 3
# Errors of the database as a whole: every read of the transaction would meet them again on its own.
_SHARED_FAILURES = (DatabaseUnavailable, QueryTimeout)


@dataclass
class _Asked:
    read: Read
    answer: "asyncio.Future[Any]"
    same_as: Hashable | None  # reads with equal keys are the same read; None when its arguments do not say


def _key(read: Callable[..., Any], args: tuple[Any, ...]) -> Hashable | None:
    try:
        key = (read, args)
        hash(key)
    except TypeError:  # a list of keys: a DataLoader's batch, which has no twin in the wave
        return None
    return key


@dataclass
class ReadBatcher:
    graph: Graph
    _asked: list[_Asked] = field(default_factory=list)
    _flushes: set["asyncio.Task[None]"] = field(default_factory=set)

    async def run(self, read: Callable[..., T], *args: Any) -> T:
        """`read(graph, *args)`, run with whatever else is asked for in the next few ticks."""
        loop = asyncio.get_running_loop()
        asked = _Asked(lambda graph: read(graph, *args), loop.create_future(), _key(read, args))
        self._asked.append(asked)
        if len(self._asked) == 1:
            flush = loop.create_task(self._flush())
            self._flushes.add(flush)  # the loop keeps only a weak reference to a task
            flush.add_done_callback(self._flushes.discard)
        result: T = await asked.answer
        return result

    async def _flush(self) -> None:
        for _ in range(TICKS):
            await asyncio.sleep(0)
        asked, self._asked = self._asked, []
        reads: list[Read] = []
        first: dict[Hashable, int] = {}  # of each key, the index of its read
        slots = []
        for one in asked:
            slot = first.get(one.same_as) if one.same_as is not None else None
            if slot is None:
                slot = len(reads)
                reads.append(one.read)
                if one.same_as is not None:
                    first[one.same_as] = slot
            slots.append(slot)
        outcomes = await run_in_threadpool(self._run, reads)
        for one, slot in zip(asked, slots, strict=True):
            value, error = outcomes[slot]
            if one.answer.cancelled():  # its request went away
                continue
            if error is not None:
                one.answer.set_exception(error)
            else:
                one.answer.set_result(value)

    def _run(self, reads: list[Read]) -> list[tuple[Any, Exception | None]]:
        if len(reads) > 1:
            try:
                return [(value, None) for value in self.graph.read_together(reads)]
            except _SHARED_FAILURES as exc:
                return [(None, exc)] * len(reads)
            except Exception:  # one read's failure ended the transaction for all: find whose it was
                pass
        return [_alone(self.graph, read) for read in reads]


def _alone(graph: Graph, read: Read) -> tuple[Any, Exception | None]:
    try:
        return read(graph), None
    except Exception as exc:  # handed to the read's caller, as if it had run the read itself
        return None, exc
