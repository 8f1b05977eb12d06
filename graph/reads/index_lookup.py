"""Looking words up in the official indexes and tables, as in the book: main terms by the start of their
title, a term with its codes, references and subterms, and the rows of the drug and neoplasm tables."""

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from graph.driver import Graph
from graph.queries import index_lookup as q
from graph.queries.index_terms import LOADED_SOURCES
from graph.vocabulary.index_terms import lookup_key

MAX_SUBTERMS = 100  # per term; the most a term of the FY2025 books has is 899 (the count is kept beside them)
MAX_TABLE_ROWS = 300  # rows of one table look-up, the matched rows with the rows under them


class IndexBook(StrEnum):
    """The books whose terms are `(:IndexTerm)` nodes; a term's `source` is the book and its release."""

    ICD10CM_INDEX = "ICD-10-CM Index"
    ICD10CM_EXTERNAL_CAUSE_INDEX = "ICD-10-CM External Cause Index"
    ICD10CM_DRUG_TABLE = "ICD-10-CM Table of Drugs"
    ICD10CM_NEOPLASM_TABLE = "ICD-10-CM Neoplasm Table"
    ICD10PCS_INDEX = "ICD-10-PCS Index"


# The code columns of the two tables as their XML heading prints them (graph.importers.icd10cm_tables reads
# them from the file; tests/graph/test_index_lookup_columns.py holds these to the bundled files).
TABLE_COLUMNS: dict[IndexBook, tuple[str, ...]] = {
    IndexBook.ICD10CM_DRUG_TABLE: (
        "Poisoning Accidental (unintentional)",
        "Poisoning Intentional self-harm",
        "Poisoning Assault",
        "Poisoning Undetermined",
        "Adverse effect",
        "Underdosing",
    ),
    IndexBook.ICD10CM_NEOPLASM_TABLE: (
        "Malignant Primary",
        "Malignant Secondary",
        "Ca in situ",
        "Benign",
        "Uncertain Behavior",
        "Unspecified Behavior",
    ),
}
NEOPLASM_MAIN_TERM = "Neoplasm, neoplastic"  # the Neoplasm Table's one main term; its subterms are the sites


@dataclass(frozen=True, slots=True)
class IndexCodeRow:
    uid: str
    column: str | None
    incomplete: bool  # the book gives a code that needs more characters
    prefix: str | None  # the ICD-10-PCS table or code prefix the book gives ("0DTJ"); the code is its table


@dataclass(frozen=True, slots=True)
class IndexTermRow:
    uid: str
    source: str
    book: IndexBook | None
    title: str
    nemod: str | None
    level: int
    path: tuple[str, ...]
    see_text: tuple[
        str, ...
    ]  # the references as printed, also those that name no term ("see also condition")
    see_also_text: tuple[str, ...]
    use_text: tuple[str, ...]  # ICD-10-PCS: the axis values to code instead, as printed ("Esophagus, Lower")
    codes: tuple[IndexCodeRow, ...]  # by table column, then code
    see: tuple[str, ...]  # uids of the terms the references name
    see_also: tuple[str, ...]
    subterm_count: int


def book_of(source: str) -> IndexBook | None:
    """ "ICD-10-CM Index FY2025" → ICD10CM_INDEX; None for a book this module does not know."""
    name = source.rpartition(" FY")[0]
    return IndexBook(name) if name in IndexBook._value2member_map_ else None


def loaded_sources(graph: Graph, books: list[IndexBook]) -> list[str]:
    """The loaded sources of these books, in the books' order (a book may have several releases loaded)."""
    found = sorted(str(row["source"]) for row in graph.read(LOADED_SOURCES))
    return [source for book in books for source in found if book_of(source) == book]


def count_main_terms(graph: Graph, sources: list[str], word: str) -> int:
    """How many main terms of these sources have a title that starts with `word`, whatever its case."""
    (counted,) = graph.read(q.COUNT_MAIN_TERMS, prefix=lookup_key(word), sources=sources)
    return int(counted["total"])


