"""Code.explanation through GraphQL, over the real loaded graph: an ICD-10-CM code explained from its data."""

import pytest

from tests.schema.conftest import Api

pytestmark = pytest.mark.engine

EXPLANATION = """
query($code: String!) {
  code(system: ICD10CM, code: $code) {
    explanation {
      summary sections { key title text source items { text code { code } } } generatedFrom curated notice
    }
  }
}
"""


def test_a_deep_vein_clot_is_explained_from_the_tabular_list_the_index_and_the_glossary(api: Api) -> None:
    found = api.data(EXPLANATION, code="I82.401")["code"]["explanation"]
    assert found["summary"] == (
        "I82.401 is an ICD-10-CM diagnosis code. In plain words it stands for: sudden or recent blood clot "
        "in deep veins of the right leg; which deep vein is not specified. It is a complete code, used as it "
        "is on a claim."
    )
    assert found["curated"] is False
    assert found["generatedFrom"] == [
        "ICD-10-CM FY2026 (April 1, 2026 update) tabular list (CDC/CMS)",
        "ICD-10-CM Index FY2025 (CDC)",
    ]
    sections = {section["key"]: section for section in found["sections"]}
    assert list(sections) == [
        "meaning", "also-known-as", "coded-elsewhere", "coded-as-well", "how-to-code", "conditions",
    ]  # fmt: skip
    assert [item["code"] for item in sections["coded-elsewhere"]["items"]] == [
        {"code": "I82.4Z"},
        {"code": "I82.4Y"},
    ]
    assert sections["coded-as-well"]["items"][-1] == {
        "text": "Venous blood clot in the lung (I26.-)",
        "code": {"code": "I26"},
    }
    assert sections["how-to-code"]["text"].startswith(
        "It is billable: a complete code, valid on a claim as it is. "
        "The title names the side: the right side."
    )
    # Phlegmasia cerulea dolens is coded I80.2 (its second review), not as a deep vein thrombosis.
    assert [item["text"] for item in sections["conditions"]["items"]] == ["Deep vein thrombosis"]
    assert all(section["source"] for section in found["sections"])


def test_a_7th_character_code_is_explained_with_its_character(api: Api) -> None:
    found = api.data(EXPLANATION, code="S72.001A")["code"]["explanation"]
    how = next(section for section in found["sections"] if section["key"] == "how-to-code")
    assert "Its 7th character, A, means: initial encounter for closed fracture." in how["text"]
