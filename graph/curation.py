"""Curation writes, the only writes the API makes: curated relationships and monograph sections.

An edit runs in one write transaction that reads the current state, checks the edit against it (codes and
vocabulary keys must exist) and then writes the change, an audit record `(:CurationEvent)` and a new data
version (the search index and any cache follow it): all of that, or nothing. An edit that would change nothing
writes nothing, not even an audit record, so sending one twice is harmless.

Who owns what: the seeds loader's edges have no `curatedBy`; it replaces them on every load and keeps the
API's edges, which carry `curatedBy` and `curatedAt`. So the API does not change or remove a seeded edge (a
reload would undo it; the fix belongs in the seed file) and says so. Monograph prose has one home, the
monograph node, which the seeds loader rewrites from its file: a section edited here lasts until the next
seeds load, and its audit record keeps the text to copy into the file.

What an editor may send, and the checks that need no graph, are in graph.curation_edits. A refused edit raises
graph.errors.CurationRefused; the message is meant for the editor.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph.curation_edits import (
    Relation,
    RelationKind,
    Section,
    SectionEdit,
    checked_relation,
    section_properties,
)
from graph.driver import Graph, Row, Statement, rows
from graph.errors import CurationRefused
from graph.knowledge.seed_models import monograph_file_name
from graph.model import Rel, System
from graph.queries import curation as q

MAX_EVENTS = 100


class Action(StrEnum):
    ADD_RELATION = "addRelation"
    REMOVE_RELATION = "removeRelation"
    UPSERT_MONOGRAPH_SECTION = "upsertMonographSection"


@dataclass(frozen=True, slots=True)
class _RelationQueries:
    rel: Rel
    target: str  # what the target is called in messages
    state: LiteralString
    add: LiteralString
    remove: LiteralString


_QUERIES: dict[RelationKind, _RelationQueries] = {
    RelationKind.RELATED: _RelationQueries(
        Rel.RELATED, "code", q.RELATED_STATE, q.ADD_RELATED, q.REMOVE_RELATED
    ),
    RelationKind.CODE_ALTERNATIVE: _RelationQueries(
        Rel.HAS_ALTERNATIVE,
        "code",
        q.CODE_ALTERNATIVE_STATE,
        q.ADD_CODE_ALTERNATIVE,
        q.REMOVE_CODE_ALTERNATIVE,
    ),
    RelationKind.TREATMENT_ALTERNATIVE: _RelationQueries(
        Rel.HAS_ALTERNATIVE,
        "treatment",
        q.TREATMENT_ALTERNATIVE_STATE,
        q.ADD_TREATMENT_ALTERNATIVE,
        q.REMOVE_TREATMENT_ALTERNATIVE,
    ),
    RelationKind.INDICATION: _RelationQueries(
        Rel.INDICATED_FOR, "condition", q.INDICATION_STATE, q.ADD_INDICATION, q.REMOVE_INDICATION
    ),
}


@dataclass(frozen=True, slots=True)
class Event:
    """An audit record: who changed what, when."""

    id: str
    at: str
    editor: str
    action: Action
    subject: str  # uid of the code whose page changed
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    changed: bool
    event: Event | None = None  # None when nothing changed
    data_version: str | None = None  # the new version; None when nothing changed


@dataclass(frozen=True, slots=True)
class _Stamp:
    editor: str
    at: str


@dataclass(frozen=True, slots=True)
class _Change:
    statements: list[Statement]
    details: dict[str, Any]


_Decide = Callable[[ManagedTransaction, _Stamp], _Change | None]


def add_relation(graph: Graph, relation: Relation, editor: str) -> Outcome:
    """Add a curated edge, or change the note of one the API added; the same edge twice stays one edge."""
    relation = checked_relation(relation, adding=True)
    queries = _QUERIES[relation.kind]

    def decide(tx: ManagedTransaction, stamp: _Stamp) -> _Change | None:
        state = _relation_state(tx, queries, relation)
        edges: list[Row] = state["edges"]
        seeded = [e for e in edges if e["curatedBy"] is None]
        added = [e for e in edges if e["curatedBy"] is not None]
        details = _relation_details(queries, relation)
        if relation.kind is RelationKind.RELATED:
            if edges:  # one edge per type: nothing else to say about it
                return None
        elif seeded:
            if any(e["note"] == relation.note for e in seeded):
                return None
            raise CurationRefused(
                f"{relation.source} already has {queries.rel} to {relation.target} from the seeds, with "
                f"another note; change it in {_seed_file(relation.source)} and load the seeds again"
            )
        elif added:
            if all(e["note"] == relation.note for e in added):
                return None
            details["previousNote"] = added[0]["note"]
        params: dict[str, Any] = {
            "uid": relation.source,
            "target": relation.target,
            "rank": state["edgeCount"],  # after the edges it already has, in page order
            "editor": stamp.editor,
            "at": stamp.at,
        }
        if relation.kind is RelationKind.RELATED:
            params["type"] = relation.type
        else:
            params["note"] = relation.note
        return _Change([Statement(queries.add, params)], details)

    return _write(graph, Action.ADD_RELATION, relation.source, editor, decide)


def remove_relation(graph: Graph, relation: Relation, editor: str) -> Outcome:
    """Remove an edge the API added; removing one that is not there changes nothing."""
    relation = checked_relation(relation, adding=False)
    queries = _QUERIES[relation.kind]

    def decide(tx: ManagedTransaction, stamp: _Stamp) -> _Change | None:
        edges: list[Row] = _relation_state(tx, queries, relation)["edges"]
        added = [e for e in edges if e["curatedBy"] is not None]
        if not added:
            if edges:
                raise CurationRefused(
                    f"{relation.source} {queries.rel} {relation.target} comes from the seeds; remove it from "
                    f"{_seed_file(relation.source)} and load the seeds again"
                )
            return None
        params: dict[str, Any] = {"uid": relation.source, "target": relation.target}
        details = _relation_details(queries, relation)
        if relation.kind is RelationKind.RELATED:
            params["type"] = relation.type
        else:
            details["note"] = added[0]["note"]
        return _Change([Statement(queries.remove, params)], details)

    return _write(graph, Action.REMOVE_RELATION, relation.source, editor, decide)


def upsert_monograph_section(graph: Graph, edit: SectionEdit, editor: str) -> Outcome:
    """Replace one section of a code's monograph; the same content again changes nothing."""
    props = section_properties(edit)

    def decide(tx: ManagedTransaction, stamp: _Stamp) -> _Change | None:
        state = _run(tx, Statement(q.MONOGRAPH_STATE, {"uid": edit.code}))[0]
        if not state["codeFound"]:
            raise CurationRefused(f"unknown code {edit.code}")
        if not state["monographs"]:
            raise CurationRefused(f"{edit.code} has no monograph; only a monograph's sections can be edited")
        current: dict[str, Any] = state["monographs"][0]
        previous = {key: current.get(key) for key in props}
        if previous == props:
            return None
        details = {
            "code": edit.code,
            "section": edit.section.value,
            "value": _section_value(edit.section, props),
            "previous": _section_value(edit.section, previous),
        }
        return _Change([Statement(q.SET_MONOGRAPH_SECTION, {"uid": edit.code, "props": props})], details)

    return _write(graph, Action.UPSERT_MONOGRAPH_SECTION, edit.code, editor, decide)


