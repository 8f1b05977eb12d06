"""Medical words turned into everyday ones through the glossary (seeds/vocabulary/glossary.yaml, as loaded).

Each glossary entry pairs one plain phrase with the medical phrases official titles use for it; the text is
scanned for those, longest first and whole words only ("deep vein thrombosis" before "thrombosis"). Where
a condition's plain name is followed by "of", the place it is in reads better with "in" ("blood clot in
deep veins"); a pair made the same by the glossary is said once ("embolism and thrombosis": "blood clot"),
and so is a word the replacement doubles ("tissue necrosis": "tissue death", not "tissue tissue death").
A body part named right after "of" or "in" gets its article ("of the leg"). An everyday qualifier that
is a phrase of its own ("superficial": "on the surface") follows the word it qualifies ("injury on the
surface of …"). Procedure entries stay out: a diagnosis title's "removal" or "repair" is not the root
operation of that name.
Word parts ("-itis", "hypo-") are meanings for people, not words to replace.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from graph.vocabulary.glossary import GlossaryEntry

_SKIPPED_KINDS = frozenset({"procedure"})
_PLACE_AFTER = frozenset({"condition", "symptom"})
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
_SAME_TWICE = re.compile(r"\b(?P<word>[\w' -]+?)(?:,| and| or) (?P=word)\b")
# Plain qualifiers that start like this are phrases that follow their word, not adjectives before it.
_PHRASE_STARTS = frozenset(
    {"on", "in", "toward", "outside", "through", "during", "after", "before", "around", "at", "by"}
    | {"affecting", "under", "into", "still", "spread", "coming", "present", "caused", "passed"}
    | {"farther", "closer"}
)
# …unless no word of its own follows ("initial encounter for closed fracture").
_FUNCTION_WORDS = "for|of|with|without|and|or|in|on|to|the|a|an|due|by|from|at"
_MOVED = "\x00"
_MOVE_AFTER = re.compile(rf"{_MOVED}([^{_MOVED}]+){_MOVED} (?!(?:{_FUNCTION_WORDS})\b)(\w+)")


class PlainWords:
    """The glossary, medical → plain, ready to rephrase many texts."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._plain: dict[str, tuple[str, str]] = {}  # medical phrase → (plain phrase, kind)
        for entry in entries:
            if entry.kind in _SKIPPED_KINDS:
                continue
            plural = next((also for also in entry.also if also == f"{entry.plain}s"), entry.plain)
            for phrase in entry.medical:
                if not phrase.startswith("-") and not phrase.endswith("-"):
                    # "anticoagulants" reads "blood thinners" where the glossary knows the plural.
                    plain = plural if phrase.endswith("s") and not entry.plain.endswith("s") else entry.plain
                    self._plain.setdefault(phrase, (plain, entry.kind))
        phrases = sorted(self._plain, key=lambda phrase: (-len(phrase), phrase))
        self._pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])(?P<of> of\b)?",
            re.IGNORECASE,
        )

    def rephrase(self, text: str) -> str:
        """`text` with every glossary medical phrase in plain words (the rest as it is)."""
        if not self._plain:
            return text
        replaced = self._pattern.sub(self._replace, text)
        return said_once(_pairs_said_once(_MOVE_AFTER.sub(r"\2 \1", replaced).replace(_MOVED, "")), text)

    def _replace(self, match: re.Match[str]) -> str:
        medical = match[0][: len(match[0]) - len(match["of"] or "")]
        plain, kind = self._plain[medical.lower()]
        if kind == "anatomy" and match.string[: match.start()].endswith((" of ", " in ")):
            plain = f"the {plain}"  # "of lower extremity": "of the leg"
        if kind == "qualifier" and plain.split(" ", 1)[0] in _PHRASE_STARTS:
            plain = f"{_MOVED}{plain}{_MOVED}"
        if match["of"]:
            return f"{plain} {'in' if kind in _PLACE_AFTER else 'of'}"
        return plain


def said_once(text: str, original: str) -> str:
    """`text` without the doubled words that `original` did not have: a plain phrase that ends with the
    word after it ("tissue necrosis": "tissue tissue death"), a lead-in that ends as its line begins."""
    had = {match[0].lower() for match in _DOUBLED.finditer(original)}
    return _DOUBLED.sub(lambda match: match[0] if match[0].lower() in had else match[1], text)


def _pairs_said_once(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _SAME_TWICE.sub(r"\g<word>", text)
    return text


@lru_cache(maxsize=4)
def plain_words(entries: tuple[GlossaryEntry, ...]) -> PlainWords:
    """The rephraser of a glossary, built once per glossary content (the regex of ~1,500 phrases)."""
    return PlainWords(entries)
