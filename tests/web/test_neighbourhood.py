"""server.web.neighbourhood: the picture's elements, legend and list, from a `Neighborhood` answer."""

from typing import Any

from server.web.neighbourhood import (
    KINDS,
    distinguishing,
    legend,
    node_href,
    node_label,
    picture,
    relation_label,
    short_title,
    with_lineage,
)

FOCUS = ("CPT", "37188")
NODES = [
    {"id": "CPT:37188", "label": "37188", "kind": "CODE", "key": None, "system": "CPT", "code": "37188",
     "title": "Catheter removal of vein blood clot, repeat treatment on a later day"},
    {"id": "CPT:37187", "label": "37187", "kind": "CODE", "key": None, "system": "CPT", "code": "37187",
     "title": "Catheter removal of vein blood clot, first treatment"},
    {"id": "Condition:pulmonary-embolism", "label": "Pulmonary embolism", "kind": "CONDITION",
     "key": "pulmonary-embolism", "system": None, "code": None, "title": None},
    {"id": "Risk:infection", "label": "Infection", "kind": "RISK", "key": "infection", "system": None,
     "code": None, "title": None},
    {"id": "MSDRG:291", "label": "291", "kind": "CODE", "key": None, "system": "MSDRG", "code": "291",
     "title": "Heart Failure and Shock with MCC"},
]  # fmt: skip
EDGES = [
    {"source": "CPT:37187", "target": "Risk:infection", "type": "HAS_RISK", "detail": None},
    {"source": "CPT:37187", "target": "CPT:37188", "type": "RELATED", "detail": "initial-of"},
    {"source": "CPT:37188", "target": "Risk:infection", "type": "HAS_RISK", "detail": None},
    {"source": "CPT:37188", "target": "CPT:37187", "type": "RELATED", "detail": "repeat-of"},
    {
        "source": "CPT:37188",
        "target": "Condition:pulmonary-embolism",
        "type": "INDICATED_FOR",
        "detail": None,
    },
    {"source": "CPT:37188", "target": "Nowhere:x", "type": "RELATED", "detail": None},
]


def answer(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"neighborhood": {"nodes": nodes, "edges": edges}, "ancestors": [], "conditions": [], **more}


def test_codes_conditions_and_drgs_link_to_their_pages_other_concepts_do_not() -> None:
    assert [node_href(node) for node in NODES] == [
        "/codes/CPT/37188",
        "/codes/CPT/37187",
        "/conditions/pulmonary-embolism",
        None,
        "/codes/MSDRG/291",
    ]


def test_a_long_title_keeps_its_first_and_last_words() -> None:
    assert short_title("Catheter removal of vein blood clot, first treatment") == "Catheter … first treatment"
    assert short_title("Catheter removal of vein blood clot, repeat treatment on a later day") == (
        "Catheter … on a later day"
    )
    # Siblings differ at the end: right, left, bilateral.
    right = "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    assert short_title(right) == "Acute … right lower extremity"
    assert short_title("Lower Veins, Extirpation") == "Lower Veins, Extirpation"
    assert short_title("Supercalifragilisticexpialidociousness and so on") == "Supercalifragilisticexpialido…"
    for title in (right, "Extirpation of Matter from Right Femoral Vein, Percutaneous Approach"):
        assert len(short_title(title)) <= 30


def test_titles_that_would_look_alike_show_the_words_that_tell_them_apart() -> None:
    veins = [f"Extirpation of Matter from {vein} Vein, Percutaneous Approach" for vein in
             ("Right Femoral", "Left Femoral", "Right External Iliac", "Lower")]  # fmt: skip
    assert distinguishing(veins) == [
        "… Right Femoral Vein",
        "… Left Femoral Vein",
        "… Right External Iliac Vein",
        "… Lower Vein",
    ]
    heparin = ["Injection, heparin sodium, per 1000 units", "Injection, heparin sodium, per 10 units"]
    assert distinguishing(heparin) == ["Injection, … 1000 units", "Injection, … 10 units"]
    assert distinguishing(["Lower Veins", "Lower Veins"]) == ["Lower Veins", "Lower Veins"]


