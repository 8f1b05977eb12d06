"""Search all medical codes: an in-process Tantivy index derived from the graph (DESIGN.md, "Search").

    index = SearchIndex.build(graph, path)        # or from_documents(...) in tests
    page = index.search("deep vein thromb", systems=["ICD10CM"], billable_only=True, first=20)
    more = index.search("deep vein thromb", systems=["ICD10CM"], billable_only=True, after=page.end_cursor)
    index.suggest("I82.4")

Modules: documents (graph → documents), fields (schema, analyzers), parse (user text → code and words),
query (→ Tantivy query), highlight, cursor, storage (persisted folders), spelling (visible typo
correction), index (build, search, suggest).
"""

from graph.search.documents import CodeDocument, read_documents
from graph.search.errors import SearchError, SearchIndexError, SearchInputError
from graph.search.highlight import Highlight
from graph.search.index import (
    MAX_PAGE_SIZE,
    MAX_SUGGESTIONS,
    BuildStats,
    SearchHit,
    SearchIndex,
    SearchPage,
    Suggestion,
)
from graph.search.parse import MAX_QUERY_CHARS
from graph.search.spelling import Correction

__all__ = [
    "MAX_PAGE_SIZE",
    "MAX_QUERY_CHARS",
    "MAX_SUGGESTIONS",
    "BuildStats",
    "CodeDocument",
    "Correction",
    "Highlight",
    "SearchError",
    "SearchHit",
    "SearchIndex",
    "SearchIndexError",
    "SearchInputError",
    "SearchPage",
    "Suggestion",
    "read_documents",
]
