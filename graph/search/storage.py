"""Where a persisted index lives: one folder per (index layout, data version) under the caller's folder.

A folder is built under a temporary name and renamed into place when complete, so a folder with the final
name is always a whole index, and app replicas sharing the parent folder never see half of one. When two build
the same version at once, the first rename wins and the other uses it. Folders of other versions are removed
once a newer one is in place (open files survive removal on POSIX: a replica still reading one is unharmed).
"""

import contextlib
import re
import shutil
import uuid
from pathlib import Path

# Bump when fields, analyzers or document contents change: older folders are then rebuilt, not opened.
LAYOUT_VERSION = 4
_FOLDER = re.compile(r"v[0-9]+-[0-9A-Za-z_.-]+")
_SAFE = re.compile(r"[^0-9A-Za-z_.-]")


def version_folder(root: Path, data_version: str) -> Path:
    return root / f"v{LAYOUT_VERSION}-{_SAFE.sub('_', data_version)[:80]}"


def building_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f".building-{uuid.uuid4().hex}"
    folder.mkdir()
    return folder


def publish(building: Path, final: Path) -> None:
    """Move a complete build into place; if another process got there first, keep theirs."""
    try:
        building.rename(final)
    except OSError:
        if not final.is_dir():
            raise
        shutil.rmtree(building, ignore_errors=True)


def discard(building: Path) -> None:
    shutil.rmtree(building, ignore_errors=True)


def remove_other_versions(root: Path, keep: Path) -> None:
    for folder in root.iterdir():
        if folder != keep and folder.is_dir() and _FOLDER.fullmatch(folder.name):
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
