"""The data follower (server.data_follower) over the real loaded graph: it outlives a failure to build the
search index, says why in `failure` and its callback, backs off, and follows again once the cause is gone."""

import asyncio
from pathlib import Path

import pytest

from graph.driver import Graph
from graph.reads.graph_state import data_version
from graph.search.service import SearchService
from server.data_follower import DataFollower
from server.response_cache import ResponseCache

pytestmark = pytest.mark.engine
BOUND_SECONDS = 120.0


async def until(condition: object, bound: float = BOUND_SECONDS) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + bound
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "the follower never got there"
        await asyncio.sleep(0.05)


def test_a_failing_index_build_is_reported_and_retried_until_it_works(
    loaded_graph: Graph, tmp_path: Path
) -> None:
    blocked = tmp_path / "search"
    blocked.write_text("a file where the index folder should be: every build fails")
    search = SearchService(loaded_graph, blocked)
    failures: list[Exception] = []
    follower = DataFollower(loaded_graph, search, ResponseCache(), every=0.05, on_failure=failures.append)

    async def scenario() -> None:
        task = asyncio.create_task(follower.run())
        try:
            await until(lambda: len(failures) >= 2)
            assert not task.done()  # it outlived the failures
            assert follower.failure is not None and not follower.index_ready
            blocked.unlink()
            await until(lambda: follower.index_ready and follower.failure is None)
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(scenario())
    assert search.version == data_version(loaded_graph)
    assert all(not isinstance(failure, asyncio.CancelledError) for failure in failures)
