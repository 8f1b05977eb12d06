"""The issue's targets, checked against one run's figures."""

from collections.abc import Callable
from dataclasses import dataclass

from bench.stats import TIMES
from bench.workload import PAGES

MB_IN_MIB = 1_000_000 / 1_048_576


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    goal: str
    measured: Callable[[dict[str, float]], float]
    shown: str  # format of the measured value
    met: Callable[[float], bool]


TARGETS: tuple[Target, ...] = (
    Target("search end-to-end ÷ GraphQL floor, median", f"≤ 1.5{TIMES}",
           lambda f: f["search_median_ms"] / f["search_floor_median_ms"], "{:.1f}" + TIMES,
           lambda v: v <= 1.5),
    Target("search p50", "≤ 4 ms", lambda f: f["search_median_ms"], "{:.1f} ms", lambda v: v <= 4),
    Target("search p99", "≤ 15 ms", lambda f: f["search_p99_ms"], "{:.1f} ms", lambda v: v <= 15),
    *(
        Target(f"full code page {code} ÷ GraphQL floor, median", f"≤ 3{TIMES}",
               lambda f, c=code: f[f"page_{c}_median_ms"] / f[f"page_{c}_floor_median_ms"], "{:.1f}" + TIMES,
               lambda v: v <= 3)
        for _, code in PAGES
    ),
    *(
        Target(f"full code page {code} p50", "≤ 8 ms", lambda f, c=code: f[f"page_{c}_median_ms"],
               "{:.1f} ms", lambda v: v <= 8)
        for _, code in PAGES
    ),
    Target("throughput, 16 connections, mixed", "≥ 1,000 req/s", lambda f: f["mixed16_per_second"],
           "{:,.0f} req/s", lambda v: v >= 1000),
    Target("full load of everything bundled", "≤ 60 s", lambda f: f["load_seconds"], "{:.1f} s",
           lambda v: v <= 60),
    Target("app RSS after serving (peak)", "≤ 300 MB", lambda f: f["app_peak_mib"] / MB_IN_MIB, "{:.0f} MB",
           lambda v: v <= 300),
    Target("search-index rebuild from the graph, median", "≤ 5 s", lambda f: f["rebuild_seconds"], "{:.1f} s",
           lambda v: v <= 5),
)  # fmt: skip


def targets_table(figures: dict[str, float]) -> str:
    lines = ["| target | goal | measured | met |", "|---|---|---:|---|"]
    for target in TARGETS:
        try:
            value = target.measured(figures)
        except (KeyError, ZeroDivisionError):
            lines.append(f"| {target.name} | {target.goal} | not measured | |")
            continue
        lines.append(
            f"| {target.name} | {target.goal} | {target.shown.format(value)} | "
            f"{'yes' if target.met(value) else '**no**'} |"
        )
    return "\n".join(lines)
