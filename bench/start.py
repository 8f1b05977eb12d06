"""Start-up on a loaded graph: `medgraph serve` with the engine stopped, until /healthz, /readyz and a first
search answer (the first search waits for the search index: built from the graph when none is on disk,
opened from MEDGRAPH_HOME otherwise); and the engine started on its own, then the app on a running engine.

.venv/bin/python -m bench.start                  # a fresh home of its own: load everything, then measure
.venv/bin/python -m bench.start --home DIR       # a loaded home whose engine is stopped
"""

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import header
from bench.loading import load_all
from bench.processes import rss_mib
from bench.stack import AppProcess, fresh_settings
from bench.stats import load_average
from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.schema_setup import ensure_schema
from server.settings import Settings

ENGINE = "embedded ArcadeDB"


@dataclass(frozen=True, slots=True)
class StartRow:
    case: str
    engine: float | None  # seconds for the engine on its own, when started on its own
    healthz: float
    readyz: float
    first_search: float
    app_peak_mib: float  # the app's peak RSS once it has answered the first search


def measure_starts(
    settings: Settings, keep_last_running: bool = False
) -> tuple[list[StartRow], AppProcess | None]:
    """Three starts of a loaded home whose engine is stopped (see the module docstring). With
    `keep_last_running`, the last app (and its engine) stay up and are returned; the caller stops both."""
    control = EngineControl(settings.engine_config())
    if control.status().running:
        raise SystemExit(
            f"the engine of {settings.home} is running: start-up is measured from a stopped engine"
        )
    index_on_disk = any((settings.home / "search").glob("v*"))
    rows = []
    for case in (
        "serve, engine stopped, " + ("search index on disk" if index_on_disk else "no search index on disk"),
        "serve, engine stopped, search index on disk",
    ):
        app = AppProcess(settings)
        try:
            started = app.start()
            peak = rss_mib(app.pid)[1]
        finally:
            app.stop()  # stops the engine it started too
            control.stop()  # in case it did not
        rows.append(StartRow(case, None, started.healthz, started.readyz, started.first_search, peak))
    began = time.perf_counter()
    control.start()
    engine_seconds = time.perf_counter() - began
    app = AppProcess(settings)
    try:
        started = app.start()
    except BaseException:
        app.stop()
        control.stop()
        raise
    rows.append(
        StartRow("engine started on its own, then serve", engine_seconds, started.healthz, started.readyz,
                 started.first_search, rss_mib(app.pid)[1])
    )  # fmt: skip
    if keep_last_running:
        return rows, app
    app.stop()
    control.stop()
    return rows, None


def start_table(rows: Sequence[StartRow]) -> str:
    lines = [
        "| case | engine start s | launch → /healthz s | launch → /readyz s | launch → first search s "
        "| app peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        engine = f"{row.engine:.1f}" if row.engine is not None else "(in serve)"
        lines.append(
            f"| {row.case} | {engine} | {row.healthz:.1f} | {row.readyz:.1f} | {row.first_search:.1f} "
            f"| {row.app_peak_mib:.0f} |"
        )
    return "\n".join(lines)


def report(rows: Sequence[StartRow], before: str) -> str:
    return "\n".join([
        header("Start: engine and app to ready, on the fully loaded graph", ENGINE),
        f"- {before} before, {load_average()} after",
        "- serve: `medgraph serve`, which starts the engine when it is stopped; stopped with SIGINT, on "
        "which it stops the engine it started (on SIGTERM it does not: docs/benchmarks.md)",
        "",
        start_table(rows),
    ]) + "\n"  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.start", description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="a loaded MEDGRAPH_HOME whose engine is stopped")
    args = parser.parse_args(argv)
    if args.home is not None:
        settings = fresh_settings(args.home)
        before = load_average()
        rows, _ = measure_starts(settings)
        sys.stdout.write(report(rows, before))
        return
    with tempfile.TemporaryDirectory(prefix="medgraph-bench-") as home:
        settings = fresh_settings(Path(home))
        control = EngineControl(settings.engine_config())
        control.start()
        graph = Graph(settings.graph_config())
        try:
            ensure_schema(graph)
            print(f"loading every bundled release and the seeds into {home} …", file=sys.stderr)
            load_all(graph)
        finally:
            graph.close()
            control.stop()
        shutil.rmtree(Path(home) / "search", ignore_errors=True)
        before = load_average()
        rows, _ = measure_starts(settings)
        sys.stdout.write(report(rows, before))


if __name__ == "__main__":
    main()
