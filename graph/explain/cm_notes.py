"""The instructional notes of an ICD-10-CM code as list items, each linked to the code it names.

The tabular list prints a note list with lead-ins: a line ending in a colon ("venous embolism and thrombosis
(of):", "code to identify control using:") opens the lines after it on the same level. Each item here is a
lead-in and its line said as one phrase, in plain words, followed by the codes as printed. A line naming
several codes ("cerebral (I63.6, I67.6)") gives one item per printed code, so that every item has one link;
a range ("coronary (I21-I25)") is one item, linked to the block of that range or else to its first code.
"""

import re
from collections.abc import Iterable, Iterator

from graph.explain.cm_title import plain_title
from graph.explain.model import Item
from graph.explain.plain_words import PlainWords, said_once
from graph.reads.explain import Reference
from graph.reads.explain_icd10cm import CmNote

# The codes a line ends with, as printed: "(I63.6, I67.6)", "(O00-O07, O08.7)", "(I26.-)".
_CODES_AT_END = re.compile(r"\s*\((?P<codes>[A-Z]\d[0-9A-Z.\-]*(?:,\s*[A-Z]\d[0-9A-Z.\-]*)*)\)\s*$")
AS_PRINTED = PlainWords(())  # coding instructions are quoted as printed: a coder reads them
_JOINING_WORD = re.compile(r"\((\w+)\)\s*$")
_RANGE = re.compile(r"(?P<first>[^-]+?)\.?-+(?P<last>[A-Z].*)")


def note_items(notes: Iterable[CmNote], kind: str, words: PlainWords) -> tuple[Item, ...]:
    """The items of every note of `kind`, in the order printed: the code's own first, then its ancestors'."""
    return tuple(item for _, item in _items([note for note in notes if note.kind == kind], words))


def note_codes(notes: Iterable[CmNote], kind: str) -> list[str]:
    """The codes the notes of `kind` print, each once, in order ("O00-O07", "O08.7", "O22.-")."""
    empty = PlainWords(())
    return list(
        dict.fromkeys(
            printed for printed, _ in _items([n for n in notes if n.kind == kind], empty) if printed
        )
    )


def _items(notes: list[CmNote], words: PlainWords) -> Iterator[tuple[str, Item]]:
    lead, holder = "", ""
    for note in notes:
        if note.holder != holder:
            lead, holder = "", note.holder
        if note.text.endswith(":") and not note.targets:
            # "venous embolism and thrombosis (of):" leads into "cerebral": "… of cerebral".
            lead = _JOINING_WORD.sub(r"\1", note.text[:-1]).strip()
            continue
        text = said_once(f"{lead} {note.text}", note.text) if lead else note.text
        printed = _CODES_AT_END.search(text)
        if printed is None:
            yield "", Item(text=_plain(text, words), code=note.targets[0].uid if note.targets else None)
            continue
        subject = _plain(text[: printed.start()], words)
        for code in re.split(r",\s*", printed["codes"]):
            target = _target(code, note.targets)
            yield code, Item(text=f"{subject} ({code})", code=target.uid if target else None)


def _target(printed: str, targets: tuple[Reference, ...]) -> Reference | None:
    """The target a printed code names: `I26.-` → I26, `I21-I25` → the block I21-I25 or else I21."""
    by_code = {target.code: target for target in targets}
    bare = printed.removesuffix("-").removesuffix(".")
    if bare in by_code:
        return by_code[bare]
    span = _RANGE.fullmatch(printed)
    if span is None:
        return None
    first, last = span["first"], span["last"].removesuffix("-").removesuffix(".")
    # A range the release covers with several blocks (C00-D49) links to the first of them (C00-C14).
    return (
        by_code.get(f"{first}-{last}")
        or by_code.get(first)
        or next((target for target in targets if target.code.startswith(f"{first}-")), None)
    )


def _plain(text: str, words: PlainWords) -> str:
    said = plain_title(text.strip(), words)
    return said[:1].upper() + said[1:]
