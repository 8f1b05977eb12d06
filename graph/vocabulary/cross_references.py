"""Find the term a `see` or `see also` names, within the same index: "Herpes, zoster" → Herpes > zoster.

A cross-reference is a main term followed by subterms, joined by commas. Main terms are named as printed,
capitalised ("Ulcer, pressure" names the main term "Ulcer, ulcerated, ulcerating, …" by its first word), so a
lowercase instruction such as "see also condition" (look up the condition itself) names no term. Subterms are
matched without regard to case, and plurals as singulars. Words the book adds after the last term it names
("by site") are instructions: the reference leads to the deepest term it names.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from graph.importers.index_records import IndexTermRecord

# Terms by their parent's uid ("" for main terms), then by the first word of their title.
_Terms = dict[str, dict[str, list[IndexTermRecord]]]


class TermFinder:
    """The terms of one source, looked up by the words of a cross-reference."""

    def __init__(self, records: Iterable[IndexTermRecord]) -> None:
        self._terms: _Terms = defaultdict(lambda: defaultdict(list))
        for record in records:
            parent = record.parent or ""
            self._terms[parent][_fold(_words(record.title)[0], main=not parent)].append(record)

    def find(self, reference: str) -> IndexTermRecord | None:
        """The deepest term the reference names, or None when no main term matches it."""
        words = _words(reference)
        found = self._best("", words)
        if found is None:
            return None
        term, used = found
        words = words[used:]
        while words and (below := self._best(term.uid, words)) is not None:
            term, used = below
            words = words[used:]
        return term

    def _best(self, parent: str, words: Sequence[str]) -> tuple[IndexTermRecord, int] | None:
        """The term naming most of the leading words, the first in document order on a tie, and how many."""
        main = not parent
        wanted = [_fold(word, main) for word in words]
        best: tuple[IndexTermRecord, int] | None = None
        for candidate in self._terms[parent].get(wanted[0], ()) if wanted else ():
            title = [_fold(word, main) for word in _words(candidate.title)]
            # A title that lists variants ("Herpes, herpesvirus, herpetic") is also named by its first one.
            used = len(title) if wanted[: len(title)] == title else 1
            if best is None or used > best[1]:
                best = (candidate, used)
        return best


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()] or [text]


def _fold(word: str, main: bool) -> str:
    # "Complications, vaccination" names the main term "Complication(s)": plurals are matched as singulars.
    word = word.removesuffix("(s)").removesuffix("s")
    return word if main else word.casefold()
