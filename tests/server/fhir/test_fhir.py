"""The FHIR terminology facade against the real app over the loaded graph, its answers validated as
FHIR resources.

Structural validation uses fhir.resources' R4B models (the package's R4-family models; the terminology
resources used here are the same in R4 and R4B).
fhirpy, a real FHIR client, performs the operations over HTTP.
"""

from typing import Any

import httpx
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.parameters import Parameters
from fhir.resources.R4B.terminologycapabilities import TerminologyCapabilities
from fhir.resources.R4B.valueset import ValueSet
from fhirpy import SyncFHIRClient

pytestmark = pytest.mark.engine

CM = "http://hl7.org/fhir/sid/icd-10-cm"
PCS = "http://www.cms.gov/Medicare/Coding/ICD10"
HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
CPT = "http://www.ama-assn.org/go/cpt"
MSDRG = "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software"
MEDIA_TYPE = "application/fhir+json"


def get(base_url: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(f"{base_url}/fhir/{path}", params=params, timeout=30)


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MEDIA_TYPE
    body: dict[str, Any] = response.json()
    return body


def values(parameters: dict[str, Any]) -> dict[str, Any]:
    """A Parameters resource's simple values by name (the first of each)."""
    Parameters.model_validate(parameters)
    found: dict[str, Any] = {}
    for entry in parameters["parameter"]:
        value = next((v for k, v in entry.items() if k.startswith("value")), None)
        found.setdefault(entry["name"], value)
    return found


def properties(parameters: dict[str, Any]) -> list[tuple[str, Any]]:
    found = []
    for entry in parameters["parameter"]:
        if entry["name"] == "property":
            parts = {part["name"]: part for part in entry["part"]}
            value = next(v for k, v in parts["value"].items() if k.startswith("value"))
            found.append((parts["code"]["valueCode"], value))
    return found


def issue(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    OperationOutcome.model_validate(body)
    first: dict[str, Any] = body["issue"][0]
    return first


def test_metadata_is_a_capability_statement_of_fhir_4_0_1(base_url: str) -> None:
    statement = ok(get(base_url, "metadata"))
    CapabilityStatement.model_validate(statement)
    assert (statement["kind"], statement["fhirVersion"]) == ("instance", "4.0.1")
    operations = {
        resource["type"]: [op["name"] for op in resource["operation"]]
        for resource in statement["rest"][0]["resource"]
    }
    assert operations == {
        "CodeSystem": ["lookup", "validate-code", "subsumes"],
        "ValueSet": ["expand", "validate-code"],
        "ConceptMap": ["translate"],
    }


def test_terminology_capabilities_name_every_loaded_system_and_its_version(base_url: str) -> None:
    capabilities = ok(get(base_url, "metadata", mode="terminology"))
    TerminologyCapabilities.model_validate(capabilities)
    assert [(s["uri"], s["version"][0]["code"]) for s in capabilities["codeSystem"]] == [
        (CM, "2026"),
        (PCS, "2026"),
        (HCPCS, "2025-10"),
        ("http://hl7.org/fhir/sid/icd-9-cm", "2015"),
        (MSDRG, "43.1"),
        (CPT, capabilities["codeSystem"][5]["version"][0]["code"]),
    ]


def test_code_systems_carry_the_canonical_urls_and_cpt_is_not_present(base_url: str) -> None:
    found = ok(get(base_url, "CodeSystem"))
    Bundle.model_validate(found)
    systems = {entry["resource"]["url"]: entry["resource"] for entry in found["entry"]}
    for resource in systems.values():
        CodeSystem.model_validate(resource)
    assert systems[CM]["content"] == "complete"
    assert systems[CM]["count"] == 98_505
    assert systems[CM]["hierarchyMeaning"] == "is-a"
    assert systems[CPT]["content"] == "not-present"
    assert "count" not in systems[CPT]
    assert ok(get(base_url, "CodeSystem/icd-10-pcs"))["url"] == PCS
    assert issue(get(base_url, "CodeSystem/snomed"), 404)["code"] == "not-found"


def test_lookup_gives_the_display_short_title_parent_and_children(base_url: str) -> None:
    answer = ok(get(base_url, "CodeSystem/$lookup", system=CM, code="I82.40"))
    assert (
        values(answer)["display"]
        == "Acute embolism and thrombosis of unspecified deep veins of lower extremity"
    )
    assert values(answer)["version"] == "2026"
    found = properties(answer)
    assert ("parent", "I82.4") in found
    assert [code for name, code in found if name == "child"] == ["I82.401", "I82.402", "I82.403", "I82.409"]
    assert ("notSelectable", True) in found

    leaf = ok(get(base_url, "CodeSystem/$lookup", system=CM, code="I82.401"))
    assert (
        values(leaf)["display"]
        == "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    )
    assert ("parent", "I82.40") in properties(leaf)
    assert ("billable", True) in properties(leaf)


def test_lookup_of_an_ms_drg_gives_its_title_and_release(base_url: str) -> None:
    answer = ok(get(base_url, "CodeSystem/$lookup", system=MSDRG, code="291"))
    assert values(answer)["display"] == "Heart Failure and Shock with MCC"
    assert values(answer)["version"] == "43.1"
    # Its family (291-293) is a grouping of ours, no MS-DRG code: FHIR names no parent for it.
    assert [name for name, _ in properties(answer) if name == "parent"] == []
    assert ("notSelectable", False) in properties(answer)


def test_lookup_gives_the_short_title_as_a_designation(base_url: str) -> None:
    answer = ok(get(base_url, "CodeSystem/$lookup", system=PCS, code="06CM3ZZ"))
    designation = next(p for p in answer["parameter"] if p["name"] == "designation")
    parts = {part["name"]: part for part in designation["part"]}
    assert parts["use"]["valueCoding"]["code"] == "900000000000013009"
    assert parts["value"]["valueString"] == "Extirpation of Matter from Right Femoral Vein, Perc Approach"


def test_lookup_of_a_dotless_code_finds_it_and_names_the_canonical_form(base_url: str) -> None:
    answer = values(ok(get(base_url, "CodeSystem/$lookup", system=CM, code="I82401")))
    assert (
        answer["display"]
        == "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    )
    assert "'I82.401', its canonical form" in answer["message"]


def test_lookup_of_an_unknown_code_or_system_is_not_found(base_url: str) -> None:
    assert issue(get(base_url, "CodeSystem/$lookup", system=CM, code="I82.999"), 404)["code"] == "not-found"
    unknown = issue(get(base_url, "CodeSystem/$lookup", system="http://snomed.info/sct", code="1"), 404)
    assert "Unknown code system" in unknown["diagnostics"]
    assert issue(get(base_url, "CodeSystem/$lookup", system=CM), 400)["code"] == "required"


def test_lookup_of_cpt_never_shows_our_titles_as_descriptors(base_url: str) -> None:
    refused = issue(get(base_url, "CodeSystem/$lookup", system=CPT, code="37188"), 400)
    assert refused["code"] == "not-supported"
    assert "not CPT descriptors" in refused["diagnostics"]


@pytest.mark.parametrize(
    ("code_a", "code_b", "outcome"),
    [
        ("I82", "I82.401", "subsumes"),
        ("I82.401", "I82", "subsumed-by"),
        ("I82.401", "I26.99", "not-subsumed"),
        ("I82.401", "I82401", "equivalent"),
    ],
)
def test_subsumes_follows_the_hierarchy(base_url: str, code_a: str, code_b: str, outcome: str) -> None:
    answer = ok(get(base_url, "CodeSystem/$subsumes", system=CM, codeA=code_a, codeB=code_b))
    assert values(answer)["outcome"] == outcome


@pytest.mark.parametrize(
    ("system", "code", "result", "message"),
    [
        (CM, "I82.401", True, None),
        (CM, "i82401", True, "'I82.401', its canonical form"),
        (CM, "9", False, "is a chapter of ICD-10-CM"),
        (CM, "I80-I89", False, "is a block of ICD-10-CM"),
        (CM, "I82.999", False, "is not a code of ICD-10-CM 2026"),
        (PCS, "06CM3ZZ", True, None),
        (PCS, "06C", False, "is a table of ICD-10-PCS"),
        (HCPCS, "G6020", True, "G6020 was terminated on 2015-12-31"),
    ],
)
def test_validate_code(base_url: str, system: str, code: str, result: bool, message: str | None) -> None:
    answer = values(ok(get(base_url, "CodeSystem/$validate-code", url=system, code=code)))
    assert answer["result"] is result
    if message is None:
        assert "message" not in answer
    else:
        assert message in answer["message"]


def test_validate_code_marks_a_terminated_code_inactive(base_url: str) -> None:
    answer = values(ok(get(base_url, "CodeSystem/$validate-code", url=HCPCS, code="G6020")))
    assert (answer["result"], answer["inactive"]) == (True, True)


def test_validate_code_checks_the_display(base_url: str) -> None:
    answer = values(ok(get(base_url, "CodeSystem/$validate-code", url=CM, code="I26.99", display="Gout")))
    assert answer["result"] is False
    assert answer["message"].startswith("The display 'Gout' is not the display of I26.99")


def test_expand_isa_with_a_filter_pages_through_the_matching_codes(base_url: str) -> None:
    url = f"{CM}?fhir_vs=isa/I82.4"
    first = ok(get(base_url, "ValueSet/$expand", url=url, filter="right", count=3))
    ValueSet.model_validate(first)
    expansion = first["expansion"]
    assert expansion["total"] == 10
    assert len(expansion["contains"]) == 3
    everything = ok(get(base_url, "ValueSet/$expand", url=url, filter="right", count=100))["expansion"][
        "contains"
    ]
    assert len(everything) == 10
    assert all(entry["code"].startswith("I82.4") and "right" in entry["display"] for entry in everything)
    second = ok(get(base_url, "ValueSet/$expand", url=url, filter="right", count=3, offset=3))["expansion"]
    assert [e["code"] for e in second["contains"]] == [e["code"] for e in everything[3:6]]
    assert second["offset"] == 3


def test_expand_isa_without_a_filter_is_the_code_and_everything_below_in_code_order(base_url: str) -> None:
    expansion = ok(get(base_url, "ValueSet/$expand", url=f"{CM}?fhir_vs=isa/I82.40", count=10))["expansion"]
    assert [entry["code"] for entry in expansion["contains"]] == [
        "I82.40",
        "I82.401",
        "I82.402",
        "I82.403",
        "I82.409",
    ]
    assert expansion["total"] == 5


def test_expand_of_a_whole_system_leaves_out_headers(base_url: str) -> None:
    expansion = ok(get(base_url, "ValueSet/$expand", url=f"{PCS}?fhir_vs", filter="appendix resection"))[
        "expansion"
    ]
    codes = [entry["code"] for entry in expansion["contains"]]
    assert codes and all(len(code) == 7 for code in codes)
    assert "0DTJ4ZZ" in codes


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"url": f"{CM}?fhir_vs=refset/1"}, 400, "not-supported"),
        ({"url": f"{CM}?fhir_vs=isa/I82.4", "count": "5000"}, 400, "value"),
        ({"url": f"{CM}?fhir_vs=isa/I82.4", "count": "ten"}, 400, "value"),
        ({"url": f"{CM}?fhir_vs=isa/Q99.999"}, 404, "not-found"),
        ({}, 400, "required"),
    ],
)
def test_expand_refuses_what_it_cannot_answer(
    base_url: str, params: dict[str, str], status: int, code: str
) -> None:
    assert issue(get(base_url, "ValueSet/$expand", **params), status)["code"] == code


