"""Everyday words for a code's document, found through the glossary at index-build time.

Each glossary medical phrase is cut into stems by the index's own analyzer, so "Thrombosis of deep veins
of lower extremity" is matched stem by stem ("thrombosi" … "lower extrem") exactly as the index sees it.
The text is scanned left to right and the longest phrase starting at each word wins ("deep vein thrombosis"
over "thrombosis"); the entry's plain words (`plain` and `also`) go into the document's `plain_words`, so
"blood clot in leg" finds the deep-vein codes. The glossary is the graph's (graph.reads.glossary), so the
index stays a view of the graph.
"""

import re
from collections.abc import Iterable

from graph.search.concept_keys import concept_key
from graph.search.fields import stemmed_analyzer
from graph.vocabulary.glossary import GlossaryEntry

# Tantivy's simple tokenizer: runs of letters and digits. Cutting in Python and stemming each distinct word
# once through the analyzer gives its stems at a fraction of the cost of analyzing every text.
_WORD = re.compile(r"[^\W_]+")


class PhraseWords:
    """Phrases as stem sequences → the words they stand for, ready to scan many texts."""

    def __init__(self, pairs: Iterable[tuple[Iterable[str], tuple[str, ...]]]) -> None:
        """`pairs`: (phrases, the words each of them stands for)."""
        self._analyzer = stemmed_analyzer()
        self._stems: dict[str, tuple[str, ...]] = {}
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrases, words in pairs:
            for phrase in phrases:
                stems = tuple(self._analyzer.analyze(phrase))
                # A phrase the analyzer keeps no word of (a word part such as "-itis" keeps "iti") still
                # only matches a whole title word, which is what a token match means.
                if stems:
                    self._phrases.setdefault(stems, words)
        # The longest phrase that starts with each stem: most title words start none, and cost one lookup.
        self._longest: dict[str, int] = {}
        for stems in self._phrases:
            self._longest[stems[0]] = max(self._longest.get(stems[0], 0), len(stems))

    def plain_words(self, texts: Iterable[str]) -> tuple[str, ...]:
        """The words of every phrase in `texts`, each once, in order of first appearance."""
        found: dict[str, None] = {}
        for text in texts:
            stems = self._analyze(text)
            start = 0
            while start < len(stems):
                length = self._match(stems, start)
                if length:
                    found.update(dict.fromkeys(self._phrases[tuple(stems[start : start + length])]))
                    start += length
                else:
                    start += 1
        return tuple(found)

    def leading_words(self, texts: Iterable[str]) -> tuple[str, ...]:
        """The words of the phrases that `texts` start with, each once."""
        found: dict[str, None] = {}
        for text in texts:
            stems = self._analyze(text)
            length = self._match(stems, 0) if stems else 0
            if length:
                found.update(dict.fromkeys(self._phrases[tuple(stems[:length])]))
        return tuple(found)

    def _analyze(self, text: str) -> list[str]:
        stems: list[str] = []
        for word in _WORD.findall(text.lower()):
            cut = self._stems.get(word)
            if cut is None:
                cut = self._stems[word] = tuple(self._analyzer.analyze(word))
            stems.extend(cut)
        return stems

    def _match(self, stems: list[str], start: int) -> int:
        longest = self._longest.get(stems[start], 0)
        for length in range(min(longest, len(stems) - start), 0, -1):
            if tuple(stems[start : start + length]) in self._phrases:
                return length
        return 0


class PlainLanguage(PhraseWords):
    """The glossary: each medical phrase stands for the entry's plain words (`plain` and `also`)."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        entries = list(entries)
        super().__init__((entry.medical, (entry.plain, *entry.also)) for entry in entries)
        # A medical phrase's concept key → the plain words naming that concept (graph.search.concept_keys).
        self._naming: dict[str, list[str]] = {}
        for entry in entries:
            for phrase in entry.medical:
                key = concept_key(phrase)
                if key is not None:
                    self._naming.setdefault(key, []).extend((entry.plain, *entry.also))

    def naming_words(self, names: Iterable[str]) -> tuple[str, ...]:
        """The plain words of the entries whose medical phrase is one of `names`, word for word: a code
        whose index entry is "Conjunctivitis" is what "pink eye" names, not every code that mentions
        conjunctivitis."""
        found: dict[str, None] = {}
        for name in names:
            key = concept_key(name)
            if key is not None:
                found.update(dict.fromkeys(self._naming.get(key, ())))
        return tuple(found)
