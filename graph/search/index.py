"""The in-process search index over every code: built from the graph, queried without it.

The graph stays the one source of truth; this is a rebuildable view of it, tagged with the graph's data
version. `SearchIndex.build(graph, path)` reuses a persisted index of the same version and builds (then
persists) one otherwise; callers compare `index.data_version` with the graph's to know when to rebuild.

Ranking and pagination rest on one property: the index is a single segment whose documents are in uid order,
so Tantivy's order — score, then document order — is score, then uid. Codes extending a typed code all score
the same and so come in code order; and every position names the same hit on every request.
"""

import math
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import orjson
import tantivy
from tantivy import Occur, Query

from graph.driver import Graph
from graph.model import System
from graph.reads.graph_state import data_version as graph_data_version
from graph.search import storage
from graph.search.abbreviations import initialisms
from graph.search.concept_keys import concept_keys
from graph.search.cursor import Window, encode_cursor, page_size, page_window
from graph.search.documents import CodeDocument, iter_documents
from graph.search.errors import SearchIndexError, SearchInputError
from graph.search.fields import Field, build_schema, register_analyzers
from graph.search.highlight import Highlight, Highlighter, HighlightField, code_highlight
from graph.search.matched_via import MatchedVia, matched_via
from graph.search.parse import ParsedQuery, as_typed, parse_query
from graph.search.query import any_term, build_query, can_relax, exact_code_query, prior_offset
from graph.search.ranking import CODE_PREFIX_SCORE, EXACT_CODE_SCORE
from graph.search.spelling import Correction, Vocabulary, correction

MAX_PAGE_SIZE = 100
MAX_SUGGESTIONS = 20
# One thread and a heap that holds every code keep the index in one segment, its documents in the order
# they were added (see the module docstring).
_WRITER_HEAP = 512_000_000


@dataclass(frozen=True, slots=True)
class BuildStats:
    documents: int
    seconds: float  # reading and indexing, which overlap; or opening a persisted index
    graph_wait_seconds: float  # of which the indexer waited for the graph (0 when opened from disk)
    reused: bool  # opened from disk instead of built


@dataclass(frozen=True, slots=True)
class SearchHit:
    uid: str
    score: float
    cursor: str
    highlights: tuple[Highlight, ...]
    head: dict[str, Any] | None  # the code's properties but its notes, as indexed; None if not indexed
    matched_via: MatchedVia | None = None  # how it was found (graph.search.matched_via), with highlights


@dataclass(frozen=True, slots=True)
class SearchPage:
    total_count: int  # matches of the query with every filter
    hits: tuple[SearchHit, ...]
    # Matches per system with billableOnly applied but not the systems filter, so that a page can show a
    # count on every system's tab; systems in the index with no match count 0.
    facets: dict[str, int]
    start_cursor: str | None
    end_cursor: str | None
    has_previous_page: bool
    has_next_page: bool
    relaxed: bool  # nothing had every word: these hits have all words but one
    correction: Correction | None = (
        None  # the query searched instead of the one typed (graph.search.spelling)
    )


@dataclass(frozen=True, slots=True)
class Expansion:
    total: int
    heads: tuple[dict[str, Any], ...]  # the codes' properties but their notes, as indexed


@dataclass(frozen=True, slots=True)
class Suggestion:
    uid: str
    system: str
    code: str
    title: str


