"""The loads `medgraph load` runs after the code releases, by name: code history, POA exemption and the
ICD-10-PCS definitions. Each reads its file first and returns the load to run.

Reading before writing is what keeps a malformed file from changing the graph. `hcpcs-xref` reads no file: the
cross-references are those of the loaded HCPCS release. `pcs-definitions` is for a new Definitions XML only: a
PCS release load takes its bundled Definitions itself, so the bundled loads leave it out.
"""

from collections.abc import Callable
from pathlib import Path

from graph.driver import Graph
from graph.importers.conversion_table import bundled_conversion_table_path, read_conversion_table
from graph.importers.pcs_definitions_xml import bundled_definitions_path, read_pcs_definitions_xml
from graph.importers.poa_exempt import bundled_poa_exempt_path, read_poa_exempt
from graph.loader.progress import Progress
from graph.vocabulary.history import (
    HistoryLoadSummary,
    PoaLoadSummary,
    load_conversion_table,
    load_hcpcs_cross_references,
    load_poa_exempt,
)
from graph.vocabulary.pcs_definitions import DefinitionsLoadSummary, load_pcs_definitions

Summary = HistoryLoadSummary | PoaLoadSummary | DefinitionsLoadSummary
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


def _pcs_definitions(source: Path | None) -> Load:
    path = source or bundled_definitions_path()
    definitions = read_pcs_definitions_xml(path)
    return lambda graph, progress: load_pcs_definitions(graph, definitions, path.name, progress)


# By the name `medgraph load NAME [--source FILE]` takes, in load order; each runs after the code releases.
HISTORY_SOURCES: dict[str, Callable[[Path | None], Load]] = {
    "conversion-table": _conversion_table,
    "poa-exempt": _poa_exempt,
    "hcpcs-xref": _hcpcs_cross_references,
    "pcs-definitions": _pcs_definitions,
}
BUNDLED_HISTORY = ("conversion-table", "poa-exempt", "hcpcs-xref")


def load_bundled_history(graph: Graph, progress: Progress) -> list[Summary]:
    """Every history load from its bundled file; the code releases must be loaded first."""
    loads = [HISTORY_SOURCES[name](None) for name in BUNDLED_HISTORY]
    return [load(graph, progress) for load in loads]