def recent_events(graph: Graph, first: int) -> list[Event]:
    """The latest audit records, newest first."""
    if not 1 <= first <= MAX_EVENTS:
        raise CurationRefused(f"first must be between 1 and {MAX_EVENTS}")
    return [
        Event(
            id=row["id"],
            at=row["at"],
            editor=row["editor"],
            action=Action(row["action"]),
            subject=row["subject"],
            details=json.loads(row["details"]),
        )
        for row in graph.read(q.RECENT_EVENTS, first=first)
    ]


def _relation_state(tx: ManagedTransaction, queries: _RelationQueries, relation: Relation) -> Row:
    params = {"uid": relation.source, "target": relation.target}
    if relation.kind is RelationKind.RELATED:
        params["type"] = relation.type or ""
    state = _run(tx, Statement(queries.state, params))[0]
    if not state["sourceFound"]:
        raise CurationRefused(f"unknown code {relation.source}")
    if not state["procedure"]:
        raise CurationRefused(
            f"{relation.source} is not a procedure code; curated relations start at a CPT, HCPCS or "
            "ICD-10-PCS code"
        )
    if not state["targetFound"]:
        raise CurationRefused(f"unknown {queries.target} {relation.target}")
    return state


def _relation_details(queries: _RelationQueries, relation: Relation) -> dict[str, Any]:
    details: dict[str, Any] = {
        "relationship": queries.rel.value,
        "from": relation.source,
        "to": relation.target,
        "target": queries.target,
    }
    if relation.type is not None:
        details["type"] = relation.type
    if relation.note is not None:
        details["note"] = relation.note
    return details


def _section_value(section: Section, props: dict[str, Any]) -> Any:
    """A section as the API shows it: steps as {label, text} pairs rather than the two stored lists."""
    if section is Section.STEPS:
        labels, texts = props.get("stepLabels") or [], props.get("stepTexts") or []
        return [{"label": label, "text": text} for label, text in zip(labels, texts, strict=False)]
    return props.get(section.value)


def _seed_file(uid: str) -> str:
    system, _, code = uid.partition(":")
    return f"seeds/procedures/{monograph_file_name(System(system), code)}"


def _write(graph: Graph, action: Action, subject: str, editor: str, decide: _Decide) -> Outcome:
    """Decide and write in one transaction, with the audit record and a new data version.

    The ids and the time are fixed before the transaction: the driver may run `work` again after a transient
    error, and a retry must write the same thing.
    """
    stamp = _Stamp(editor=editor, at=_now())
    event_id, data_version = uuid.uuid4().hex, uuid.uuid4().hex

    def work(tx: ManagedTransaction) -> Outcome:
        change = decide(tx, stamp)
        if change is None:
            return Outcome(changed=False)
        event = Event(event_id, stamp.at, editor, action, subject, change.details)
        record = {
            "id": event.id,
            "at": event.at,
            "editor": editor,
            "action": action.value,
            "subject": subject,
            "details": json.dumps(change.details, sort_keys=True, ensure_ascii=False),
        }
        for statement in (
            *change.statements,
            Statement(q.RECORD_EVENT, record),
            Statement(q.BUMP_DATA_VERSION, {"dataVersion": data_version, "at": stamp.at}),
        ):
            _run(tx, statement)
        return Outcome(changed=True, event=event, data_version=data_version)

    return graph.write_tx(work)


def _run(tx: ManagedTransaction, statement: Statement) -> list[Row]:
    """Run one statement of a curation transaction and read its rows fully."""
    return rows(tx, statement.query, statement.params)


def _now() -> str:
    # Microseconds, unlike load timestamps: audit records are ordered by it, and edits come seconds apart.
    return datetime.now(UTC).isoformat(timespec="microseconds")