class SearchIndex:
    def __init__(self, index: tantivy.Index, *, data_version: str | None, stats: BuildStats) -> None:
        register_analyzers(index)
        index.reload()
        self._index = index
        self._schema = index.schema
        self.data_version = data_version
        self.stats = stats
        # Cursors name positions in this data version's order (see graph.search.cursor).
        self._tag = "".join(ch for ch in (data_version or "none").lower() if ch.isalnum())[:12] or "none"
        searcher = index.searcher()
        if searcher.num_segments > 1:
            raise SearchIndexError(f"the search index has {searcher.num_segments} segments; it must have one")
        self._systems = sorted(_system_counts(searcher, Query.all_query()))
        self._vocabulary: Vocabulary | None = None

    @property
    def size(self) -> int:
        return int(self._index.searcher().num_docs)

    @classmethod
    def build(cls, graph: Graph, path: Path | None = None) -> "SearchIndex":
        """The index of the graph's current data: opened from `path` when a build of this data version is
        there, built from the graph otherwise (and kept under `path` when given)."""
        # The version is read before the codes: a load that lands meanwhile leaves an index tagged older than
        # the graph, which the next comparison rebuilds, never the reverse.
        version = graph_data_version(graph)
        if path is not None and version is not None:
            folder = storage.version_folder(path, version)
            if folder.is_dir():
                try:
                    return cls.open(folder, version)
                except SearchIndexError:
                    storage.discard(folder)  # damaged, or written by another Tantivy: build it again
        # An unversioned graph (nothing loaded yet) cannot be told from its next state: never persist it.
        return cls._create(iter_documents(graph), path=path if version else None, data_version=version)

    @classmethod
    def from_documents(
        cls, documents: Iterable[CodeDocument], *, path: Path | None = None, data_version: str | None = None
    ) -> "SearchIndex":
        """An index of these documents (any order): in memory, or kept under `path` for `data_version`."""
        ordered = sorted(documents, key=lambda document: document.uid)
        return cls._create(ordered, path=path if data_version else None, data_version=data_version)

    @classmethod
    def open(cls, folder: Path, data_version: str) -> "SearchIndex":
        started = time.perf_counter()
        index = _open(folder)
        stats = BuildStats(
            documents=int(index.searcher().num_docs),
            seconds=time.perf_counter() - started,
            graph_wait_seconds=0.0,
            reused=True,
        )
        return cls(index, data_version=data_version, stats=stats)

    @classmethod
    def _create(
        cls, ordered: Iterable[CodeDocument], *, path: Path | None, data_version: str | None
    ) -> "SearchIndex":
        started = time.perf_counter()
        building = storage.building_folder(path) if path is not None else None
        documents = _Timed(ordered)
        try:
            index = tantivy.Index(build_schema(), path=str(building) if building else None, reuse=False)
            register_analyzers(index)
            writer = index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            previous = ""
            for document in documents:
                if document.uid <= previous:
                    raise SearchIndexError(f"documents out of uid order: {document.uid!r} after {previous!r}")
                previous = document.uid
                writer.add_document(_tantivy_document(document))
            writer.commit()
            writer.wait_merging_threads()
        except BaseException as exc:
            if building is not None:
                storage.discard(building)
            if isinstance(exc, OSError | ValueError):
                raise SearchIndexError(f"cannot build the search index: {exc}") from exc
            raise
        stats = BuildStats(
            documents=documents.count,
            seconds=time.perf_counter() - started,
            graph_wait_seconds=documents.waited,
            reused=False,
        )
        if building is None or path is None or data_version is None:
            return cls(index, data_version=data_version, stats=stats)
        final = storage.version_folder(path, data_version)
        storage.publish(building, final)
        storage.remove_other_versions(path, keep=final)
        # Searches read the published folder, not the renamed building one.
        return cls(_open(final), data_version=data_version, stats=stats)

    def search(
        self,
        query: str,
        systems: Iterable[str] | None = None,
        billable_only: bool = False,
        first: int | None = None,
        after: str | None = None,
        *,
        last: int | None = None,
        before: str | None = None,
        facets: bool = True,
        highlights: bool = True,
        explain: bool = True,
        exact: bool = False,
    ) -> SearchPage:
        """One page of codes matching `query` (a code, a code prefix or words); see graph.search.query for
        the ranking; `first`/`after` and `last`/`before` page it as Relay does (cursor.page_window). Words
        no code has are corrected (the page says how, graph.search.spelling); `exact` searches the words as
        typed instead, without correction or typo tolerance. Raises SearchInputError for unusable text, page
        sizes, systems or cursors. Without `facets` the page's facets are empty and without `highlights`
        its hits have none, without `explain` no matched_via: each costs about as much as the search
        itself, so callers that show neither say so."""
        parsed, corrected = self._understood(query, exact=exact)
        system_filter = _systems_filter(self._schema, systems)
        searcher = self._index.searcher()

        planner = _Planner(searcher, self._schema, parsed)

        def window_of(query: Query) -> Window:
            def total() -> int:
                return _count(searcher.search(query, limit=1, count=True))

            return page_window(first, after, last, before, tag=self._tag, maximum=MAX_PAGE_SIZE, total=total)

        relaxed, found = False, None
        scoring = self._filtered(planner.query(), billable_only)
        counts = _system_counts(searcher, scoring) if facets else {}
        if can_relax(parsed):
            if not facets and system_filter is None and last is None:
                # The page's own search says whether the words match: one search instead of two.
                found = _found(searcher, scoring, window_of(scoring))
            if facets:
                matched = bool(counts)
            else:
                matched = found.total > 0 if found is not None else _matches(searcher, scoring)
            if not matched:
                relaxed, found = True, None
                scoring = self._filtered(planner.query(relaxed=True), billable_only)
                counts = _system_counts(searcher, scoring) if facets else {}
        page_query = scoring if system_filter is None else _with_filter(scoring, system_filter)
        window = window_of(page_query)
        if found is None:
            found = _found(searcher, page_query, window)
        start, total = window.start, found.total
        hits: list[SearchHit] = []
        highlighter = Highlighter(parsed) if highlights or explain else None
        for position, (score, address) in enumerate(found.hits, start=start):
            stored = searcher.doc(address).to_dict()
            marked = (
                _highlights(stored, float(score), parsed, highlighter) if highlights and highlighter else []
            )
            via = (
                matched_via(stored, score >= CODE_PREFIX_SCORE, highlighter)
                if explain and highlighter
                else None
            )
            hits.append(
                SearchHit(
                    uid=stored[Field.UID][0],
                    score=planner.score(float(score)),
                    cursor=encode_cursor(self._tag, position),
                    highlights=tuple(marked),
                    head=orjson.loads(stored[Field.HEAD][0]) if stored.get(Field.HEAD) else None,
                    matched_via=via,
                )
            )
        return SearchPage(
            total_count=total,
            hits=tuple(hits),
            facets={system: counts.get(system, 0) for system in self._systems} if facets else {},
            start_cursor=hits[0].cursor if hits else None,
            end_cursor=hits[-1].cursor if hits else None,
            has_previous_page=start > 0 and total > 0,
            has_next_page=start + len(hits) < total,
            relaxed=relaxed,
            correction=corrected,
        )

    def suggest(self, prefix: str, first: int = 8) -> list[Suggestion]:
        """The top codes for what is being typed (a code prefix or the start of words), a typo corrected
        (`pnue` as `pneu`)."""
        parsed, _ = self._understood(prefix, exact=False, typing=True)
        first = page_size("first", first, MAX_SUGGESTIONS)
        searcher = self._index.searcher()
        query = _Planner(searcher, self._schema, parsed).query()
        result = searcher.search(query, limit=first, count=False)
        suggestions = []
        for _score, address in result.hits:
            stored = searcher.doc(address).to_dict()
            suggestions.append(
                Suggestion(
                    uid=stored[Field.UID][0],
                    system=stored[Field.SYSTEM][0],
                    code=stored[Field.CODE][0],
                    title=stored[Field.TITLE][0],
                )
            )
        return suggestions

    def expand(
        self,
        system: str,
        *,
        within: Collection[str] | None,
        excluded: Collection[str],
        text: str | None,
        offset: int,
        count: int,
    ) -> Expansion:
        """Codes of one system for a terminology expansion (server.fhir): those of `within` (uids; every
        code of the system when None) but `excluded`, matching `text` as search matches it (ranked so) when
        given, else in uid order; `offset` and `count` page them. Raises SearchInputError for unusable
        text."""
        searcher = self._index.searcher()
        scope = Query.term_query(self._schema, Field.SYSTEM, system)
        if within is not None:
            scope = scope.and_must_match(Query.term_set_query(self._schema, Field.UID, sorted(within)))
        if excluded:
            scope = scope.and_must_not_match(Query.term_set_query(self._schema, Field.UID, sorted(excluded)))
        if text is None:
            query = Query.const_score_query(scope, 1.0)
        else:
            query = _with_filter(_Planner(searcher, self._schema, parse_query(text)).query(), scope)
        if offset >= searcher.num_docs:
            return Expansion(_count(searcher.search(query, limit=1, count=True)), ())
        result = searcher.search(query, limit=count, offset=offset, count=True)
        heads = tuple(
            orjson.loads(searcher.doc(address).to_dict()[Field.HEAD][0]) for _, address in result.hits
        )
        return Expansion(_count(result), heads)

    def _understood(
        self, text: str, *, exact: bool, typing: bool = False
    ) -> tuple[ParsedQuery, Correction | None]:
        parsed = parse_query(text)
        if exact:
            return as_typed(parsed), None
        if parsed.code_key is not None and any(ch.isdigit() for ch in parsed.code_key):
            # A code as typed ("w19.xxxa") is looked up as it is: its letters are not words to correct
            # ("xxxa" → "xxx" of "Karyotype 47, XXX" would lose the code).
            return parsed, None
        corrected = correction(parsed, self.vocabulary, typing=typing, together=self._together)
        if corrected is None:
            return parsed, None
        # Every word is now one the index has (or one nothing is near): typo tolerance would only cost.
        return as_typed(parse_query(corrected.text)), corrected

    def _together(self, word: str, others: Sequence[str]) -> bool:
        """Whether some code has all these words (as typed, unstemmed)."""
        terms = [Query.term_query(self._schema, Field.SPELLING, w) for w in (word, *others)]
        query = Query.boolean_query([(Occur.Must, term) for term in terms])
        return _matches(self._index.searcher(), query)

    @property
    def vocabulary(self) -> Vocabulary:
        """The words of the index for typo correction, read from its term dictionary on first use."""
        if self._vocabulary is None:
            terms = self._index.searcher().terms_with_prefix(Field.SPELLING.value, "")
            self._vocabulary = Vocabulary(terms)
        return self._vocabulary

    def _filtered(self, query: Query, billable_only: bool) -> Query:
        if not billable_only:
            return query
        return _with_filter(query, Query.term_query(self._schema, Field.BILLABLE, True))


