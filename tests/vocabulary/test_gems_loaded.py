"""ICD-9-CM and the GEMs crosswalks in the session's loaded graph (graph.vocabulary.gems), over GraphQL."""

from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from graph.importers.gems import DIAGNOSIS_GEMS, bundled_gems_folder, read_diagnosis_gem
from graph.importers.gems_pcs import bundled_pcs_gem_path, read_procedure_gem
from graph.model import System
from server.app import create_app
from server.settings import Settings
from tests.graph import inspection_queries as q
from tests.schema.conftest import Api

pytestmark = pytest.mark.engine

MAPPINGS = """
query ($system: CodeSystem!, $code: String!, $to: CodeSystem) {
  code(system: $system, code: $code) {
    code
    mappings(system: $to) {
      outgoing system approximate noMap combination scenario choiceList choiceLists meaning source
      code { system code }
    }
  }
}
"""
CODE = """
query ($code: String!) { code(system: ICD9CM, code: $code) { code title active billable terminationDate } }
"""
SEARCH = "query ($q: String!) { search(query: $q, first: 3) { edges { node { system code } } } }"


@pytest.fixture(scope="module")
def api(loaded_graph: Graph) -> Api:
    return Api(loaded_graph)


def mappings(api: Api, system: str, code: str, to: str | None = None) -> list[dict[str, Any]]:
    found = api.data(MAPPINGS, system=system, code=code, to=to)["code"]
    assert found is not None, f"{system} {code} is not loaded"
    return found["mappings"]  # type: ignore[no-any-return]


def targets(found: list[dict[str, Any]], outgoing: bool = True) -> list[str]:
    return [m["code"]["code"] for m in found if m["outgoing"] is outgoing and m["code"]]


def count(graph: Graph, query: str, **params: str) -> int:
    return int(graph.read(query, **params)[0]["n"])


def test_edges_per_direction_are_the_rows_of_each_file_that_name_loaded_codes(loaded_graph: Graph) -> None:
    files = {
        (System.ICD10CM, System.ICD9CM): read_diagnosis_gem(bundled_gems_folder(), DIAGNOSIS_GEMS[0]),
        (System.ICD9CM, System.ICD10CM): read_diagnosis_gem(bundled_gems_folder(), DIAGNOSIS_GEMS[1]),
        (System.ICD9CM, System.ICD10PCS): read_procedure_gem(bundled_pcs_gem_path()),
    }
    loaded = {
        (source, target): (
            count(loaded_graph, q.GEM_EDGE_COUNT, source=source, target=target),
            count(loaded_graph, q.GEM_NO_MAP_COUNT, source=source, target=target),
        )
        for source, target in files
    }
    # Edges + no-maps + the rows naming codes the FY2026 releases no longer have = every row of the file.
    assert loaded == {
        (System.ICD10CM, System.ICD9CM): (77_517, 663),
        (System.ICD9CM, System.ICD10CM): (23_279, 425),
        (System.ICD9CM, System.ICD10PCS): (72_356, 210),
    }
    unresolved = {key: len(gem.entries) - sum(loaded[key]) for key, gem in files.items()}
    assert unresolved == {
        (System.ICD10CM, System.ICD9CM): 658,
        (System.ICD9CM, System.ICD10CM): 208,
        (System.ICD9CM, System.ICD10PCS): 1_027,
    }


def test_i82_401_maps_to_453_40(api: Api) -> None:
    found = mappings(api, "ICD10CM", "I82.401", "ICD9CM")
    outgoing = [m for m in found if m["outgoing"]]
    assert [(m["code"]["code"], m["approximate"], m["combination"], m["source"]) for m in outgoing] == [
        ("453.40", True, False, "CMS GEMs")
    ]
    assert outgoing[0]["meaning"] == "Approximate: the closest code, not the same meaning."
    # The GEMs disagree here: ICD-9-CM → ICD-10-CM maps 453.40 to I82.409 (unspecified side) alone.
    assert targets(found, outgoing=False) == []


