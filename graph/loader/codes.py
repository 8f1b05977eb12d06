"""Load one official release into the graph: codes, hierarchy, notes and PCS axes, then its CodeSystem record.

Safe to repeat and to resume: nodes are created once and updated after, a code's edges are replaced in the
same transaction, codes the release no longer has are removed, and what changed is remembered across a kill.
"""

import time
import uuid
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.driver import Graph, Statement
from graph.importers.icd9cm import DIAGNOSIS, PROCEDURE, VOLUME
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.loader.batches import run_batches
from graph.loader.progress import Progress
from graph.model import NOTE_EDGES, NOTE_PROPERTIES, Rel, System
from graph.queries import load_codes as q
from graph.timestamps import utc_now

CREATE_BY_SYSTEM: dict[System, LiteralString] = {
    System.ICD10CM: q.CREATE_ICD10CM_CODES,
    System.ICD10PCS: q.CREATE_ICD10PCS_CODES,
    System.HCPCS: q.CREATE_HCPCS_CODES,
    System.CPT: q.CREATE_CPT_CODES,
}
# Systems whose codes get one of several label sets, by the value of a property: ICD-9-CM by its volume,
# MS-DRG by kind (its chapters are the MDCs).
CREATE_BY_PROPERTY: dict[System, tuple[str, dict[str, LiteralString]]] = {
    System.ICD9CM: (VOLUME, {DIAGNOSIS: q.CREATE_ICD9CM_DIAGNOSES, PROCEDURE: q.CREATE_ICD9CM_PROCEDURES}),
    System.MSDRG: (
        "kind",
        {
            CodeKind.CHAPTER: q.CREATE_MSDRG_MDCS,
            CodeKind.GROUP: q.CREATE_MSDRG_CODES,
            CodeKind.CODE: q.CREATE_MSDRG_CODES,
        },
    ),
}

NOTE_EDGE_STATEMENTS: dict[Rel, LiteralString] = {
    Rel.EXCLUDES1: q.REPLACE_EXCLUDES1,
    Rel.EXCLUDES2: q.REPLACE_EXCLUDES2,
    Rel.CODE_FIRST: q.REPLACE_CODE_FIRST,
    Rel.CODE_ALSO: q.REPLACE_CODE_ALSO,
    Rel.USE_ADDITIONAL: q.REPLACE_USE_ADDITIONAL,
}

AXIS_EDGES: dict[str, LiteralString] = {
    Rel.ROOT_OPERATION: q.REPLACE_ROOT_OPERATION,
    Rel.BODY_PART: q.REPLACE_BODY_PART,
    Rel.APPROACH: q.REPLACE_APPROACH,
    Rel.DEVICE: q.REPLACE_DEVICE,
    Rel.QUALIFIER: q.REPLACE_QUALIFIER,
}


@dataclass(frozen=True, slots=True)
class Changes:
    added: int
    removed: int
    retitled: int


@dataclass(frozen=True, slots=True)
class LoadSummary:
    system: System
    version: str
    codes: int
    billable: int
    edges: int
    changes: Changes
    seconds: float


def load_release(graph: Graph, release: Release, progress: Progress) -> LoadSummary:
    started = time.perf_counter()
    system = release.system
    existing = {row["uid"]: row["title"] for row in graph.read(q.EXISTING_CODES, system=system.value)}
    incoming = {system.uid(code.code): code.title for code in release.codes}
    changes = _begin(graph, release, existing, incoming)
    stale = sorted(existing.keys() - incoming.keys())

    rows = [
        {"uid": system.uid(code.code), "props": code_properties(system, code, release.version)}
        for code in release.codes
    ]
    # Codes the graph lacks are created, the others updated: each code is written once. `existing` was read
    # at the start of this load, so a re-run after a kill updates what the killed run created.
    for query, new in _creates(system, [r for r in rows if r["uid"] not in existing]):
        run_batches(graph, progress, f"{system} codes", new, query)
    if existing:
        run_batches(
            graph,
            progress,
            f"{system} codes updated",
            [r for r in rows if r["uid"] in existing],
            q.UPDATE_CODES,
        )
    if stale:
        progress.step(f"{system} removed codes", len(stale))
        graph.write(q.DELETE_CODES, uids=stale)
        progress.advance(len(stale))

    parents = [{"uid": system.uid(c.code), "target": system.uid(c.parent)} for c in release.codes if c.parent]
    run_batches(graph, progress, f"{system} hierarchy", parents, q.REPLACE_PARENTS)
    edges = len(parents) + _load_note_edges(graph, release, progress) + _load_axes(graph, release, progress)

    billable = sum(1 for code in release.codes if code.billable)
    _finish(graph, release, changes, billable)
    return LoadSummary(
        system=system,
        version=release.version,
        codes=len(release.codes),
        billable=billable,
        edges=edges,
        changes=changes,
        seconds=time.perf_counter() - started,
    )


