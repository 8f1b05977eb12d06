"""Latency summaries and the tables every benchmark prints: median, p95, p99 and throughput per contender."""

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

TIMES = "\u00d7"  # the multiplication sign


@dataclass(frozen=True, slots=True)
class Summary:
    name: str
    samples: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    per_second: float  # one client, back to back: samples over the time they took
    cpu_ms: float | None = None  # mean CPU of the serving processes per request, when known

    @classmethod
    def of(cls, name: str, seconds: Sequence[float], cpu: Sequence[float] | None = None) -> "Summary":
        if not seconds:
            return cls(name, 0, float("nan"), float("nan"), float("nan"), float("nan"), 0.0)
        ordered = sorted(seconds)
        total = sum(ordered)
        return cls(
            name=name,
            samples=len(ordered),
            median_ms=statistics.median(ordered) * 1000,
            p95_ms=percentile(ordered, 95) * 1000,
            p99_ms=percentile(ordered, 99) * 1000,
            mean_ms=total / len(ordered) * 1000,
            per_second=len(ordered) / total if total else 0.0,
            cpu_ms=sum(cpu) / len(cpu) * 1000 if cpu else None,
        )


def percentile(ordered: Sequence[float], q: float) -> float:
    """The q-th percentile of sorted samples, interpolated between the nearest ranks."""
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_table(
    rows: Sequence[Summary], floor: Summary | None = None, notes: dict[str, str] | None = None
) -> str:
    """A Markdown table; with `floor`, each row's median as a multiple of the floor's."""
    notes = notes or {}
    head = "| contender | n | median ms | p95 ms | p99 ms | req/s (1 client) |"
    rule = "|---|---:|---:|---:|---:|---:|"
    with_cpu = any(row.cpu_ms is not None for row in rows)
    if with_cpu:
        head += " CPU ms/req |"
        rule += "---:|"
    if floor is not None:
        head += " ÷ floor (median) |"
        rule += "---:|"
    if notes:
        head += " notes |"
        rule += "---|"
    lines = [head, rule]
    for row in rows:
        line = (
            f"| {row.name} | {row.samples} | {_ms(row.median_ms)} | {_ms(row.p95_ms)} | {_ms(row.p99_ms)} "
            f"| {row.per_second:,.0f} |"
        )
        if with_cpu:
            line += f" {row.cpu_ms:.2f} |" if row.cpu_ms is not None else " - |"
        if floor is not None:
            line += f" {row.median_ms / floor.median_ms:.1f}{TIMES} |" if floor.median_ms else " |"
        if notes:
            line += f" {notes.get(row.name, '')} |"
        lines.append(line)
    return "\n".join(lines)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def _ms(value: float) -> str:
    if value != value:  # NaN: no samples
        return "-"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"
