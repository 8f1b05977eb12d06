"""The 7th character of an ICD-10-CM code: what it means for this code, or which ones a heading's codes take.

A category (or subcategory) that needs a 7th character prints its definition once ("A: initial encounter for
closed fracture", a line per character, with an indented line under some); every code below it is published
with each character, and the character of a code is its last.
"""

from collections.abc import Sequence

from graph.explain.model import Item


def seventh_meaning(code: str, definition: Sequence[str]) -> str | None:
    """The meaning of `code`'s 7th character in `definition` ("initial encounter for closed fracture")."""
    meanings = dict(_lines(definition))
    return meanings.get(code[-1]) if len(code.replace(".", "")) == 7 else None


def seventh_items(definition: Sequence[str]) -> tuple[Item, ...]:
    return tuple(Item(text=f"{char}: {meaning}") for char, meaning in _lines(definition))


def _lines(definition: Sequence[str]) -> list[tuple[str, str]]:
    found = []
    for line in definition:
        char, _, meaning = line.partition(": ")
        # "B: initial encounter for open fracture type I or II\ninitial encounter for open fracture NOS"
        found.append((char, "; ".join(part.strip() for part in meaning.split("\n") if part.strip())))
    return found
