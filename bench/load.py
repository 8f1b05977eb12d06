"""Load every bundled release and the seeds into a fresh embedded engine; print seconds and peak memory.

.venv/bin/python -m bench.load
"""

import os
import tempfile
import time
from pathlib import Path

from bench.common import header, peak_rss_mib
from graph.driver import Graph
from graph.engine.control import EngineControl
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.bundled import BUNDLED_PATHS, READERS
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.schema_setup import ensure_schema
from server.loading import SEEDS_PATH
from server.settings import Settings
from tests.conftest import engine_environ


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        settings = Settings.from_environ(engine_environ(Path(home)))
        control = EngineControl(settings.engine_config())
        status = control.start()
        graph = Graph(settings.graph_config())
        try:
            ensure_schema(graph)
            rows = []
            started = time.perf_counter()
            for system, read in READERS.items():
                t0 = time.perf_counter()
                release = read(BUNDLED_PATHS[system]())
                parsed = time.perf_counter() - t0
                summary = load_release(graph, release, SilentProgress())
                rows.append((system.value, len(release.codes), summary.edges, parsed, summary.seconds))
            t0 = time.perf_counter()
            knowledge = load_knowledge(graph, load_seeds(SEEDS_PATH))
            seeds_seconds = time.perf_counter() - t0
            total = time.perf_counter() - started
            print(header("Load: every bundled release + seeds, from empty", "embedded ArcadeDB"))
            print("| step | codes | edges | parse s | load s |\n|---|---:|---:|---:|---:|")
            for name, codes, edges, parsed, loaded in rows:
                print(f"| {name} | {codes:,} | {edges:,} | {parsed:.1f} | {loaded:.1f} |")
            print(f"| seeds ({knowledge.monographs} monographs) | | | | {seeds_seconds:.1f} |")
            loader_mib, engine_mib = peak_rss_mib(os.getpid()), peak_rss_mib(status.pid or 0)
            print(f"\ntotal {total:.1f} s (target ≤ 60 s)")
            print(f"peak RSS: loader {loader_mib:.0f} MiB, engine {engine_mib:.0f} MiB")
        finally:
            graph.close()
            control.stop()


if __name__ == "__main__":
    main()
