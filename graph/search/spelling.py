"""Visible typo correction: words that no code has are replaced by the nearest word that codes have.

The vocabulary is every word of the index's `spelling` field (titles, inclusion terms, names, index terms and
plain words, unstemmed), read from its term dictionary with each word's document count. A query word is
corrected only when it is unknown: not a word of the vocabulary and, for the word being typed, the start of
none. Its correction is the vocabulary word fewest edits away (swaps count one: `pnuemonia` → `pneumonia`),
those with the same first letter (people seldom mistype it) and then the most common first; among the near
ones, the best that some code has with the query's other words. The word being typed may become the start
of words instead (`pnue` → `pneu`, so that suggestions go on); in a search, only when no whole word is near.
Short words, numbers and stop words are never corrected: one edit turns `als` into `all`.

Edits allowed grow with the word, as people misspell long words by more letters (`hemmorage`).
"""

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from graph.search.parse import STOP_WORDS, ParsedQuery, Word

MIN_LETTERS = 4  # shorter words are never corrected
CONTEXT_CANDIDATES = 12  # near candidates tried with the query's other words


def max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2 if len(word) <= 8 else 3


@dataclass(frozen=True, slots=True)
class Correction:
    text: str  # the query as corrected
    changes: tuple[tuple[str, str], ...]  # (typed word, its correction), in query order


