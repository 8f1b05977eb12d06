"""The search index of one app replica, kept in step with the graph.

The index is a view of the graph tagged with its data version. `refresh()` compares that tag with the
graph's current version and, when a load or a curation write changed it, builds the new index beside the old
one and swaps it in; searches use the old one until then. Builds are kept under `folder`, so a restart with
unchanged data opens the index instead of rebuilding it.
"""

import logging
import threading
from pathlib import Path

from graph.driver import Graph
from graph.reads.graph_state import data_version
from graph.search.index import SearchIndex

log = logging.getLogger("medgraph.search")


class SearchService:
    def __init__(self, graph: Graph, folder: Path | None) -> None:
        self._graph = graph
        self._folder = folder
        self._index: SearchIndex | None = None
        self._building = threading.Lock()

    @property
    def version(self) -> str | None:
        """The data version of the index in use; None before the first build."""
        return self._index.data_version if self._index is not None else None

    @property
    def index(self) -> SearchIndex:
        """The current index, built on first use."""
        if self._index is None:
            self.refresh()
        assert self._index is not None
        return self._index

    def refresh(self) -> bool:
        """Rebuild when the graph's data version moved; True when the index changed."""
        with self._building:
            version = data_version(self._graph)
            if self._index is not None and self._index.data_version == version:
                return False
            index = SearchIndex.build(self._graph, self._folder)
            self._index = index
            log.info(
                "search index for data version %s: %d codes in %.2f s%s",
                version,
                index.stats.documents,
                index.stats.seconds,
                " (reused)" if index.stats.reused else "",
            )
            return True
