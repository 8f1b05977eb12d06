"""Importer for a CPT licensee's own data file, as CSV.

CPT descriptors are the AMA's: medgraph ships none, and loads them only from a file the user is
licensed to hold. The file is UTF-8 CSV with a header row:

    code,long_descriptor,short_descriptor[,medium_descriptor]

- `code`: five characters, either five digits (Category I, e.g. 37188) or four digits and a
  letter: F (Category II), T (Category III), U (Proprietary Laboratory Analyses) or
  M (Multianalyte Assays with Algorithmic Analyses);
- `long_descriptor` (required, non-empty) becomes the title, `short_descriptor` (may be empty)
  the short title, and `medium_descriptor`, if the column is there, an attribute.
Other columns are ignored. Any bad row stops the import with its line number.
"""

import re
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.importers.source_files import read_csv_rows
from graph.model import SYSTEM_NAMES, System

REQUIRED = ("code", "long_descriptor", "short_descriptor")
MEDIUM = "medium_descriptor"
_CODE = re.compile(r"\d{5}|\d{4}[FTUM]")


def read_cpt_csv(path: Path, version: str) -> Release:
    """Read a licensee's CPT CSV into a release named `version` (e.g. "2026")."""
    codes: dict[str, CodeRecord] = {}
    for line, row in read_csv_rows(path, REQUIRED):
        record = _record(path, line, row)
        if record.code in codes:
            raise ImportFormatError(path, line, f"code {record.code} appears twice")
        codes[record.code] = record
    return Release(
        system=System.CPT,
        name=SYSTEM_NAMES[System.CPT],
        version=version,
        source=path.name,
        codes=list(codes.values()),
    )


def _record(path: Path, line: int, row: dict[str, str]) -> CodeRecord:
    code = row["code"].strip().upper()
    if not _CODE.fullmatch(code):
        raise ImportFormatError(path, line, f"{code!r} is not a CPT code (5 digits, or 4 digits and F/T/U/M)")
    title = row["long_descriptor"].strip()
    if not title:
        raise ImportFormatError(path, line, f"{code} has no long descriptor")
    medium = row.get(MEDIUM, "").strip()
    return CodeRecord(
        code=code,
        title=title,
        kind=CodeKind.CODE,
        billable=True,
        short_title=row["short_descriptor"].strip() or None,
        attributes=((MEDIUM, medium),) if medium else (),
    )
