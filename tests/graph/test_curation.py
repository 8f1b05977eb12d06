"""Curation writes in the real engine: one transaction each, and a seeds load that keeps the API's edges.

The probes below are the tests' own Cypher (not the app's), shared with tests/schema/test_curation.py.
"""

from collections.abc import Callable, Iterator
from typing import Any, LiteralString, TypeVar, cast

import pytest
from neo4j import ManagedTransaction, Result

from graph import curation
from graph.bundle import seeds_dir
from graph.curation import add_relation, remove_relation
from graph.curation_edits import Relation, RelationKind, Section, SectionEdit, Step, section_properties
from graph.driver import Graph
from graph.errors import CurationRefused, QueryFailed
from graph.knowledge.loader import load_knowledge
from graph.knowledge.seed_files import load_seeds
from graph.queries import curation as q
from graph.reads.graph_state import data_version

PAGE = "CPT:37188"  # the seed page of DESIGN.md, with seeded edges of every kind

EDGES_FROM = """
MATCH (c:Code {uid: $uid})-[r]->(t)
RETURN type(r) AS type, coalesce(t.uid, t.key) AS target, r.type AS relationType, r.note AS note,
  r.curatedBy AS curatedBy, r.curatedAt AS curatedAt
"""
COUNT_EVENTS = "MATCH (e:CurationEvent) RETURN count(e) AS n"
DELETE_API_EDGES = "MATCH (c:Code {uid: $uid})-[r]->() WHERE r.curatedBy IS NOT NULL DELETE r"
DELETE_EVENTS = "MATCH (e:CurationEvent) DELETE e"
# Violates the uniqueness constraint on Code.uid when `uid` exists: a legitimate way for a statement to fail.
DUPLICATE_CODE = "CREATE (c:Code:CPT:Procedure {uid: $uid})"
T = TypeVar("T")


def edges_from(graph: Graph, uid: str) -> list[dict[str, Any]]:
    return sorted(graph.read(EDGES_FROM, uid=uid), key=lambda e: sorted((k, str(v)) for k, v in e.items()))


def api_edges(graph: Graph, uid: str) -> list[dict[str, Any]]:
    return [edge for edge in edges_from(graph, uid) if edge["curatedBy"] is not None]


def event_count(graph: Graph) -> int:
    return int(graph.read(COUNT_EVENTS)[0]["n"])


def snapshot(graph: Graph, uid: str) -> tuple[str | None, int, list[dict[str, Any]]]:
    """What a refused or failed write must leave as it was."""
    return data_version(graph), event_count(graph), edges_from(graph, uid)


def restore_seeded_graph(graph: Graph, uids: list[str]) -> None:
    """Undo what curation tests wrote: API edges of `uids`, the audit trail, and (by a seeds load) the
    monographs' prose; the load also bumps the data version, so search indexes follow."""
    for uid in uids:
        graph.write(DELETE_API_EDGES, uid=uid)
    graph.write(DELETE_EVENTS)
    load_knowledge(graph, load_seeds(seeds_dir()))


class AuditFails(Graph):
    """The real graph, except that a curation's audit record meets a constraint violation instead (it creates
    a second code of a uid that exists): the fault of a write whose second statement fails, made on demand."""

    def write_tx(self, work: Callable[[ManagedTransaction], T], timeout: float | None = None) -> T:
        return super().write_tx(lambda tx: work(cast(ManagedTransaction, _FailAtAudit(tx))), timeout)


class _FailAtAudit:
    def __init__(self, tx: ManagedTransaction) -> None:
        self._tx = tx

    def run(self, query: LiteralString, parameters: dict[str, Any] | None = None) -> Result:
        if query == q.RECORD_EVENT:
            return self._tx.run(DUPLICATE_CODE, {"uid": PAGE})
        return self._tx.run(query, parameters)


@pytest.fixture(scope="module", autouse=True)
def restore(loaded_graph: Graph) -> Iterator[None]:
    yield
    restore_seeded_graph(loaded_graph, [PAGE])


