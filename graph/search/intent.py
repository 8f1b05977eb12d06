"""What the words of a query say the user looks for, as the code systems that hold it (a ranking prior).

Supplies and equipment are HCPCS Level II, procedures ICD-10-PCS and CPT, diseases and symptoms ICD-10-CM.
The classes are general word formation (`-ectomy`, `-itis`) and common nouns, in intent.yaml beside this
module. A query whose words name several classes leans to all their systems; one naming none, to none.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

INTENT_FILE = Path(__file__).with_name("intent.yaml")
MIN_STEM_LETTERS = 3  # an ending counts after at least this many letters of the word's own


@dataclass(frozen=True, slots=True)
class WordClass:
    name: str
    systems: tuple[str, ...]
    words: frozenset[str]
    endings: tuple[str, ...]

    def holds(self, word: str) -> bool:
        if word in self.words:
            return True
        return any(word.endswith(end) and len(word) >= len(end) + MIN_STEM_LETTERS for end in self.endings)


@cache
def word_classes(path: Path = INTENT_FILE) -> tuple[WordClass, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        WordClass(
            name=entry["class"],
            systems=tuple(entry["systems"]),
            words=frozenset(word.lower() for word in entry["words"]),
            endings=tuple(entry["endings"]),
        )
        for entry in entries
    )


def intended_systems(words: Iterable[str], classes: Iterable[WordClass] | None = None) -> tuple[str, ...]:
    """The systems the words lean to, sorted; `words` are lower-case and unstemmed, as typed."""
    chosen = tuple(word_classes()) if classes is None else tuple(classes)
    found = {system for word in words for c in chosen if c.holds(word) for system in c.systems}
    return tuple(sorted(found))