def test_value_set_validate_code_checks_membership(base_url: str) -> None:
    url = f"{CM}?fhir_vs=isa/I82.4"
    inside = values(ok(get(base_url, "ValueSet/$validate-code", url=url, system=CM, code="I82.401")))
    assert inside["result"] is True
    outside = values(ok(get(base_url, "ValueSet/$validate-code", url=url, system=CM, code="I26.99")))
    assert outside["result"] is False
    assert outside["message"] == "I26.99 is a code of ICD-10-CM but not one of I82.4 or below it."


def test_translate_follows_the_curated_crosswalks_both_ways(base_url: str) -> None:
    answer = ok(get(base_url, "ConceptMap/$translate", system=PCS, code="06CM3ZZ", targetsystem=CPT))
    assert values(answer)["result"] is True
    matches = [
        {p["name"]: p for p in entry["part"]} for entry in answer["parameter"] if entry["name"] == "match"
    ]
    concepts = [m["concept"]["valueCoding"] for m in matches]
    assert {"system": CPT, "code": "37188"} in concepts  # CPT without our plain title as a display
    assert {m["equivalence"]["valueCode"] for m in matches} == {"relatedto"}
    nothing = values(ok(get(base_url, "ConceptMap/$translate", system=CM, code="I82.401", targetsystem=PCS)))
    assert nothing["result"] is False


