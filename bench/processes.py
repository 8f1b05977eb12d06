"""What a live process has used, read from /proc: CPU seconds and resident memory."""

import contextlib
import os
from pathlib import Path


def cpu_seconds(pid: int | None) -> float:
    """CPU seconds (user + system) a live process has used; 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def rss_mib(pid: int | None) -> tuple[float, float]:
    """(current, peak) resident memory of a live process in MiB; (0, 0) when unknown."""
    if pid is None:
        return 0.0, 0.0
    values = {"VmRSS:": 0.0, "VmHWM:": 0.0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0] + ":"
            if key in values:
                values[key] = int(line.split()[1]) / 1024
    return values["VmRSS:"], values["VmHWM:"]
