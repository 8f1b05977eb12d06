"""Importer for CMS's HCPCS Level II alpha-numeric file ("ANWEB"), as workbook or CSV.

The workbook (`HCPC<year>_<MON>_ANWEB.xlsx`) has one worksheet whose first row names 48 columns
(`HCPC, SEQNUM, RECID, LONG DESCRIPTION, SHORT DESCRIPTION, PRICE1 … ACTION CD`), one row per
code or modifier with the long description already joined. The CSV form has the same header.

- RECID 3: a procedure code (`J0178`), kind CODE, billable while active (not terminated).
- RECID 7: a modifier (`A1`, right-justified in its cell), kind MODIFIER, not billable.
- A code with a TERM DT before the release's first day is kept, inactive.
- Numeric (CPT, AMA's) and D (CDT, ADA's) codes are never imported, whatever the file holds;
  nor are numeric modifiers, which are CPT's.

Hierarchy: each letter's codes sit under a group keyed by the letter's range (`A0000-A9999`,
which no code or modifier can equal), titled neutrally "HCPCS Level II codes starting with A"
because CMS publishes no names for the letters in these files; modifiers sit under the group
`Modifiers`. Other official columns are kept in `attributes` under the names of `ATTRIBUTES`.
"""

import calendar
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.importers.source_files import bundled_data_path, open_workbook, read_csv_rows
from graph.model import SYSTEM_NAMES, System