class _Planner:
    """Builds one parsed query's Tantivy queries against one searcher (graph.search.query)."""

    def __init__(self, searcher: tantivy.Searcher, schema: tantivy.Schema, parsed: ParsedQuery) -> None:
        self._searcher = searcher
        self._schema = schema
        self._parsed = parsed
        self._documents = max(1, int(searcher.num_docs))
        self._idf: dict[str, float] = {}
        exact = exact_code_query(parsed, schema)
        self._code_systems = sorted(_system_counts(searcher, exact)) if exact is not None else []

    def query(self, *, relaxed: bool = False) -> Query:
        return build_query(
            self._parsed, self._schema, self.rarity, relaxed=relaxed, code_systems=self._code_systems
        )

    def score(self, found: float) -> float:
        """A hit's score as the ranking defines it: Tantivy's, with what the priors given as penalties took
        from a word match added back (graph.search.query.with_priors)."""
        if found >= CODE_PREFIX_SCORE:
            return found
        return found + self._prior_offset

    @cached_property
    def _prior_offset(self) -> float:
        return prior_offset(self._parsed, self.rarity)

    def rarity(self, stem: str) -> float:
        """BM25's idf of the stem among titles, as Tantivy computes it for the title's own score."""
        if stem not in self._idf:
            found = int(self._searcher.doc_freq(Field.TITLE, stem))
            self._idf[stem] = math.log(1 + (self._documents - found + 0.5) / (found + 0.5))
        return self._idf[stem]


