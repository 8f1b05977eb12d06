"""What the user typed, read as a code (or code prefix) and as words. Nothing typed is query syntax.

The text is only ever cut into words by the index's own analyzers, which keep letters and digits and drop
everything else (quotes, `*`, `:`, `~`, brackets, control characters, emoji), and matched against a strict
pattern for codes. Query objects are then built from these parts (graph.search.query); Tantivy's query
parser never sees the text.
"""

import re
from dataclasses import dataclass, replace

from graph.search.errors import SearchInputError
from graph.search.fields import stemmed_analyzer, unstemmed_analyzer

MAX_QUERY_CHARS = 200
MAX_WORDS = 12  # words past the twelfth are ignored: they add cost and hardly change the ranking
MIN_PREFIX_CHARS = 3  # "pe" would match every "percutaneous"; codes match from one character

# `I82.401`, `i82401`, `I82.4`, `I82.4-` (ICD notation for "and below"), `06CY3ZZ`, `J2997`, `37188`.
_CODE = re.compile(r"(?P<head>[A-Za-z0-9]{1,7})(?:\.(?P<tail>[A-Za-z0-9]{0,4}))?[-*]?")
# Ranges name blocks and groups exactly: `I80-I89`, `A0000-A9999`, both ends as long.
_RANGE = re.compile(r"[A-Za-z0-9]{1,7}-[A-Za-z0-9]{1,7}")
_MAX_CODE_CHARS = 7

# Lucene's English stop words. They rank but are never required: "embolism of vein" must find "Vein embolism".
# fmt: off
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
    "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
    "was", "will", "with",
})
# fmt: on

_STEMMED = stemmed_analyzer()
_UNSTEMMED = unstemmed_analyzer()


@dataclass(frozen=True, slots=True)
class Word:
    raw: str  # lower case, accents folded, not stemmed: as typed
    stem: str  # as in the stemmed fields
    prefix: bool = False  # the word being typed: longer words that start with it match too
    fuzzy: int = 0  # edits allowed for a typo (0: none)
    optional: bool = False  # ranks higher when present, never required (stop words, stray letters)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    text: str
    code_key: str | None  # the text as a compact upper-case code, when it can be one
    code_prefix: bool  # whether codes that extend code_key match too (not for ranges such as I80-I89)
    words: tuple[Word, ...]

    @property
    def required(self) -> tuple[Word, ...]:
        return tuple(word for word in self.words if not word.optional)

    @property
    def optional(self) -> tuple[Word, ...]:
        return tuple(word for word in self.words if word.optional)


def parse_query(text: object) -> ParsedQuery:
    """Raises SearchInputError for text that is not a string, not valid Unicode, blank, or longer than
    MAX_QUERY_CHARS."""
    if not isinstance(text, str):
        raise SearchInputError("The search text must be a string.")
    if len(text) > MAX_QUERY_CHARS:
        raise SearchInputError(
            f"The search text is {len(text)} characters long; at most {MAX_QUERY_CHARS} are allowed."
        )
    try:
        text.encode("utf-8")  # what Tantivy is handed must be UTF-8; JSON may carry lone surrogates
    except UnicodeEncodeError as exc:
        raise SearchInputError("The search text is not valid Unicode.") from exc
    stripped = text.strip()
    if not stripped:
        raise SearchInputError("The search text is empty: type a code or some words.")
    code_key, code_prefix = _code(stripped)
    # As you type, the last word is unfinished, unless a space or punctuation has closed it.
    typing = text[-1].isalnum()
    return ParsedQuery(
        text=text,
        code_key=code_key,
        code_prefix=code_prefix,
        words=_words(stripped, typing=typing),
    )


def as_typed(parsed: ParsedQuery) -> ParsedQuery:
    """The same query without typo tolerance: every word matches as typed (or as the start of words)."""
    return replace(parsed, words=tuple(replace(word, fuzzy=0) for word in parsed.words))


def _code(text: str) -> tuple[str | None, bool]:
    if _RANGE.fullmatch(text):
        first, last = text.split("-")
        if len(first) == len(last):
            return text.upper(), False
        text = f"{first}.{last}"  # not a range (`I26-99`): a hyphen typed for the dot
    match = _CODE.fullmatch(text)
    if match is None:
        return None, False
    compact = (match["head"] + (match["tail"] or "")).upper()
    if len(compact) > _MAX_CODE_CHARS:
        return None, False
    return compact, True


def _words(text: str, *, typing: bool) -> tuple[Word, ...]:
    raws = list(dict.fromkeys(_UNSTEMMED.analyze(text)))[:MAX_WORDS]
    all_stop = all(raw in STOP_WORDS for raw in raws)
    words = []
    for position, raw in enumerate(raws):
        last = position == len(raws) - 1
        stems = _STEMMED.analyze(raw)
        stem = stems[0] if stems else raw
        optional = not all_stop and (raw in STOP_WORDS or (len(raw) == 1 and raw.isalpha()))
        words.append(
            Word(
                raw=raw,
                stem=stem,
                prefix=last and typing and len(raw) >= MIN_PREFIX_CHARS and not optional,
                fuzzy=_typo_distance(raw, stem),
                optional=optional,
            )
        )
    return tuple(words)


def _typo_distance(raw: str, stem: str) -> int:
    # Short words and numbers stay exact: one edit turns "vein" into "rein" and "I82" into "I83". The edits
    # apply to the stem, so its length counts too: a misspelling may stem short ("apendicitis" → "apend"),
    # and two edits at the start of a five-letter stem reach "open", in every PCS title.
    length = min(len(raw), len(stem))
    if length < 5 or any(ch.isdigit() for ch in raw):
        return 0
    return 1 if length < 9 else 2
