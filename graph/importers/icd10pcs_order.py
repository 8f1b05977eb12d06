"""Importer for the CMS ICD-10-PCS order file ("Order File (Long and Abbreviated Titles)").

Record layout (fixed width, 1-based columns; CMS `icd10pcsOrderFile.pdf`):

    1-5    order number, zero-padded         6   blank
    7-13   code; a table header holds its 3-character table code, space-padded
    14     blank                             15  1 = valid code, 0 = table header
    16     blank                             17-76  abbreviated title, space-padded
    77     blank                             78-    long title (up to 300 characters)

The hierarchy is section (1 character) -> body system (2) -> table (3) -> code (7). Tables take
their header's long title ("Lower Veins, Extirpation"), which names body system and root
operation. The order file names neither sections nor body systems, nor the values of a code's
axes: those come from the same release's Tables XML (`pcs_tables`; axis values and links as
`pcs_axes` explains). Sections and body systems carry their axis title as attribute `axis`
("Section", "Body System"; section F's second character is a "Section Qualifier").
"""

import re
from dataclasses import dataclass
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.pcs_axes import read_axes
from graph.importers.pcs_definitions_xml import bundled_definitions_path, read_pcs_definitions_xml
from graph.importers.pcs_tables import PcsTables, bundled_tables_path, read_pcs_tables
from graph.importers.pcs_value_definitions import define_values
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.importers.source_files import bundled_data_path, open_text
from graph.model import SYSTEM_NAMES, System

BUNDLED_FILE = "icd10pcs_order_2026.txt.gz"
# Code: 3 characters (a table) or 7, in PCS's alphabet (digits and letters but I and O).
_LINE = re.compile(
    r"(?P<order>\d{5}) (?P<code>[0-9A-HJ-NP-Z]{3}(?:[0-9A-HJ-NP-Z]{4}| {4})) (?P<flag>[01]) "
    r"(?P<short>.{60}) (?P<long>\S.*)"
)
_CODE_LENGTH = {"1": 7, "0": 3}
_YEAR = re.compile(r"order_(\d{4})")


@dataclass(frozen=True, slots=True)
class OrderRow:
    line: int
    code: str
    valid: bool  # header flag 1: a valid code; 0: a table header
    short_title: str
    long_title: str


def bundled_order_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_pcs_order_file(path: Path, tables: Path | None = None, definitions: Path | None = None) -> Release:
    """Read an order file (plain or .gz) into a release of codes, axis values and links.

    `tables` is the release's Tables XML, by default the bundled one; it must label every code. `definitions`
    is its Definitions XML, by default the bundled one, whose terms the axis values take.
    """
    version = _version(path)
    rows = read_order_rows(path)
    official = read_pcs_tables(tables or bundled_tables_path())
    headers = {row.code: row for row in rows if not row.valid}
    for table, row in headers.items():
        if table[:2] not in official.names:
            raise ImportFormatError(path, row.line, f"table {table} is in no table of the Tables XML")
    seen: set[str] = set()
    for row in rows:
        if row.valid:
            if row.code[:3] not in headers:
                raise ImportFormatError(path, row.line, f"code {row.code} has no table header")
            if row.code in seen:
                raise ImportFormatError(path, row.line, f"code {row.code} appears twice")
            if row.code not in official.code_labels:
                raise ImportFormatError(path, row.line, f"code {row.code} is in no table of the Tables XML")
            seen.add(row.code)
    axes = read_axes((row.code for row in rows if row.valid), official)
    defined = define_values(
        axes.values, read_pcs_definitions_xml(definitions or bundled_definitions_path()), official.names
    )
    return Release(
        system=System.ICD10PCS,
        name=SYSTEM_NAMES[System.ICD10PCS],
        version=version,
        source=path.name.removesuffix(".gz"),
        codes=[*_outline_records(official, headers), *(_code_record(row) for row in rows if row.valid)],
        pcs_values=defined.values,
        axis_links=axes.links,
    )


def read_order_rows(path: Path) -> list[OrderRow]:
    with open_text(path, encoding="ascii") as handle:
        lines = enumerate(handle, start=1)
        try:
            return [_parse_line(path, number, text) for number, text in lines if text.strip()]
        except UnicodeDecodeError as exc:
            raise ImportFormatError(path, None, f"not ASCII text: {exc.reason}") from None


def _parse_line(path: Path, number: int, text: str) -> OrderRow:
    match = _LINE.fullmatch(text.rstrip("\r\n"))
    if match is None:
        raise ImportFormatError(path, number, f"not an order-file record: {text[:40].rstrip()!r}")
    code = match["code"].rstrip()
    if len(code) != _CODE_LENGTH[match["flag"]]:
        raise ImportFormatError(path, number, f"code {code!r} has the wrong length for flag {match['flag']}")
    return OrderRow(number, code, match["flag"] == "1", match["short"].rstrip(), match["long"].rstrip())


def _version(path: Path) -> str:
    match = _YEAR.search(path.name)
    if match is None:
        raise ImportFormatError(path, None, "the file name carries no year (icd10pcs_order_<year>.txt)")
    return f"FY{match[1]}"


def _outline_records(official: PcsTables, headers: dict[str, OrderRow]) -> list[CodeRecord]:
    """Sections and body systems of the order file's tables, named by the Tables XML, then the tables."""
    prefixes = dict.fromkeys(p for table in headers for p in (table[0], table[:2]))
    outline = [
        CodeRecord(
            code=prefix,
            title=official.names[prefix],
            kind=CodeKind.SECTION if len(prefix) == 1 else CodeKind.BODY_SYSTEM,
            billable=False,
            parent=prefix[0] if len(prefix) == 2 else None,
            attributes=(("axis", official.axis_titles[(prefix[0], len(prefix))]),),
        )
        for prefix in sorted(prefixes, key=len)
    ]
    tables = [
        CodeRecord(
            code=table,
            title=row.long_title,
            kind=CodeKind.TABLE,
            billable=False,
            parent=table[:2],
            short_title=row.short_title,
        )
        for table, row in headers.items()
    ]
    return [*outline, *tables]


def _code_record(row: OrderRow) -> CodeRecord:
    return CodeRecord(
        code=row.code,
        title=row.long_title,
        kind=CodeKind.CODE,
        billable=True,
        parent=row.code[:3],
        short_title=row.short_title,
    )
