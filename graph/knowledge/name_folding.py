"""Fold a shared node's name to a key, so names that differ only in wording are caught as near duplicates.

Two names are near duplicates when they are equal after folding case, punctuation, plurals and word order.
Only wording that keeps the same words is caught ("Risk of bleeding" and "Bleeding" stay apart). The seeds
check (seed_files) uses the key to flag a second "Interventional Radiologists" beside an existing
"Interventional radiologist", so the graph keeps one shared node per idea.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def _singular(word: str) -> str:
    # Plain English plurals only: the check needs both forms to fold to the same key, not a real lemma.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def fold_name(name: str) -> str:
    """The key two near-duplicate names share: lower case, words only, singular, sorted."""
    return " ".join(sorted(_singular(word) for word in _WORD.findall(name.lower())))
