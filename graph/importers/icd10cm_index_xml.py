"""CDC's ICD-10-CM index XML (`icd-10-cm-eindex-2025.xml`, `icd10cm-index-2026.xml`) → index-term records.

One importer for both indexes CDC publishes in this layout: the Index to Diseases and Injuries and the
External Cause of Injuries Index. The file's `<title>` says which it is and `<version>` the year, so a new
year's file is read the same way and named after itself ("ICD-10-CM External Cause Index FY2025").

A term gives codes in `<code>` (as published: "V94.4", "W26.-" more characters required), in `<subcat>`
and `<seecat>` ("see subcategory T75.0", "see category T71": a code still to be completed, written here
with the trailing "-" the other targets use) and in `<manif>` (the manifestation code printed in brackets
beside the first); `<see>` and `<seeAlso>` name other terms.
"""

from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_index_tree import (
    CODE,
    Element,
    code_target,
    parse_index_file,
    read_terms,
    version_of,
)
from graph.importers.index_records import IndexTarget, IndexTermRecord
from graph.importers.source_files import bundled_data_path

# Words of the file's <title> → the book's name and the key its term uids start with.
_BOOKS = (
    ("EXTERNAL CAUSE", "ICD-10-CM External Cause Index", "icd10cm-eindex"),
    ("INDEX TO DISEASES", "ICD-10-CM Index", "icd10cm-index"),
)


def bundled_external_cause_index_path() -> Path:
    return bundled_data_path("icd-10-cm-eindex-2025.xml.gz")


def read_icd10cm_index_xml(path: Path) -> list[IndexTermRecord]:
    """Every main term and subterm of an ICD-10-CM index XML file, in document order.

    A missing or malformed file, an unknown title or a code that is not one raises `ImportFormatError`
    naming the file and line.
    """
    root = parse_index_file(path)
    name, key = _book(path, root)
    year = version_of(path, root)
    return list(read_terms(path, root, f"{name} FY{year}", f"{key}-{year}", _targets))


def _book(path: Path, root: Element) -> tuple[str, str]:
    title = root.child("title")
    text = title.text() if title is not None else ""
    for words, name, key in _BOOKS:
        if words in text.upper():
            return name, key
    raise ImportFormatError(
        path, title.line if title is not None else root.line, f"not an ICD-10-CM index title: {text!r}"
    )


def _targets(path: Path, term: Element) -> tuple[IndexTarget, ...]:
    found: list[IndexTarget] = []
    for child in term.children:
        if child.tag == "code":
            found.append(code_target(path, child))
        elif child.tag in ("subcat", "seecat"):
            found.append(_to_complete(code_target(path, child)))
        elif child.tag == "manif" and CODE.fullmatch(child.text()):
            found.append(code_target(path, child))
    return tuple(found)


def _to_complete(target: IndexTarget) -> IndexTarget:
    code = target.code
    if code.endswith("-"):
        return target
    return IndexTarget(f"{code}-" if "." in code else f"{code}.-", target.column)
