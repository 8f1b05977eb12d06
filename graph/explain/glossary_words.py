"""The glossary's rephraser, read from the graph again only when the graph's data version moves.

Reading the ~900 glossary terms costs about 100 ms on the embedded engine and building the rephraser 200 ms
more: far too much for every page, while the glossary changes only with a load of the seeds.
"""

import threading

from graph.driver import Graph
from graph.explain.plain_words import PlainWords, plain_words
from graph.reads.glossary import read_glossary


class GlossaryWords:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: tuple[str, PlainWords] | None = None

    def words(self, graph: Graph, data_version: str | None) -> PlainWords:
        """The rephraser of the graph's glossary at `data_version` (None, for a graph without one: read)."""
        with self._lock:
            kept = self._kept
        if data_version is not None and kept is not None and kept[0] == data_version:
            return kept[1]
        words = plain_words(tuple(read_glossary(graph)))
        if data_version is not None:
            with self._lock:
                self._kept = (data_version, words)
        return words
