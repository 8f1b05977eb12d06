"""Importer for the NCHS ICD-10-CM conversion table (`ICD-10-CM-CONVERSION-TABLE-FY<yyyy>.xlsx`).

One worksheet: row 1 is an explanatory title, row 2 the header `Current code assignment | Effective |
Previous Code(s) Assignment`, then one row per (new code, previous codes). "Effective" is a year, meaning
October 1 of that year, or (for the mid-year releases) a date. The previous-code cell is short free text:
one code (`A04.7`), several (`S72.8X1A, S72.8X2A`; `M96.89 & Y84.8`; `… and …`), ranges (`H35.20-H35.23`),
a category wildcard (`I63.-`), or prose (`None`, `Codes in Categories T15-T19`). The codes it names are
kept as published; the whole cell is kept too, so that nothing the table says is lost.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import bundled_data_path, open_workbook
from graph.model import dotted_icd10cm

BUNDLED_FILE = "ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx"
HEADER = ("Current code assignment", "Effective", "Previous Code(s) Assignment")
# The FY2026 table has codes whose second character is a letter (`QA0.0101`) and three written without
# their dot (`W453XXA`); both are read, the dot put back.
_CODE = r"[A-Z](?:\d[0-9A-Z]|A\d)(?:\.?[0-9A-Z]{1,4})?"
_CURRENT = re.compile(_CODE)
# A code, a range of two codes, or a category wildcard such as `I63.-`.
_PREVIOUS = re.compile(rf"\b(?:{_CODE}-{_CODE}|[A-Z]\d[0-9A-Z]\.-|{_CODE})(?![0-9A-Z])")
_FIRST_DATA_ROW = 3


@dataclass(frozen=True, slots=True)
class ConversionRecord:
    line: int  # worksheet row
    code: str  # the current code, with its dot
    effective: str  # ISO date the code took effect
    previous: tuple[str, ...]  # codes, ranges (`H35.20-H35.23`) and wildcards (`I63.-`) as published
    previous_text: str  # the previous-code cell as published, e.g. "None"


def bundled_conversion_table_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_conversion_table(path: Path) -> list[ConversionRecord]:
    """Every data row of the workbook, in order."""
    workbook = open_workbook(path)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        records: list[ConversionRecord] = []
        for line, values in enumerate(rows, start=1):
            cells = (*values, None, None, None)[:3]
            if line == _FIRST_DATA_ROW - 1:
                if tuple(str(cell or "").strip() for cell in cells) != HEADER:
                    raise ImportFormatError(path, line, f"expected the header {' | '.join(HEADER)}")
            elif line >= _FIRST_DATA_ROW and any(cell is not None for cell in cells):
                records.append(_record(path, line, cells))
        if not records:
            raise ImportFormatError(path, None, "no conversion rows")
        return records
    finally:
        workbook.close()


def replaced_by(records: list[ConversionRecord]) -> dict[str, tuple[str, ...]]:
    """Each previous code the table names one by one, and the current codes that took its place, in order.

    Ranges and wildcards are left out: they name a group of codes, not one code a term can be moved to.
    """
    found: dict[str, list[str]] = {}
    for record in records:
        for previous in record.previous:
            if _CURRENT.fullmatch(previous) and record.code not in found.setdefault(previous, []):
                found[previous].append(record.code)
    return {previous: tuple(codes) for previous, codes in found.items()}


def _record(path: Path, line: int, cells: tuple[object, ...]) -> ConversionRecord:
    code, effective, previous = cells
    current = str(code or "").strip()
    if not _CURRENT.fullmatch(current):
        raise ImportFormatError(path, line, f"current code {current!r} is not an ICD-10-CM code")
    text = " ".join(str(previous or "").split())
    return ConversionRecord(
        line=line,
        code=dotted_icd10cm(current),
        effective=_effective(path, line, effective),
        previous=tuple(dict.fromkeys(_PREVIOUS.findall(text))),
        previous_text=text,
    )


def _effective(path: Path, line: int, value: object) -> str:
    # A year means October 1 of that year, when the fiscal year's codes take effect.
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        year = int(value)
        if 2000 <= year <= 2100:
            return f"{year}-10-01"
    raise ImportFormatError(path, line, f"effective {value!r} is neither a year nor a date")
