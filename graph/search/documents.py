"""What the index knows of each code, read from the graph (never from source files).

A code's document holds its own words (title, short title, inclusion terms), the official index entries that
lead to it (graph.search.index_words) and the curated words that point at it: names and synonyms of conditions
coded as it or that it is indicated for, drug names, monograph names. A condition coded as `I82.4` also names,
more weakly, the codes under it (`I82.401`): curators list headers, and descendants are the codes whose
compact code extends the header's (as the search's code prefixes do).

Codes are read in pages of consecutive uids, the next page while the caller indexes this one."""

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson

from graph.driver import Graph
from graph.queries import search_documents as q
from graph.reads.codes import HEAD_PROPERTIES
from graph.reads.glossary import read_glossary
from graph.search.abbreviations import Abbreviations
from graph.search.index_words import IndexWords
from graph.search.pcs_includes import PcsIncludes
from graph.search.plain_language import PlainLanguage

PAGE_SIZE = 20_000
READERS = 2


@dataclass(frozen=True, slots=True)
class CodeDocument:
    uid: str
    system: str
    code: str
    code_compact: str
    title: str
    short_title: str | None = None
    kind: str = "code"
    billable: bool = False
    active: bool = True
    inclusion_terms: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # curated words for this code itself
    related_names: tuple[str, ...] = ()  # curated condition words of an ancestor
    index_terms: tuple[str, ...] = ()  # the official index entries that lead here (graph.search.index_words)
    head: bytes = b""  # HEAD_PROPERTIES as JSON, stored for hits to show (graph.reads.codes.head_row)
    plain_words: tuple[str, ...] = ()  # glossary words for the medical phrases of title and inclusion terms
    abbreviations: tuple[str, ...] = ()  # abbreviations the official texts define for its words
    # index terms and glossary words that name the code itself (concept_keys)
    concept_names: tuple[str, ...] = ()


@dataclass(slots=True)
class CuratedWords:
    """Curated words by code: `direct` names the code itself; `coded` holds the condition words of the codes
    conditions are coded as, by (system, compact code), for their descendants to inherit; `treats` the words
    of the conditions a procedure is indicated for.

    A condition's words name the codes it is coded as, but only describe a procedure that treats it: "CHF"
    is I50, and a hospital bed indicated for heart failure is found by it below I50 (related names)."""

    direct: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    treats: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    coded: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    coded_systems: set[str] = field(default_factory=set)

    def add_direct(self, uid: str, words: Iterable[str]) -> None:
        self.direct[uid].extend(words)

    def add_coded(self, uid: str, words: Iterable[str]) -> None:
        words = list(words)
        self.direct[uid].extend(words)
        system, _, code = uid.partition(":")
        self.coded[(system, code.replace(".", ""))].extend(words)
        self.coded_systems.add(system)

    def inherited(self, system: str, compact: str) -> list[str]:
        return [
            word
            for length in range(1, len(compact))
            for word in self.coded.get((system, compact[:length]), ())
        ]


def read_documents(graph: Graph, page_size: int = PAGE_SIZE) -> list[CodeDocument]:
    return list(iter_documents(graph, page_size))


def iter_documents(graph: Graph, page_size: int = PAGE_SIZE) -> Iterator[CodeDocument]:
    """Every code of the graph as a document, in uid order."""
    words = read_curated_words(graph)
    uids = sorted(graph.read_collected(q.CODE_UIDS))
    index = IndexWords.read(graph.read_collected, uids)
    includes = PcsIncludes.read(graph.read_collected)
    glossary = PlainLanguage(read_glossary(graph))
    abbreviations = read_abbreviations(graph, index)
    pages = [(uids[i], uids[min(i + page_size, len(uids)) - 1]) for i in range(0, len(uids), page_size)]
    # READERS pages are read at once while the caller indexes the one before (the engine has cores of its
    # own), and no more are read ahead: the pages read but not indexed are what this costs in memory.
    pool = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="search-documents")
    ahead: deque[Future[list[dict[str, Any]]]] = deque()
    try:
        for first, last in pages:
            ahead.append(pool.submit(graph.read_collected, q.CODE_DOCUMENTS, first=first, last=last))
            if len(ahead) > READERS:
                yield from _documents(
                    ahead.popleft().result(), words, index, glossary, includes, abbreviations
                )
        while ahead:
            yield from _documents(ahead.popleft().result(), words, index, glossary, includes, abbreviations)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _documents(
    rows: list[dict[str, Any]],
    words: CuratedWords,
    index: IndexWords,
    glossary: PlainLanguage,
    includes: PcsIncludes,
    abbreviations: Abbreviations,
) -> Iterator[CodeDocument]:
    for row in sorted(rows, key=lambda row: row["uid"]):
        yield document(row, words, index, glossary, includes, abbreviations)