def test_post_with_a_parameters_resource_answers_as_get_does(base_url: str) -> None:
    body = {
        "resourceType": "Parameters",
        "parameter": [{"name": "coding", "valueCoding": {"system": CM, "code": "I26.99"}}],
    }
    response = httpx.post(f"{base_url}/fhir/CodeSystem/$lookup", json=body, timeout=30)
    assert values(ok(response))["display"] == "Other pulmonary embolism without acute cor pulmonale"
    bad = httpx.post(f"{base_url}/fhir/CodeSystem/$lookup", content=b"{", timeout=30)
    assert issue(bad, 400)["code"] == "invalid"


def test_only_json_is_served(base_url: str) -> None:
    assert issue(get(base_url, "metadata", _format="xml"), 406)["code"] == "not-supported"
    xml = httpx.get(f"{base_url}/fhir/metadata", headers={"Accept": "application/fhir+xml"}, timeout=30)
    assert issue(xml, 406)["code"] == "not-supported"


def test_a_real_fhir_client_performs_the_operations(base_url: str) -> None:
    client = SyncFHIRClient(f"{base_url}/fhir")
    looked_up = client.execute("CodeSystem/$lookup", method="get", params={"system": CM, "code": "I82.401"})
    assert values(looked_up)["display"].endswith("deep veins of right lower extremity")
    subsumed = client.execute(
        "CodeSystem/$subsumes", method="get", params={"system": CM, "codeA": "I82", "codeB": "I82.401"}
    )
    assert values(subsumed)["outcome"] == "subsumes"
    expanded = client.execute(
        "ValueSet/$expand",
        method="get",
        params={"url": f"{CM}?fhir_vs=isa/I82.4", "filter": "right", "count": 5},
    )
    assert expanded["expansion"]["total"] == 10
    translated = client.execute(
        "ConceptMap/$translate",
        method="post",
        data={
            "resourceType": "Parameters",
            "parameter": [
                {"name": "system", "valueUri": CPT},
                {"name": "code", "valueCode": "37188"},
            ],
        },
    )
    assert values(translated)["result"] is True
