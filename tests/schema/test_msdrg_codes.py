"""MS-DRG as a code system over GraphQL: a DRG with its MDC and family, explained from the DRG list."""

import pytest

from tests.schema.conftest import Api

pytestmark = pytest.mark.engine

DRG = """
query Drg($code: String!) {
  code(system: MSDRG, code: $code) {
    title kind billable
    ancestors { code kind title }
    parent { children { nodes { code } } }
    explanation { summary generatedFrom sections { key text items { text code { code } } } }
  }
}
"""


def test_a_drg_sits_in_its_family_under_its_mdc(api: Api) -> None:
    drg = api.data(DRG, code="291")["code"]
    assert (drg["title"], drg["kind"], drg["billable"]) == ("Heart Failure and Shock with MCC", "CODE", True)
    assert [(a["code"], a["kind"]) for a in drg["ancestors"]] == [("291-293", "GROUP"), ("MDC05", "CHAPTER")]
    assert [c["code"] for c in drg["parent"]["children"]["nodes"]] == ["291", "292", "293"]


def test_a_drg_is_explained_from_the_drg_list(api: Api) -> None:
    explanation = api.data(DRG, code="292")["code"]["explanation"]
    assert explanation["summary"] == (
        "DRG 292 is a Medicare Severity Diagnosis Related Group: Heart Failure and Shock with CC. It belongs "
        "to MDC 05, Diseases and Disorders of the Circulatory System."
    )
    sections = {s["key"]: s for s in explanation["sections"]}
    assert list(sections) == ["what", "type", "where", "family"]
    assert sections["type"]["text"].startswith("It is a medical DRG")
    assert sections["family"]["text"].startswith(
        "It is one of 3 DRGs for heart failure and shock that the grouper tells apart as their titles say: "
        "291 (with MCC), 292 (with CC) and 293 (without CC/MCC)."
    )
    assert [item["code"]["code"] for item in sections["family"]["items"]] == ["291", "293"]
    assert explanation["generatedFrom"] == ["MS-DRG v43.1 (FY2026, discharges from April 1, 2026) (CMS)"]


def test_a_drg_of_no_mdc_says_so(api: Api) -> None:
    explanation = api.data(DRG, code="999")["code"]["explanation"]
    assert "It is in no single MDC" in explanation["summary"]
    assert "type" not in [s["key"] for s in explanation["sections"]]


def test_ms_drg_is_a_loaded_code_system(api: Api) -> None:
    system = api.data("query { codeSystem(id: MSDRG) { name version codeCount } }")["codeSystem"]
    assert system["name"] == "Medicare Severity Diagnosis Related Groups (MS-DRG)"
    assert system["version"].startswith("v43.1")
    assert system["codeCount"] == 772 + 269 + 25
