"""The element family of CDC's ICD-10-CM index files, read into index-term records.

The alphabetic index, the External Cause Index, the Table of Drugs and Chemicals and the Neoplasm Table
share one layout (root `<ICD10CM.index>`): `<letter>` → `<mainTerm>` → nested `<term level="N">`, each
with a `<title>` that may hold a `<nemod>` (the non-essential modifier, shown in parentheses). What a
term gives differs (`<code>`, `<see>` … in the indexes, `<cell col="N">` in the tables), so the caller
hands in a function that reads a term's targets.

The file is parsed with expat rather than ElementTree so that every element keeps its line: a malformed
file is reported at the line to look at.
"""

import gzip
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from graph.importers.errors import ImportFormatError
from graph.importers.index_records import IndexTarget, IndexTermRecord

ROOT = "ICD10CM.index"

# A code as the index and tables print it: "T51.3X1", "V94.4", "C79.8-" and "D05.-" (more characters
# required), "X58".
CODE = re.compile(r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4}-?|\.-|-)?")


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    # Character data directly inside this element, children's text excluded: a title's text without its
    # nemod (the text on both sides of the nemod is kept).
    own_text: list[str] = field(default_factory=list)
    children: list["Element"] = field(default_factory=list)

    def text(self) -> str:
        return " ".join("".join(self.own_text).split())

    def child(self, tag: str) -> "Element | None":
        return next((child for child in self.children if child.tag == tag), None)

    def children_named(self, tag: str) -> list["Element"]:
        return [child for child in self.children if child.tag == tag]


# The targets of one term: given the file (for errors) and the term element.
TargetReader = Callable[[Path, Element], tuple[IndexTarget, ...]]


def parse_index_file(path: Path, root_tag: str = ROOT) -> Element:
    """The root element of `path` (plain or `.gz`), each element with its line; it must be `root_tag`
    (the ICD-10-PCS Index, `<ICD10PCS.index>`, is the same element family).

    A missing file or malformed XML raises `ImportFormatError`.
    """
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(path, None, "file not found") from None
    except (OSError, EOFError) as exc:
        raise ImportFormatError(path, None, f"cannot read: {exc}") from None
    parser = expat.ParserCreate()
    stack: list[Element] = []
    roots: list[Element] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = Element(tag, attrs, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        if stack:
            stack[-1].own_text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ImportFormatError(
            path, exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)}"
        ) from None
    root = roots[0]
    if root.tag != root_tag:
        raise ImportFormatError(path, root.line, f"root element <{root.tag}> is not <{root_tag}>")
    return root


def version_of(path: Path, root: Element) -> str:
    """The release year the file names in `<version>` ("2025")."""
    version = root.child("version")
    year = version.text() if version is not None else ""
    if not re.fullmatch(r"\d{4}", year):
        line = version.line if version is not None else root.line
        raise ImportFormatError(path, line, f"<version> should be a year, found {year!r}")
    return year


def read_terms(
    path: Path, root: Element, source: str, source_key: str, targets: TargetReader
) -> Iterator[IndexTermRecord]:
    """Every main term and subterm under the root's letters, in document order (parents before children)."""
    seen: dict[str, int] = {}
    for letter in root.children_named("letter"):
        for main_term in letter.children_named("mainTerm"):
            yield from _walk(path, main_term, 0, None, (), source, source_key, targets, seen)


def code_target(path: Path, element: Element, column: str | None = None) -> IndexTarget:
    """The code an element holds as published; anything that is not a code is an ImportFormatError."""
    code = element.text()
    if not CODE.fullmatch(code):
        raise ImportFormatError(path, element.line, f"<{element.tag}> holds {code!r}, not an ICD-10-CM code")
    return IndexTarget(code, column)


def _walk(
    path: Path,
    element: Element,
    level: int,
    parent: IndexTermRecord | None,
    parent_path: tuple[str, ...],
    source: str,
    source_key: str,
    targets: TargetReader,
    seen: dict[str, int],
) -> Iterator[IndexTermRecord]:
    title = element.child("title")
    if title is None or not title.text():
        raise ImportFormatError(path, element.line, f"<{element.tag}> without a <title> text")
    if level and element.attrs.get("level") != str(level):
        raise ImportFormatError(
            path, element.line, f'<term level="{element.attrs.get("level")}"> where level {level} belongs'
        )
    name = title.text()
    term_path = (*parent_path, name)
    uid = f"{source_key}:{'|'.join(term_path)}"
    seen[uid] = seen.get(uid, 0) + 1
    if seen[uid] > 1:
        # The same line printed twice (e.g. "2,4-D" with and without its modifier): keep both.
        uid = f"{uid}#{seen[uid]}"
    record = IndexTermRecord(
        uid=uid,
        source=source,
        title=name,
        nemod=_nemod(title.child("nemod"), element.child("manif")),
        level=level,
        path=term_path,
        parent=parent.uid if parent is not None else None,
        targets=targets(path, element),
        see=_texts(element, "see"),
        see_also=_texts(element, "seeAlso"),
    )
    yield record
    for term in element.children_named("term"):
        yield from _walk(path, term, level + 1, record, term_path, source, source_key, targets, seen)


def _nemod(nemod: Element | None, manif: Element | None) -> str | None:
    parts = [nemod.text()] if nemod is not None else []
    # A <manif> holding words rather than a manifestation code (the Neoplasm Table's "book-leaf (mouth)"
    # has one) qualifies the title the way a modifier does; the books print it in parentheses.
    if manif is not None and not CODE.fullmatch(manif.text()):
        parts.append(f"({manif.text()})")
    return " ".join(parts) or None


def _texts(element: Element, tag: str) -> tuple[str, ...]:
    return tuple(child.text() for child in element.children_named(tag))
