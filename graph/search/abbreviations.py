"""Abbreviations the official titles define, as search words of every code whose words spell them out.

Titles write a long form with its abbreviation in parentheses: "amyotrophic lateral sclerosis (als)",
"end stage renal disease (esrd)", "systemic inflammatory response syndrome (SIRS)". Each such definition is
found with the algorithm of Schwartz and Hearst (2003): the abbreviation's letters are found in order, from
the end, in the words before the parenthesis, the first letter at the start of a word, and the long form is
the shortest run of words that holds them. A code whose title or an inclusion term starts with a long form (is
about the concept, not merely "through" it) is then found by its abbreviation (G12.21 "Amyotrophic lateral
sclerosis" by ALS), as a glossary phrase gives its plain words (graph.search.plain_language). An
abbreviation defined with several long forms (ALS: also advanced life support) gives itself to the codes of
each.
"""

import re
from collections import defaultdict
from collections.abc import Iterable

from graph.search.parse import STOP_WORDS
from graph.search.plain_language import PhraseWords

# Two to six letters in parentheses, after the words they may abbreviate.
_DEFINED = re.compile(r"(?P<before>[^()]+?)\s*\((?P<short>[A-Za-z]{2,6})\)")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def long_form(before: str, short: str) -> str | None:
    """The long form that `short` abbreviates at the end of `before`, or None (Schwartz and Hearst)."""
    words = _WORD.findall(before)[-min(len(short) + 5, 2 * len(short)) :]
    text = " ".join(words).lower()
    letters = short.lower()
    at = len(text) - 1
    for position in range(len(letters) - 1, -1, -1):
        letter = letters[position]
        while at >= 0 and (text[at] != letter or (position == 0 and at > 0 and text[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return None
        at -= 1
    found = text[at + 1 :]  # the first letter starts a word
    content = [word for word in found.split() if word not in STOP_WORDS]
    # A real long form has a word for most letters: "(each)" after "… each" spells nothing out.
    if len(content) < 2 or len(content) > len(letters) or found.replace(" ", "") == letters:
        return None
    return found


def definitions(texts: Iterable[str]) -> dict[str, set[str]]:
    """Abbreviation (lower case) → its long forms (lower case) defined in the texts."""
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        if "(" not in text:
            continue
        for match in _DEFINED.finditer(text):
            short = match["short"]
            expanded = long_form(match["before"], short)
            if expanded is not None:
                found[short.lower()].add(expanded)
    return dict(found)


class Abbreviations(PhraseWords):
    """Long forms → the abbreviations they are defined with, ready to scan many texts."""

    def __init__(self, defined: dict[str, set[str]]) -> None:
        by_long: dict[str, list[str]] = defaultdict(list)
        for short, longs in defined.items():
            for long in longs:
                by_long[long].append(short.upper())  # as abbreviations are written
        super().__init__(((long,), tuple(sorted(shorts))) for long, shorts in sorted(by_long.items()))

    @classmethod
    def of_texts(cls, texts: Iterable[str]) -> "Abbreviations":
        return cls(definitions(texts))


# An initialism is 3 to 5 letters: two letters spell too many names ("Acute bronchitis" is no AB), and longer
# ones are rarely written. ICD titles qualify a concept before naming it ("Other acute …", "Unspecified …"):
# those words are no part of the name, and a title that starts with one gives no initialism.
MIN_INITIALS, MAX_INITIALS = 3, 5
_QUALIFIERS = frozenset({"other", "unspecified"})
_NAME_END = re.compile(r"[,;:(]")
_NAME_WORD = re.compile(r"[^\W_]+")


def initialisms(texts: Iterable[str]) -> tuple[str, ...]:
    """The initials of the words that start each text's name, the way clinicians abbreviate names nobody
    defines in parentheses: "Left bundle-branch block" → LBB, LBBB; "Paroxysmal atrial fibrillation" → PAF;
    "Type 2 diabetes mellitus …" → T2D, T2DM. The name ends at the first comma or parenthesis; stop words
    have no letter ("Chronic lymphocytic leukemia of B-cell type" → CLL, CLLB, CLLBC)."""
    found: dict[str, None] = {}
    for text in texts:
        words = [w for w in _NAME_WORD.findall(_NAME_END.split(text, 1)[0]) if w.lower() not in STOP_WORDS]
        if len(words) < MIN_INITIALS or words[0].lower() in _QUALIFIERS:
            continue
        letters = "".join(word[0] for word in words[:MAX_INITIALS]).upper()
        for length in range(MIN_INITIALS, len(letters) + 1):
            found.setdefault(letters[:length])
    return tuple(found)
