"""What every generated explanation must never contain, as checks a property test runs over all codes."""

import re
from collections.abc import Collection, Iterator

from graph.explain.model import Explanation

MAX_WORDS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“(])")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
# "None" as Python prints a missing value; CMS's own sentences may begin "None of the body part …".
_PLACEHOLDERS = re.compile(r"\bNone\b(?! of )|\bnull\b|\{|\}|\bTODO\b|\bunknown\b|\.\s*\.")


def texts(explanation: Explanation) -> Iterator[str]:
    yield explanation.summary
    for section in explanation.sections:
        yield section.text


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text.strip())


def problems(explanation: Explanation, title: str, allowed: Collection[str] = ()) -> list[str]:
    """Each thing wrong with the explanation's sentences, in words; none for a good one. A word the code's
    official `title` doubles itself ("Assistive Listening Device Device Fitting") is the title's, not ours;
    so is a placeholder-like word the title has ("Duffy null"). `allowed`: such words that are plain words of
    a system's own data (ICD-10-CM's "unknown": "Pregnancy test, result unknown")."""
    found = [] if explanation.summary else ["no summary"]
    for text in texts(explanation):
        for placeholder in _placeholders(text, title, allowed):
            found.append(f"placeholder {placeholder!r} in {text!r}")
        if (doubled := _DOUBLED.search(text)) and doubled.group().lower() not in title.lower():
            found.append(f"doubled word {doubled.group()!r} in {text!r}")
        for sentence in sentences(text):
            words = len(sentence.split())
            if words == 0 or sentence in {".", "!", "?"}:
                found.append(f"empty sentence in {text!r}")
            elif words >= MAX_WORDS:
                found.append(f"{words} words: {sentence!r}")
    return found


def _placeholders(text: str, title: str, allowed: Collection[str]) -> list[str]:
    return [
        match.group()
        for match in _PLACEHOLDERS.finditer(text)
        if match.group() not in allowed and match.group() not in title
    ]


def item_problems(explanation: Explanation, official: str, allowed: Collection[str] = ()) -> list[str]:
    """Each list item with a placeholder or a doubled word that the code's `official` text (title, notes,
    index lines: "Loa loa", an index line's "tract tract", a note's ".15. .25") does not have itself."""
    found = []
    for section in explanation.sections:
        for item in section.items:
            if not item.text.strip():
                found.append(f"empty item in {section.key}")
            for placeholder in _placeholders(item.text, official, allowed):
                found.append(f"placeholder {placeholder!r} in {item.text!r}")
            if (doubled := _DOUBLED.search(item.text)) and doubled.group().lower() not in official.lower():
                found.append(f"doubled word {doubled.group()!r} in {item.text!r}")
    return found