def test_codes_alike_in_the_picture_are_labelled_apart() -> None:
    nodes = [
        {"id": f"ICD10PCS:{code}", "label": code, "kind": "CODE", "key": None, "system": "ICD10PCS",
         "code": code, "title": f"Extirpation of Matter from {vein} Vein, Percutaneous Approach"}
        for code, vein in (("06CM3ZZ", "Right Femoral"), ("06CN3ZZ", "Left Femoral"))
    ]  # fmt: skip
    edges = [
        {"source": NODES[0]["id"], "target": node["id"], "type": "MAPS_TO", "detail": None} for node in nodes
    ]
    drawn = picture(answer([NODES[0], *nodes], edges), FOCUS)
    labels = {e["data"]["id"]: e["data"]["label"] for e in drawn.elements if e["group"] == "nodes"}
    assert labels["ICD10PCS:06CM3ZZ"] == "06CM3ZZ … Right Femoral Vein"
    assert labels["ICD10PCS:06CN3ZZ"] == "06CN3ZZ … Left Femoral Vein"


def test_a_node_shows_its_code_and_short_title_or_its_name() -> None:
    assert node_label(NODES[1]) == "37187 Catheter … first treatment"
    assert node_label(NODES[2]) == "Pulmonary embolism"
    assert node_label({**NODES[1], "title": None}) == "37187"


def test_relationships_read_as_words() -> None:
    assert relation_label("HAS_RISK") == "has risk"
    assert relation_label("USES_DRUG") == "uses drug"
    assert relation_label("CHILD_OF") == "sits under"
    assert relation_label("RELATED", "repeat-of") == "repeat of"
    assert relation_label("MAPS_TO", "approximate") == "maps roughly to"
    assert relation_label("MAPS_TO") == "maps to"
    assert relation_label("SEE_ALSO") == "see also"


def test_elements_mark_the_focus_carry_the_kind_shape_and_page_and_drop_dangling_edges() -> None:
    drawn = picture(answer(NODES, EDGES), FOCUS).elements
    nodes = {e["data"]["id"]: e["data"] for e in drawn if e["group"] == "nodes"}
    edges = [e["data"] for e in drawn if e["group"] == "edges"]
    assert [e["data"]["id"] for e in drawn if e["group"] == "nodes"] == [
        "CPT:37188",  # grouped by kind, in the legend's order
        "CPT:37187",
        "MSDRG:291",
        "Condition:pulmonary-embolism",
        "Risk:infection",
    ]
    assert nodes["CPT:37188"] | {"colour": ""} == {
        "id": "CPT:37188",
        "label": "37188 Catheter … on a later day",
        "title": "37188 Catheter removal of vein blood clot, repeat treatment on a later day",
        "kind": "focus",
        "shape": "round-rectangle",
        "colour": "",
        "href": "/codes/CPT/37188",
        "focus": "yes",
    }
    assert (nodes["Condition:pulmonary-embolism"]["shape"], nodes["Risk:infection"]["shape"]) == (
        "ellipse",
        "triangle",
    )
    assert nodes["Risk:infection"]["href"] == ""
    # The focus code's own edges first, those leaving it before those coming in; no edge to a missing node.
    assert [(e["source"], e["label"], e["target"], e["focus"]) for e in edges] == [
        ("CPT:37188", "repeat of", "CPT:37187", "yes"),
        ("CPT:37188", "indicated for", "Condition:pulmonary-embolism", "yes"),
        ("CPT:37188", "has risk", "Risk:infection", "yes"),
        ("CPT:37187", "first treatment of", "CPT:37188", "yes"),
        ("CPT:37187", "has risk", "Risk:infection", "no"),
    ]


def test_the_legend_has_the_kinds_drawn_each_with_its_own_shape() -> None:
    found = picture(answer(NODES, EDGES), FOCUS)
    assert [kind.legend for kind in found.legend] == ["This code", "Codes", "Conditions", "Risks"]
    assert found.around == "codes, conditions and risks"
    shapes = [kind.shape for kind in KINDS if kind.key != "focus"]
    assert len(shapes) == len(set(shapes))
    assert all(kind.points for kind in KINDS if kind.shape not in ("ellipse", "round-rectangle"))
    assert [kind.legend for kind in legend([{"kind": "pcs_value"}, {"kind": "focus"}])] == [
        "This code",
        "Axis values (PCS)",
    ]


def test_the_list_starts_with_the_code_and_names_each_relationship_once() -> None:
    both = [*EDGES, {"source": "CPT:37188", "target": "MSDRG:291", "type": "HAS_RISK", "detail": None}]
    found = picture(answer(NODES, both), FOCUS)
    own = [(c.source["label"], c.relation, [t["label"] for t in c.targets]) for c in found.own]
    assert own == [
        ("37188", "repeat of", ["37187 Catheter removal of vein blood clot, first treatment"]),
        ("37188", "indicated for", ["Pulmonary embolism"]),
        ("37188", "has risk", ["Infection", "291 Heart Failure and Shock with MCC"]),
        ("37187 Catheter removal of vein blood clot, first treatment", "first treatment of", ["37188"]),
    ]
    assert [(c.source["label"], c.relation) for c in found.others] == [
        ("37187 Catheter removal of vein blood clot, first treatment", "has risk")
    ]
    assert (found.nodes, found.connections) == (5, 6)


