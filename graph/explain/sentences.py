"""Small helpers that every explainer writes its sentences with, so that all of them read alike."""

import calendar
import re
from collections.abc import Sequence

_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def sentence(text: str) -> str:
    """`text` as one sentence: single spaces, a capital first letter and a closing full stop."""
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else f"{text}."


def paragraph(*parts: str) -> str:
    """The non-empty sentences of `parts`, one after another."""
    return " ".join(s for s in (sentence(part) for part in parts) if s)


def listing(words: Sequence[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`: a list as people write it in a sentence."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def plain_date(iso: str) -> str:
    """`2025-10-01` (or `20251001`, as CMS files write it) → `October 1, 2025`; other text stays as it is."""
    match = _DATE.fullmatch(iso)
    if match is None:
        return iso
    year, month, day = (int(part) for part in match.groups())
    return f"{calendar.month_name[month]} {day}, {year}"


def quoted(text: str) -> str:
    return f"“{text.strip()}”"


def lower_first(text: str) -> str:
    """Lower-case the first letter, unless the first word is an abbreviation (`CT`, `HIV`)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return text
    return text[:1].lower() + text[1:]
