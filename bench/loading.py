"""Loading every bundled release, the seeds, the indexes and the history into a graph, timed step by step:
what bench.load reports and what bench.stack loads into a fresh engine."""

import time
from dataclasses import dataclass

from bench.processes import cpu_seconds
from graph.bundle import seeds_dir
from graph.driver import Graph
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.loader.bundled import BUNDLED_PATHS, READERS
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.vocabulary.bundled import load_bundled_vocabularies
from graph.vocabulary.glossary import read_seed_glossary
from graph.vocabulary.history_sources import load_bundled_history


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    codes: int | None
    edges: int | None
    parse_seconds: float | None
    load_seconds: float
    loader_cpu: float  # CPU seconds of this process while loading (parsing excluded)
    engine_cpu: float  # CPU seconds of the engine process meanwhile


@dataclass(frozen=True, slots=True)
class LoadReport:
    steps: list[Step]
    total: float


def load_all(graph: Graph, engine_pid: int | None = None) -> LoadReport:
    steps = []
    started = time.perf_counter()
    for system, read in READERS.items():
        t0 = time.perf_counter()
        release = read(BUNDLED_PATHS[system]())
        parsed = time.perf_counter() - t0
        cpu0, engine0 = time.process_time(), cpu_seconds(engine_pid)
        summary = load_release(graph, release, SilentProgress())
        steps.append(
            Step(system.value, len(release.codes), summary.edges, parsed, summary.seconds,
                 time.process_time() - cpu0, cpu_seconds(engine_pid) - engine0)
        )  # fmt: skip
    t0, cpu0, engine0 = time.perf_counter(), time.process_time(), cpu_seconds(engine_pid)
    knowledge = load_knowledge(graph, load_seeds(seeds_dir()), read_seed_glossary(seeds_dir()))
    steps.append(
        Step(f"seeds ({knowledge.monographs} monographs)", None, None, None, time.perf_counter() - t0,
             time.process_time() - cpu0, cpu_seconds(engine_pid) - engine0)
    )  # fmt: skip
    # The indexes and tables: `make run` loads them beside the server, so they are timed on their own.
    for index in load_bundled_vocabularies(graph, SilentProgress()):
        steps.append(Step(index.source, index.terms, index.code_links, None, index.seconds, 0.0, 0.0))
    for history in load_bundled_history(graph, SilentProgress()):
        steps.append(Step(history.source, None, None, None, history.seconds, 0.0, 0.0))
    return LoadReport(steps, time.perf_counter() - started)