def indication(condition: str, note: str | None = "Curated in a test.") -> Relation:
    return Relation(RelationKind.INDICATION, PAGE, condition, note=note)


def test_a_curated_edge_carries_who_and_when_and_leaves_an_event(loaded_graph: Graph) -> None:
    version = data_version(loaded_graph)
    outcome = add_relation(loaded_graph, indication("post-thrombotic-syndrome"), "Test Editor")
    assert outcome.changed
    assert outcome.event is not None
    (edge,) = api_edges(loaded_graph, PAGE)
    assert (edge["type"], edge["target"], edge["note"]) == (
        "INDICATED_FOR",
        "post-thrombotic-syndrome",
        "Curated in a test.",
    )
    assert (edge["curatedBy"], edge["curatedAt"]) == ("Test Editor", outcome.event.at)
    assert data_version(loaded_graph) == outcome.data_version != version
    (event,) = curation.recent_events(loaded_graph, 1)
    assert event == outcome.event
    assert event.details == {
        "relationship": "INDICATED_FOR",
        "from": PAGE,
        "to": "post-thrombotic-syndrome",
        "target": "condition",
        "note": "Curated in a test.",
    }
    assert remove_relation(loaded_graph, indication("post-thrombotic-syndrome"), "Test Editor").changed
    assert api_edges(loaded_graph, PAGE) == []


def test_a_write_whose_second_statement_fails_leaves_no_partial_change(loaded_graph: Graph) -> None:
    before = snapshot(loaded_graph, PAGE)
    failing = AuditFails(loaded_graph.config)
    try:
        with pytest.raises(QueryFailed, match="Duplicated key"):
            add_relation(failing, indication("post-thrombotic-syndrome"), "Test Editor")
    finally:
        failing.close()
    # The edge was written by the first statement and rolled back with the rest.
    assert snapshot(loaded_graph, PAGE) == before


def test_a_seeds_load_keeps_api_edges_and_replaces_only_its_own(loaded_graph: Graph) -> None:
    seeded = edges_from(loaded_graph, PAGE)
    assert all(edge["curatedBy"] is None for edge in seeded)  # the loader's edges say nothing of who
    add_relation(loaded_graph, indication("post-thrombotic-syndrome"), "Test Editor")
    add_relation(
        loaded_graph, Relation(RelationKind.RELATED, PAGE, "CPT:93970", type="follow-up-of"), "Test Editor"
    )
    added = api_edges(loaded_graph, PAGE)
    assert len(added) == 2

    load_knowledge(loaded_graph, load_seeds(seeds_dir()))

    after = edges_from(loaded_graph, PAGE)
    assert [edge for edge in after if edge["curatedBy"] is None] == seeded  # replaced, not doubled
    assert api_edges(loaded_graph, PAGE) == added
    for relation in (
        indication("post-thrombotic-syndrome"),
        Relation(RelationKind.RELATED, PAGE, "CPT:93970", type="follow-up-of"),
    ):
        remove_relation(loaded_graph, relation, "Test Editor")
    assert edges_from(loaded_graph, PAGE) == seeded


