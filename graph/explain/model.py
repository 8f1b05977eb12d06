"""An explanation: a short summary and ordered sections, each naming the official source it rephrases."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a section's list; `code` is the uid of the code it names, for a link."""

    text: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    text: str
    source: str  # the official file (and field) the section's sentences rephrase
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    summary: str
    sections: tuple[Section, ...]
    generated_from: tuple[
        str, ...
    ]  # the official code sets and releases used, e.g. "HCPCS Level II 2025 October (CMS)"
    notice: str  # where the text comes from, and that it is not advice
    curated: bool = False