def lookup_main_terms(graph: Graph, sources: list[str], word: str, skip: int, limit: int) -> list[str]:
    """The uids of those main terms from position `skip`, at most `limit` of them, in the books' order."""
    if limit < 1:
        return []
    rows = graph.read(q.MAIN_TERMS, prefix=lookup_key(word), sources=sources, skip=skip, limit=limit)
    return [str(row["uid"]) for row in rows]


def terms_by_uid(graph: Graph, uids: list[str]) -> dict[str, IndexTermRow]:
    return {str(row["uid"]): _term(row) for row in graph.read(q.TERMS, uids=uids)}


def subterms(graph: Graph, uids: list[str]) -> dict[str, list[str]]:
    """The first MAX_SUBTERMS subterms of each term, in the book's order."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in graph.read(q.SUBTERMS, uids=uids, limit=MAX_SUBTERMS):
        found[str(row["uid"])] = [str(uid) for uid in row["subterms"]]
    return found


@dataclass(frozen=True, slots=True)
class TableRows:
    uids: list[str]
    complete: bool  # False when the table has more rows for the word than MAX_TABLE_ROWS


def table_rows(graph: Graph, book: IndexBook, word: str) -> TableRows:
    """The rows of a table that a look-up shows: the entries that start with `word` (substances, or the
    Neoplasm Table's sites) with the rows under them, in the book's order, at most MAX_TABLE_ROWS."""
    sources = loaded_sources(graph, [book])
    if not sources:
        return TableRows([], complete=True)
    prefix = lookup_key(word)
    if book == IndexBook.ICD10CM_NEOPLASM_TABLE:
        main = lookup_key(NEOPLASM_MAIN_TERM)
        rows = graph.read(
            q.NEOPLASM_SITES, main=main, source=sources[-1], prefix=prefix, limit=MAX_TABLE_ROWS
        )
        entries = [str(row["uid"]) for row in rows]
    else:
        entries = lookup_main_terms(graph, sources[-1:], word, 0, MAX_TABLE_ROWS)
    # Level by level (tables nest four deep), then each row followed by the rows under it: the book's order.
    under: dict[str, list[str]] = {}
    level = entries
    while level and len(under) < MAX_TABLE_ROWS:
        found = subterms(graph, level)
        under |= {uid: found.get(uid, []) for uid in level}
        level = [uid for uid in level for uid in found.get(uid, [])]
    ordered: list[str] = []

    def visit(uid: str) -> None:
        if len(ordered) <= MAX_TABLE_ROWS:  # one more than shown tells that there are more
            ordered.append(uid)
            for child in under.get(uid, []):
                visit(child)

    for entry in entries:
        visit(entry)
    return TableRows(ordered[:MAX_TABLE_ROWS], complete=len(ordered) <= MAX_TABLE_ROWS)


def _term(row: dict[str, object]) -> IndexTermRow:
    source = str(row["source"])
    codes = [
        IndexCodeRow(
            str(c["uid"]),
            c["column"] if isinstance(c["column"], str) else None,
            c["incomplete"] is True,
            c["prefix"] if isinstance(c["prefix"], str) else None,
        )
        for c in _list(row["codes"])
        if isinstance(c, dict)
    ]
    columns = TABLE_COLUMNS.get(book_of(source) or IndexBook.ICD10CM_INDEX, ())
    codes.sort(key=lambda c: (columns.index(c.column) if c.column in columns else -1, c.uid, c.prefix or ""))
    return IndexTermRow(
        uid=str(row["uid"]),
        source=source,
        book=book_of(source),
        title=str(row["title"]),
        nemod=row["nemod"] if isinstance(row["nemod"], str) else None,
        level=int(str(row["level"])),
        path=tuple(str(part) for part in _list(row["path"])),
        see_text=tuple(str(text) for text in _list(row["seeText"])),
        see_also_text=tuple(str(text) for text in _list(row["seeAlsoText"])),
        use_text=tuple(str(text) for text in _list(row["useText"])),
        codes=tuple(codes),
        see=tuple(sorted(str(uid) for uid in _list(row["see"]))),
        see_also=tuple(sorted(str(uid) for uid in _list(row["seeAlso"]))),
        subterm_count=int(str(row["subtermCount"])),
    )


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
