"""Throughput on loopback with wrk: 1, 4 and 16 connections of a mix of searches and code pages, each run
bounded in time; answers that are not 2xx, or carry GraphQL errors, are counted. These runs are served by the
app's response cache (filled by a warm-up run), as repeated requests are in production; the same mix at 16
connections with `Cache-Control: no-cache`, and search only, pages only and the floor computed, show what the
app does when it must compute every answer and which part limits the mix. The app's and the engine's CPU
use over each run say which process is the bottleneck (wrk runs on the same cores).

.venv/bin/python -m bench.throughput                             # a fresh stack of its own
.venv/bin/python -m bench.throughput --url http://127.0.0.1:8020 --home /tmp/devhome
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.client import FLOOR, request_body
from bench.common import header
from bench.processes import cpu_seconds
from bench.stack import Stack, add_stack_arguments, open_stack
from bench.stats import load_average
from bench.workload import CODE_PAGE, MIX_PAGES, SEARCH, search_queries

SCRIPT = Path(__file__).resolve().parent / "wrk" / "bodies.lua"
SEARCHES_PER_PAGE = 4  # the mix: four searches for every full code page
CONNECTIONS = (1, 4, 16)


@dataclass(frozen=True, slots=True)
class Run:
    workload: str
    connections: int
    result: dict[str, float]
    app_cpu: float  # CPU seconds per wall second (1.0 = one core busy)
    app_cpu_ms: float  # app CPU per request
    engine_cpu: float
    load: str

    @property
    def per_second(self) -> float:
        return self.result["requests"] / (self.result["duration_us"] / 1e6)

    @property
    def errors(self) -> int:
        return errors_of(self.result)


def errors_of(result: dict[str, float]) -> int:
    """Answers that are not 2xx or carry GraphQL errors, and socket errors and timeouts, of one wrk run."""
    r = result
    return int(r["non2xx"] + r["graphql_errors"] + r["connect"] + r["read"] + r["write"] + r["timeout"])


def bodies() -> dict[str, list[bytes]]:
    searches = [request_body(SEARCH, {"query": query.text}) for query in search_queries()]
    pages = [request_body(CODE_PAGE, {"system": s, "code": c}) for s, c in MIX_PAGES]
    mixed: list[bytes] = []
    for number, search in enumerate(searches):
        mixed.append(search)
        if number % SEARCHES_PER_PAGE == SEARCHES_PER_PAGE - 1:
            mixed.append(pages[(number // SEARCHES_PER_PAGE) % len(pages)])
    return {"mixed": mixed, "search": searches, "page": pages, "floor": [request_body(FLOOR)]}


def wrk_command(url: str, bodies_file: Path, connections: int, seconds: int, fresh: bool) -> list[str]:
    threads = min(connections, os.cpu_count() or 1)
    return [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(SCRIPT), url, "--", str(bodies_file), "fresh" if fresh else "cached",
    ]  # fmt: skip


def wrk_result(stdout: str, stderr: str) -> dict[str, float]:
    for line in stdout.splitlines():
        if line.startswith("WRK_RESULT "):
            result: dict[str, float] = json.loads(line.removeprefix("WRK_RESULT "))
            return result
    raise RuntimeError(f"wrk printed no result: {stdout[-500:]} {stderr[-500:]}")


def write_bodies(folder: Path) -> dict[str, Path]:
    """Each workload's request bodies in a file of its own, one JSON body a line, for bodies.lua."""
    files = {}
    for name, found in bodies().items():
        files[name] = folder / f"{name}.jsonl"
        files[name].write_bytes(b"\n".join(found) + b"\n")
    return files


def wrk(url: str, bodies_file: Path, connections: int, seconds: int, fresh: bool) -> dict[str, float]:
    command = wrk_command(url, bodies_file, connections, seconds, fresh)
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return wrk_result(completed.stdout, completed.stderr)


def measure(stack: Stack, seconds: int) -> list[Run]:
    plan = [("mixed", n, False) for n in CONNECTIONS] + [
        (workload, 16, True) for workload in ("mixed", "search", "page", "floor")
    ]
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="medgraph-wrk-") as folder:
        files = write_bodies(Path(folder))
        wrk(stack.url, files["mixed"], 4, 3, fresh=False)  # warm-up, and fills the response cache
        for workload, connections, fresh in plan:
            app0, engine0, wall0 = (
                cpu_seconds(stack.app_pid),
                cpu_seconds(stack.engine_pid),
                time.perf_counter(),
            )
            result = wrk(stack.url, files[workload], connections, seconds, fresh)
            wall = time.perf_counter() - wall0
            app_seconds = cpu_seconds(stack.app_pid) - app0
            runs.append(
                Run(
                    f"{workload}, computed" if fresh else f"{workload}, response cache",
                    connections,
                    result,
                    app_cpu=app_seconds / wall,
                    app_cpu_ms=app_seconds / max(1, result["requests"]) * 1000,
                    engine_cpu=(cpu_seconds(stack.engine_pid) - engine0) / wall,
                    load=f"{os.getloadavg()[0]:.1f}",
                )
            )
    return runs


def table(runs: Sequence[Run]) -> str:
    lines = [
        "| workload | connections | req/s | p50 ms | p90 ms | p99 ms | errors | app CPU | app CPU ms/req "
        "| engine CPU | load (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        r = run.result
        lines.append(
            f"| {run.workload} | {run.connections} | {run.per_second:,.0f} | {r['p50_us'] / 1000:.1f} "
            f"| {r['p90_us'] / 1000:.1f} | {r['p99_us'] / 1000:.1f} | {run.errors} of {int(r['requests']):,} "
            f"| {run.app_cpu:.0%} | {run.app_cpu_ms:.1f} | {run.engine_cpu:.0%} | {run.load} |"
        )
    return "\n".join(lines)


def report(stack: Stack, seconds: int, figures: dict[str, float] | None = None) -> str:
    out = [header("Throughput: wrk on loopback", stack.engine)]
    if shutil.which("wrk") is None:
        return (
            "\n".join([*out, "- skipped: wrk is not installed (apt-get install wrk; `make bench` does)"])
            + "\n"
        )
    before = load_average()
    runs = measure(stack, seconds)
    if figures is not None:
        mixed = next(run for run in runs if run.workload == "mixed, response cache" and run.connections == 16)
        computed = next(run for run in runs if run.workload == "mixed, computed")
        figures |= {
            "mixed16_per_second": mixed.per_second,
            "mixed16_errors": mixed.errors,
            "mixed16_computed_per_second": computed.per_second,
        }
    version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    out += [
        f"- {version.strip()}; {seconds} s a run, threads = min(connections, cores); timeout 10 s",
        f"- mixed: {SEARCHES_PER_PAGE} searches (bench/queries/search.txt) for every full code page "
        f"({len(MIX_PAGES)} codes of every system, bench/workload.py); search: the searches; page: the pages",
        "- errors: non-2xx, GraphQL errors, socket errors and timeouts; "
        "CPU: CPU seconds per second (100% = one core)",
        f"- {before} before, {load_average()} after",
        "",
        table(runs),
    ]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.split("\n\n")[0])
    add_stack_arguments(parser)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run (default 10)")
    args = parser.parse_args(argv)
    with open_stack(args.url, args.home) as stack:
        sys.stdout.write(report(stack, args.seconds))


if __name__ == "__main__":
    main()
