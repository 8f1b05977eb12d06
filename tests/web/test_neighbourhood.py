from server.web.neighbourhood import connections, elements, node_href

SUBGRAPH = {
    "nodes": [
        {"id": "CPT:37188", "label": "37188", "kind": "CODE", "key": None, "system": "CPT", "code": "37188"},
        {"id": "Condition:pulmonary-embolism", "label": "Pulmonary embolism", "kind": "CONDITION",
         "key": "pulmonary-embolism", "system": None, "code": None},
        {"id": "Risk:infection", "label": "Infection", "kind": "RISK", "key": "infection", "system": None,
         "code": None},
        {"id": "CPT:37187", "label": "37187", "kind": "CODE", "key": None, "system": "CPT", "code": "37187"},
    ],
    "edges": [
        {"source": "CPT:37188", "target": "Condition:pulmonary-embolism", "type": "INDICATED_FOR"},
        {"source": "CPT:37188", "target": "Risk:infection", "type": "HAS_RISK"},
        {"source": "CPT:37187", "target": "Risk:infection", "type": "HAS_RISK"},
        {"source": "CPT:37188", "target": "Nowhere:x", "type": "RELATED"},
    ],
}  # fmt: skip


def test_codes_and_conditions_link_to_their_pages_other_concepts_do_not() -> None:
    hrefs = [node_href(node) for node in SUBGRAPH["nodes"]]
    assert hrefs == ["/codes/CPT/37188", "/conditions/pulmonary-embolism", None, "/codes/CPT/37187"]


def test_elements_mark_the_focus_and_its_own_edges_and_drop_dangling_ones() -> None:
    drawn = elements(SUBGRAPH, ("CPT", "37188"))
    nodes = {e["data"]["id"]: e["data"] for e in drawn if e["group"] == "nodes"}
    edges = [e["data"] for e in drawn if e["group"] == "edges"]
    assert nodes["CPT:37188"]["focus"] == "yes"
    assert nodes["CPT:37187"]["focus"] == "no"
    assert nodes["Condition:pulmonary-embolism"]["kind"] == "condition"
    assert [(e["label"], e["focus"]) for e in edges] == [
        ("indicated for", "yes"),
        ("has risk", "yes"),
        ("has risk", "no"),
    ]


def test_connections_read_as_sentences() -> None:
    found = [(c.source["label"], c.relation, c.target["label"]) for c in connections(SUBGRAPH)]
    assert found[0] == ("37188", "indicated for", "Pulmonary embolism")
    assert len(found) == 3