class _Timed:
    """Counts documents and the time spent waiting for the next one (the graph, when it is being read)."""

    def __init__(self, documents: Iterable[CodeDocument]) -> None:
        self._documents = iter(documents)
        self.count = 0
        self.waited = 0.0

    def __iter__(self) -> Iterator[CodeDocument]:
        while True:
            started = time.perf_counter()
            document = next(self._documents, None)
            self.waited += time.perf_counter() - started
            if document is None:
                return
            self.count += 1
            yield document


def _count(result: tantivy.SearchResult) -> int:
    return int(result.count)  # type: ignore[attr-defined]  # tantivy's stub lacks the attribute it documents


def _open(folder: Path) -> tantivy.Index:
    try:
        return tantivy.Index.open(str(folder))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"cannot open the search index in {folder}: {exc}") from exc


def _with_filter(query: Query, condition: Query) -> Query:
    # A filter must not score: with a score of 0 it leaves the ranking as it was.
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, Query.const_score_query(condition, 0.0))])


def _systems_filter(schema: tantivy.Schema, systems: Iterable[str] | None) -> Query | None:
    """None for no filter; an empty list means every system too."""
    if systems is None:
        return None
    if isinstance(systems, str):
        raise SearchInputError("systems must be a list of code systems.")
    chosen: list[str] = []
    for system in systems:
        if not isinstance(system, str) or system not in System.__members__:
            known = ", ".join(System)
            raise SearchInputError(f"Unknown code system {str(system)[:40]!r}: use {known}.")
        chosen.append(system)
    if not chosen:
        return None
    return any_term(schema, Field.SYSTEM, sorted(set(chosen)))


