"""Load the GEMs crosswalks against the loaded releases: one `MAPS_TO` edge per published row.

The GEMs of 2018 name codes of the FY2018 releases; a code the loaded release no longer has (an ICD-10-CM code
expanded since, a PCS code deleted) gets no edge, and is counted. ICD-9-CM codes are named in their volume's
dotted form: the diagnosis GEMs name diagnoses, the procedure GEM procedures. Every file is parsed before this
runs; the load is idempotent and safe to re-run after a kill.
"""

import time
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.importers.gems import RELEASE, SOURCE, Gem
from graph.importers.icd9cm import DIAGNOSIS, PROCEDURE, dotted_icd9
from graph.loader.batches import run_batches
from graph.loader.progress import Progress
from graph.model import System, dotted_icd10cm
from graph.queries import gems as q
from graph.queries.index_terms import SYSTEM_CODES
from graph.vocabulary.history import record_finished_load


@dataclass(frozen=True, slots=True)
class GemCounts:
    file: str
    source_system: System
    target_system: System
    rows: int
    links: int  # MAPS_TO edges
    no_map: int  # rows that say the source has no equivalent
    unresolved: int  # rows naming a code the loaded releases lack


@dataclass(frozen=True, slots=True)
class GemsLoadSummary:
    source: str
    gems: tuple[GemCounts, ...]
    seconds: float


def published_code(system: System, compact: str, volume: str) -> str:
    """A GEM's undotted code as the graph names it: `I82401` → `I82.401`, ICD-9-CM `45340` → `453.40`."""
    if system is System.ICD9CM:
        return dotted_icd9(compact, volume)
    if system is System.ICD10CM:
        return dotted_icd10cm(compact)
    return compact


@dataclass(frozen=True, slots=True)
class GemPlan:
    sources: list[dict[str, Any]]  # rows of CLEAR_GEM_MAPPINGS: every source code the graph has
    edges: list[dict[str, Any]]  # rows of CREATE_GEM_MAPPINGS
    counts: GemCounts


def gem_plan(gem: Gem, uids: set[str]) -> GemPlan:
    """What one GEM writes against the codes the graph has (`uids`)."""
    volume = PROCEDURE if System.ICD10PCS in (gem.source_system, gem.target_system) else DIAGNOSIS
    sources: dict[str, dict[str, Any]] = {}
    edges = []
    unresolved = no_map = 0
    for entry in gem.entries:
        uid = gem.source_system.uid(published_code(gem.source_system, entry.source, volume))
        target = (
            gem.target_system.uid(published_code(gem.target_system, entry.target, volume))
            if entry.target is not None
            else None
        )
        if uid not in uids or (target is not None and target not in uids):
            unresolved += 1
            continue
        source = sources.setdefault(uid, {"uid": uid, "noMap": None})
        if target is None:
            no_map += 1
            source["noMap"] = gem.target_system.value
            continue
        edges.append(
            {
                "source": uid,
                "target": target,
                "approximate": entry.approximate,
                "combination": entry.combination,
                "scenario": entry.scenario,
                "choiceList": entry.choice_list,
            }
        )
    counts = GemCounts(
        gem.file, gem.source_system, gem.target_system, len(gem.entries), len(edges), no_map, unresolved
    )
    return GemPlan(list(sources.values()), edges, counts)


def load_gems(graph: Graph, gems: tuple[Gem, ...], progress: Progress) -> GemsLoadSummary:
    started = time.perf_counter()
    systems = {system for gem in gems for system in (gem.source_system, gem.target_system)}
    uids = {
        system.uid(row["code"]) for system in systems for row in graph.read(SYSTEM_CODES, system=system.value)
    }
    plans = [gem_plan(gem, uids) for gem in gems]
    sources = [row for plan in plans for row in plan.sources]
    named = {row["uid"] for row in sources}
    # Codes that held GEM data and are named no more lose it too.
    stale = [
        {"uid": row["uid"], "noMap": None}
        for row in graph.read(q.GEM_SOURCE_CODES)
        if row["uid"] not in named
    ]
    run_batches(graph, progress, f"{SOURCE} cleared", sources + stale, q.CLEAR_GEM_MAPPINGS)
    edges = [row for plan in plans for row in plan.edges]
    run_batches(graph, progress, f"{SOURCE} crosswalks", edges, q.CREATE_GEM_MAPPINGS)
    counts = tuple(plan.counts for plan in plans)
    record_finished_load(
        graph,
        SOURCE,
        RELEASE,
        sum(c.rows for c in counts),
        sum(c.links for c in counts),
        sum(c.unresolved for c in counts),
    )
    return GemsLoadSummary(SOURCE, counts, time.perf_counter() - started)