BUNDLED_FILE = "HCPC2025_OCT_ANWEB.xlsx"
MODIFIERS_GROUP = "Modifiers"
REQUIRED = ("HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT", "ACT EFF DT", "TERM DT")
# Official columns kept as attributes, and the names they are kept under.
ATTRIBUTES = {
    **{f"PRICE{n}": f"pricing_indicator_{n}" for n in range(1, 5)},
    "MULT_PI": "multiple_pricing_indicator",
    **{f"CIM{n}": f"coverage_issues_manual_{n}" for n in range(1, 4)},
    **{f"MCM{n}": f"medicare_carriers_manual_{n}" for n in range(1, 4)},
    "STATUTE": "statute",
    **{f"LABCERT{n}": f"lab_certification_{n}" for n in range(1, 9)},
    **{f"XREF{n}": f"cross_reference_{n}" for n in range(1, 6)},
    "COV": "coverage",
    "ASC_GRP": "asc_payment_group",
    "ASC_DT": "asc_group_effective_date",
    "OPPS": "opps_status",
    "OPPS_PI": "opps_payment_indicator",
    "OPPS_DT": "opps_effective_date",
    "PROCNOTE": "processing_note",
    "BETOS": "betos",
    **{f"TOS{n}": f"type_of_service_{n}" for n in range(1, 6)},
    "ANEST_BU": "anesthesia_base_units",
    "ADD DT": "added_date",
    "ACTION CD": "action_code",
}
_PROCEDURE, _MODIFIER = "3", "7"
_CODE = re.compile(r"[A-Z]\d{4}")
_MODIFIER_CODE = re.compile(r"[A-Z0-9]{2}")
_RELEASE = re.compile(r"HCPC(\d{4})_([A-Z]{3})", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTHS = {calendar.month_abbr[n].upper(): n for n in range(1, 13)}

Row = dict[str, str]


def bundled_workbook_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_hcpcs_workbook(path: Path) -> Release:
    """Read an ANWEB workbook (.xlsx) or its CSV form into a release of codes and modifiers."""
    year, month = _release_month(path)
    first_day = f"{year}-{month:02d}-01"
    rows = read_csv_rows(path, REQUIRED) if path.suffix.lower() == ".csv" else _worksheet_rows(path)
    records: dict[str, CodeRecord] = {}
    for line, row in rows:
        record = _record(path, line, row, first_day)
        if record is None:
            continue
        if record.code in records:
            raise ImportFormatError(path, line, f"code {record.code} appears twice")
        records[record.code] = record
    return Release(
        system=System.HCPCS,
        name=SYSTEM_NAMES[System.HCPCS],
        version=f"{year} {calendar.month_name[month]}",
        source=path.name,
        codes=[*_groups(records.values()), *records.values()],
    )


def _release_month(path: Path) -> tuple[int, int]:
    match = _RELEASE.search(path.name)
    if match is None or match[2].upper() not in _MONTHS:
        raise ImportFormatError(path, None, "the file name names no release (HCPC<year>_<MON>_ANWEB)")
    return int(match[1]), _MONTHS[match[2].upper()]


def _worksheet_rows(path: Path) -> Iterator[tuple[int, Row]]:
    workbook = open_workbook(path)
    try:
        cells = workbook.worksheets[0].iter_rows(values_only=True)
        header = [_text(value).strip() for value in next(cells, ())]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise ImportFormatError(path, 1, f"header lacks column(s) {', '.join(missing)}")
        for line, values in enumerate(cells, start=2):
            texts = [_text(value) for value in values]
            if len(texts) > len(header) and any(texts[len(header) :]):
                raise ImportFormatError(path, line, f"expected {len(header)} columns, found {len(texts)}")
            if any(text.strip() for text in texts):
                yield line, dict(zip(header, texts + [""] * (len(header) - len(texts)), strict=False))
    finally:
        workbook.close()


def _text(value: object) -> str:
    # Every cell of the file is text; a few empty cells come back as None.
    return "" if value is None else str(value)


def _record(path: Path, line: int, row: Row, first_day: str) -> CodeRecord | None:
    code, recid = row["HCPC"].strip(), row["RECID"].strip()
    if recid == _PROCEDURE:
        if code[:1].isdigit() or code[:1] == "D":
            return None  # CPT (AMA) or CDT (ADA): not ours to publish
        pattern, kind, parent = _CODE, CodeKind.CODE, _group_of(code)
    elif recid == _MODIFIER:
        if code.isdigit():
            return None  # a CPT modifier
        pattern, kind, parent = _MODIFIER_CODE, CodeKind.MODIFIER, MODIFIERS_GROUP
    else:
        raise ImportFormatError(path, line, f"unknown RECID {recid!r} (expected 3 or 7)")
    if not pattern.fullmatch(code):
        raise ImportFormatError(path, line, f"malformed {kind} {code!r}")
    title = row["LONG DESCRIPTION"].strip()
    if not title:
        raise ImportFormatError(path, line, f"{code} has no long description")
    terminated = _iso_date(path, line, row["TERM DT"])
    active = terminated is None or terminated >= first_day
    return CodeRecord(
        code=code,
        title=title,
        kind=kind,
        billable=kind == CodeKind.CODE and active,  # a retired code is kept and found, but not billed
        parent=parent,
        short_title=row["SHORT DESCRIPTION"].strip() or None,
        active=active,
        effective_date=_iso_date(path, line, row["ACT EFF DT"] or row["ADD DT"]),
        termination_date=terminated,
        attributes=tuple(
            (name, value) for column, name in ATTRIBUTES.items() if (value := row.get(column, "").strip())
        ),
    )


def _iso_date(path: Path, line: int, text: str) -> str | None:
    if not text.strip():
        return None
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ImportFormatError(path, line, f"date {text!r} is not YYYYMMDD")
    return "-".join(match.groups())


def _group_of(code: str) -> str:
    return f"{code[0]}0000-{code[0]}9999"


def _groups(records: Iterable[CodeRecord]) -> list[CodeRecord]:
    groups = {record.parent for record in records if record.parent}
    return [
        CodeRecord(code=group, title=_group_title(group), kind=CodeKind.GROUP, billable=False)
        for group in sorted(groups, key=lambda group: (group == MODIFIERS_GROUP, group))
    ]


def _group_title(group: str) -> str:
    if group == MODIFIERS_GROUP:
        return "HCPCS Level II modifiers"
    return f"HCPCS Level II codes starting with {group[0]}"
