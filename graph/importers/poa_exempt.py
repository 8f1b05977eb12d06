"""Importer for the NCHS list of ICD-10-CM codes exempt from Present On Admission reporting.

The release is a zip (`POAexemptCodesFY<yy>.zip`) holding the full list and the changes from the year before,
each as tab-delimited text and as xlsx. The full list (`POAexemptCodesFY<yy>.txt`: a header
`Order<yy> | POAexemptCode | Description`, then one code per line, CRLF) is what says which codes are exempt;
the change lists repeat part of it and are not read.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import bundled_data_path, require_file

BUNDLED_FILE = "POAexemptCodesFY26.zip"
_MEMBER = re.compile(r"POAexemptCodesFY(\d{2})\.txt")
_HEADER = re.compile(r"Order\d{2}\tPOAexemptCode\tDescription")
# As in the conversion table, FY2026 has codes whose second character is a letter (`QA0.0101`).
_CODE = re.compile(r"[A-Z](?:\d[0-9A-Z]|A\d)(?:\.[0-9A-Z]{1,4})?")
_ORDER = re.compile(r"\d{5}")


@dataclass(frozen=True, slots=True)
class PoaExemptRecord:
    line: int  # in the member file
    order: str  # the code's 5-digit order number in the classification
    code: str  # with its dot
    title: str


@dataclass(frozen=True, slots=True)
class PoaExemptList:
    source: str  # the member read, e.g. "POAexemptCodesFY26.txt"
    fiscal_year: int
    records: tuple[PoaExemptRecord, ...]


def bundled_poa_exempt_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_poa_exempt(path: Path) -> PoaExemptList:
    """The full exempt list of the release zip, in file order."""
    require_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = [name for name in archive.namelist() if _MEMBER.fullmatch(Path(name).name)]
            if len(members) != 1:
                raise ImportFormatError(path, None, "expected one member POAexemptCodesFY<yy>.txt")
            text = archive.read(members[0]).decode("ascii")
    except zipfile.BadZipFile as exc:
        raise ImportFormatError(path, None, f"not a zip file: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ImportFormatError(path, None, f"{members[0]} is not ASCII text: {exc.reason}") from None
    name = Path(members[0]).name
    where = Path(f"{path}!{name}")
    # Descriptions with a comma are quoted as in CSV ("Pedestrian on foot injured …, initial encounter").
    rows = list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter="\t"), start=1))
    if not rows or not _HEADER.fullmatch("\t".join(rows[0][1]).strip()):
        raise ImportFormatError(where, 1, "expected the header Order<yy> | POAexemptCode | Description")
    records = tuple(
        _record(where, number, cells) for number, cells in rows[1:] if any(c.strip() for c in cells)
    )
    if not records:
        raise ImportFormatError(where, None, "no exempt codes")
    codes = [record.code for record in records]
    if len(set(codes)) != len(codes):
        duplicate = next(r for i, r in enumerate(records) if r.code in codes[:i])
        raise ImportFormatError(where, duplicate.line, f"code {duplicate.code} is listed twice")
    match = _MEMBER.fullmatch(name)
    assert match is not None
    return PoaExemptList(source=name, fiscal_year=2000 + int(match.group(1)), records=records)


def _record(path: Path, number: int, cells: list[str]) -> PoaExemptRecord:
    if len(cells) != 3:
        raise ImportFormatError(path, number, f"expected 3 tab-separated fields, found {len(cells)}")
    order, code, title = (cell.strip() for cell in cells)
    if not _ORDER.fullmatch(order):
        raise ImportFormatError(path, number, f"order {order!r} is not a 5-digit number")
    if not _CODE.fullmatch(code):
        raise ImportFormatError(path, number, f"code {code!r} is not an ICD-10-CM code with its dot")
    return PoaExemptRecord(line=number, order=order, code=code, title=title)
