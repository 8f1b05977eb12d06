"""`groupClaim` over GraphQL: the same DRG, codes and edits as the msdrg package's own answer on generated
claims of real loaded codes, the codes resolved in the graph, and BAD_USER_INPUT naming the field."""

import random
from typing import Any

import msdrg
import pytest

from graph.driver import Graph
from tests.graph.inspection_queries import ACTIVE_BILLABLE_CODES
from tests.schema.conftest import Api

pytestmark = pytest.mark.engine

GROUP = """
query Group($claim: ClaimInput!) {
  groupClaim(claim: $claim) {
    drg { number title severity mdc { number title code { title } } code { title } }
    initialDrg { number }
    returnCode message hacStatus editType
    principalDiagnosis { groupedAs severity mdc }
    secondaryDiagnoses { groupedAs poa severity drgImpact }
    procedures { groupedAs operatingRoom drgImpact }
    edits { name message count codeType editType }
    grouper { number name fiscalYear effective }
  }
}
"""
SEX = {"MALE": 0, "FEMALE": 1, "UNKNOWN": 2}
POA = ["Y", "N", "U", "W", None]
STATUSES = [1, 2, 3, 6, 7, 20, 30, 50, 62]


def real_codes(graph: Graph, system: str) -> list[str]:
    return [row["code"] for row in graph.read(ACTIVE_BILLABLE_CODES, system=system)]


def generated_claims(graph: Graph, count: int) -> list[dict[str, Any]]:
    diagnoses, procedures = real_codes(graph, "ICD10CM"), real_codes(graph, "ICD10PCS")
    chosen = random.Random(43)
    return [
        {
            "principalDiagnosis": chosen.choice(diagnoses),
            "secondaryDiagnoses": [
                {"code": chosen.choice(diagnoses), "poa": chosen.choice(POA)}
                for _ in range(chosen.randint(0, 6))
            ],
            "procedures": [chosen.choice(procedures) for _ in range(chosen.choice([0, 0, 1, 2, 4]))],
            "age": chosen.randint(0, 100),
            "sex": chosen.choice(list(SEX)),
            "dischargeStatus": chosen.choice(STATUSES),
        }
        for _ in range(count)
    ]


def package_answer(
    grouper: msdrg.MsdrgGrouper, editor: msdrg.MceEditor, claim: dict[str, Any]
) -> dict[str, Any]:
    """What msdrg itself answers for the claim, in groupClaim's terms."""
    data: Any = {
        "version": 431,
        "discharge_date": 20260401,
        "age": claim["age"],
        "sex": SEX[claim["sex"]],
        "discharge_status": claim["dischargeStatus"],
        "pdx": {"code": claim["principalDiagnosis"].replace(".", "")},
        "sdx": [
            {"code": d["code"].replace(".", ""), **({"poa": d["poa"]} if d["poa"] else {})}
            for d in claim["secondaryDiagnoses"]
        ],
        "procedures": [{"code": code} for code in claim["procedures"]],
    }
    grouped, edited = grouper.group(data), editor.edit(data)
    return {
        "drg": grouped["final_drg"],
        "initial": grouped["initial_drg"],
        "mdc": grouped["final_mdc"],
        "title": grouped["final_drg_description"],
        "mdcTitle": grouped["final_mdc_description"],
        "returnCode": grouped["return_code"],
        "severity": {d["code"]: d["severity"] for d in grouped["sdx_output"]},
        "operatingRoom": {p["code"]: p["is_or"] for p in grouped["proc_output"]},
        "edits": [(e["name"], e["count"]) for e in edited["edits"]],
    }


def test_300_generated_claims_of_real_codes_group_as_the_package_groups_them(api: Api) -> None:
    with msdrg.MsdrgGrouper() as grouper, msdrg.MceEditor() as editor:
        for claim in generated_claims(api.graph, 300):
            answer = api.data(GROUP, claim=claim)["groupClaim"]
            expected = package_answer(grouper, editor, claim)
            assert answer["drg"]["number"] == expected["drg"], claim
            assert answer["initialDrg"]["number"] == expected["initial"], claim
            assert (answer["drg"]["mdc"] or {}).get("number") == (expected["mdc"] or None), claim
            assert answer["returnCode"] == expected["returnCode"], claim
            # The bundled MS-DRG code system names each DRG and MDC as the grouper does (999 it leaves blank).
            if expected["title"]:
                assert answer["drg"]["code"]["title"] == expected["title"], claim
            if answer["drg"]["mdc"]:
                assert answer["drg"]["mdc"]["code"]["title"] == expected["mdcTitle"], claim
            assert {d["groupedAs"]: d["severity"] for d in answer["secondaryDiagnoses"]} == expected[
                "severity"
            ]
            assert {p["groupedAs"]: p["operatingRoom"] for p in answer["procedures"]} == expected[
                "operatingRoom"
            ]
            assert [(e["name"], e["count"]) for e in answer["edits"]] == expected["edits"], claim
            assert [d["poa"] for d in answer["secondaryDiagnoses"]] == [
                d["poa"] for d in claim["secondaryDiagnoses"]
            ]


