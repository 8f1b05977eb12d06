"""What `medgraph load` does: parse every requested file first, then load each release with progress bars."""

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from graph.driver import Graph
from graph.importers.cpt_csv import read_cpt_csv
from graph.importers.records import Release
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.bundled import BUNDLED_PATHS, READERS
from graph.loader.codes import load_release
from graph.model import System
from graph.reads.graph_state import is_empty
from graph.schema_setup import ensure_schema
from graph.vocabulary.glossary import read_seed_glossary
from server.load_progress import RichProgress, summary_table
from server.settings import Settings

SYSTEM_ARGUMENTS = {
    "icd10cm": System.ICD10CM,
    "pcs": System.ICD10PCS,
    "icd10pcs": System.ICD10PCS,
    "hcpcs": System.HCPCS,
    "cpt": System.CPT,
}


SEEDS_PATH = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True, slots=True)
class LoadRequest:
    systems: tuple[System, ...]
    source: Path | None = None
    version: str | None = None
    seeds: Path | None = None  # curated knowledge to load after the releases

    @classmethod
    def parse(cls, system: str, source: Path | None, version: str | None) -> "LoadRequest":
        if system == "all":
            if source is not None:
                raise ValueError("--source needs a system: medgraph load icd10cm|pcs|hcpcs|cpt --source FILE")
            return cls(tuple(READERS), seeds=SEEDS_PATH)
        if system == "seeds":
            return cls((), seeds=source or SEEDS_PATH)
        if system.lower() not in SYSTEM_ARGUMENTS:
            raise ValueError(f"unknown system {system!r}: use all, seeds, {', '.join(SYSTEM_ARGUMENTS)}")
        chosen = SYSTEM_ARGUMENTS[system.lower()]
        if chosen is System.CPT and (source is None or not version):
            raise ValueError("CPT is licensed: medgraph load cpt --source YOUR_FILE.csv --version RELEASE")
        return cls((chosen,), source, version)

    def read(self, system: System) -> Release:
        if system is System.CPT:
            assert self.source is not None and self.version is not None
            return read_cpt_csv(self.source, self.version)
        return READERS[system](self.source or BUNDLED_PATHS[system]())


def run_load(settings: Settings, request: LoadRequest, console: Console, if_empty: bool = False) -> None:
    graph = Graph(settings.graph_config())
    try:
        ensure_schema(graph)
        if if_empty and not is_empty(graph):
            console.print("the graph already holds codes: nothing to load")
            return
        # Every file parses before anything is written: a bad file leaves the graph as it was.
        releases = [request.read(system) for system in request.systems]
        seeds = load_seeds(request.seeds) if request.seeds else None
        glossary = read_seed_glossary(request.seeds) if request.seeds else None
        if releases:
            with RichProgress(console) as progress:
                summaries = [load_release(graph, release, progress) for release in releases]
            console.print(summary_table(summaries))
        if seeds is not None:
            knowledge = load_knowledge(graph, seeds, glossary)
            k = knowledge
            console.print(
                f"curated knowledge: {k.monographs} monographs, {k.vocabulary} vocabulary entries,"
                f" {k.glossary} glossary terms"
            )
            if knowledge.skipped:
                console.print(f"skipped (their code system is not loaded): {', '.join(knowledge.skipped)}")
    finally:
        graph.close()
