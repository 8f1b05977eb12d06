"""Reads of the official indexes for the API: the index lines that lead to each code."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.queries import index_reads as q

# Per code: a page lists them all. No ICD-10-CM code of the loaded indexes has more than 150; the most an
# ICD-10-PCS code has of its own is 139 (XW0V3WA: the New Technology terms that give table XW0).
MAX_ENTRIES = 200


@dataclass(frozen=True, slots=True)
class IndexEntryRow:
    path: tuple[str, ...]
    source: str
    column: str | None
    nemod: str | None
    incomplete: bool
    prefix: str | None  # the ICD-10-PCS table or code prefix the line gives ("0DTJ")
    see: tuple[str, ...] | None  # the path of the term a `see` of this entry names, when it leads here so


def index_entries(graph: Graph, uids: list[str]) -> dict[str, list[IndexEntryRow]]:
    """Every index line that leads to each code: its own entries, then the `see` references to them.

    An ICD-10-PCS line prints its lead with its reference ("Appendectomy see Resection, Appendix 0DTJ"): it
    leads here itself and through the term it names, and is listed once, with the reference."""
    return entries_of(graph.read(q.SEE_ENTRIES, uids=uids), graph.read(q.INDEX_ENTRIES, uids=uids))


def entries_of(see: list[dict[str, Any]], own: list[dict[str, Any]]) -> dict[str, list[IndexEntryRow]]:
    """Each code's entries from the rows of SEE_ENTRIES and INDEX_ENTRIES (graph.queries.index_reads)."""
    found: dict[str, list[IndexEntryRow]] = defaultdict(list)
    for row in see:
        found[row["uid"]].append(_row(row, tuple(row["see"])))
    referring = {(uid, r.source, r.path) for uid, rows in found.items() for r in rows}
    for row in own:
        own_entry = _row(row, None)
        if (row["uid"], own_entry.source, own_entry.path) not in referring:
            found[row["uid"]].append(own_entry)
    return {uid: sorted(rows, key=_order)[:MAX_ENTRIES] for uid, rows in found.items()}


def _row(row: dict[str, object], see: tuple[str, ...] | None) -> IndexEntryRow:
    path = row["path"]
    assert isinstance(path, list)
    return IndexEntryRow(
        path=tuple(str(part) for part in path),
        source=str(row["source"]),
        column=row["column"] if isinstance(row["column"], str) else None,
        nemod=row["nemod"] if isinstance(row["nemod"], str) else None,
        incomplete=row["incomplete"] is True,
        prefix=row["prefix"] if isinstance(row["prefix"], str) else None,
        see=see,
    )


def _order(row: IndexEntryRow) -> tuple[str, bool, tuple[str, ...]]:
    # By book, the code's own lines before the references to them, then as the book orders terms.
    return (row.source, row.see is not None, tuple(part.casefold() for part in row.path))