def test_453_41_maps_to_i82_419_and_its_siblings(api: Api) -> None:
    found = mappings(api, "ICD9CM", "453.41", "ICD10CM")
    assert targets(found) == ["I82.419", "I82.429", "I82.439", "I82.4Y9"]


def test_i50_20_maps_to_428_20_and_to_the_combination_428_20_with_428_0(api: Api) -> None:
    found = [m for m in mappings(api, "ICD10CM", "I50.20", "ICD9CM") if m["outgoing"]]
    assert [(m["code"]["code"], m["scenario"], m["choiceList"], m["choiceLists"]) for m in found] == [
        ("428.20", None, None, None),
        ("428.20", 1, 1, 2),
        ("428.0", 1, 2, 2),
    ]
    assert found[2]["meaning"] == (
        "Part of a combination (scenario 1, list 2 of 2): code one code of each of the 2 lists together;"
        " approximate: the closest code, not the same meaning."
    )


def test_a_no_map_entry_names_the_system_and_no_code(api: Api) -> None:
    found = mappings(api, "ICD9CM", "365.70")
    assert len(targets(found, outgoing=False)) == 12  # while 12 ICD-10-CM codes map to it the other way
    assert [m for m in found if m["outgoing"]] == [
        {
            "outgoing": True,
            "system": "ICD10CM",
            "approximate": True,
            "noMap": True,
            "combination": False,
            "scenario": None,
            "choiceList": None,
            "choiceLists": None,
            "meaning": "No ICD-10-CM code is equivalent: the CMS GEMs map it to none.",
            "source": "CMS GEMs",
            "code": None,
        }
    ]


def test_a_procedure_maps_to_icd10pcs(api: Api) -> None:
    assert targets(mappings(api, "ICD9CM", "45.13", "ICD10PCS")) == ["0DJ08ZZ"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("453.41", "453.41"), ("45341", "453.41"), ("v45.81", "V45.81"), ("E8809", "E880.9"), ("4513", "45.13"),
     ("0010", "001.0"), ("00.10", "00.10"), ("001.0", "001.0")],
)  # fmt: skip
def test_codes_are_found_dotted_or_not_a_diagnosis_before_a_procedure(
    api: Api, typed: str, code: str
) -> None:
    assert api.data(CODE, code=typed)["code"]["code"] == code


def test_every_icd9_code_is_retired_since_2015(api: Api) -> None:
    assert api.data(CODE, code="453.41")["code"] == {
        "code": "453.41",
        "title": "Acute venous embolism and thrombosis of deep vessels of proximal lower extremity",
        "active": False,
        "billable": False,
        "terminationDate": "2015-09-30",
    }


@pytest.mark.parametrize("typed", ["453.41", "45341"])
def test_search_finds_an_icd9_code_as_typed(api: Api, typed: str) -> None:
    first = api.data(SEARCH, q=typed)["search"]["edges"][0]["node"]
    assert first == {"system": "ICD9CM", "code": "453.41"}


def test_fhir_translate_follows_the_gems(settings: Settings, loaded_graph: Graph) -> None:
    query = {
        "system": "http://hl7.org/fhir/sid/icd-10-cm",
        "code": "I82401",
        "targetsystem": "http://hl7.org/fhir/sid/icd-9-cm",
    }
    with TestClient(create_app(settings)) as client:
        answer = client.get("/fhir/ConceptMap/$translate", params=query).json()
    matches = [
        {p["name"]: p for p in match["part"]} for match in answer["parameter"] if match["name"] == "match"
    ]
    assert [(m["equivalence"]["valueCode"], m["concept"]["valueCoding"]["code"]) for m in matches] == [
        ("relatedto", "453.40")
    ]
    assert matches[0]["source"]["valueUri"] == "urn:medgraph:crosswalk:CMS GEMs"