@dataclass(frozen=True, slots=True)
class _Found:
    total: int  # the query's matches
    hits: list[tuple[float, tantivy.DocAddress]]  # the window's


def _found(searcher: tantivy.Searcher, query: Query, window: Window) -> _Found:
    # The bound on start also bounds what Tantivy allocates for offset + limit.
    if window.size and window.start < searcher.num_docs:
        result = searcher.search(query, limit=window.size, offset=window.start, count=True)
        return _Found(_count(result), result.hits)
    return _Found(_count(searcher.search(query, limit=1, count=True)), [])


def _matches(searcher: tantivy.Searcher, query: Query) -> bool:
    return _count(searcher.search(query, limit=1, count=True)) > 0


def _system_counts(searcher: tantivy.Searcher, query: Query) -> dict[str, int]:
    aggregation = {"systems": {"terms": {"field": Field.SYSTEM.value, "size": 16}}}
    buckets = searcher.aggregate(query, aggregation)["systems"]["buckets"]
    return {bucket["key"]: int(bucket["doc_count"]) for bucket in buckets}


def _highlights(
    stored: dict[str, list[Any]], score: float, parsed: ParsedQuery, highlighter: Highlighter
) -> list[Highlight]:
    found: list[Highlight] = []
    if parsed.code_key is not None and score >= CODE_PREFIX_SCORE:
        key = parsed.code_key if score < EXACT_CODE_SCORE else stored[Field.CODE][0].replace(".", "")
        found.append(code_highlight(stored[Field.CODE][0], key))
    titles = stored.get(Field.TITLE, [])
    fields = [
        (HighlightField.TITLE, titles[:1]),
        (HighlightField.SHORT_TITLE, titles[1:2]),
        (HighlightField.INCLUSION_TERM, stored.get(Field.INCLUSION_TERMS, [])),
        (HighlightField.NAME, stored.get(Field.NAMES, [])),
        (HighlightField.RELATED_NAME, stored.get(Field.RELATED_NAMES, [])),
        (HighlightField.INDEX_TERM, stored.get(Field.INDEX_TERMS, [])),
    ]
    return found + highlighter.texts(fields)


def _tantivy_document(document: CodeDocument) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text(Field.UID, document.uid)
    doc.add_text(Field.SYSTEM, document.system)
    doc.add_text(Field.CODE, document.code)
    doc.add_text(Field.CODE_KEY, document.code_compact.upper())
    doc.add_boolean(Field.BILLABLE, document.billable)
    doc.add_boolean(Field.ACTIVE, document.active)
    titles = [document.title]
    head = document.title.split(maxsplit=1)
    if head:
        doc.add_text(Field.TITLE_HEAD, head[0])
    if document.short_title and document.short_title != document.title:
        titles.append(document.short_title)
    for field, values in (
        (Field.TITLE, titles),
        (Field.INCLUSION_TERMS, document.inclusion_terms),
        (Field.NAMES, document.names),
        (Field.RELATED_NAMES, document.related_names),
        (Field.INDEX_TERMS, document.index_terms),
        (Field.PLAIN_WORDS, document.plain_words),
        (Field.ABBREVIATIONS, document.abbreviations),
        (Field.INITIALS, initialisms((document.title, *document.inclusion_terms))),
    ):
        for value in values:
            doc.add_text(field, value)
            doc.add_text(Field.SPELLING, value)
    for key in concept_keys((*document.concept_names, *document.names, *document.inclusion_terms)):
        doc.add_text(Field.CONCEPT_KEYS, key)
    if document.head:
        doc.add_bytes(Field.HEAD, document.head)
    return doc
