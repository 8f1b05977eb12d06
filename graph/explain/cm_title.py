"""An ICD-10-CM title in plain words: the glossary for the words, a few rules for how the titles are written.

Titles follow a small grammar: the condition, then comma-separated qualifiers ("Otitis media, unspecified,
right ear"); "unspecified X" for a detail the code leaves open; "right", "left" and "bilateral" for the side;
the abbreviations NOS and NEC. The rules say those things in words ("which vein is not specified", "in the
right ear") and the glossary does the rest, so "Acute embolism and thrombosis of unspecified deep veins of
right lower extremity" reads "sudden or recent blood clot in deep veins of the right leg; which vein is not
specified".
"""

import re
from functools import lru_cache

from graph.explain.plain_words import PlainWords
from graph.explain.sentences import lower_first

_ABBREVIATIONS = (
    (re.compile(r"\bNOS\b"), "not otherwise specified"),
    (re.compile(r"\bNEC\b"), "not elsewhere classified"),
)
# A detail left open: "unspecified" and the words it qualifies, up to the next preposition or comma.
_STOP = r"of|with|without|in|and|or|due|to|for|on|as|by|from|at|following|complicating|affecting|involving"
# Not after "and"/"or": "suppurative and unspecified otitis media" names two kinds, and keeps its word.
_UNSPECIFIED = re.compile(rf"(?<!and )(?<!or )\b[Uu]nspecified ((?:(?!(?:{_STOP})\b)[\w'-]+ ?)+)")
_SIDE_AFTER = re.compile(r"\b(of|in|on|to|with|and) (right|left)\b")
_BILATERAL = re.compile(r"\bbilateral (?=\w)")
_SIDE = re.compile(r"(?P<side>right|left|bilateral)(?: (?P<part>[\w -]+))?")
_SIDES_FIRST = re.compile(r"(Bilateral|Unilateral) ", re.IGNORECASE)
_BOTH_OR_ONE = {"bilateral": "on both sides", "unilateral": "on one side"}
_OPEN_KIND = "the exact kind is not specified"


# Notes are printed once on a category and read for each of its codes (S72's for 3,000): said once each.
@lru_cache(maxsize=65_536)
def plain_title(title: str, words: PlainWords) -> str:
    """The title as a plain phrase, lower-case first ("ear infection in the right ear; …")."""
    for pattern, meaning in _ABBREVIATIONS:
        title = pattern.sub(meaning, title)
    head, *qualifiers = _segments(title)
    left_open: list[str] = []
    if head.lower().startswith("unspecified "):
        # "Unspecified asthma", "Unspecified fracture of …": the kind itself is left open.
        head = head[len("unspecified ") :]
        left_open.append(_OPEN_KIND)
    sides = _SIDES_FIRST.match(head)
    if sides is not None:
        # "Bilateral primary osteoarthritis of knee": the side is said after what it qualifies.
        head = f"{head[sides.end() :]} {_BOTH_OR_ONE[sides[1].lower()]}"
    head, details = _open_details(head)
    left_open.extend(details)
    tail: list[str] = []
    for qualifier in qualifiers:
        place = _side(qualifier)
        if qualifier.lower() == "unspecified":
            left_open.append(_OPEN_KIND)
        elif place is not None:
            head = f"{head} {place}"
        elif qualifier.lower().startswith("unspecified "):
            left_open.extend(_open_details(qualifier)[1])
        else:
            tail.append(qualifier)
    head = _BILATERAL.sub("both ", _SIDE_AFTER.sub(r"\1 the \2", head))
    phrase = ", ".join([words.rephrase(head), *(words.rephrase(part) for part in tail)])
    said = [words.rephrase(part) for part in dict.fromkeys(left_open)]
    return lower_first("; ".join([phrase, *said]))


def _open_details(text: str) -> tuple[str, list[str]]:
    """`text` without its "unspecified" words, and a "which … is not specified" for each detail."""
    details = [
        f"which {_singular(match[1].strip())} is not specified" for match in _UNSPECIFIED.finditer(text)
    ]
    return re.sub(r"\s+", " ", _UNSPECIFIED.sub(r"\1", text)).strip(), details


def _side(qualifier: str) -> str | None:
    """ ", right ear" → "in the right ear"; ", left" → "on the left side"; ", bilateral" → "on both sides"."""
    match = _SIDE.fullmatch(qualifier.lower())
    if match is None:
        return None
    side, part = match["side"], match["part"]
    if side == "bilateral":
        return f"in both {part}" if part else "on both sides"
    return f"in the {side} {part}" if part else f"on the {side} side"


def _segments(title: str) -> list[str]:
    """The title cut at its top-level commas (never inside parentheses)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(title):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(title[start:i].strip())
            start = i + 1
    parts.append(title[start:].strip())
    return [part for part in parts if part]


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return f"{word[:-3]}y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
