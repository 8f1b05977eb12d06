"""Importer for the CMS ICD-10-PCS Tables XML (`icd10pcs_tables_<year>.xml`, plain or .gz).

Layout (CMS's `ICD10PCS.tabular`): one `pcsTable` per first three characters, holding `axis` 1..3
(each one `label`) and one or more `pcsRow`, each holding `axis` 4..7 with one or more `label`.
Every combination of one label per axis of a row is a valid code. An axis has `pos` and a `title`
that names what the character means in that section ("Body Part" in section 0, "Body Region" in
section 2); a `label` has `code`, the character, and its text.

A character's label can depend on the row (section X position 6: the same device value names
different substances in different New Technology groups), so labels are given per code.
"""

import gzip
import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import bundled_data_path, require_file

BUNDLED_FILE = "icd10pcs_tables_2026.xml.gz"
ROOT = "ICD10PCS.tabular"
_TABLE_AXES = ("1", "2", "3")
_ROW_AXES = ("4", "5", "6", "7")


@dataclass(slots=True)
class PcsTables:
    version: str  # e.g. "2026", as the file says
    axis_titles: dict[tuple[str, int], str] = field(default_factory=dict)  # (section, 1..7) -> "Body Part"
    names: dict[str, str] = field(default_factory=dict)  # "0" -> section name, "06" -> body system name
    # code -> labels of positions 3..7, as the code's table and row give them.
    code_labels: dict[str, tuple[str, str, str, str, str]] = field(default_factory=dict)


def bundled_tables_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_pcs_tables(path: Path) -> PcsTables:
    """Read a Tables XML file; a missing, malformed or inconsistent file raises `ImportFormatError`."""
    require_file(path)
    try:
        with gzip.open(path) if path.suffix == ".gz" else path.open("rb") as handle:
            root = ET.parse(handle).getroot()
    except ET.ParseError as exc:
        raise ImportFormatError(path, exc.position[0], f"not well-formed XML: {exc}") from None
    except (OSError, EOFError) as exc:
        raise ImportFormatError(path, None, f"cannot read: {exc}") from None
    if root.tag != ROOT:
        raise ImportFormatError(path, None, f"root element <{root.tag}> is not <{ROOT}>")
    found = PcsTables(version=(root.findtext("version") or "").strip())
    for number, table in enumerate(root.findall("pcsTable"), start=1):
        try:
            _read_table(table, found)
        except ValueError as exc:
            raise ImportFormatError(path, None, f"pcsTable #{number}: {exc}") from None
    if not found.code_labels:
        raise ImportFormatError(path, None, "no pcsTable holds a code")
    return found


def _read_table(table: ET.Element, found: PcsTables) -> None:
    axes = _axes(table, _TABLE_AXES, single=True)
    code = "".join(next(iter(labels)) for _, labels in axes)
    section = code[0]
    found.names.setdefault(section, axes[0][1][section])
    found.names.setdefault(code[:2], axes[1][1][code[1]])
    operation = axes[2][1][code[2]]
    _titles(found, section, _TABLE_AXES, [title for title, _ in axes])
    rows = table.findall("pcsRow")
    if not rows:
        raise ValueError(f"table {code} has no pcsRow")
    for number, row in enumerate(rows, start=1):
        try:
            row_axes = _axes(row, _ROW_AXES, single=False)
        except ValueError as exc:
            raise ValueError(f"table {code}, pcsRow #{number}: {exc}") from None
        _titles(found, section, _ROW_AXES, [title for title, _ in row_axes])
        for combination in itertools.product(*(labels.items() for _, labels in row_axes)):
            characters = "".join(value for value, _ in combination)
            labels = (operation, *(label for _, label in combination))
            found.code_labels[code + characters] = labels  # type: ignore[assignment]


def _axes(parent: ET.Element, positions: tuple[str, ...], single: bool) -> list[tuple[str, dict[str, str]]]:
    """(title, value -> label) of each axis at `positions`, in order; each must be there once."""
    by_position = {axis.get("pos") or "?": axis for axis in parent.findall("axis")}
    if sorted(by_position) != sorted(positions) or len(parent.findall("axis")) != len(positions):
        raise ValueError(f"axes {sorted(by_position)} where {list(positions)} belong")
    found = []
    for position in positions:
        axis = by_position[position]
        title = (axis.findtext("title") or "").strip()
        labels = {
            (label.get("code") or ""): " ".join((label.text or "").split()) for label in axis.findall("label")
        }
        if not title or not labels or any(len(value) != 1 or not text for value, text in labels.items()):
            raise ValueError(f"axis {position} lacks its title, a label, a label's code or a label's text")
        if single and len(labels) != 1:
            raise ValueError(f"axis {position} has {len(labels)} labels where one belongs")
        found.append((title, labels))
    return found


def _titles(found: PcsTables, section: str, positions: tuple[str, ...], titles: list[str]) -> None:
    for position, title in zip(positions, titles, strict=True):
        known = found.axis_titles.setdefault((section, int(position)), title)
        if known != title:
            raise ValueError(f"axis {position} of section {section} is titled {title!r} and {known!r}")
