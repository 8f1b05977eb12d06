"""How a hit was found, for people: the code, or the one field value that holds most of the query's words.

Fields are weighed by how many of the query's words one of their values holds; on a tie the code's own words
explain it best (title), then the curated names, the abbreviations official texts define, the official
index, the glossary's everyday words, the inclusion terms and last the conditions named by a header. A
curated name written in capitals as one short word (`DVT`) is an abbreviation. An index entry that came
through a `see` reference ("Shingles (see Herpes, zoster)") has the path of both terms.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.search.fields import Field
from graph.search.highlight import Highlighter

MAX_ABBREVIATION = 6
MAX_VALUES = 30  # values of one field looked at: some PCS codes carry hundreds of index entries
_SEE = re.compile(r"^(?P<referrer>.*) \(see (?P<named>.*)\)$")


class MatchKind(StrEnum):
    CODE = "code"
    TITLE = "title"
    CURATED_NAME = "curatedName"
    ABBREVIATION = "abbreviation"
    INDEX_TERM = "indexTerm"
    GLOSSARY = "glossary"
    INCLUSION_TERM = "inclusionTerm"
    RELATED_CONDITION = "relatedCondition"


@dataclass(frozen=True, slots=True)
class MatchedVia:
    kind: MatchKind
    text: str  # the value that matched: a title, a name, an index entry, a plain word …
    path: tuple[str, ...] = ()  # for an index entry: the terms, "Shingles" → "Herpes, zoster"


# In the order that explains a tie best.
_FIELDS: tuple[tuple[Field, MatchKind], ...] = (
    (Field.TITLE, MatchKind.TITLE),
    (Field.NAMES, MatchKind.CURATED_NAME),
    (Field.ABBREVIATIONS, MatchKind.ABBREVIATION),
    (Field.INITIALS, MatchKind.ABBREVIATION),
    (Field.INDEX_TERMS, MatchKind.INDEX_TERM),
    (Field.PLAIN_WORDS, MatchKind.GLOSSARY),
    (Field.INCLUSION_TERMS, MatchKind.INCLUSION_TERM),
    (Field.RELATED_NAMES, MatchKind.RELATED_CONDITION),
)


def matched_via(stored: dict[str, list[Any]], is_code: bool, highlighter: Highlighter) -> MatchedVia | None:
    """`stored`: the hit's stored fields; `is_code`: it was found by its code (the code tiers)."""
    if is_code:
        return MatchedVia(MatchKind.CODE, str(stored[Field.CODE][0]))
    best: tuple[int, str, MatchKind] | None = None
    for field, kind in _FIELDS:
        for value in stored.get(field, ())[:MAX_VALUES]:
            held = highlighter.words_held(str(value))
            if held and (best is None or held > best[0]):
                best = (held, str(value), kind)
            if best is not None and best[0] == highlighter.wanted:
                break  # every word in one value: nothing later explains it better
        if best is not None and best[0] == highlighter.wanted:
            break
    if best is None:
        return None
    _, text, kind = best
    if kind is MatchKind.CURATED_NAME and _abbreviation(text):
        return MatchedVia(MatchKind.ABBREVIATION, text)
    if kind is MatchKind.INDEX_TERM:
        return MatchedVia(kind, text, index_path(text))
    return MatchedVia(kind, text)


def index_path(entry: str) -> tuple[str, ...]:
    """The terms of an index entry as graph.search.index_words writes it: one path, or a referrer and the
    term its `see` names."""
    see = _SEE.match(entry)
    return (see["referrer"], see["named"]) if see else (entry,)


def _abbreviation(text: str) -> bool:
    return " " not in text and len(text) <= MAX_ABBREVIATION and text.isupper()
