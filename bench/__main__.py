"""Every benchmark in one run on one fresh stack (`make bench`): load, search-index rebuild, start-up,
search, search quality, code page, transfer, throughput, the soak, then the app's memory and the issues'
targets.

.venv/bin/python -m bench [--rounds 3] [--repeats 40] [--seconds 10] [--soak-minutes 5]

A fresh embedded engine in a temporary folder on free ports gets every bundled release and the seeds; the
start-up runs end with the app (and its engine) serving, and the other benchmarks run against it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import page, search, search_quality, soak, throughput, transfer
from bench.common import header, peak_rss_mib
from bench.load import load_table, rebuild_search_index, rebuild_table
from bench.loading import load_all
from bench.processes import rss_mib
from bench.stack import Stack, engine_name, fresh_settings
from bench.start import measure_starts, start_table
from bench.stats import load_average
from bench.targets import targets_table
from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.schema_setup import ensure_schema


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="search: timed rounds over all queries")
    parser.add_argument("--repeats", type=int, default=40, help="code page: timed rounds")
    parser.add_argument("--seconds", type=int, default=10, help="throughput: seconds a wrk run")
    parser.add_argument("--rebuilds", type=int, default=3, help="search-index rebuilds")
    parser.add_argument("--soak-minutes", type=float, default=5.0, help="soak: minutes of mixed traffic")
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    began = time.perf_counter()
    say(f"# medgraph benchmarks\n\n- command: python -m bench {' '.join(argv or sys.argv[1:])}".rstrip())
    say(f"- {load_average()} at the start (the machine may be shared: compare runs at similar load)\n")
    with tempfile.TemporaryDirectory(prefix="medgraph-bench-") as folder:
        settings = fresh_settings(Path(folder))
        control = EngineControl(settings.engine_config())
        t0 = time.perf_counter()
        status = control.start()
        empty_start = time.perf_counter() - t0
        graph = Graph(settings.graph_config())
        try:
            ensure_schema(graph)
            engine = engine_name(graph)
            before = load_average()
            loaded = load_all(graph, status.pid)
            figures["load_seconds"] = loaded.total
            say(header("Load: every bundled release + seeds, from empty", engine))
            say(f"- {before} before, {load_average()} after")
            say(f"- engine start on the empty home: {empty_start:.1f} s\n")
            say(load_table(loaded, peak_rss_mib(os.getpid()), peak_rss_mib(status.pid or 0)))
            say()
            rebuilds = rebuild_search_index(graph, args.rebuilds)
            figures["rebuild_seconds"] = statistics.median(build.seconds for build in rebuilds)
            say(header("Search-index rebuild from the graph (in memory, nothing reused)", engine))
            say(f"- {load_average()}\n")
            say(rebuild_table(rebuilds))
            say()
        finally:
            graph.close()
            control.stop()
        before = load_average()
        rows, app = measure_starts(settings, keep_last_running=True)
        assert app is not None
        graph = Graph(settings.graph_config())
        try:
            say(header("Start: engine and app to ready, on the fully loaded graph", engine))
            say(f"- {before} before, {load_average()} after\n")
            say(start_table(rows))
            say()
            stack = Stack(app.url, settings, graph, engine, app.pid, control.status().pid, fresh=True)
            say(search.report(stack, args.rounds, figures))
            say(search_quality.report(stack.graph, stack.engine, figures))
            say(page.report(stack, args.repeats, figures=figures))
            say(transfer.report(stack, figures))
            say(throughput.report(stack, args.seconds, figures))
            say(soak.report(stack, args.soak_minutes, figures))
            current, peak = rss_mib(app.pid)
            engine_now, engine_peak = rss_mib(stack.engine_pid)
            figures["app_peak_mib"] = peak
            say("## Memory after serving every benchmark\n")
            say(f"- app (uvicorn, one process): {current:.0f} MiB now, {peak:.0f} MiB peak")
            say(f"- engine (JVM): {engine_now:.0f} MiB now, {engine_peak:.0f} MiB peak\n")
        finally:
            graph.close()
            app.stop()
            control.stop()
    say("## Targets\n")
    say(targets_table(figures))
    say(f"\nall benchmarks: {time.perf_counter() - began:.0f} s; {load_average()} at the end")


if __name__ == "__main__":
    main()
