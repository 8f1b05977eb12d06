"""A code's neighbourhood over the real loaded graph: what is drawn, what is left out, the rules it keeps."""

import pytest

from graph.driver import Graph
from graph.reads.neighborhood import CHILDREN_PER_NODE, Subgraph, SubgraphEdge, SubgraphNode, neighborhood

CASES = [
    ("CPT:37188", 1, 100),
    ("CPT:37188", 2, 60),
    ("ICD10CM:I82.401", 3, 100),
    ("ICD10PCS:06CY3ZZ", 2, 80),
    ("HCPCS:J0000-J9999", 1, 100),
]
RISKS = {
    "Risk:bleeding-from-thrombolytics",
    "Risk:bleeding-hematoma",
    "Risk:clot-embolization",
    "Risk:contrast-or-drug-reaction",
    "Risk:infection",
    "Risk:vessel-injury",
}
ROLES = {
    "PersonnelRole:anesthesiologist",
    "PersonnelRole:interventional-radiologist",
    "PersonnelRole:nurse",
    "PersonnelRole:nurse-anesthetist",
    "PersonnelRole:radiologic-technologist",
    "PersonnelRole:vascular-surgeon",
}


def by_id(subgraph: Subgraph) -> dict[str, SubgraphNode]:
    return {node.id: node for node in subgraph.nodes}


def test_a_procedure_shows_what_the_page_says_about_it(loaded_graph: Graph) -> None:
    picture = neighborhood(loaded_graph, "CPT:37188")
    nodes = by_id(picture)
    assert picture.nodes[0] == SubgraphNode(
        id="CPT:37188",
        label="37188",
        kind="Code",
        system="CPT",
        title="Catheter removal of vein blood clot, repeat treatment on a later day",
        depth=0,
    )
    assert nodes["Condition:deep-vein-thrombosis"].label == "Deep vein thrombosis"
    assert nodes["Condition:pulmonary-embolism"].kind == "Condition"
    assert nodes.keys() >= RISKS | ROLES
    assert {
        "CPT:37187",
        "CPT:37212",
        "ICD10PCS:06CY3ZZ",
        "Drug:alteplase",
        "Setting:operating-room",
    } <= nodes.keys()
    assert {node.depth for node in picture.nodes[1:]} == {1}
    assert not any(node.kind == "Monograph" for node in picture.nodes)
    assert SubgraphEdge("CPT:37188", "CPT:37187", "RELATED", "repeat-of") in picture.edges
    assert SubgraphEdge("CPT:37188", "ICD10PCS:06CY3ZZ", "MAPS_TO", "approximate") in picture.edges
    assert SubgraphEdge("CPT:37188", "Condition:deep-vein-thrombosis", "INDICATED_FOR", None) in picture.edges
    # Edges among the neighbours are drawn too: 37187 is indicated for DVT as well.
    assert SubgraphEdge("CPT:37187", "Condition:deep-vein-thrombosis", "INDICATED_FOR", None) in picture.edges
    assert not picture.truncated


def test_the_limit_keeps_the_most_important_neighbours(loaded_graph: Graph) -> None:
    picture = neighborhood(loaded_graph, "CPT:37188", depth=1, limit=5)
    # repeat-of first, then alternatives and indications (same importance) by id.
    assert [node.id for node in picture.nodes] == [
        "CPT:37188",
        "CPT:37187",
        "CPT:37212",
        "Condition:anticoagulation-contraindicated-or-failed",
        "Condition:deep-vein-thrombosis",
    ]
    assert picture.truncated
    assert len(neighborhood(loaded_graph, "CPT:37188", depth=3, limit=37).nodes) == 37
    assert [node.id for node in neighborhood(loaded_graph, "CPT:37188", limit=1).nodes] == ["CPT:37188"]


def test_an_icd10cm_leaf_reaches_its_condition_through_its_parent(loaded_graph: Graph) -> None:
    near = neighborhood(loaded_graph, "ICD10CM:I82.401", depth=1)
    # Its parent, and its ICD-9-CM equivalent by the CMS GEMs.
    assert [node.id for node in near.nodes] == ["ICD10CM:I82.401", "ICD10CM:I82.40", "ICD9CM:453.40"]
    assert set(near.edges) == {
        SubgraphEdge("ICD10CM:I82.401", "ICD10CM:I82.40", "CHILD_OF", None),
        SubgraphEdge("ICD10CM:I82.401", "ICD9CM:453.40", "MAPS_TO", "approximate"),
    }
    nodes = by_id(neighborhood(loaded_graph, "ICD10CM:I82.401", depth=2))
    assert nodes["Condition:deep-vein-thrombosis"].depth == 2
    assert {"ICD10CM:I82.4", "ICD10CM:I82.402", "ICD10CM:I82.403", "ICD10CM:I82.409"} <= nodes.keys()
    assert "ICD10CM:I82.4Z" in nodes  # I82.40 excludes it (EXCLUDES1)


def test_a_pcs_code_shows_its_axis_values_which_are_not_expanded(loaded_graph: Graph) -> None:
    picture = neighborhood(loaded_graph, "ICD10PCS:06CY3ZZ", depth=2, limit=500)
    nodes = by_id(picture)
    assert nodes["PcsValue:0*3C"] == SubgraphNode(
        id="PcsValue:0*3C", label="Extirpation", kind="PcsValue", system=None, title="Root Operation", depth=1
    )
    assert SubgraphEdge("ICD10PCS:06CY3ZZ", "PcsValue:064Y", "BODY_PART", None) in picture.edges
    # Nothing is reached through an axis value: every node two hops out hangs on another neighbour.
    expanded = {node.id for node in picture.nodes if node.depth == 1 and node.kind != "PcsValue"}
    for node in picture.nodes:
        if node.depth == 2:
            ends = {edge.source for edge in picture.edges if edge.target == node.id}
            ends |= {edge.target for edge in picture.edges if edge.source == node.id}
            assert ends & expanded, node.id


def test_children_are_capped_in_code_order(loaded_graph: Graph) -> None:
    picture = neighborhood(loaded_graph, "HCPCS:J0000-J9999")
    children = [node.id for node in picture.nodes[1:]]
    assert len(children) == CHILDREN_PER_NODE
    assert children == sorted(children) and children[0] == "HCPCS:J0120"


@pytest.mark.parametrize(("uid", "depth", "limit"), CASES)
def test_every_picture_keeps_the_rules(loaded_graph: Graph, uid: str, depth: int, limit: int) -> None:
    picture = neighborhood(loaded_graph, uid, depth=depth, limit=limit)
    ids = [node.id for node in picture.nodes]
    assert ids[0] == uid and len(ids) <= limit
    assert len(ids) == len(set(ids))
    assert len(picture.edges) == len(set(picture.edges))
    assert all(edge.source in ids and edge.target in ids for edge in picture.edges)
    assert all(0 <= node.depth <= depth for node in picture.nodes)
    assert neighborhood(loaded_graph, uid, depth=depth, limit=limit) == picture


def test_an_unknown_code_has_an_empty_neighbourhood(loaded_graph: Graph) -> None:
    assert neighborhood(loaded_graph, "CPT:99999") == Subgraph(nodes=(), edges=(), truncated=False)


@pytest.mark.parametrize(("depth", "limit"), [(0, 10), (4, 10), (1, 0), (1, 501)])
def test_depth_and_limit_are_bounded(loaded_graph: Graph, depth: int, limit: int) -> None:
    with pytest.raises(ValueError, match="must be between"):
        neighborhood(loaded_graph, "CPT:37188", depth=depth, limit=limit)
