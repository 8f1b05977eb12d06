"""`Condition.monograph` in the real loaded graph: every section of a real condition monograph, exactly."""

from tests.schema.conftest import Api

CONDITION_MONOGRAPH = """
query ($key: String!) {
  condition(key: $key) {
    codes { code }
    monograph {
      name layNames summary symptoms causes diagnosis seekCare source reviewedOn reviewStatus disclaimer
      codes { system code title billable }
      treatments { note code { code } treatment { key name } }
    }
  }
}
"""


def test_the_hypertension_monograph_has_every_section(api: Api) -> None:
    condition = api.data(CONDITION_MONOGRAPH, key="essential-hypertension")["condition"]
    monograph = condition["monograph"]
    assert monograph["name"] == "High blood pressure (essential hypertension)"
    assert monograph["layNames"] == ["high blood pressure", "raised blood pressure", "hypertension"]
    assert monograph["summary"].startswith("Blood pressure is the force of blood pushing on the walls")
    assert monograph["symptoms"][0] == (
        "Usually none at all, which is why it is often found only at a routine check."
    )
    assert (len(monograph["causes"]), len(monograph["diagnosis"]), len(monograph["seekCare"])) == (4, 3, 3)
    assert monograph["codes"] == [
        {"system": "ICD10CM", "code": "I10", "title": "Essential (primary) hypertension", "billable": True}
    ]
    assert [(t["treatment"]["key"], t["code"]) for t in monograph["treatments"]] == [
        ("weight-loss-and-activity", None),
        ("diet-changes", None),
        ("blood-pressure-medicines", None),
    ]
    assert monograph["treatments"][2]["note"] == (
        "When lifestyle changes are not enough, or the risk of heart disease is high;"
        " usually taken long term."
    )
    assert monograph["reviewedOn"] == "2026-12-04"
    assert monograph["reviewStatus"] == (
        "editorial review and independent second review; not reviewed by a clinician"
    )
    assert condition["codes"] == [{"code": "I10"}]


def test_a_monograph_category_is_among_the_condition_codes(api: Api) -> None:
    condition = api.data(CONDITION_MONOGRAPH, key="hypothyroidism")["condition"]
    assert [c["code"] for c in condition["monograph"]["codes"]] == ["E03", "E89.0"]
    assert {"code": "E03"} in condition["codes"]


def test_a_condition_without_a_monograph_has_none(api: Api) -> None:
    assert api.data(CONDITION_MONOGRAPH, key="may-thurner-syndrome")["condition"]["monograph"] is None


SEARCH = """
query ($q: String!) { search(query: $q, first: 5) { edges { node { system code } } } }
"""


def test_a_lay_name_of_a_monograph_finds_the_condition_codes(api: Api) -> None:
    """'smoker's lung' and 'bad back' are in no official title or index entry, only in the monographs."""
    copd = [e["node"]["code"] for e in api.data(SEARCH, q="smoker's lung")["search"]["edges"]]
    assert copd and all(code.startswith("J44") for code in copd), copd
    back = [e["node"]["code"] for e in api.data(SEARCH, q="bad back")["search"]["edges"]]
    assert back and all(code.startswith("M54.5") for code in back), back
