"""Searches served while the search index is rebuilt and swapped (graph/search/service.py), over HTTP.

On an engine of this module's own, holding the curated seeds only: the HCPCS release is loaded while clients
search without pause; the app's follower sees the data version move, builds the new index beside the old one
and swaps it in. Every answer meanwhile must be whole and from one index: a 200 without errors whose facets
add up to its total, the old total until the swap and the new one after it, never back again.
"""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from graph.bundle import seeds_dir
from graph.driver import Graph
from graph.importers.hcpcs_anweb import bundled_workbook_path, read_hcpcs_workbook
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.reads.graph_state import data_version
from graph.schema_setup import ensure_schema
from server.app import create_app
from tests.conftest import engine_of_its_own, served, wait_for

CLIENTS = 4
AFTER_THE_SWAP = 3  # answers each client still asks for once the new index is in use
BOUND_SECONDS = 300.0
SEARCH = {
    "query": '{ search(query: "wheelchair", first: 5) '
    "{ totalCount facets { system count } edges { node { code } } } }"
}


@pytest.fixture
def seeds_only(tmp_path: Path) -> Iterator[tuple[Graph, str, Starlette]]:
    with engine_of_its_own(tmp_path / "engine-home") as (settings, _):
        graph = Graph(settings.graph_config())
        try:
            ensure_schema(graph)
            load_knowledge(graph, load_seeds(seeds_dir()))
            app = create_app(settings.model_copy(update={"data_version_poll_seconds": 0.05}))
            with served(app) as url:
                yield graph, url, app
        finally:
            graph.close()


def totals(url: str, swapped: threading.Event, answers: list[tuple[int, Any]]) -> None:
    """Search until AFTER_THE_SWAP answers have come after `swapped`; every answer goes into `answers`."""
    after = 0
    with httpx.Client(base_url=url, timeout=60, headers={"Cache-Control": "no-cache"}) as http:
        while after < AFTER_THE_SWAP:
            seen = swapped.is_set()
            response = http.post("/graphql", json=SEARCH)
            answers.append((response.status_code, response.json()))
            after += seen


def test_searches_during_an_index_swap_are_whole_and_from_one_index(
    seeds_only: tuple[Graph, str, Starlette],
) -> None:
    graph, url, app = seeds_only
    cache = app.state.response_cache  # follows (data version, search index version): server.response_cache
    before = httpx.post(f"{url}/graphql", json=SEARCH).json()["data"]["search"]["totalCount"]
    swapped = threading.Event()
    answers: list[list[tuple[int, Any]]] = [[] for _ in range(CLIENTS)]
    clients = [threading.Thread(target=totals, args=(url, swapped, mine)) for mine in answers]
    for client in clients:
        client.start()
    try:
        load_release(graph, read_hcpcs_workbook(bundled_workbook_path()), SilentProgress())
        loaded = data_version(graph)

        def swapped_in() -> bool:  # the follower builds the new index beside the old one and swaps it in
            assert all(client.is_alive() for client in clients), "a client stopped before the swap"
            return bool(cache.following == (loaded, loaded))

        wait_for(swapped_in, BOUND_SECONDS, "the app never swapped in the new index")
    finally:
        swapped.set()
        for client in clients:
            client.join(timeout=BOUND_SECONDS)
    after = httpx.post(f"{url}/graphql", json=SEARCH).json()["data"]["search"]["totalCount"]
    assert after > before  # HCPCS holds wheelchairs; the seeds alone hardly any

    for mine in answers:
        assert len(mine) >= AFTER_THE_SWAP
        seen = []
        for status, body in mine:
            assert status == 200 and "errors" not in body, body
            page = body["data"]["search"]
            assert sum(facet["count"] for facet in page["facets"]) == page["totalCount"], page
            assert len(page["edges"]) == min(5, page["totalCount"]), page
            seen.append(page["totalCount"])
        assert seen[0] == before and seen[-1] == after
        assert set(seen) == {before, after}  # one index or the other: the HCPCS load moves the version once
        assert seen == sorted(seen)  # never the old index again once the new one answered
