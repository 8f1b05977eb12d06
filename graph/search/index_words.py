"""The official indexes' words for the search index: every index line that leads to a code gives the code its
path ("Thrombosis, vein, deep, lower extremity"), and a `see` reference gives its own words to the codes of
the term it names and of that term's subterms ("Shingles" → see Herpes, zoster → B02.9, B02.0 …).

A link to a header that needs more characters (`Bunion` → M21.61-) gives the header its words, not the codes
under it: index lines name broad headers (S72.-) whose thousands of codes would each carry them (7.8 million
entries, 700 MB of text, measured). A link with a `prefix` (an ICD-10-PCS table or code prefix such as `0DTJ`)
gives its words to the codes of the system whose compact code extends the prefix, as the curated condition
words reach descendants, when they are few enough (MAX_LEAD_CODES); a broader one gives them to its table.
An ICD-10-PCS line prints its lead with its `see` ("Tonsillectomy see Resection, Mouth and Throat 0CT"): its
words reach the codes of that lead, not the codes of the term the reference names (here the whole of
"Resection", which has no "Mouth and Throat" subterm). Read from the graph (graph.queries.search_documents),
never from the files."""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import islice, product
from typing import Any, LiteralString

from graph.queries import search_documents as q

Collect = Callable[[LiteralString], list[Any]]
# A `see` reaches the codes of the term it names and of at most this many of its subterms, nearest first:
# "Injury — see also the site" names terms whose subtrees hold thousands of codes.
MAX_SEE_TERMS = 100
# A table or prefix lead gives its words to the codes under it when they are at most this many (with the
# table), else to its table only, as an ICD-10-CM header that needs more characters keeps its words: so no
# index word reaches more than 200 codes through one lead. The FY2025 PCS Index leads name from 5 codes (0DTJ)
# to 1,560 (table 041); 376 of its 16,343 links name more than 200, e.g. Roux-en-Y → 0D1 (1,045 codes).
# Measured on the loaded graph: PCS codes carry 314,065 index entries so bounded, 436,919 unbounded.
MAX_LEAD_CODES = 200
# Ways of saying one path kept as concept names: the forms of its terms multiply ("Herpes, herpesvirus,
# herpetic" then "zoster" is three).
MAX_VARIANTS = 8


class IndexWords:
    def __init__(
        self,
        paths: dict[str, list[str]],
        links: Iterable[tuple[str, str, str, str | None]],
        subterms: Iterable[tuple[str, str]],
        see: Iterable[tuple[str, str]],
        uids: Sequence[str] = (),
    ) -> None:
        """`uids`, sorted, are every code's uid: how many codes a prefix names is counted in them."""
        self._uids = uids
        self._entries = _Given(self._codes_under)
        self._concepts = _Given(self._codes_under)
        codes_of: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        for term, code, system, prefix in links:
            codes_of[term].append((code, system, prefix))
            self._entries.give(code, system, prefix, _entry(paths.get(term)))
            for name in _variants(paths.get(term)):
                self._concepts.give(code, system, prefix, name)
        children: dict[str, list[str]] = defaultdict(list)
        for child, parent in subterms:
            children[parent].append(child)
        for referrer, named in see:
            if referrer in codes_of:
                continue  # the reference came with the lead it gives (ICD-10-PCS)
            words = f"{_entry(paths.get(referrer))} (see {_entry(paths.get(named))})"
            for term in _subtree(named, children)[:MAX_SEE_TERMS]:
                for code, system, prefix in codes_of.get(term, ()):
                    self._entries.give(code, system, prefix, words)
                    if term == named:
                        # "Infection, bladder — see Cystitis" names Cystitis's own code, not its subterms'
                        for name in _variants(paths.get(referrer)):
                            self._concepts.give(code, system, prefix, name)

    @classmethod
    def read(cls, collect: Collect, uids: Sequence[str]) -> "IndexWords":
        """The words of every loaded index, through `collect` (the one collected value of a statement), for
        the codes of `uids` (sorted)."""
        return cls(
            {uid: path for uid, path in collect(q.INDEX_TERM_PATHS)},
            [(t, c, s, p) for t, c, s, p in collect(q.INDEX_TERM_LINKS)],
            [(child, parent) for child, parent in collect(q.INDEX_SUBTERMS)],
            [(referrer, named) for referrer, named in collect(q.INDEX_SEE)],
            uids,
        )

    def for_code(self, uid: str, system: str, compact: str) -> tuple[str, ...]:
        """The index entries that lead to the code, each once, its own first, then those of prefixes."""
        return self._entries.of(uid, system, compact)

    def concepts_for_code(self, uid: str, system: str, compact: str) -> tuple[str, ...]:
        """The index terms that name the code itself (graph.search.concept_keys): the path of a line that
        leads to it, and the term whose `see` names the term it is the code of; not the referrers of the
        terms above it."""
        return self._concepts.of(uid, system, compact)

    def entries(self) -> set[str]:
        """Every entry given to some code."""
        return self._entries.values()

    def _codes_under(self, system: str, prefix: str) -> int:
        # Prefixes are ICD-10-PCS's, whose codes have no dots: a code's uid is its system and compact code.
        start = f"{system}:{prefix}"
        return bisect_left(self._uids, start + "\uffff") - bisect_left(self._uids, start)


class _Given:
    """Words given to codes: to a code itself, or below a prefix when it names few enough codes."""

    def __init__(self, codes_under: Callable[[str, str], int]) -> None:
        self._codes_under = codes_under
        self._by_code: dict[str, list[str]] = defaultdict(list)
        self._by_prefix: dict[tuple[str, str], list[str]] = defaultdict(list)

    def give(self, code: str, system: str, below: str | None, words: str) -> None:
        if not words:
            return
        self._by_code[code].append(words)
        if below and self._codes_under(system, below) <= MAX_LEAD_CODES:
            self._by_prefix[(system, below)].append(words)

    def of(self, uid: str, system: str, compact: str) -> tuple[str, ...]:
        """Each once, the code's own first, then those of its prefixes."""
        given = list(self._by_code.get(uid, ()))
        if self._by_prefix:
            for length in range(1, len(compact)):
                given.extend(self._by_prefix.get((system, compact[:length]), ()))
        return tuple(dict.fromkeys(given))

    def values(self) -> set[str]:
        return {words for given in self._by_code.values() for words in given}


def _entry(path: list[str] | None) -> str:
    return ", ".join(path or ())


def _variants(path: list[str] | None) -> list[str]:
    """The path said with each of its terms' forms: a term lists the forms of one word ("Arthritis,
    arthritic", "Herpes, herpesvirus, herpetic"), which stem apart, and says the concept in any of them."""
    forms = [term.split(", ") for term in path or ()]
    return [", ".join(choice) for choice in islice(product(*forms), MAX_VARIANTS)] if forms else []


def _subtree(root: str, children: dict[str, list[str]]) -> list[str]:
    """The term and every subterm under it, nearest first."""
    found = [root]
    for term in found:
        found.extend(children.get(term, ()))
    return found
