"""What `medgraph load` does: parse every requested file first, then load each release with progress bars."""

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from graph import bundle
from graph.driver import Graph
from graph.errors import GraphError
from graph.importers.cpt_csv import read_cpt_csv
from graph.importers.errors import ImportFormatError
from graph.importers.index_records import IndexTermRecord
from graph.importers.records import Release
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.bundled import BUNDLED_PATHS, READERS
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.model import System
from graph.reads.graph_state import is_empty
from graph.schema_setup import ensure_schema
from graph.vocabulary.bundled import VOCABULARIES, load_vocabulary, loaded_sources
from graph.vocabulary.glossary import read_seed_glossary
from graph.vocabulary.history_sources import (
    BEFORE_SERVING,
    BUNDLED_HISTORY,
    HISTORY_SOURCES,
    missing_beside_serving,
)
from server.load_history import describe, print_history
from server.load_progress import RichProgress, summary_table, vocabulary_table
from server.settings import Settings

SYSTEM_ARGUMENTS = {
    "icd10cm": System.ICD10CM,
    "pcs": System.ICD10PCS,
    "icd10pcs": System.ICD10PCS,
    "hcpcs": System.HCPCS,
    "cpt": System.CPT,
    "icd9cm": System.ICD9CM,
    "msdrg": System.MSDRG,
    "drg": System.MSDRG,
}


@dataclass(frozen=True, slots=True)
class LoadRequest:
    systems: tuple[System, ...]
    source: Path | None = None
    version: str | None = None
    seeds: Path | None = None  # curated knowledge to load after the releases
    vocabularies: tuple[
        str, ...
    ] = ()  # official indexes and tables (graph.vocabulary.bundled), after the codes
    history: tuple[str, ...] = ()  # code history and POA exemption (graph.vocabulary.history_sources), last

    @classmethod
    def parse(cls, system: str, source: Path | None, version: str | None) -> "LoadRequest":
        if system == "all":
            if source is not None:
                raise ValueError("--source needs a system: medgraph load icd10cm|pcs|hcpcs|cpt --source FILE")
            return cls(
                tuple(READERS),
                seeds=bundle.seeds_dir(),
                vocabularies=tuple(VOCABULARIES),
                history=BUNDLED_HISTORY,
            )
        if system == "seeds":
            return cls((), seeds=source or bundle.seeds_dir())
        if system.lower() in VOCABULARIES:
            return cls((), source, vocabularies=(system.lower(),))
        if system.lower() in HISTORY_SOURCES:
            return cls((), source, history=(system.lower(),))
        if system.lower() not in SYSTEM_ARGUMENTS:
            names = ", ".join([*SYSTEM_ARGUMENTS, *VOCABULARIES, *HISTORY_SOURCES])
            raise ValueError(f"unknown system {system!r}: use all, seeds, {names}")
        chosen = SYSTEM_ARGUMENTS[system.lower()]
        if chosen is System.CPT and (source is None or not version):
            raise ValueError("CPT is licensed: medgraph load cpt --source YOUR_FILE.csv --version RELEASE")
        return cls((chosen,), source, version)

    @classmethod
    def codes_and_seeds(cls) -> "LoadRequest":
        """Every bundled release and the seeds: what the server needs before it serves."""
        return cls(tuple(READERS), seeds=bundle.seeds_dir(), history=BEFORE_SERVING)

    def read(self, system: System) -> Release:
        if system is System.CPT:
            assert self.source is not None and self.version is not None
            return read_cpt_csv(self.source, self.version)
        return READERS[system](self.source or BUNDLED_PATHS[system]())

    def read_vocabulary(self, name: str) -> list[IndexTermRecord]:
        vocabulary = VOCABULARIES[name]
        return vocabulary.read(self.source if self.source and not self.systems else vocabulary.bundled())


def load_missing_vocabularies(settings: Settings, console: Console) -> None:
    """Load each bundled index and table the graph lacks (never loaded, or a load that was killed), then the
    GEMs crosswalks if they are missing.

    `medgraph serve --load-if-empty` runs this beside the server, once the codes are in: the indexes add
    about 40 s of writes on the embedded engine (the ICD-10-PCS Index about a quarter of them), the GEMs more,
    and pages, search and the API serve meanwhile (search gains the index words when the load bumps the data
    version; code pages show the crosswalks once they are in). A failure is reported; the server keeps
    serving.
    """
    graph = Graph(settings.graph_config())
    try:
        loaded = loaded_sources(graph)
        summaries = []
        for name, vocabulary in VOCABULARIES.items():
            records = vocabulary.read(vocabulary.bundled())
            if records and records[0].source not in loaded:
                summaries.append(load_vocabulary(graph, name, records, SilentProgress()))
        if summaries:
            console.print(vocabulary_table(summaries))
        for load in missing_beside_serving(graph):
            console.print(describe(load(graph, SilentProgress())))
    except (GraphError, ImportFormatError) as exc:
        console.print(f"medgraph: the indexes and tables were not loaded: {exc}")
    finally:
        graph.close()


def run_load(settings: Settings, request: LoadRequest, console: Console, if_empty: bool = False) -> None:
    graph = Graph(settings.graph_config())
    try:
        ensure_schema(graph)
        if if_empty and not is_empty(graph):
            console.print("the graph already holds codes: nothing to load")
            return
        # Every file parses before anything is written: a bad file leaves the graph as it was.
        releases = [request.read(system) for system in request.systems]
        vocabularies = {name: request.read_vocabulary(name) for name in request.vocabularies}
        seeds = load_seeds(request.seeds) if request.seeds else None
        glossary = read_seed_glossary(request.seeds) if request.seeds else None
        history = [
            HISTORY_SOURCES[name](request.source if not request.systems else None) for name in request.history
        ]
        if releases:
            with RichProgress(console) as progress:
                summaries = [load_release(graph, release, progress) for release in releases]
            console.print(summary_table(summaries))
        if vocabularies:
            with RichProgress(console) as progress:
                loaded = [load_vocabulary(graph, n, records, progress) for n, records in vocabularies.items()]
            console.print(vocabulary_table(loaded))
        if seeds is not None:
            knowledge = load_knowledge(graph, seeds, glossary)
            k = knowledge
            console.print(
                f"curated knowledge: {k.monographs} monographs,"
                f" {k.condition_monographs} condition monographs, {k.vocabulary} vocabulary entries,"
                f" {k.glossary} glossary terms"
            )
            if knowledge.skipped:
                console.print(f"skipped (their code system is not loaded): {', '.join(knowledge.skipped)}")
        print_history(graph, history, console)
    finally:
        graph.close()
