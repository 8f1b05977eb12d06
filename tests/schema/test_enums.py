"""The GraphQL enums (schema.enums) say what the graph holds: one code-system enum, and the relation types
and code kinds with exactly the values the seeds and importers write."""

from typing import get_args

from graph.importers.records import CodeKind as GraphCodeKind
from graph.knowledge.seed_models import RelatedType
from graph.model import Rel, System
from graph.reads.neighborhood import DRAWN_KINDS
from graph.search.highlight import HighlightField
from schema import schema
from schema.enums import CodeKind, CodeSystem, GraphNodeKind, RelationType


def test_the_code_system_enum_is_the_graphs_own() -> None:
    assert CodeSystem is System
    published = schema.get_type_by_name("CodeSystem")
    assert [value.name for value in published.values] == [system.name for system in System]  # type: ignore[union-attr]


def test_relation_types_are_the_seed_files_related_types() -> None:
    assert [member.value for member in RelationType] == list(get_args(RelatedType))


def test_code_kinds_are_the_importers_kinds() -> None:
    graph_kinds = {name: value for name, value in vars(GraphCodeKind).items() if name.isupper()}
    assert {member.name: member.value for member in CodeKind} == graph_kinds


def test_neighbourhood_node_kinds_are_the_labels_it_draws() -> None:
    assert [member.value for member in GraphNodeKind] == list(DRAWN_KINDS)


def test_relationship_and_highlight_enums_are_the_graphs_and_the_searchs_own() -> None:
    for name, members in (("RelationshipType", Rel), ("HighlightField", HighlightField)):
        published = schema.get_type_by_name(name)
        assert [value.name for value in published.values] == [m.name for m in members]  # type: ignore[union-attr]