CODE_DRG = """
query CodeDrg($code: String!) {
  code(system: ICD10CM, code: $code) {
    drg { asSecondary canBePrincipal principalMdc { number } grouper { name } }
  }
}
"""


def test_the_cc_mcc_level_of_200_sampled_codes_is_the_grouper_s_level_for_them_as_secondary(api: Api) -> None:
    codes = random.Random(200).sample(real_codes(api.graph, "ICD10CM"), 200)
    patient: Any = {"version": 431, "age": 65, "sex": 2}
    with msdrg.MsdrgGrouper() as grouper:
        for code in codes:
            drg = api.data(CODE_DRG, code=code)["code"]["drg"]
            undotted = code.replace(".", "")
            # The code as the one secondary diagnosis of a claim whose principal diagnosis is a symptom code.
            (secondary,) = grouper.group({**patient, "pdx": {"code": "R69"}, "sdx": [{"code": undotted}]})[
                "sdx_output"
            ]
            alone = grouper.group({**patient, "pdx": {"code": undotted}})
            assert drg["asSecondary"] == secondary["severity"], code
            assert drg["canBePrincipal"] == (alone["return_code"] != "DX_CANNOT_BE_PDX"), code
            if drg["canBePrincipal"]:
                assert drg["principalMdc"] == {"number": alone["final_mdc"]}, code
            assert drg["grouper"] == {"name": "v43.1"}


def test_only_billable_icd10cm_codes_have_a_drg_level(api: Api) -> None:
    assert api.data(CODE_DRG, code="I50.2")["code"]["drg"] is None  # a subcategory, not a code
    document = 'query { code(system: ICD10PCS, code: "02703DZ") { drg { asSecondary } } }'
    assert api.data(document)["code"]["drg"] is None
    assert api.data(CODE_DRG, code="J96.01")["code"]["drg"]["asSecondary"] == "MCC"


def test_heart_failure_with_diabetes_is_drg_293_with_its_codes_in_the_graph(api: Api) -> None:
    claim = {
        "principalDiagnosis": "I50.20",
        "secondaryDiagnoses": [{"code": "E11.65", "poa": "Y"}],
        "procedures": [],
        "age": 72,
        "sex": "FEMALE",
    }
    document = """
    query Group($claim: ClaimInput!) {
      groupClaim(claim: $claim) {
        drg { number title code { system code title } mdc { number title code { code title } } }
        principalDiagnosis { code { system code } }
        secondaryDiagnoses { code { code } severity }
        grouper { name effective }
        edits { name }
        source
      }
    }
    """
    grouped = api.data(document, claim=claim)["groupClaim"]
    circulatory = "Diseases and Disorders of the Circulatory System"
    assert grouped["drg"] == {
        "number": 293,
        "title": "Heart Failure and Shock without CC/MCC",
        "code": {"system": "MSDRG", "code": "293", "title": "Heart Failure and Shock without CC/MCC"},
        "mdc": {"number": 5, "title": circulatory, "code": {"code": "MDC05", "title": circulatory}},
    }
    assert grouped["principalDiagnosis"]["code"] == {"system": "ICD10CM", "code": "I50.20"}
    assert grouped["secondaryDiagnoses"] == [{"code": {"code": "E11.65"}, "severity": "NONE"}]
    assert grouped["grouper"] == {"name": "v43.1", "effective": "2026-04-01"}
    assert grouped["edits"] == []
    assert "msdrg" in grouped["source"] and "not coding or billing advice" in grouped["source"]


def test_an_edit_comes_with_its_plain_message(api: Api) -> None:
    claim = {"principalDiagnosis": "V00.01XA", "age": 40, "sex": "MALE"}
    (edit,) = api.data(GROUP, claim=claim)["groupClaim"]["edits"]
    assert edit["name"] == "E_CODE_AS_PDX"
    assert edit["message"].startswith("An external-cause code")


@pytest.mark.parametrize(
    ("claim", "field"),
    [
        ({"principalDiagnosis": "chest pain"}, "principalDiagnosis"),
        (
            {"principalDiagnosis": "I50.20", "secondaryDiagnoses": [{"code": "??"}]},
            "secondaryDiagnoses[0].code",
        ),
        ({"principalDiagnosis": "I50.20", "procedures": ["02703D"]}, "procedures[0]"),
        ({"principalDiagnosis": "I50.20", "age": 200}, "age"),
        ({"principalDiagnosis": "I50.20", "grouperVersion": 12}, "grouperVersion"),
        (
            {"principalDiagnosis": "I50.20", "secondaryDiagnoses": [{"code": "E11.65"}] * 25},
            "secondaryDiagnoses",
        ),
    ],
)
def test_a_claim_the_grouper_cannot_take_is_bad_user_input_naming_the_field(
    api: Api, claim: dict[str, Any], field: str
) -> None:
    result = api.execute(GROUP, claim={"age": 60, "sex": "MALE", **claim})
    assert result.data is None
    (error,) = result.errors
    assert error.extensions["code"] == "BAD_USER_INPUT"
    assert error.message.startswith(f"{field}:")
