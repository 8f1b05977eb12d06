"""The graph's schema for the console's editor to complete, read again only when the graph's data changes.

A page asks for it on every render; the schema's reads (a scan of the data on the embedded engine) run once
per data version, and the data version is one indexed read.
"""

import logging
import threading
from typing import Any

from graph.driver import Graph
from graph.errors import GraphError
from graph.reads.graph_schema import graph_schema
from graph.reads.graph_state import data_version

log = logging.getLogger("medgraph")


class SchemaCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # page renders read it from worker threads
        self._version: str | None = None
        self._schema: dict[str, Any] | None = None

    def get(self, graph: Graph) -> dict[str, Any]:
        """The schema as the editor takes it; empty when the graph does not answer, so the page still works
        (without completion) and the next page asks again."""
        try:
            with self._lock:
                version = data_version(graph)
                if self._schema is None or version != self._version:
                    self._schema = graph_schema(graph).as_json()
                    self._version = version
                return self._schema
        except GraphError as exc:
            log.warning("the analyst console's schema was not read: %s", exc)
            return {}
