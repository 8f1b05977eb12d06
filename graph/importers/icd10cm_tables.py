"""CDC's ICD-10-CM Table of Drugs and Chemicals and Neoplasm Table XML → index-term records, one per row.

Both tables (`icd-10-cm-drug-2025.xml`, `icd-10-cm-neoplasm-2025.xml`; schema
`icd-10-cm-drug-neoplasm-2025.xsd`) are index files whose terms carry `<cell col="N">` instead of codes.
`<indexHeading>` names the columns: column 1 heads the row titles ("Substance", "Neoplasm"), the others
the code columns ("Poisoning Accidental (unintentional)", "Malignant Primary" …). Each filled cell
becomes one target with its column's name exactly as the head prints it; "--" (drugs) and "-"
(neoplasms) mark a cell with no code.
"""

import enum
from dataclasses import dataclass
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_index_tree import Element, code_target, parse_index_file, read_terms, version_of
from graph.importers.index_records import IndexTarget, IndexTermRecord
from graph.importers.source_files import bundled_data_path

_NO_CODE = ("-", "--")


class TableKind(enum.Enum):
    # value: the head of column 1, which tells the two tables apart
    DRUGS = "Substance"
    NEOPLASMS = "Neoplasm"


_BOOKS = {
    TableKind.DRUGS: ("ICD-10-CM Table of Drugs", "icd10cm-drug"),
    TableKind.NEOPLASMS: ("ICD-10-CM Neoplasm Table", "icd10cm-neoplasm"),
}
_BUNDLED = {
    TableKind.DRUGS: "icd-10-cm-drug-2025.xml.gz",
    TableKind.NEOPLASMS: "icd-10-cm-neoplasm-2025.xml.gz",
}


@dataclass(frozen=True, slots=True)
class IndexTable:
    kind: TableKind
    source: str  # "ICD-10-CM Table of Drugs FY2025"
    columns: tuple[str, ...]  # the code columns in published order (column 2 onwards)
    terms: list[IndexTermRecord]


def bundled_table_path(kind: TableKind) -> Path:
    return bundled_data_path(_BUNDLED[kind])


def read_icd10cm_table(path: Path, kind: TableKind) -> IndexTable:
    """Every row of the drug or neoplasm table in `path`, in document order.

    A missing or malformed file, a file of the other table, a cell in a column the heading does not name
    or a cell that holds no code raises `ImportFormatError` naming the file and line.
    """
    root = parse_index_file(path)
    heads = _heads(path, root)
    if heads.get(1) != kind.value:
        raise ImportFormatError(
            path,
            root.line,
            f"column 1 is headed {heads.get(1)!r}, not {kind.value!r}: not the {_BOOKS[kind][0]}",
        )
    name, key = _BOOKS[kind]
    year = version_of(path, root)
    columns = {number: head for number, head in heads.items() if number != 1}

    def targets(path: Path, term: Element) -> tuple[IndexTarget, ...]:
        return tuple(
            _cell_target(path, cell, columns)
            for cell in term.children_named("cell")
            if cell.text() not in _NO_CODE
        )

    source = f"{name} FY{year}"
    terms = list(read_terms(path, root, source, f"{key}-{year}", targets))
    return IndexTable(kind, source, tuple(columns[number] for number in sorted(columns)), terms)


def _heads(path: Path, root: Element) -> dict[int, str]:
    heading = root.child("indexHeading")
    if heading is None:
        raise ImportFormatError(path, root.line, "no <indexHeading> naming the table's columns")
    return {_column(path, head): head.text() for head in heading.children_named("head")}


def _cell_target(path: Path, cell: Element, columns: dict[int, str]) -> IndexTarget:
    number = _column(path, cell)
    if number not in columns:
        raise ImportFormatError(path, cell.line, f'<cell col="{number}"> names no code column of the heading')
    return code_target(path, cell, columns[number])


def _column(path: Path, element: Element) -> int:
    col = element.attrs.get("col", "")
    if not col.isdigit():
        raise ImportFormatError(path, element.line, f'<{element.tag}> needs col="N", found {col!r}')
    return int(col)
