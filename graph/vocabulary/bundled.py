"""The vocabularies `medgraph load` loads, each with its importer, bundled file and target resolver.

Parsing (`read`) and loading are separate so that every file is read before anything is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.driver import Graph
from graph.importers.icd10cm_index_csv import bundled_index_csv_path, read_icd10cm_index_csv
from graph.importers.icd10cm_index_xml import bundled_external_cause_index_path, read_icd10cm_index_xml
from graph.importers.icd10cm_tables import TableKind, bundled_table_path, read_icd10cm_table
from graph.importers.icd10pcs_index_xml import bundled_pcs_index_path, read_icd10pcs_index_xml
from graph.importers.index_records import IndexTermRecord
from graph.loader.progress import Progress
from graph.queries.index_terms import LOADED_SOURCES
from graph.vocabulary.cm_targets import cm_resolver
from graph.vocabulary.index_terms import IndexLoadSummary, Resolver, UseResolver, load_index_terms
from graph.vocabulary.pcs_targets import pcs_resolver, pcs_values


def read_icd10cm_index(path: Path) -> list[IndexTermRecord]:
    """The Alphabetic Index as rows (the bundled FY2025 CSV) or as CDC's yearly XML (icd10cm-index-2026)."""
    name = path.name.lower().removesuffix(".gz")
    return read_icd10cm_index_xml(path) if name.endswith(".xml") else read_icd10cm_index_csv(path)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    read: Callable[[Path], list[IndexTermRecord]]
    bundled: Callable[[], Path]
    resolver: Callable[[Graph], Resolver]  # built after the code releases are loaded
    use_resolver: Callable[[Graph], UseResolver] | None = None  # for a book with `use` texts


# By the name `medgraph load NAME --source FILE` takes, in load order.
VOCABULARIES: dict[str, Vocabulary] = {
    "icd10cm-index": Vocabulary(read_icd10cm_index, bundled_index_csv_path, cm_resolver),
    "eindex": Vocabulary(read_icd10cm_index_xml, bundled_external_cause_index_path, cm_resolver),
    "drug-table": Vocabulary(
        lambda path: read_icd10cm_table(path, TableKind.DRUGS).terms,
        lambda: bundled_table_path(TableKind.DRUGS),
        cm_resolver,
    ),
    "neoplasm-table": Vocabulary(
        lambda path: read_icd10cm_table(path, TableKind.NEOPLASMS).terms,
        lambda: bundled_table_path(TableKind.NEOPLASMS),
        cm_resolver,
    ),
    "pcs-index": Vocabulary(read_icd10pcs_index_xml, bundled_pcs_index_path, pcs_resolver, pcs_values),
}


def load_vocabulary(
    graph: Graph, name: str, records: list[IndexTermRecord], progress: Progress
) -> IndexLoadSummary:
    vocabulary = VOCABULARIES[name]
    uses = vocabulary.use_resolver(graph) if vocabulary.use_resolver is not None else None
    return load_index_terms(graph, records, vocabulary.resolver(graph), progress, uses)


def load_bundled_vocabularies(graph: Graph, progress: Progress) -> list[IndexLoadSummary]:
    """Every vocabulary from its bundled file; the code releases must be loaded first."""
    return [
        load_vocabulary(graph, name, vocabulary.read(vocabulary.bundled()), progress)
        for name, vocabulary in VOCABULARIES.items()
    ]


def loaded_sources(graph: Graph) -> set[str]:
    """The sources (book and release) whose load finished."""
    return {row["source"] for row in graph.read(LOADED_SOURCES)}