def test_a_repeated_edit_writes_nothing(loaded_graph: Graph) -> None:
    relation = Relation(RelationKind.TREATMENT_ALTERNATIVE, PAGE, "compression-therapy", note="Stockings.")
    assert add_relation(loaded_graph, relation, "Test Editor").changed
    before = snapshot(loaded_graph, PAGE)
    assert add_relation(loaded_graph, relation, "Test Editor") == curation.Outcome(changed=False)
    assert snapshot(loaded_graph, PAGE) == before
    assert remove_relation(loaded_graph, relation, "Test Editor").changed
    assert remove_relation(loaded_graph, relation, "Test Editor") == curation.Outcome(changed=False)


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        (
            Relation(RelationKind.RELATED, PAGE, "CPT:37187", type="sibling-of"),
            "relation type must be one of",
        ),
        (Relation(RelationKind.RELATED, PAGE, PAGE, type="repeat-of"), "cannot be related to itself"),
        (indication("post-thrombotic-syndrome", note=None), "a note is required"),
        (indication("post-thrombotic-syndrome", note=" "), "note must not be empty"),
        (indication("post-thrombotic-syndrome", note="x" * 1001), "note has 1001 characters; at most 1000"),
        (indication("post-thrombotic-syndrome", note="bell\x07"), "note contains control characters"),
        (indication("no-such-condition"), "unknown condition no-such-condition"),
        (indication("anticoagulation-therapy"), "unknown condition anticoagulation-therapy"),  # a treatment
        (Relation(RelationKind.INDICATION, "CPT:00000", "deep-vein-thrombosis", note="n"), "unknown code"),
        (
            Relation(RelationKind.INDICATION, "ICD10CM:I82.401", "deep-vein-thrombosis", note="n"),
            "is not a procedure code",
        ),
    ],
)
def test_an_edit_that_does_not_fit_is_refused_and_writes_nothing(
    loaded_graph: Graph, relation: Relation, message: str
) -> None:
    before = snapshot(loaded_graph, relation.source)
    with pytest.raises(CurationRefused, match=message):
        add_relation(loaded_graph, relation, "Test Editor")
    assert snapshot(loaded_graph, relation.source) == before


def test_seeded_edges_belong_to_the_seed_files(loaded_graph: Graph) -> None:
    before = snapshot(loaded_graph, PAGE)
    with pytest.raises(
        CurationRefused, match=r"comes from the seeds; remove it from seeds/procedures/cpt-37188"
    ):
        remove_relation(loaded_graph, indication("deep-vein-thrombosis"), "Test Editor")
    with pytest.raises(CurationRefused, match="from the seeds, with another note"):
        add_relation(loaded_graph, indication("deep-vein-thrombosis", note="Another note."), "Test Editor")
    assert snapshot(loaded_graph, PAGE) == before


def test_section_properties_are_validated_as_seeds_are() -> None:
    steps = (Step("Numbing", "The skin is numbed."), Step("Access", "A thin tube goes in."))
    assert section_properties(SectionEdit(PAGE, Section.STEPS, steps=steps)) == {
        "stepLabels": ["Numbing", "Access"],
        "stepTexts": ["The skin is numbed.", "A thin tube goes in."],
    }
    assert section_properties(SectionEdit(PAGE, Section.SUMMARY, text="  Short.  ")) == {"summary": "Short."}
    assert section_properties(SectionEdit(PAGE, Section.COMMON_NAMES, items=())) == {"commonNames": []}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (SectionEdit(PAGE, Section.SUMMARY, items=("a",)), "section summary takes text"),
        (SectionEdit(PAGE, Section.SUMMARY, text=""), "summary must not be empty"),
        (SectionEdit(PAGE, Section.PURPOSE, text="x" * 2001), "purpose has 2001 characters; at most 2000"),
        (SectionEdit(PAGE, Section.PREPARATION, items=()), "preparation must have 1 to 20 entries, not 0"),
        (SectionEdit(PAGE, Section.RECOVERY, items=("ok", " ")), "recovery item 2 must not be empty"),
        (SectionEdit(PAGE, Section.STEPS, steps=()), "steps must have 1 to 30 entries, not 0"),
        (
            SectionEdit(PAGE, Section.STEPS, steps=(Step("Access", "a"), Step("access", "b"))),
            r"step label 'access' is used twice \(steps 1 and 2\)",
        ),
        (SectionEdit(PAGE, Section.STEPS, steps=(Step("x" * 81, "a"),)), "label of step 1 has 81 characters"),
    ],
)
def test_a_section_that_does_not_fit_is_refused(edit: SectionEdit, message: str) -> None:
    with pytest.raises(CurationRefused, match=message):
        section_properties(edit)
