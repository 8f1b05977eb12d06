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


def _search(kind: str, key: str) -> tuple[Target, ...]:
    return (
        Target(
            f"search ÷ GraphQL floor, median ({kind})",
            f"≤ 1.5{TIMES}",
            lambda f: f[f"{key}_median_ms"] / f["search_floor_median_ms"],
            "{:.1f}" + TIMES,
            lambda v: v <= 1.5,
        ),
        Target(
            f"search p50 ({kind})", "≤ 4 ms", lambda f: f[f"{key}_median_ms"], "{:.1f} ms", lambda v: v <= 4
        ),
        Target(
            f"search p99 ({kind})", "≤ 15 ms", lambda f: f[f"{key}_p99_ms"], "{:.1f} ms", lambda v: v <= 15
        ),
    )


def _page(kind: str, part: str) -> tuple[Target, ...]:
    return tuple(
        target
        for _, code in PAGES
        for target in (
            Target(
                f"full code page {code} ÷ GraphQL floor, median ({kind})",
                f"≤ 3{TIMES}",
                lambda f, c=code: f[f"page_{c}{part}_median_ms"] / f[f"page_{c}_floor_median_ms"],
                "{:.1f}" + TIMES,
                lambda v: v <= 3,
            ),
            Target(
                f"full code page {code} p50 ({kind})",
                "≤ 8 ms",
                lambda f, c=code: f[f"page_{c}{part}_median_ms"],
                "{:.1f} ms",
                lambda v: v <= 8,
            ),
        )
    )


# "computed": every answer computed (Cache-Control: no-cache); "response cache": as clients repeat requests.
TARGETS: tuple[Target, ...] = (
    *_search("response cache", "search_cached"),
    *_search("computed", "search"),
    *_page("response cache", "_cached"),
    *_page("computed", ""),
    Target("throughput, 16 connections, mixed (response cache)", "≥ 1,000 req/s",
           lambda f: f["mixed16_per_second"], "{:,.0f} req/s", lambda v: v >= 1000),
    Target("throughput, 16 connections, mixed (computed)", "≥ 1,000 req/s",
           lambda f: f["mixed16_computed_per_second"], "{:,.0f} req/s", lambda v: v >= 1000),
    Target("full load of everything bundled", "≤ 60 s", lambda f: f["load_seconds"], "{:.1f} s",
           lambda v: v <= 60),
    Target("app RSS after serving (peak)", "≤ 300 MB", lambda f: f["app_peak_mib"] / MB_IN_MIB, "{:.0f} MB",
           lambda v: v <= 300),
    Target("search-index rebuild from the graph, median", "≤ 5 s", lambda f: f["rebuild_seconds"], "{:.1f} s",
           lambda v: v <= 5),
    Target("search quality: success@5 overall (issue 14)", "≥ 0.90", lambda f: f["quality_success5"],
           "{:.3f}", lambda v: v >= 0.90),
    Target("search quality: every target of bench.search_quality", "all PASS", lambda f: f["quality_met"],
           "{:.0f}", lambda v: v == 1.0),
    Target("soak, 16 clients: errors (issue 8)", "0", lambda f: f["soak_errors"], "{:.0f}", lambda v: v == 0),
    Target("soak: app memory, last minute over the second", "flat (≤ +10%)", lambda f: f["soak_app_growth"],
           "{:+.1%}", lambda v: v <= 0.10),
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
