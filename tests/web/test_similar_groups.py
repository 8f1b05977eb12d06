"""The code page groups similar codes by system, its own first (J2997's list from the real graph, cut)."""

from server.web.similar import OTHERS_SHOWN, similar_groups


def _item(system: str, code: str) -> dict[str, object]:
    return {"score": 1.0, "reasons": ["r"], "code": {"system": system, "code": code, "title": code}}


J2997_SIMILAR = [
    _item("CPT", "37188"),
    _item("CPT", "37187"),
    _item("HCPCS", "J2993"),
    _item("HCPCS", "J2995"),
]


def test_the_pages_own_system_comes_first_then_the_others_in_rank_order() -> None:
    groups = similar_groups(J2997_SIMILAR, "HCPCS", [])
    assert [g["system"] for g in groups] == ["HCPCS", "CPT"]
    assert [g["label"] for g in groups] == ["HCPCS Level II codes", "CPT codes"]
    assert [i["code"]["code"] for i in groups[0]["items"]] == ["J2993", "J2995"]
    assert [i["code"]["code"] for i in groups[1]["items"]] == ["37188", "37187"]


def test_codes_the_page_lists_elsewhere_are_left_out_and_empty_groups_dropped() -> None:
    groups = similar_groups(J2997_SIMILAR, "HCPCS", [("CPT", "37188"), ("CPT", "37187")])
    assert [g["system"] for g in groups] == ["HCPCS"]
    assert similar_groups([], "HCPCS", []) == []


def test_other_systems_show_fewer_codes() -> None:
    many = [_item("CPT", str(37180 + n)) for n in range(OTHERS_SHOWN + 3)]
    assert len(similar_groups(many, "HCPCS", [])[0]["items"]) == OTHERS_SHOWN
