"""Run one statement over many rows, a chunk per write transaction."""

from collections.abc import Iterator, Sequence
from typing import Any, LiteralString, TypeVar

from graph.driver import Graph, Statement
from graph.loader.progress import Progress

T = TypeVar("T")

BATCH_SIZE = 2000
LOAD_TIMEOUT = 300.0  # seconds for one batch; a whole release takes many


def chunks(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_batches(
    graph: Graph,
    progress: Progress,
    name: str,
    rows: Sequence[dict[str, Any]],
    *queries: LiteralString,
) -> None:
    """Each chunk runs every query in one transaction: the chunk is written whole or not at all."""
    progress.step(name, len(rows))
    for chunk in chunks(rows):
        statements = [Statement(query, {"rows": list(chunk)}) for query in queries]
        graph.write_all(statements, timeout=LOAD_TIMEOUT)
        progress.advance(len(chunk))
