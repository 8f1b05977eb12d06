"""Load code history into the graph: REPLACES edges, the conversion table's changes, POA exemption.

Only the current release of each system is in the graph, so a previous code the release no longer has gets no
node: it is kept on the `(:CodeChange)` of the row that names it (`retired`) and counted. Sources:
- the ICD-10-CM conversion table: each new code REPLACES the previous codes it names that the release has;
- HCPCS cross-references: the XREF1…5 of a terminated code (already on the loaded HCPCS codes) name the codes
  that replace it, effective the day after its termination;
- the POA-exempt list: `Code.poaExempt` true on listed codes, false on the other billable ICD-10-CM codes and
  absent on headers and other systems, since POA is reported only with a billable diagnosis code.
Every file is parsed before this runs; each step is idempotent and safe to re-run after a kill.
"""

import time
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from graph.driver import Graph
from graph.importers.conversion_table import ConversionRecord
from graph.importers.poa_exempt import PoaExemptList
from graph.loader.batches import run_batches
from graph.loader.progress import Progress
from graph.model import System
from graph.queries import history as q
from graph.queries.index_terms import SYSTEM_CODES
from graph.timestamps import utc_now

CONVERSION_SOURCE = "ICD-10-CM conversion table"
HCPCS_SOURCE = "HCPCS cross-reference"
POA_SOURCE = "ICD-10-CM POA exempt"


@dataclass(frozen=True, slots=True)
class HistoryLoadSummary:
    source: str
    records: int  # conversion rows, or terminated codes with a cross-reference
    links: int  # REPLACES edges
    retired: int  # previous codes kept as data: not in the release (or a range, a category wildcard)
    unresolved: int  # current (or replacement) codes the release does not have
    seconds: float


@dataclass(frozen=True, slots=True)
class PoaLoadSummary:
    source: str
    listed: int
    exempt: int
    not_exempt: int  # billable ICD-10-CM codes not on the list
    unresolved: int  # listed codes the release does not have
    seconds: float


@dataclass(frozen=True, slots=True)
class Plan:
    changes: list[dict[str, Any]]  # {code, changes: [{uid, props}]}
    replaces: list[dict[str, Any]]  # {code, source, replaces: [{uid, effective}]}
    retired: int
    unresolved: int


def conversion_plan(records: Sequence[ConversionRecord], codes: Mapping[str, bool]) -> Plan:
    """What the conversion table writes against a release whose codes (dotted) are `codes`."""
    changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    replaces: dict[str, list[dict[str, Any]]] = defaultdict(list)
    retired = unresolved = 0
    # The FY2026 table prints eight rows twice (O44.20 … O44.33): the same change is one change.
    seen: set[tuple[str, str, str]] = set()
    for record in records:
        key = (record.code, record.effective, record.previous_text)
        if key in seen:
            continue
        seen.add(key)
        if record.code not in codes:
            unresolved += 1
            continue
        uid = System.ICD10CM.uid(record.code)
        kept = [p for p in record.previous if p not in codes]
        retired += len(kept)
        for previous in record.previous:
            if previous in codes and previous != record.code:
                replaces[uid].append({"uid": System.ICD10CM.uid(previous), "effective": record.effective})
        props = {
            "system": System.ICD10CM.value,
            "code": record.code,
            "source": CONVERSION_SOURCE,
            "effective": record.effective,
            "previousText": record.previous_text,
            "retired": kept,
        }
        changes[uid].append({"uid": f"{uid}@{record.effective}", "props": props})
    return Plan(
        changes=[{"code": code, "changes": found} for code, found in changes.items()],
        replaces=[{"code": c, "source": CONVERSION_SOURCE, "replaces": r} for c, r in replaces.items()],
        retired=retired,
        unresolved=unresolved,
    )


def hcpcs_plan(terminated: Sequence[Mapping[str, Any]], uids: Set[str]) -> Plan:
    """REPLACES edges from the codes a terminated HCPCS code's cross-references name (rows of the graph).

    A cross-reference that starts with a digit is a CPT code (C8904 → 77046, C9786 → 0932T): it links
    where the graph has that code.
    """
    replaces: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unresolved = 0
    for row in terminated:
        old = {"uid": System.HCPCS.uid(row["code"]), "effective": _day_after(row["terminated"])}
        for code in row["replacements"]:
            uid = (System.CPT if code[:1].isdigit() else System.HCPCS).uid(code)
            if uid not in uids:
                unresolved += 1
            elif old not in replaces[uid]:
                replaces[uid].append(old)
    return Plan(
        changes=[],
        replaces=[{"code": c, "source": HCPCS_SOURCE, "replaces": r} for c, r in sorted(replaces.items())],
        retired=0,
        unresolved=unresolved,
    )


