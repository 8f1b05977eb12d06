"""Concept keys: a query that says exactly what one of a code's names says is looking for that code.

Coders find a code by its index entry, not by the words of its title: "hemorrhage" is the Alphabetic Index's
main term "Hemorrhage, hemorrhagic (concealed)" → R58, though dozens of titles say "hemorrhage" too; "bladder
infection" is its line "Infection, bladder" (see Cystitis). A concept key is such a name reduced to the set of
its word stems — order, stop words and the index's nonessential modifiers (in parentheses) dropped — and a
query whose own key equals one of a code's keys names that concept whole, not a few of its words.

Keys come from the names that stand for a concept (index entries, curated names, inclusion terms), never from
titles: a title's words are scored already, and "unspecified" or "other" are no part of what anyone types.
"""

import re
from collections.abc import Iterable

from graph.search.fields import stemmed_analyzer
from graph.search.parse import STOP_WORDS, ParsedQuery

# Nonessential modifiers and see-references: "(concealed)", "(see Cystitis)". Not nested in the index files.
_PARENTHESES = re.compile(r"\([^()]*\)")
# A key of more words than a query may have (graph.search.parse.MAX_WORDS) could never be matched.
MAX_KEY_WORDS = 12

_STEMMED = stemmed_analyzer()


def concept_key(name: str) -> str | None:
    """The stems of the name's words, sorted and space-separated; None when nothing is left."""
    words = [word for word in _STEMMED.analyze(_PARENTHESES.sub(" ", name)) if _counts(word)]
    return _key(words)


def concept_keys(names: Iterable[str]) -> tuple[str, ...]:
    """Each distinct key of the names, in their order."""
    return tuple(dict.fromkeys(key for key in map(concept_key, names) if key is not None))


def query_key(parsed: ParsedQuery) -> str | None:
    """The key of what was typed: the stems of its words but stop words and stray letters."""
    return _key([word.stem for word in parsed.words if _counts(word.raw)])


def _counts(word: str) -> bool:
    # The stemmer leaves stop words and single letters as they are, so the same test serves stems and words.
    return word not in STOP_WORDS and not (len(word) == 1 and word.isalpha())


def _key(stems: list[str]) -> str | None:
    unique = sorted(set(stems))
    if not unique or len(unique) > MAX_KEY_WORDS:
        return None
    return " ".join(unique)
