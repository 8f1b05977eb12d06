"""The official indexes' words for the search index: every index line that leads to a code gives the code its
path ("Thrombosis, vein, deep, lower extremity"), and a `see` reference gives its own words to the codes of
the term it names and of that term's subterms ("Shingles" → see Herpes, zoster → B02.9, B02.0 …).

A link to a header that needs more characters (`Bunion` → M21.61-) gives the header its words, not the codes
under it: index lines name broad headers (S72.-) whose thousands of codes would each carry them (7.8 million
entries, 700 MB of text, measured). A link with a `prefix` (an ICD-10-PCS table or code prefix such as `0DTJ`)
gives its words to every code of the system whose compact code extends the prefix, as the curated condition
words reach descendants. Read from the graph (graph.queries.search_documents), never from the files."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, LiteralString

from graph.queries import search_documents as q

Collect = Callable[[LiteralString], list[Any]]
# A `see` reaches the codes of the term it names and of at most this many of its subterms, nearest first:
# "Injury — see also the site" names terms whose subtrees hold thousands of codes.
MAX_SEE_TERMS = 100


class IndexWords:
    def __init__(
        self,
        paths: dict[str, list[str]],
        links: Iterable[tuple[str, str, str, str | None]],
        subterms: Iterable[tuple[str, str]],
        see: Iterable[tuple[str, str]],
    ) -> None:
        self._by_code: dict[str, list[str]] = defaultdict(list)
        self._by_prefix: dict[tuple[str, str], list[str]] = defaultdict(list)
        codes_of: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        for term, code, system, prefix in links:
            codes_of[term].append((code, system, prefix))
            self._give(code, system, prefix, _entry(paths.get(term)))
        children: dict[str, list[str]] = defaultdict(list)
        for child, parent in subterms:
            children[parent].append(child)
        for referrer, named in see:
            words = f"{_entry(paths.get(referrer))} (see {_entry(paths.get(named))})"
            for term in _subtree(named, children)[:MAX_SEE_TERMS]:
                for code, system, prefix in codes_of.get(term, ()):
                    self._give(code, system, prefix, words)

    @classmethod
    def read(cls, collect: Collect) -> "IndexWords":
        """The words of every loaded index, through `collect` (the one collected value of a statement)."""
        return cls(
            {uid: path for uid, path in collect(q.INDEX_TERM_PATHS)},
            [(t, c, s, p) for t, c, s, p in collect(q.INDEX_TERM_LINKS)],
            [(child, parent) for child, parent in collect(q.INDEX_SUBTERMS)],
            [(referrer, named) for referrer, named in collect(q.INDEX_SEE)],
        )

    def for_code(self, uid: str, system: str, compact: str) -> tuple[str, ...]:
        """The index entries that lead to the code, each once, its own first, then those of prefixes."""
        entries = list(self._by_code.get(uid, ()))
        if self._by_prefix:
            for length in range(1, len(compact)):
                entries.extend(self._by_prefix.get((system, compact[:length]), ()))
        return tuple(dict.fromkeys(entries))

    def _give(self, code: str, system: str, below: str | None, words: str) -> None:
        if not words:
            return
        self._by_code[code].append(words)
        if below:
            self._by_prefix[(system, below)].append(words)


def _entry(path: list[str] | None) -> str:
    return ", ".join(path or ())


def _subtree(root: str, children: dict[str, list[str]]) -> list[str]:
    """The term and every subterm under it, nearest first."""
    found = [root]
    for term in found:
        found.extend(children.get(term, ()))
    return found