class _Words:
    """Words of one length with their counts, as parallel lists for rapidfuzz."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.counts: list[int] = []
        self.completions: list[str] = []  # for word starts: the most common word each one starts

    def add(self, word: str, count: int, completion: str) -> None:
        self.words.append(word)
        self.counts.append(count)
        self.completions.append(completion)


class Vocabulary:
    def __init__(self, counts: Sequence[tuple[str, int]]) -> None:
        words = {word: count for word, count in counts if word.isalpha() and len(word) >= 2}
        self._counts = words
        self._sorted = sorted(words)
        self._by_length: dict[int, _Words] = {}
        for word, count in words.items():
            self._by_length.setdefault(len(word), _Words()).add(word, count, word)
        self._starts: dict[int, dict[int, _Words]] = {}  # typed length → start length → starts

    def __len__(self) -> int:
        return len(self._counts)

    def known(self, word: Word) -> bool:
        if word.raw in self._counts:
            return True
        if not word.prefix:
            return False
        at = bisect.bisect_left(self._sorted, word.raw)
        return at < len(self._sorted) and self._sorted[at].startswith(word.raw)

    def nearer_first(self, word: Word, *, typing: bool) -> Iterator[tuple[list[str], bool]]:
        """The known words within max_edits, best first (fewest edits, the same first letter, the
        most common), as the edits allowed grow: (those within 1, 2 … edits, whether that is all of them).
        Each list starts the next, and the nearer ones cost less to find (fewer lengths, fewer edits to
        check). The word being typed may instead be the start of words, corrected to the most common word it
        starts: while typing (suggestions), ranked with the whole words; in a search, only when no whole word
        is near."""
        most = max_edits(word.raw)

        def starts(edits: int) -> list[tuple[int, bool, int, str]]:
            if not word.prefix:
                return []
            return _nearest(word.raw, self._start_lengths(len(word.raw)), edits)

        if typing:
            for edits in range(1, most + 1):
                yield _ranked(_nearest(word.raw, self._by_length, edits) + starts(edits)), edits == most
            return
        for edits in range(1, most + 1):
            whole = _nearest(word.raw, self._by_length, edits)
            if whole:
                yield _ranked(whole), edits == most
        if not whole:
            for edits in range(1, most + 1):
                yield _ranked(starts(edits)), edits == most

    def _start_lengths(self, length: int) -> dict[int, _Words]:
        """The starts of longer words, `length` letters and one more or less, by length, with the summed
        counts of the words they start."""
        if length not in self._starts:
            starts: dict[int, _Words] = {}
            for cut in (length - 1, length, length + 1):
                summed: dict[str, int] = {}
                common: dict[str, tuple[int, str]] = {}
                for word, count in self._counts.items():
                    if len(word) > cut:
                        start = word[:cut]
                        summed[start] = summed.get(start, 0) + count
                        common[start] = max(common.get(start, (0, "")), (count, word))
                found = starts[cut] = _Words()
                for start, count in summed.items():
                    found.add(start, count, common[start][1])
            self._starts[length] = starts
        return self._starts[length]


def _ranked(found: list[tuple[int, bool, int, str]]) -> list[str]:
    return list(dict.fromkeys(completion for *_, completion in sorted(found)))


def _nearest(raw: str, by_length: dict[int, _Words], edits: int) -> list[tuple[int, bool, int, str]]:
    """(edits, whether the first letter differs, minus count, completion) of the words at most `edits`
    away, best first, among words of the lengths that allow it."""
    found: list[tuple[int, bool, int, str]] = []
    for length in range(len(raw) - edits, len(raw) + edits + 1):
        words = by_length.get(length)
        if words is None:
            continue
        for _, distance, at in process.extract(
            raw, words.words, scorer=OSA.distance, score_cutoff=edits, limit=None
        ):
            first = words.words[at][:1] != raw[:1]  # people seldom mistype the first letter
            found.append((int(distance), first, -words.counts[at], words.completions[at]))
    return sorted(found)


Together = Callable[[str, Sequence[str]], bool]  # whether some code has the word with all the others


def correction(
    parsed: ParsedQuery, vocabulary: Vocabulary, *, typing: bool = False, together: Together | None = None
) -> Correction | None:
    """The corrected query, when some word of it was unknown and has a correction; None otherwise. `typing`:
    for suggestions, where the last word is unfinished. With `together`, the query's other known words
    choose among the near candidates: the best one that some code has with them ("kidney stoans" →
    stones, not straps)."""
    changes: list[tuple[str, str]] = []
    unknown = [w for w in parsed.words if _correctable(w) and not vocabulary.known(w)]
    context = [w.raw for w in parsed.words if w not in unknown and not w.optional and w.raw.isalpha()]
    fits = _Fits(together, context) if together and context else None
    for word in unknown:
        chosen = _chosen(word, vocabulary, typing, fits)
        if chosen is not None:
            changes.append((word.raw, chosen))
    if not changes:
        return None
    text = parsed.text
    for typed, corrected in changes:
        text, replaced = re.subn(
            rf"(?<![^\W_]){re.escape(typed)}(?![^\W_])", corrected, text, count=1, flags=re.I
        )
        if not replaced:  # typed with accents that folding removed: rebuild the text from the words
            text = " ".join(dict(changes).get(word.raw, word.raw) for word in parsed.words)
            break
    return Correction(text, tuple(changes))


class _Fits:
    """Whether some code has a candidate with the query's other words, each candidate asked once."""

    def __init__(self, together: Together, context: Sequence[str]) -> None:
        self._together = together
        self._context = context
        self._known: dict[str, bool] = {}

    def __call__(self, candidate: str) -> bool:
        if candidate not in self._known:
            self._known[candidate] = self._together(candidate, self._context)
        return self._known[candidate]


def _chosen(word: Word, vocabulary: Vocabulary, typing: bool, fits: _Fits | None) -> str | None:
    """Of the CONTEXT_CANDIDATES nearest words, the first that fits the other words, else the nearest. The
    nearer words are looked at first (Vocabulary.nearer_first) and the search goes on only while more edits
    could change the answer: most typos are one edit away."""
    for candidates, complete in vocabulary.nearer_first(word, typing=typing):
        near = [c for c in candidates[:CONTEXT_CANDIDATES] if c != word.raw]
        if not near:
            continue
        if fits is None:
            return near[0]
        fitting = next((c for c in near if fits(c)), None)
        if fitting is not None:
            return fitting
        if complete or len(candidates) >= CONTEXT_CANDIDATES:
            return near[0]
    return None


def _correctable(word: Word) -> bool:
    return (
        len(word.raw) >= MIN_LETTERS
        and word.raw.isalpha()
        and word.raw not in STOP_WORDS
        and not word.optional
    )
