"""What a benchmark runs against: the app over HTTP, the graph through the driver, and their processes.

Without options a benchmark builds its own stack, as `make bench` does on a fresh machine: an embedded engine
in a temporary folder on free ports, every bundled release and the seeds loaded, and `medgraph serve` on a
free port. With `--url` (and `--home`, the running app's MEDGRAPH_HOME) it attaches to a running setup
instead, for development; the engine's ports come from MEDGRAPH_ENGINE_* in the environment as for the app.
"""

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.client import GraphQLClient
from bench.loading import load_all
from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.reads.graph_state import data_version
from graph.schema_setup import ensure_schema
from graph.search import SearchIndex, storage
from server.settings import Settings
from tests.conftest import engine_environ, free_port

APP_START_TIMEOUT = 300.0
MEDGRAPH = Path(sys.executable).parent / "medgraph"


def add_stack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url", help="a running app (e.g. http://127.0.0.1:8020); default: start a fresh one"
    )
    parser.add_argument("--home", type=Path, help="the running app's MEDGRAPH_HOME (with --url)")


def attached_settings(home: Path) -> Settings:
    environ = {k: v for k, v in os.environ.items() if k.startswith(("MEDGRAPH_", "NEO4J_"))}
    return Settings.from_environ({**environ, "MEDGRAPH_HOME": str(home)})


def fresh_settings(home: Path) -> Settings:
    return Settings.from_environ({**engine_environ(home), "MEDGRAPH_PORT": str(free_port())})


def app_environ(settings: Settings) -> dict[str, str]:
    """The environment of a `medgraph serve` for these settings (nothing else of ours leaks in)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    return {
        **base,
        "MEDGRAPH_HOME": str(settings.home.resolve()),
        "MEDGRAPH_PORT": str(settings.port),
        "MEDGRAPH_ENGINE_BOLT_PORT": str(settings.engine_bolt_port),
        "MEDGRAPH_ENGINE_HTTP_PORT": str(settings.engine_http_port),
        "MEDGRAPH_ENGINE_HEAP": settings.engine_heap,
    }


@dataclass(frozen=True, slots=True)
class Started:
    healthz: float  # seconds from launch to each answer
    readyz: float
    first_search: float


class AppProcess:
    """`medgraph serve` as a child process, its output in a log file under its home."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = f"http://127.0.0.1:{settings.port}"
        self.log_path = settings.home / f"app-{settings.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None, "not started"
        return self._process.pid

    def start(self, timeout: float = APP_START_TIMEOUT) -> Started:
        """Launch, then wait for /healthz, /readyz and a first search (which waits for the search index)."""
        with self.log_path.open("ab") as log:
            started = time.perf_counter()
            self._process = subprocess.Popen(
                [str(MEDGRAPH), "serve"],
                env=app_environ(self.settings),
                cwd=self.settings.home,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = started + timeout
        healthz = self._wait_for("/healthz", deadline) - started
        readyz = self._wait_for("/readyz", deadline) - started
        client = GraphQLClient(self.url, timeout=timeout)
        try:
            client.execute('{ search(query: "vein", first: 1) { totalCount } }')
        finally:
            client.close()
        return Started(healthz=healthz, readyz=readyz, first_search=time.perf_counter() - started)

    def stop(self, timeout: float = 60.0) -> None:
        """SIGINT, as Ctrl-C: the app stops the engine if it started it. (On SIGTERM uvicorn shuts down and
        then re-raises the signal, which ends the process before `serve` stops the engine it started.)"""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGINT)
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def _wait_for(self, path: str, deadline: float) -> float:
        assert self._process is not None
        with httpx.Client(base_url=self.url, timeout=5.0) as http:
            while time.perf_counter() < deadline:
                if self._process.poll() is not None:
                    tail = self.log_path.read_text(errors="replace")[-600:]
                    raise RuntimeError(f"medgraph serve exited ({self._process.returncode}): {tail}")
                with contextlib.suppress(httpx.HTTPError):
                    if http.get(path).status_code == 200:
                        return time.perf_counter()
                time.sleep(0.05)
        raise TimeoutError(f"{self.url}{path} not OK after {APP_START_TIMEOUT:.0f} s; see {self.log_path}")


@dataclass
class Stack:
    url: str
    settings: Settings
    graph: Graph
    engine: str  # for the header
    app_pid: int | None
    engine_pid: int | None
    fresh: bool


@contextlib.contextmanager
def open_stack(url: str | None, home: Path | None) -> Iterator[Stack]:
    """The stack a benchmark runs against: attached to `url`, or fresh (see the module docstring)."""
    if url is not None:
        if home is None:
            raise SystemExit("--url needs --home, the running app's MEDGRAPH_HOME")
        settings = attached_settings(home)
        graph = Graph(settings.graph_config())
        engine_pid = EngineControl(settings.engine_config()).status().pid if settings.embedded else None
        try:
            yield Stack(url, settings, graph, engine_name(graph), listener_pid(url), engine_pid, fresh=False)
        finally:
            graph.close()
        return
    with fresh_engine() as (settings, engine_pid, graph, app):
        print(f"loading every bundled release and the seeds into {settings.home} …", file=sys.stderr)
        load_all(graph)
        app.start()
        yield Stack(app.url, settings, graph, engine_name(graph), app.pid, engine_pid, fresh=True)


@contextlib.contextmanager
def fresh_engine() -> Iterator[tuple[Settings, int | None, Graph, AppProcess]]:
    """An empty embedded engine with the graph schema in a temporary home on free ports, its pid, a driver,
    and an app for it (not started); everything stopped and removed on exit."""
    with tempfile.TemporaryDirectory(prefix="medgraph-bench-") as folder:
        settings = fresh_settings(Path(folder))
        control = EngineControl(settings.engine_config())
        status = control.start()
        graph = Graph(settings.graph_config())
        app = AppProcess(settings)
        try:
            ensure_schema(graph)
            yield settings, status.pid, graph, app
        finally:
            app.stop()
            graph.close()
            control.stop()


def engine_name(graph: Graph) -> str:
    agent = graph.server_agent()
    return f"embedded ArcadeDB ({agent})" if "arcadedb" in agent.lower() else agent


def search_index(stack: Stack) -> SearchIndex:
    """The app's index, opened from its home when persisted there (never written to an attached home)."""
    version = data_version(stack.graph)
    if version is not None:
        folder = storage.version_folder(stack.settings.home / "search", version)
        if folder.is_dir():
            return SearchIndex.open(folder, version)
    return SearchIndex.build(stack.graph, None)


def listener_pid(url: str) -> int | None:
    """The pid of the process listening on the url's port (read from /proc), if this user can see it."""
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                    inodes.add(fields[9])
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(proc.name)
    return None