def load_conversion_table(
    graph: Graph, records: Sequence[ConversionRecord], release: str, progress: Progress
) -> HistoryLoadSummary:
    """The conversion table against the loaded ICD-10-CM release; `release` names the file read."""
    started = time.perf_counter()
    plan = conversion_plan(records, _codes(graph, System.ICD10CM))
    existing = {row["uid"] for row in graph.read(q.CHANGE_UIDS, source=CONVERSION_SOURCE)}
    run_batches(graph, progress, "conversion table changes", plan.changes, q.MERGE_CODE_CHANGES)
    stale = existing - {change["uid"] for row in plan.changes for change in row["changes"]}
    if stale:
        graph.write(q.DELETE_CHANGES, uids=sorted(stale))
    summary = _replace(graph, plan, CONVERSION_SOURCE, len(records), progress)
    return _finish(graph, summary, release, started)


def load_hcpcs_cross_references(graph: Graph, progress: Progress) -> HistoryLoadSummary:
    """REPLACES edges from the cross-references of the loaded HCPCS release."""
    started = time.perf_counter()
    terminated = graph.read(q.HCPCS_CROSS_REFERENCES)
    uids = {system.uid(code) for system in (System.HCPCS, System.CPT) for code in _codes(graph, system)}
    plan = hcpcs_plan(terminated, uids)
    summary = _replace(graph, plan, HCPCS_SOURCE, len(terminated), progress)
    return _finish(graph, summary, "loaded HCPCS release", started)


def poa_rows(exempt: PoaExemptList, codes: Mapping[str, bool]) -> list[dict[str, Any]]:
    """`poaExempt` for every ICD-10-CM code of the release: true, false, or None on headers."""
    listed = {record.code for record in exempt.records}
    return [
        {"uid": System.ICD10CM.uid(code), "exempt": (code in listed) if billable else None}
        for code, billable in sorted(codes.items())
    ]


def load_poa_exempt(graph: Graph, exempt: PoaExemptList, progress: Progress) -> PoaLoadSummary:
    started = time.perf_counter()
    codes = _codes(graph, System.ICD10CM)
    rows = poa_rows(exempt, codes)
    run_batches(graph, progress, "POA exempt", rows, q.SET_POA_EXEMPT)
    flags = [row["exempt"] for row in rows]
    summary = PoaLoadSummary(
        source=POA_SOURCE,
        listed=len(exempt.records),
        exempt=flags.count(True),
        not_exempt=flags.count(False),
        unresolved=sum(1 for record in exempt.records if record.code not in codes),
        seconds=0.0,
    )
    record_finished_load(graph, POA_SOURCE, exempt.source, summary.listed, summary.exempt, summary.unresolved)
    return replace(summary, seconds=time.perf_counter() - started)


def _codes(graph: Graph, system: System) -> dict[str, bool]:
    return {row["code"]: bool(row["billable"]) for row in graph.read(SYSTEM_CODES, system=system.value)}


def _replace(graph: Graph, plan: Plan, source: str, records: int, progress: Progress) -> HistoryLoadSummary:
    existing = {row["uid"] for row in graph.read(q.REPLACING_CODES, source=source)}
    run_batches(graph, progress, f"{source} edges", plan.replaces, q.REPLACE_REPLACES)
    stale = existing - {row["code"] for row in plan.replaces}
    if stale:
        graph.write(q.DELETE_REPLACES, source=source, uids=sorted(stale))
    return HistoryLoadSummary(
        source=source,
        records=records,
        links=sum(len(row["replaces"]) for row in plan.replaces),
        retired=plan.retired,
        unresolved=plan.unresolved,
        seconds=0.0,
    )


def _finish(graph: Graph, s: HistoryLoadSummary, release: str, started: float) -> HistoryLoadSummary:
    record_finished_load(graph, s.source, release, s.records, s.links, s.unresolved)
    return replace(s, seconds=time.perf_counter() - started)


def record_finished_load(
    graph: Graph, source: str, release: str, records: int, links: int, unresolved: int
) -> None:
    """The `(:HistorySource)` record of a finished load, and a new data version for caches and search."""
    graph.write(
        q.FINISH_HISTORY_LOAD,
        source=source,
        release=release,
        records=records,
        links=links,
        unresolved=unresolved,
        now=utc_now(),
        dataVersion=uuid.uuid4().hex,
    )


def _day_after(terminated: str | None) -> str | None:
    return (date.fromisoformat(terminated) + timedelta(days=1)).isoformat() if terminated else None
