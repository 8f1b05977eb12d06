"""Everyday words find official codes: the index's plain words come from the glossary in the loaded graph."""

from __future__ import annotations

import pytest

from graph.driver import Graph
from graph.search import SearchIndex


@pytest.fixture(scope="module")
def index(loaded_graph: Graph) -> SearchIndex:
    return SearchIndex.build(loaded_graph)


def page_one(index: SearchIndex, query: str) -> list[str]:
    return [hit.uid for hit in index.search(query, first=10, facets=False, highlights=False).hits]


def test_pink_eye_finds_conjunctivitis(index: SearchIndex) -> None:
    found = page_one(index, "pink eye")
    # The CM index's "Pink, eye" leads to H10.02; H10.9's entry "Conjunctivitis" is what the glossary's "pink
    # eye" means. A18.59, tuberculosis of the eye, only mentions tuberculous conjunctivitis, and ranks below.
    assert found[:2] == ["ICD10CM:H10.02", "ICD10CM:H10.9"]
    assert [uid for uid in found if not uid.startswith("ICD10CM:H10.")] == ["ICD10CM:A18.59"]


def test_blood_clot_in_leg_finds_deep_vein_thrombosis_of_the_leg(index: SearchIndex) -> None:
    found = page_one(index, "blood clot in leg")
    assert {"ICD10CM:I82.40", "ICD10CM:I82.4Y", "ICD10CM:I82.4Z"} <= set(found)


def test_kidney_stone_finds_calculus_of_kidney_first(index: SearchIndex) -> None:
    assert page_one(index, "kidney stone")[:3] == ["ICD10CM:N20.0", "ICD10CM:N20.2", "ICD10CM:N20"]


def test_heart_attack_finds_acute_myocardial_infarction(index: SearchIndex) -> None:
    found = page_one(index, "heart attack")
    assert all(uid.startswith("ICD10CM:I21") for uid in found[:9])


@pytest.mark.parametrize(
    ("query", "first"),
    [("cold sore", "ICD10CM:B00.1"), ("head lice", "ICD10CM:B85.0"), ("stomach flu", "ICD10CM:A08.4")],
)
def test_lay_names_find_their_code_first(index: SearchIndex, query: str, first: str) -> None:
    assert page_one(index, query)[0] == first