I82401 = {"id": "I82.401", "label": "I82.401", "kind": "CODE", "key": None, "system": "ICD10CM",
          "code": "I82.401", "title": "Acute embolism … of right lower extremity"}  # fmt: skip
ANCESTORS = [
    {"id": "I82.40", "system": "ICD10CM", "code": "I82.40", "title": "Acute embolism … lower extremity"},
    {"id": "I82.4", "system": "ICD10CM", "code": "I82.4", "title": "Acute embolism … of lower extremity"},
    {"id": "I82", "system": "ICD10CM", "code": "I82", "title": "Other venous embolism and thrombosis"},
]
DVT = {"id": "Condition:dvt", "key": "deep-vein-thrombosis", "name": "Deep vein thrombosis"}


def test_a_condition_of_a_level_above_is_drawn_with_the_levels_between() -> None:
    parent = {**ANCESTORS[0], "label": "I82.40", "kind": "CODE", "key": None}
    child_of = {"source": "I82.401", "target": "I82.40", "type": "CHILD_OF", "detail": None}
    coded = [{**DVT, "codes": [{"id": "I82.4"}, {"id": "I82.5"}]}]
    near = answer([I82401, parent], [child_of], ancestors=ANCESTORS, conditions=coded)
    nodes, edges = with_lineage(near, ("ICD10CM", "I82.401"))
    assert [node["id"] for node in nodes] == ["I82.401", "I82.40", "I82.4", "Condition:dvt"]
    assert [(e["source"], e["type"], e["target"]) for e in edges] == [
        ("I82.401", "CHILD_OF", "I82.40"),
        ("I82.40", "CHILD_OF", "I82.4"),
        ("Condition:dvt", "CODED_AS", "I82.4"),
    ]
    # Coded to two levels, it hangs on the nearer; a condition coded elsewhere is not the page's.
    twice = {**near, "conditions": [{**DVT, "codes": [{"id": "I82.4"}, {"id": "I82.40"}]}]}
    nodes, edges = with_lineage(twice, ("ICD10CM", "I82.401"))
    assert [node["id"] for node in nodes] == ["I82.401", "I82.40", "Condition:dvt"]
    assert picture(twice, ("ICD10CM", "I82.401")).legend[-1].legend == "Conditions"


def test_a_pcs_code_is_drawn_with_its_section_and_body_system() -> None:
    code = {
        "id": "06CM3ZZ",
        "label": "06CM3ZZ",
        "kind": "CODE",
        "key": None,
        "system": "ICD10PCS",
        "code": "06CM3ZZ",
        "title": "Extirpation of Matter from Right Femoral Vein, Percutaneous Approach",
    }
    value = {
        "id": "PcsValue:0*3C",
        "label": "Extirpation",
        "kind": "PCS_VALUE",
        "key": "0*3C",
        "system": None,
        "code": None,
        "title": "Root Operation",
    }
    lineage = [{"id": "06C", "system": "ICD10PCS", "code": "06C", "title": "Lower Veins, Extirpation"},
               {"id": "06", "system": "ICD10PCS", "code": "06", "title": "Lower Veins"},
               {"id": "0", "system": "ICD10PCS", "code": "0", "title": "Medical and Surgical"}]  # fmt: skip
    edges = [{"source": "06CM3ZZ", "target": "PcsValue:0*3C", "type": "ROOT_OPERATION", "detail": None}]
    found = picture(answer([code, value], edges, ancestors=lineage), ("ICD10PCS", "06CM3ZZ"))
    labels = [e["data"]["label"] for e in found.elements if e["group"] == "nodes"]
    assert labels == ["06CM3ZZ Extirpation of … Approach", "06C Lower Veins, Extirpation", "06 Lower Veins",
                      "0 Medical and Surgical", "Extirpation"]  # fmt: skip
    assert [kind.legend for kind in found.legend] == ["This code", "Codes", "Axis values (PCS)"]


def test_a_code_alone_has_no_connections_to_list() -> None:
    found = picture(answer([NODES[0]], []), FOCUS)
    assert (found.nodes, found.connections, found.own, found.others) == (1, 0, [], [])
