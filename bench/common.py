"""What every benchmark prints first: the machine, the date, the commit and the engine."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def header(title: str, engine: str) -> str:
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    commit = git.stdout.strip() or "?"
    return (
        f"## {title}\n"
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; commit {commit}; engine: {engine}\n"
        f"- machine: {os.cpu_count()} cores ({_cpu()}), {_memory_gib():.0f} GiB, "
        f"Python {platform.python_version()}\n"
    )


def peak_rss_mib(pid: int) -> float:
    """The peak resident memory of a live process (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "?"


def _memory_gib() -> float:
    return int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
