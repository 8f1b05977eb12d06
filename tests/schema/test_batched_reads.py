"""Reads asked for at the same moment share a thread and a read transaction; each caller still gets its own
answer, or its own error."""

import asyncio

import pytest

from graph.config import GraphConfig
from graph.driver import Graph
from graph.errors import DatabaseUnavailable
from graph.model import System
from graph.reads.codes import codes_by_uid, find_code, parents
from graph.search.service import SearchService
from schema.batched_reads import ReadBatcher
from schema.context import Context, SharedReads
from tests.conftest import free_port


def test_reads_asked_together_are_one_transaction_and_each_gets_its_answer(loaded_graph: Graph) -> None:
    async def ask() -> tuple[object, ...]:
        reads = ReadBatcher(loaded_graph)
        return await asyncio.gather(
            reads.run(find_code, System.CPT, "37188"),
            reads.run(parents, ["ICD10CM:I82.401"]),
            reads.run(codes_by_uid, ["HCPCS:J2997", "HCPCS:NOPE"]),
        )

    before = loaded_graph.transactions
    code, parent, rows = asyncio.run(ask())
    assert loaded_graph.transactions == before + 1
    assert code is not None and code.uid == "CPT:37188"
    assert parent == {"ICD10CM:I82.401": "ICD10CM:I82.40"}
    assert isinstance(rows, dict) and list(rows) == ["HCPCS:J2997"]


def test_reads_asked_later_are_another_transaction(loaded_graph: Graph) -> None:
    async def ask() -> None:
        reads = ReadBatcher(loaded_graph)
        await reads.run(parents, ["ICD10CM:I82.401"])
        await reads.run(parents, ["ICD10CM:I82.40"])

    before = loaded_graph.transactions
    asyncio.run(ask())
    assert loaded_graph.transactions == before + 2


def test_a_failing_read_fails_alone(loaded_graph: Graph) -> None:
    def broken(graph: Graph, uid: str) -> None:
        codes_by_uid(graph, [uid])
        raise LookupError(f"no page for {uid}")

    async def ask() -> list[object]:
        reads = ReadBatcher(loaded_graph)
        return await asyncio.gather(
            reads.run(parents, ["ICD10CM:I82.401"]), reads.run(broken, "CPT:37188"), return_exceptions=True
        )

    parent, error = asyncio.run(ask())
    assert parent == {"ICD10CM:I82.401": "ICD10CM:I82.40"}
    assert isinstance(error, LookupError) and str(error) == "no page for CPT:37188"


def test_an_unreachable_database_fails_every_read_of_the_batch_once() -> None:
    nowhere = Graph(GraphConfig(f"bolt://127.0.0.1:{free_port()}", "neo4j", "none", "medgraph", 0.5))

    async def ask() -> list[object]:
        reads = ReadBatcher(nowhere)
        return await asyncio.gather(
            reads.run(parents, ["ICD10CM:I82.401"]), reads.run(parents, ["CPT:37188"]), return_exceptions=True
        )

    try:
        errors = asyncio.run(ask())
    finally:
        nowhere.close()
    assert all(isinstance(error, DatabaseUnavailable) for error in errors)
    assert nowhere.transactions == 1, "each read tried the dead database again on its own"


@pytest.mark.parametrize("asked", [1, 40])
def test_every_caller_gets_the_answer_of_its_own_read(loaded_graph: Graph, asked: int) -> None:
    uids = [f"ICD10CM:I82.4{i:02d}" for i in range(asked)]

    async def ask() -> list[object]:
        reads = ReadBatcher(loaded_graph)
        return await asyncio.gather(*(reads.run(parents, [uid]) for uid in uids))

    assert asyncio.run(ask()) == [parents(loaded_graph, [uid]) for uid in uids]


def test_the_same_read_asked_twice_at_once_runs_once_and_answers_both(loaded_graph: Graph) -> None:
    asked: list[str] = []

    def counted(graph: Graph, system: System, typed: str) -> object:
        asked.append(typed)
        return find_code(graph, system, typed)

    async def ask() -> list[object]:
        reads = ReadBatcher(loaded_graph)
        return await asyncio.gather(
            reads.run(counted, System.CPT, "37188"),
            reads.run(counted, System.CPT, "37188"),
            reads.run(counted, System.CPT, "37187"),
        )

    first, again, other = asyncio.run(ask())
    assert asked == ["37188", "37187"]
    assert first is again and first is not None
    assert other is not None and other != first


def test_the_documents_of_one_request_share_their_loaders(loaded_graph: Graph) -> None:
    """A page runs three documents side by side, each asking for the page's code and its neighbours: with
    shared loaders each wave reads them once, not once a document."""
    shared = SharedReads(ReadBatcher(loaded_graph))
    search = SearchService(loaded_graph, folder=None)
    contexts = [Context(graph=loaded_graph, search=search, shared=shared) for _ in range(3)]

    async def ask() -> list[object]:
        return await asyncio.gather(*(context.loaders.code.load("CPT:37188") for context in contexts))

    before = loaded_graph.transactions
    rows = asyncio.run(ask())
    assert loaded_graph.transactions == before + 1
    assert rows[0] is not None and all(row is rows[0] for row in rows)
    alone = Context(graph=loaded_graph, search=search)
    assert alone.loaders is not contexts[0].loaders