def read_abbreviations(graph: Graph, index: IndexWords) -> Abbreviations:
    """The abbreviations defined by the titles, inclusion terms and index entries of the graph."""
    terms = [term for terms in graph.read_collected(q.INCLUSION_TERM_LISTS) for term in terms]
    return Abbreviations.of_texts([*graph.read_collected(q.DEFINING_TITLES), *terms, *index.entries()])


def read_curated_words(graph: Graph) -> CuratedWords:
    words = CuratedWords()
    for row in graph.read(q.CONDITION_CODES):
        words.add_coded(row["uid"], _words(row["name"], row["synonyms"]))
    for row in graph.read(q.INDICATION_CODES):
        words.treats[row["uid"]].extend(_words(row["name"], row["synonyms"]))
    for row in graph.read(q.DRUG_CODES):
        words.add_direct(row["uid"], _words(row["name"], row["synonyms"]))
    for row in graph.read(q.MONOGRAPH_NAMES):
        words.add_direct(row["uid"], _words(row["name"], [row["title"], *(row["commonNames"] or [])]))
    return words


def document(
    row: Mapping[str, Any],
    words: CuratedWords,
    index: IndexWords | None = None,
    glossary: PlainLanguage | None = None,
    includes: PcsIncludes | None = None,
    abbreviations: Abbreviations | None = None,
) -> CodeDocument:
    """A document from a code row (every property CODE_DOCUMENTS returns, null where absent), the curated
    words, the index words, the glossary, the PCS body part and device names and the defined abbreviations.
    This runs for every code: it does no work for what most codes lack."""
    uid, title, system, compact, plain = (
        row["uid"],
        row["title"],
        row["system"],
        row["codeCompact"],
        row["plainTitle"],
    )
    names: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    if plain or uid in words.direct:
        named = _unique([*([plain] if plain else []), *words.direct.get(uid, ())])
        names = tuple(name for name in named if name != title)
    if system in words.coded_systems or uid in words.treats:
        inherited = words.inherited(system, compact) if system in words.coded_systems else []
        treats = words.treats.get(uid, ())
        related = tuple(word for word in _unique([*inherited, *treats]) if word not in names)
    inclusion_terms = tuple(row["inclusionTerms"] or ())
    return CodeDocument(
        uid,
        system,
        row["code"],
        compact,
        title,
        row["shortTitle"],
        row["kind"] or "code",
        row["billable"] is True,
        row["active"] is not False,  # only HCPCS records termination
        inclusion_terms,
        names,
        related,
        (
            *(index.for_code(uid, system, compact) if index is not None else ()),
            *(includes.for_code(uid) if includes is not None else ()),
        ),
        orjson.dumps({key: row[key] for key in HEAD_PROPERTIES if row.get(key) is not None}),
        glossary.plain_words((title, *inclusion_terms)) if glossary is not None else (),
        abbreviations.leading_words((title, *inclusion_terms)) if abbreviations is not None else (),
        _concept_names(
            (
                *(index.concepts_for_code(uid, system, compact) if index is not None else ()),
                *(includes.for_code(uid) if includes is not None else ()),
            ),
            (*names, *inclusion_terms),
            glossary,
        ),
    )


def _concept_names(
    concepts: tuple[str, ...], names: tuple[str, ...], glossary: PlainLanguage | None
) -> tuple[str, ...]:
    """The index terms that name the code, and the glossary's plain words for any of its names."""
    if glossary is None:
        return concepts
    return (*concepts, *glossary.naming_words((*concepts, *names)))


def _words(name: str | None, more: Iterable[str | None] | None) -> list[str]:
    return [word for word in (name, *(more or ())) if word]


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
