"""Session fixtures: one real graph engine for the whole run.

Without NEO4J_URI the embedded engine is started on free ports in a temporary folder and stopped at the end.
With NEO4J_URI set, the suite runs against that server instead (its database is emptied and reloaded: point it
at a database you can spare).
"""

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.bundle import seeds_dir
from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.bundled import BUNDLED_PATHS, READERS
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.reads.graph_state import data_version
from graph.schema_setup import ensure_schema
from graph.vocabulary.bundled import load_bundled_vocabularies
from graph.vocabulary.glossary import read_seed_glossary
from graph.vocabulary.history_sources import load_bundled_history
from server.app import create_app
from server.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def engine_environ(home: Path) -> dict[str, str]:
    """Settings for an embedded engine of the test's own, on ports nobody else uses."""
    return {
        "MEDGRAPH_HOME": str(home),
        "MEDGRAPH_ENGINE_BOLT_PORT": str(free_port()),
        "MEDGRAPH_ENGINE_HTTP_PORT": str(free_port()),
        "MEDGRAPH_ENGINE_HEAP": "2g",
    }


@contextlib.contextmanager
def engine_of_its_own(home: Path, **environ: str) -> Iterator[tuple[Settings, EngineControl]]:
    """A started embedded engine in `home`, stopped on leaving; `environ` adds `MEDGRAPH_*` settings."""
    settings = Settings.from_environ({**engine_environ(home), **environ})
    control = EngineControl(settings.engine_config())
    control.start()
    try:
        yield settings, control
    finally:
        control.stop()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    external = {k: v for k, v in os.environ.items() if k.startswith("NEO4J_")}
    if external.get("NEO4J_URI"):
        yield Settings.from_environ(external)
        return
    with engine_of_its_own(tmp_path_factory.mktemp("medgraph-home")) as (settings, _):
        yield settings


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Iterator[Graph]:
    graph = Graph(settings.graph_config())
    ensure_schema(graph)
    try:
        yield graph
    finally:
        graph.close()


@pytest.fixture(scope="session")
def loaded_graph(graph: Graph) -> Graph:
    """The session's graph with every bundled release and the curated seeds loaded, once per run."""
    for system, read in READERS.items():
        load_release(graph, read(BUNDLED_PATHS[system]()), SilentProgress())
    load_bundled_vocabularies(graph, SilentProgress())
    load_knowledge(graph, load_seeds(seeds_dir()), read_seed_glossary(seeds_dir()))
    load_bundled_history(graph, SilentProgress())
    return graph


def settings_environ(settings: Settings) -> dict[str, str]:
    """The environment a `medgraph` subprocess needs to reach the session's graph."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    if not settings.embedded:
        graph = settings.graph_config()
        return {**base, "NEO4J_URI": graph.uri, "NEO4J_USER": graph.user,
                "NEO4J_PASSWORD": graph.password, "NEO4J_DATABASE": graph.database}  # fmt: skip
    return {
        **base,
        "MEDGRAPH_HOME": str(settings.home),
        "MEDGRAPH_ENGINE_BOLT_PORT": str(settings.engine_bolt_port),
        "MEDGRAPH_ENGINE_HTTP_PORT": str(settings.engine_http_port),
    }


def wait_for(ready: Callable[[], bool], within: float, what: str, every: float = 0.05) -> None:
    """Wait until `ready()` says the observable state is there, for at most `within` seconds; `what` says
    what never happened when it is not. Tests wait this way, never for a fixed time."""
    deadline = time.monotonic() + within
    while not ready():
        assert time.monotonic() < deadline, f"{what} (waited {within:.0f} s)"
        time.sleep(every)


def wait_until_following(client: TestClient, timeout: float = 120.0) -> None:
    """Wait until a started app has its search index for the graph's data version: until then each step of
    following the version clears the response cache, which would make a test's hit a miss."""
    cache = client.app.state.response_cache  # type: ignore[attr-defined]
    version = data_version(client.app_state["graph"])
    following = (version, version)
    wait_for(lambda: cache.following == following, timeout, "the app never followed the data")


# A bound, not a speed to meet: the search index over the loaded graph builds in about 10 s, and in minutes
# on a machine shared by several test runs.
START_TIMEOUT = 300.0


@contextlib.contextmanager
def served(app: Starlette) -> Iterator[str]:
    """The URL of `app` served by uvicorn on a free port (its lifespan run), once it answers searches."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="medgraph-web", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_searchable(url, server)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="session")
def base_url(
    settings: Settings, loaded_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a real medgraph server over the loaded graph; the search index is ready before tests run.

    The server keeps its search index in a home of its own, so other tests' apps never replace it under it.
    """
    own = settings.model_copy(update={"home": tmp_path_factory.mktemp("web-home")})
    app = create_app(own)
    if not any(getattr(route, "name", None) == "web-search" for route in app.routes):
        pytest.fail("create_app does not serve the web pages: add `*web_routes()` (server.web) to its routes")
    with served(app) as url:
        yield url


def _wait_until_searchable(url: str, server: uvicorn.Server) -> None:
    query = {"query": '{ suggest(prefix: "37188", first: 1) { code } }'}

    def searchable() -> bool:
        if not server.started:
            return False
        try:
            answer = httpx.post(f"{url}/graphql/", json=query, timeout=START_TIMEOUT).json()
        except httpx.HTTPError:
            return False
        return bool(answer.get("data", {}).get("suggest"))

    wait_for(searchable, START_TIMEOUT, f"medgraph did not start serving at {url}", every=0.2)
