"""The history loads `medgraph load` runs, by name: each reads its file first and returns the load to run.

Reading before writing is what keeps a malformed file from changing the graph. `hcpcs-xref` reads no file: the
cross-references are those of the loaded HCPCS release.
"""

from collections.abc import Callable
from pathlib import Path

from graph.driver import Graph
from graph.importers.conversion_table import bundled_conversion_table_path, read_conversion_table
from graph.importers.poa_exempt import bundled_poa_exempt_path, read_poa_exempt
from graph.loader.progress import Progress
from graph.vocabulary.history import (
    HistoryLoadSummary,
    PoaLoadSummary,
    load_conversion_table,
    load_hcpcs_cross_references,
    load_poa_exempt,
)

Summary = HistoryLoadSummary | PoaLoadSummary
Load = Callable[[Graph, Progress], Summary]


def _conversion_table(source: Path | None) -> Load:
    path = source or bundled_conversion_table_path()
    records = read_conversion_table(path)
    return lambda graph, progress: load_conversion_table(graph, records, path.name, progress)


def _poa_exempt(source: Path | None) -> Load:
    exempt = read_poa_exempt(source or bundled_poa_exempt_path())
    return lambda graph, progress: load_poa_exempt(graph, exempt, progress)


def _hcpcs_cross_references(source: Path | None) -> Load:
    if source is not None:
        raise ValueError(
            "hcpcs-xref reads the loaded HCPCS release, not a file: load hcpcs --source FILE first"
        )
    return load_hcpcs_cross_references


# By the name `medgraph load NAME [--source FILE]` takes, in load order; each runs after the code releases.
HISTORY_SOURCES: dict[str, Callable[[Path | None], Load]] = {
    "conversion-table": _conversion_table,
    "poa-exempt": _poa_exempt,
    "hcpcs-xref": _hcpcs_cross_references,
}


def load_bundled_history(graph: Graph, progress: Progress) -> list[Summary]:
    """Every history load from its bundled file; the code releases must be loaded first."""
    loads = [read(None) for read in HISTORY_SOURCES.values()]
    return [load(graph, progress) for load in loads]
