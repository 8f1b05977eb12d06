"""Load every bundled release and the seeds into a fresh embedded engine; print seconds and peak memory.
Then rebuild the search index from the graph, and serve the workload once to read the app's memory.

.venv/bin/python -m bench.load
"""

import argparse
import os
import statistics
from collections.abc import Sequence

from bench.client import GraphQLClient
from bench.common import header, peak_rss_mib
from bench.loading import LoadReport, load_all
from bench.processes import rss_mib
from bench.stack import fresh_engine
from bench.stats import load_average
from bench.workload import CODE_PAGE, PAGES, SEARCH, search_queries
from graph.driver import Graph
from graph.search import BuildStats, SearchIndex

ENGINE = "embedded ArcadeDB"


def load_table(report: LoadReport, loader_mib: float, engine_mib: float) -> str:
    lines = [
        "| step | codes | edges | parse s | load s | loader CPU s | engine CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for step in report.steps:
        codes = f"{step.codes:,}" if step.codes is not None else ""
        edges = f"{step.edges:,}" if step.edges is not None else ""
        parsed = f"{step.parse_seconds:.1f}" if step.parse_seconds is not None else ""
        lines.append(
            f"| {step.name} | {codes} | {edges} | {parsed} | {step.load_seconds:.1f} "
            f"| {step.loader_cpu:.1f} | {step.engine_cpu:.1f} |"
        )
    lines += [
        "",
        f"total {report.total:.1f} s (target ≤ 60 s)",
        f"peak RSS: loader {loader_mib:.0f} MiB, engine {engine_mib:.0f} MiB",
    ]
    return "\n".join(lines)


def rebuild_search_index(graph: Graph, runs: int) -> list[BuildStats]:
    """Build the search index from the graph `runs` times, in memory (nothing persisted, nothing reused)."""
    return [SearchIndex.build(graph, None).stats for _ in range(runs)]


def rebuild_table(stats: Sequence[BuildStats]) -> str:
    lines = [
        "| run | codes | seconds | of which waiting for the graph |",
        "|---:|---:|---:|---:|",
    ]
    for number, build in enumerate(stats, start=1):
        lines.append(
            f"| {number} | {build.documents:,} | {build.seconds:.2f} | {build.graph_wait_seconds:.2f} |"
        )
    median = statistics.median(build.seconds for build in stats)
    lines += ["", f"search-index rebuild from the graph: median {median:.2f} s (target ≤ 5 s)"]
    return "\n".join(lines)


def serve_workload(url: str, page_repeats: int = 10) -> int:
    """Every search query once and each page `page_repeats` times; returns the number of requests."""
    client = GraphQLClient(url)
    requests = 0
    try:
        for query in search_queries():
            client.execute(SEARCH, {"query": query.text})
            requests += 1
        for _ in range(page_repeats):
            for system, code in PAGES:
                client.execute(CODE_PAGE, {"system": system, "code": code})
                requests += 1
    finally:
        client.close()
    return requests


def app_memory_line(pid: int | None, requests: str) -> str:
    current, peak = rss_mib(pid)
    return f"app RSS after serving {requests}: {current:.0f} MiB now, {peak:.0f} MiB peak (target ≤ 300 MB)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuilds", type=int, default=3, help="search-index rebuilds (default 3)")
    args = parser.parse_args(argv)
    with fresh_engine() as (_, engine_pid, graph, app):
        before = load_average()
        report = load_all(graph, engine_pid)
        loader_mib, engine_mib = peak_rss_mib(os.getpid()), peak_rss_mib(engine_pid or 0)
        print(header("Load: every bundled release + seeds, from empty", ENGINE))
        print(f"- {before} before the load, {load_average()} after\n")
        print(load_table(report, loader_mib, engine_mib))
        print()
        print(rebuild_table(rebuild_search_index(graph, args.rebuilds)))
        app.start()
        served = serve_workload(app.url)
        print(app_memory_line(app.pid, f"{served} requests"))


if __name__ == "__main__":
    main()