def _creates(system: System, rows: list[dict[str, Any]]) -> list[tuple[LiteralString, list[dict[str, Any]]]]:
    """The statement that creates each new code with all its labels, and the codes it creates."""
    if system not in CREATE_BY_PROPERTY:
        return [(CREATE_BY_SYSTEM[system], rows)]
    name, queries = CREATE_BY_PROPERTY[system]
    # Statements that share a label set take their rows together.
    by_query: dict[LiteralString, list[dict[str, Any]]] = {query: [] for query in queries.values()}
    for row in rows:
        by_query[queries[row["props"][name]]].append(row)
    return list(by_query.items())


def code_properties(system: System, code: CodeRecord, version: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "system": system.value,
        "code": code.code,
        "codeCompact": code.code.replace(".", ""),
        "title": code.title,
        "shortTitle": code.short_title,
        "kind": code.kind,
        "billable": code.billable,
        "active": code.active,
        "effectiveDate": code.effective_date,
        "terminationDate": code.termination_date,
        "release": version,
    }
    texts: dict[str, list[str]] = {name: [] for name in NOTE_PROPERTIES.values()}
    for note in code.notes:
        texts[NOTE_PROPERTIES[note.kind]].append(note.text)
    props.update({name: values or None for name, values in texts.items()})
    props.update(dict(code.attributes))
    return props


def _begin(graph: Graph, release: Release, existing: dict[str, str], incoming: dict[str, str]) -> Changes:
    """Count what the release changes, once: a re-run of the same release reuses the first run's count."""
    system, version = release.system.value, release.version
    pending = graph.read(q.PENDING_LOAD, system=system, version=version)
    if pending:
        return Changes(**pending[0])
    changes = Changes(
        added=len(incoming.keys() - existing.keys()),
        removed=len(existing.keys() - incoming.keys()),
        retitled=sum(1 for uid, title in incoming.items() if uid in existing and existing[uid] != title),
    )
    graph.write(
        q.BEGIN_LOAD,
        system=system,
        version=version,
        added=changes.added,
        removed=changes.removed,
        retitled=changes.retitled,
        now=utc_now(),
    )
    return changes


def _load_note_edges(graph: Graph, release: Release, progress: Progress) -> int:
    system = release.system
    had_edges = {row["uid"] for row in graph.read(q.CODES_WITH_NOTE_EDGES, system=system.value)}
    total = 0
    for kind, rel in NOTE_EDGES.items():
        query = NOTE_EDGE_STATEMENTS[rel]
        rows = []
        for code in release.codes:
            targets = [
                {"uid": system.uid(target), "note": note.text}
                for note in code.notes
                if note.kind == kind
                for target in note.targets
            ]
            uid = system.uid(code.code)
            if targets or uid in had_edges:
                rows.append({"uid": uid, "targets": targets})
                total += len(targets)
        if rows:
            run_batches(graph, progress, f"{system} {rel} notes", rows, query)
    return total


def _load_axes(graph: Graph, release: Release, progress: Progress) -> int:
    if not release.pcs_values:
        return 0
    values = [
        {
            "key": v.key,
            "props": {
                "section": v.section,
                "bodySystem": v.body_system,
                "position": v.position,
                "axis": v.axis,
                "value": v.value,
                "meaning": v.meaning,
                "definition": v.definition,
                "explanation": v.explanation,
                "includes": list(v.includes),
            },
        }
        for v in release.pcs_values
    ]
    run_batches(graph, progress, f"{release.system} axis values", values, q.MERGE_PCS_VALUES)
    graph.write(q.DELETE_PCS_VALUES_EXCEPT, keys=[v.key for v in release.pcs_values])
    for rel, query in AXIS_EDGES.items():
        rows = [
            {"uid": release.system.uid(link.code), "target": link.value_key}
            for link in release.axis_links
            if link.rel == rel
        ]
        run_batches(graph, progress, f"{release.system} {rel}", rows, query)
    return len(release.axis_links)


def _finish(graph: Graph, release: Release, changes: Changes, billable: int) -> None:
    params = {
        "system": release.system.value,
        "name": release.name,
        "version": release.version,
        "source": release.source,
        "now": utc_now(),
        "codeCount": len(release.codes),
        "billableCount": billable,
        "added": changes.added,
        "removed": changes.removed,
        "retitled": changes.retitled,
        "dataVersion": uuid.uuid4().hex,
    }
    clear = Statement(q.CLEAR_LOAD_STATE, {"system": params["system"]})
    graph.write_all([Statement(q.FINISH_LOAD, params), clear])
