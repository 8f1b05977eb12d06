"""Opening the files importers read: plain or gzipped text, CSV with line numbers, bundled data.

Every failure to open or to match a CSV header becomes an `ImportFormatError` naming the file,
so a user loading a new release learns which file and which line to look at.
"""

import csv
import gzip
import importlib.util
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from graph import bundle
from graph.importers.errors import ImportFormatError


def bundled_data_path(name: str) -> Path:
    return bundle.data_file(name)


def installed_package_path(package: str) -> Path:
    """The folder of an installed package, found without importing it (importing may do real work)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def open_text(path: Path, encoding: str = "utf-8") -> TextIO:
    """Open `path` for reading text; a name ending in `.gz` is decompressed on the fly."""
    try:
        if path.suffix == ".gz":
            return gzip.open(path, "rt", encoding=encoding, newline="")
        return path.open(encoding=encoding, newline="")
    except FileNotFoundError:
        raise ImportFormatError(path, None, "file not found") from None
    except OSError as exc:
        raise ImportFormatError(path, None, f"cannot open: {exc.strerror}") from None


def open_workbook(path: Path) -> Workbook:
    """An official xlsx workbook, read-only with cell values; the caller closes it."""
    require_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile) as exc:
        raise ImportFormatError(path, None, f"not an xlsx workbook: {exc}") from None


def require_file(path: Path) -> None:
    if not path.is_file():
        raise ImportFormatError(path, None, "file not found")


def read_csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield `(line number, row)` for each data row of a CSV file with a header row.

    The header must hold every column in `required` (others are allowed and kept); every row must
    have as many cells as the header. Blank lines are skipped.
    """
    # utf-8-sig: spreadsheet programs often start a CSV with a byte-order mark.
    with open_text(path, encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in required if name not in header]
        if missing:
            raise ImportFormatError(path, 1, f"header lacks column(s) {', '.join(missing)}")
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise ImportFormatError(
                    path, reader.line_num, f"expected {len(header)} columns, found {len(cells)}"
                )
            yield reader.line_num, dict(zip(header, cells, strict=True))
