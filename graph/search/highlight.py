"""Why a hit matched: its title (always) and any other field that matched, with the matching spans.

Highlights are plain data — text and character spans — never markup, so the caller escapes the text and wraps
the spans as it likes. Words are matched here the way the query matched them (same analyzers, same stems,
prefixes and typo distances); Tantivy's snippet generator cannot see prefix and fuzzy matches.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from graph.search.fields import stemmed_analyzer, unstemmed_analyzer
from graph.search.parse import ParsedQuery, Word
from graph.search.query import MIN_STEM, STEM_CUT

_STEMMED = stemmed_analyzer()
_ALNUM = re.compile(r"[^\W_]+")  # runs of letters and digits (str.isalnum), as the simple tokenizer cuts
_UNSTEMMED = unstemmed_analyzer()


class HighlightField(StrEnum):
    """The fields a hit's highlights come from."""

    CODE = "code"
    TITLE = "title"
    SHORT_TITLE = "shortTitle"
    INCLUSION_TERM = "inclusionTerm"
    NAME = "name"  # a curated name of the code: condition, drug, monograph name, plain title
    RELATED_NAME = "relatedName"  # a condition name inherited from an ancestor
    INDEX_TERM = "indexTerm"


@dataclass(frozen=True, slots=True)
class Highlight:
    field: HighlightField
    text: str
    spans: tuple[tuple[int, int], ...]  # [start, end) character offsets of the matches in text

    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, matched) pairs, in order."""
        pieces: list[tuple[str, bool]] = []
        at = 0
        for start, end in self.spans:
            if start > at:
                pieces.append((self.text[at:start], False))
            pieces.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            pieces.append((self.text[at:], False))
        return pieces


def code_highlight(code: str, code_key: str) -> Highlight:
    """The part of a published code (`I82.401`) that a compact key (`I824`) covers."""
    seen = 0
    end = 0
    for index, char in enumerate(code):
        if seen == len(code_key):
            break
        if char != ".":
            seen += 1
        end = index + 1
    return Highlight(HighlightField.CODE, code, ((0, end),) if end else ())


class Highlighter:
    """Highlights for the hits of one query. Hits share most of their words, so each word's verdict is
    remembered: the typo check is the costliest part of a search otherwise."""

    def __init__(self, parsed: ParsedQuery) -> None:
        self._words = parsed.words
        self._wanted = [word for word in parsed.words if not word.optional] or list(parsed.words)
        self._held: dict[str, int] = {}
        self._which: dict[tuple[str, str], frozenset[int]] = {}  # a word of a hit → the wanted words it is
        self._verdicts: dict[tuple[str, str], bool] = {}

    def texts(
        self,
        fields: Iterable[tuple[HighlightField, Sequence[str]]],
        *,
        always: HighlightField = HighlightField.TITLE,
    ) -> list[Highlight]:
        """For each (field, values): the first value with a match (or, for `always`, the first value)."""
        found: list[Highlight] = []
        for field, values in fields:
            for value in values:
                spans = self.spans(value)
                if spans or field == always:
                    found.append(Highlight(field, value, spans))
                    break
        return found

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        if not self._words:
            return ()
        return tuple((start, end) for start, end, raw, stem in _tokens(text) if self._matched(raw, stem))

    @property
    def wanted(self) -> int:
        """How many words words_held counts at most."""
        return len(self._wanted)

    def words_held(self, text: str) -> int:
        """How many of the query's words (stop words aside, when others are there) the text holds."""
        # Sibling codes share most index entries and names: each text is counted once per query, and each
        # word's verdict (the typo check costs most) once.
        if text not in self._held:
            held: set[int] = set()
            for _, _, raw, stem in _tokens(text):
                if (raw, stem) not in self._which:
                    self._which[(raw, stem)] = frozenset(
                        n for n, word in enumerate(self._wanted) if _matches(word, raw, stem)
                    )
                held |= self._which[(raw, stem)]
            self._held[text] = len(held)
        return self._held[text]

    def _matched(self, raw: str, stem: str) -> bool:
        key = (raw, stem)
        if key not in self._verdicts:
            self._verdicts[key] = any(_matches(word, raw, stem) for word in self._words)
        return self._verdicts[key]


def _matches(word: Word, raw: str, stem: str) -> bool:
    """Whether a word of a hit matches a word of the query the way graph.search.query matches it."""
    if stem == word.stem or raw == word.raw:
        return True
    if word.prefix and _extends(word.raw, raw, stem):
        return True
    if not word.fuzzy:
        return False
    if word.prefix:
        return (
            edit_distance(raw[: len(word.raw)], word.raw, word.fuzzy) <= word.fuzzy
            or edit_distance(stem[: len(word.stem)], word.stem, word.fuzzy) <= word.fuzzy
        )
    return (
        edit_distance(raw, word.raw, word.fuzzy) <= word.fuzzy
        or edit_distance(stem, word.stem, word.fuzzy) <= word.fuzzy
    )


def _extends(prefix: str, raw: str, stem: str) -> bool:
    if raw.startswith(prefix) or stem.startswith(prefix):
        return True
    return prefix.startswith(stem) and len(stem) >= MIN_STEM and len(prefix) - len(stem) <= STEM_CUT


def _tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, unstemmed, stemmed) for each word of text, as the index's analyzers cut it."""
    tokens = []
    for found in _ALNUM.finditer(text):
        raw, stem = _analyzed(found.group())
        if raw:
            tokens.append((found.start(), found.end(), raw, stem))
    return tokens


@lru_cache(maxsize=65536)
def _analyzed(word: str) -> tuple[str, str]:
    raws = _UNSTEMMED.analyze(word)
    if not raws:
        return "", ""
    stems = _STEMMED.analyze(raws[0])
    return raws[0], stems[0] if stems else raws[0]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition counts as one edit, as in Tantivy's fuzzy queries);
    any value above `limit` is reported as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_row: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if previous_row is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous_row[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_row, row = row, current
    return min(row[len(b)], limit + 1)
