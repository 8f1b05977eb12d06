"""Reading the meaning of ICD-10-PCS axis values off the long titles of one table.

A long title spells out the labels of a code's values in a fixed template, e.g.
"Plain Radiography of Left Subclavian Vein using Low Osmolar Contrast". Two codes of one table
that differ in one position differ in their titles only where that position's label (and its
connecting word) stands, so the differing phrase is the label. Titles are compared phrase by
phrase, cut at the template's connectors, so that "Right Foot Tendon" against "Hand Tendon"
yields the whole label, not just "Right Foot".

Labels come out as worded in the titles (e.g. "Right Subclavian Vein", where CMS's tables say
"Subclavian Vein, Right"), and only for values that some title names: a value that no title
spells out (a "None" value, or the only value at its position) gets no label.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

# The words that join labels in PCS long titles, kept as tokens of their own.
_WORDS = "with|to|using|into|from|of|on|for|in"
_CONNECTORS = re.compile(rf"(, (?:(?:{_WORDS}) )?| (?:{_WORDS}) )")
# A code is compared with the first few siblings of its group only: every label shows up against
# several of them, and big tables stay fast.
_SIBLINGS = 8

Phrases = tuple[str, ...]


def derive_table_labels(
    titles: Mapping[str, str], positions: Iterable[int] = range(4, 8), lead: str | None = None
) -> dict[tuple[int, str], str]:
    """Map (position, value) to its label, for the codes of one table and their long titles.

    `lead` is the table's third-axis name; section 0 titles open with it and no connector
    ("Release Right Hip Tendon"), so it is cut off lest it stick to the body part.
    """
    phrases = _phrases(titles, lead)
    labels: dict[tuple[int, str], str] = {}
    for position in positions:
        for value, candidates in _candidates(phrases, position).items():
            carriers = [title for code, title in titles.items() if code[position - 1] == value]
            label = _named_by_all(candidates, carriers)
            if label:
                labels[(position, value)] = label
    return labels


def _named_by_all(candidates: Counter[Phrases], carriers: list[str]) -> str | None:
    """The most frequent candidate that every title carrying the value contains.

    A value that no title names (say qualifier Z) can still differ from a sibling somewhere else
    in the title when the template shifts; such a span is not in all of its titles.
    """
    for span, _count in candidates.most_common():
        label = "".join(span).strip()
        if all(label in title for title in carriers):
            return label
    return None


def _phrases(titles: Mapping[str, str], lead: str | None) -> dict[str, Phrases]:
    split: dict[str, Phrases] = {}
    for code, title in titles.items():
        # The cut keeps the space before the rest, so a connector right after it still splits.
        head = lead if lead and title.startswith(lead + " ") else ""
        split[code] = (head, *(part for part in _CONNECTORS.split(title[len(head) :]) if part))
    return split


def _candidates(phrases: dict[str, Phrases], position: int) -> dict[str, Counter[Phrases]]:
    index = position - 1
    groups: dict[str, list[str]] = defaultdict(list)
    for code in phrases:
        groups[code[:index] + code[index + 1 :]].append(code)
    found: dict[str, Counter[Phrases]] = defaultdict(Counter)
    for codes in groups.values():
        for code in codes:
            for other in codes[:_SIBLINGS]:
                if other[index] != code[index]:
                    span = _own_span(phrases[code], phrases[other])
                    if span:
                        found[code[index]][span] += 1
    return found


def _own_span(mine: Phrases, theirs: Phrases) -> Phrases:
    """The phrases of `mine` that `theirs` does not share at either end, connectors trimmed."""
    start = 0
    limit = min(len(mine), len(theirs))
    while start < limit and mine[start] == theirs[start]:
        start += 1
    end = 0
    while end < limit - start and mine[-1 - end] == theirs[-1 - end]:
        end += 1
    span = mine[start : len(mine) - end]
    while span and _CONNECTORS.fullmatch(span[0]):
        span = span[1:]
    while span and _CONNECTORS.fullmatch(span[-1]):
        span = span[:-1]
    return span
