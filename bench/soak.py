"""A bounded soak on loopback: minutes of mixed traffic at 16 clients, counting every error and sampling the
memory of the app and the engine, which must stay flat.

Two wrk runs side by side for the whole time: 12 connections of the throughput mix (four searches to one full
code page, bench/throughput.py) as clients send it, mostly answered from the response cache, and 4 connections
of the same mix with `Cache-Control: no-cache`, which the app computes (search index, graph reads, GraphQL).
Every 5 s the resident memory and CPU of both processes are read from /proc.

.venv/bin/python -m bench.soak [--minutes 5]                     # a fresh stack of its own
.venv/bin/python -m bench.soak --url http://127.0.0.1:8020 --home /tmp/devhome
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import header
from bench.processes import cpu_seconds, rss_mib
from bench.stack import Stack, add_stack_arguments, open_stack
from bench.stats import load_average
from bench.throughput import errors_of, write_bodies, wrk_command, wrk_result

CACHED_CONNECTIONS = 12
COMPUTED_CONNECTIONS = 4
SAMPLE_SECONDS = 5.0
# Memory is flat when the last minute's mean is within this of the second minute's (the first warms up).
FLAT_GROWTH = 0.10


@dataclass(frozen=True, slots=True)
class Sample:
    second: float
    app_mib: float
    engine_mib: float
    app_cpu: float  # CPU seconds since the previous sample, per second (1.0 = one core)
    engine_cpu: float


@dataclass(frozen=True, slots=True)
class Soak:
    seconds: int
    cached: dict[str, float]
    computed: dict[str, float]
    samples: list[Sample]

    @property
    def errors(self) -> int:
        return errors_of(self.cached) + errors_of(self.computed)

    def growth(self, process: str) -> float:
        """The last minute's mean memory over the second minute's, minus 1."""
        values = [(s.second, getattr(s, f"{process}_mib")) for s in self.samples]
        second_minute = [mib for at, mib in values if 60 <= at < 120] or [values[0][1]]
        last_minute = [mib for at, mib in values if at >= self.seconds - 60]
        return statistics.mean(last_minute) / statistics.mean(second_minute) - 1


def run(stack: Stack, seconds: int) -> Soak:
    samples: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="medgraph-soak-") as folder:
        mixed = write_bodies(Path(folder))["mixed"]
        runs = [
            subprocess.Popen(
                wrk_command(stack.url, mixed, connections, seconds, fresh),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for connections, fresh in ((CACHED_CONNECTIONS, False), (COMPUTED_CONNECTIONS, True))
        ]
        started = time.perf_counter()
        previous = (started, cpu_seconds(stack.app_pid), cpu_seconds(stack.engine_pid))
        while any(process.poll() is None for process in runs):
            time.sleep(SAMPLE_SECONDS)
            now = time.perf_counter()
            app_cpu, engine_cpu = cpu_seconds(stack.app_pid), cpu_seconds(stack.engine_pid)
            wall = now - previous[0]
            samples.append(
                Sample(
                    second=now - started,
                    app_mib=rss_mib(stack.app_pid)[0],
                    engine_mib=rss_mib(stack.engine_pid)[0],
                    app_cpu=(app_cpu - previous[1]) / wall,
                    engine_cpu=(engine_cpu - previous[2]) / wall,
                )
            )
            previous = (now, app_cpu, engine_cpu)
        cached, computed = (wrk_result(*process.communicate()) for process in runs)
    return Soak(seconds, cached, computed, samples)


def report(stack: Stack, minutes: float, figures: dict[str, float] | None = None) -> str:
    before = load_average()
    soak = run(stack, int(minutes * 60))
    app_growth, engine_growth = soak.growth("app"), soak.growth("engine")
    if figures is not None:
        figures |= {"soak_errors": soak.errors, "soak_app_growth": app_growth}
    out = [
        header(f"Soak: {minutes:g} minutes of mixed traffic at 16 clients", stack.engine),
        f"- wrk: {CACHED_CONNECTIONS} connections of the throughput mix as clients send it (response cache) "
        f"and {COMPUTED_CONNECTIONS} with `Cache-Control: no-cache` (computed), side by side; timeout 10 s",
        f"- {before} before, {load_average()} after",
        "",
        "| clients | requests | req/s | p50 ms | p99 ms | max ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in (("response cache", soak.cached), ("computed", soak.computed)):
        per_second = result["requests"] / (result["duration_us"] / 1e6)
        out.append(
            f"| {name} | {int(result['requests']):,} | {per_second:,.0f} | {result['p50_us'] / 1000:.1f} "
            f"| {result['p99_us'] / 1000:.1f} | {result['max_us'] / 1000:.0f} | {errors_of(result)} |"
        )
    out += [
        "",
        "| minute | app RSS MiB (mean) | app CPU | engine RSS MiB (mean) | engine CPU |",
        "|---:|---:|---:|---:|---:|",
    ]
    for minute in range(int(minutes + 0.999)):
        within = [s for s in soak.samples if minute * 60 <= s.second < (minute + 1) * 60]
        if within:
            out.append(
                f"| {minute + 1} | {statistics.mean(s.app_mib for s in within):.0f} "
                f"| {statistics.mean(s.app_cpu for s in within):.0%} "
                f"| {statistics.mean(s.engine_mib for s in within):.0f} "
                f"| {statistics.mean(s.engine_cpu for s in within):.0%} |"
            )
    flat = app_growth <= FLAT_GROWTH and engine_growth <= FLAT_GROWTH
    out += [
        "",
        f"errors: {soak.errors}; memory growth, last minute over the second: app {app_growth:+.1%}, "
        f"engine {engine_growth:+.1%} ({'flat' if flat else '**not flat**'}: within {FLAT_GROWTH:.0%})",
    ]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    add_stack_arguments(parser)
    parser.add_argument("--minutes", type=float, default=5.0, help="length of the soak (default 5)")
    args = parser.parse_args(argv)
    with open_stack(args.url, args.home) as stack:
        sys.stdout.write(report(stack, args.minutes))


if __name__ == "__main__":
    main()
