"""The plain BM25 baseline of the search-quality benchmark: how most free tools search medical codes.

SQLite FTS5 with the Porter stemmer over every loaded code's code (as published and compact, so that `I82.401`
and `I82401` are both words) and its official title and short title, ranked by `bm25()`. The user's words are
quoted (nothing typed is syntax) and joined with OR, as BM25 ranks: every word counts, none is required, so
the baseline answers every query that shares a word with some title. No synonyms, no typo tolerance.
"""

import re
import sqlite3
from collections.abc import Iterable

from graph.search import CodeDocument

_WORD = re.compile(r"\w+")


class Bm25Baseline:
    def __init__(self, documents: Iterable[CodeDocument]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(
            "CREATE VIRTUAL TABLE codes USING fts5("
            "uid UNINDEXED, code, title, short_title, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        self._db.executemany(
            "INSERT INTO codes (uid, code, title, short_title) VALUES (?, ?, ?, ?)",
            (
                (d.uid, f"{d.code} {d.code_compact}", d.title, d.short_title or "")
                for d in sorted(documents, key=lambda d: d.uid)
            ),
        )
        self._db.execute("INSERT INTO codes (codes) VALUES ('optimize')")

    def search(self, text: str, first: int) -> list[str]:
        """The uids of the best `first` codes for the text, best first."""
        match = match_text(text)
        if not match:
            return []
        rows = self._db.execute(
            "SELECT uid FROM codes WHERE codes MATCH ? ORDER BY bm25(codes) LIMIT ?", (match, first)
        ).fetchall()
        return [str(row[0]) for row in rows]

    def close(self) -> None:
        self._db.close()


def match_text(text: str) -> str:
    """FTS5 MATCH text: each word quoted, any word matching."""
    return " OR ".join(f'"{word}"' for word in dict.fromkeys(_WORD.findall(text.lower())))
