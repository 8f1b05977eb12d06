"""The analysts' queries run on the real graph, return what they promise, and stand verbatim in the docs."""

import re
from pathlib import Path
from typing import Any

import pytest

from graph.driver import Graph
from graph.queries import analyst

DOC = Path(__file__).resolve().parents[2] / "docs" / "analyst-queries.md"
PARAMETERS = {
    "condition": "deep-vein-thrombosis",
    "drug": "alteplase",
    "uid": "CPT:37188",
    "table": "ICD10PCS:0DT",
    "word": "Abdominal esophagus",
    "mdc": "MSDRG:MDC05",
}
QUERIES = {name: text for name, text in vars(analyst).items() if name.isupper() and isinstance(text, str)}


def test_there_are_at_least_ten() -> None:
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_query_stands_verbatim_in_the_docs(name: str) -> None:
    assert QUERIES[name].strip() in DOC.read_text(), f"{name} is not in docs/analyst-queries.md as written"


def run(graph: Graph, name: str, **overrides: str) -> list[dict[str, Any]]:
    return graph.read(QUERIES[name], **{**PARAMETERS, **overrides})  # type: ignore[arg-type]


def test_procedures_for_pulmonary_embolism_ranked_by_shared_risks(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "PROCEDURES_FOR_CONDITION_BY_SHARED_RISKS", condition="pulmonary-embolism")
    assert len(rows) >= 5
    shared = [row["sharedRisks"] for row in rows]
    assert shared == sorted(shared, reverse=True)


def test_alteplase_leads_to_thrombosis_diagnoses(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "DRUG_TO_DIAGNOSES")
    assert any(row["procedure"] == "37188" for row in rows)
    assert any(str(code).startswith("I82.4") for row in rows for code in row["diagnoses"])


def test_the_dvt_subtree_holds_billable_leaves_each_once(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "CONDITION_SUBTREE")
    assert any(row["code"] == "I82.401" and row["billable"] for row in rows)
    # DVT is coded as I82.4 and as I82.40: I82.401 sits under both, and is listed once, under I82.4.
    assert len(rows) == len({row["code"] for row in rows}) == 140
    assert {row["coded"] for row in rows if row["code"] == "I82.401"} == {"I82.4"}


def test_ancestry_and_notes(loaded_graph: Graph) -> None:
    assert [r["code"] for r in run(loaded_graph, "ANCESTRY", uid="ICD10CM:I82.401")][:2] == [
        "I82.40",
        "I82.4",
    ]
    assert any(r["target"] == "I26" for r in run(loaded_graph, "NOTE_LINKS", uid="ICD10CM:I82"))


def test_pcs_axes_and_crosswalks(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "CROSSWALKS_WITH_AXES")
    assert any(
        row["cpt"] == "37188" and row["pcs"] == "06CY3ZZ" and row["rootOperation"] == "Extirpation"
        for row in rows
    )
    same = run(loaded_graph, "SAME_OPERATION_AND_BODY_PART", uid="ICD10PCS:06CY3ZZ")
    assert any(row["code"] == "06CY0ZZ" for row in same)


def test_roles_are_ranked_by_how_many_procedures_need_them(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "ROLES_ACROSS_PROCEDURES")
    assert rows and all(set(row) == {"role", "procedures", "codes"} for row in rows)
    ranks = [(-row["procedures"], row["role"]) for row in rows]
    assert ranks == sorted(ranks)
    assert all(len(row["codes"]) == min(row["procedures"], 12) for row in rows)  # at most 12 are listed


def test_the_alternatives_to_a_procedure_are_codes_and_treatments(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "ALTERNATIVES")  # CPT 37188: seeds/procedures/cpt-37188.yaml names three
    assert len(rows) == 3 and all(row["note"] for row in rows)
    assert [sorted(row["kind"]) for row in rows if row["alternative"] == "37212"] == [
        ["CPT", "Code", "Procedure"]
    ]


def test_relation_chains_run_from_a_monograph_to_its_related_codes(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "RELATION_CHAINS")
    assert [row["other"] for row in rows if row["code"] == "37188"] == ["37187"]  # its seed: repeat-of
    keys = [(row["code"], row["relation"], row["other"]) for row in rows]
    assert keys == sorted(keys)


def test_releases_name_every_loaded_system(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "RELEASES")
    assert [row["system"] for row in rows] == ["CPT", "HCPCS", "ICD10CM", "ICD10PCS", "ICD9CM", "MSDRG"]
    assert {row["system"]: row["codes"] for row in rows}["ICD10CM"] == 98_505


def test_retired_hcpcs_codes_lead_to_their_replacements(loaded_graph: Graph) -> None:
    # HCPC2025_OCT_ANWEB: C9173 terminated 2025-06-30, cross-referenced to Q5148.
    rows = {row["retired"]: row for row in run(loaded_graph, "RETIRED_HCPCS_REPLACEMENTS")}
    assert rows["C9173"]["replacedBy"] == ["Q5148"]
    assert rows["C9173"]["terminated"] == "2025-06-30"


def _documented() -> list[tuple[str, dict[str, str]]]:
    """Each query's name and the parameters its section of the docs sets (over the ones set for all)."""
    text = DOC.read_text()
    head, *sections = re.split(r"\n(?=## \d+\. )", text)
    common = dict(re.findall(r"^:param (\w+) => '([^']*)'$", head, re.MULTILINE))
    found = []
    for section in sections:
        prose = section.split("```")[0]
        name = re.search(r"`([A-Z0-9_]+)`", prose)
        assert name is not None, section[:80]
        found.append((name[1], {**common, **dict(re.findall(r":param (\w+) => '([^']*)'", prose))}))
    return found


def test_every_query_is_documented_once() -> None:
    assert sorted(name for name, _ in _documented()) == sorted(QUERIES)


@pytest.mark.parametrize(("name", "parameters"), _documented(), ids=[name for name, _ in _documented()])
def test_a_documented_query_answers_distinct_rows_for_its_documented_parameters(
    loaded_graph: Graph, name: str, parameters: dict[str, str]
) -> None:
    rows = loaded_graph.read(QUERIES[name], **parameters)  # type: ignore[arg-type]
    assert rows, f"{name} answers nothing for the parameters its section documents: {parameters}"
    shown = [repr(sorted(row.items())) for row in rows]
    assert len(shown) == len(set(shown)), f"{name} repeats rows"


def test_index_terms_lead_into_the_acute_dvt_subtree(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "INDEX_TERMS_INTO_SUBTREE", top="ICD10CM:I82.4")
    assert {
        "term": ["Thrombosis, thrombotic", "vein", "deep"],
        "code": "I82.40",
        "needsMoreCharacters": True,
    } in rows
    assert len(rows) == len({(tuple(r["term"]), r["code"]) for r in rows})  # type: ignore[arg-type]


def test_shingles_leads_to_zoster_through_a_see_reference(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "SEE_REFERENCES_TO_CODE", uid="ICD10CM:B02.9")
    assert [row["word"] for row in rows] == ["Shingles", "Zona", "Zoster"]
    assert {tuple(row["seeTerm"]) for row in rows} == {("Herpes, herpesvirus, herpetic", "zoster")}  # type: ignore[arg-type]


def test_pcs_index_terms_lead_into_a_table_by_their_prefix(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "PCS_INDEX_TERMS_INTO_TABLE")
    assert {"term": ["Appendectomy"], "lead": "0DTJ"} in rows
    assert {"term": ["Resection", "Appendix"], "lead": "0DTJ"} in rows
    leads = [str(row["lead"]) for row in rows]
    assert leads == sorted(leads) and all(lead.startswith("0DT") for lead in leads)


def test_a_pcs_index_word_stands_for_an_axis_value(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "PCS_USE_VALUES")
    assert rows == [
        {"word": "Abdominal esophagus", "axis": "Body Part", "meaning": "Esophagus, Lower", "value": "0D43"}
    ]


def test_the_gem_crosswalks_of_i50_20_hold_the_combination_with_428_0(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "GEM_CROSSWALKS_OF_CODE", uid="ICD10CM:I50.20")
    outgoing = [(r["code"], r["scenario"], r["choiceList"]) for r in rows if r["direction"] == "maps to"]
    assert outgoing == [("428.20", 0, 0), ("428.20", 1, 1), ("428.0", 1, 2)]
    assert {r["code"] for r in rows if r["direction"] == "mapped from"} == {"428.20"}


def test_systolic_heart_failure_codes_combine_with_428_0(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "GEM_COMBINATIONS_IN_SUBTREE", top="ICD10CM:I50.2")
    assert [(r["code"], r["choiceList"], r["choices"]) for r in rows if r["code"] == "I50.21"] == [
        ("I50.21", 1, ["428.21"]),
        ("I50.21", 2, ["428.0"]),
    ]


def test_icd9_dvt_codes_lead_into_the_acute_dvt_subtree(loaded_graph: Graph) -> None:
    rows = {r["icd9"]: r["icd10"] for r in run(loaded_graph, "ICD9_CODES_INTO_SUBTREE", top="ICD10CM:I82.4")}
    assert sorted(rows["453.41"]) == ["I82.419", "I82.429", "I82.439", "I82.4Y9"]


def test_codes_without_a_gem_equivalent_name_the_system(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "GEM_NO_MAP_CODES")
    assert {(r["system"], r["noMapTo"]) for r in rows} == {
        ("ICD10CM", "ICD9CM"),
        ("ICD9CM", "ICD10CM"),
        ("ICD9CM", "ICD10PCS"),
    }
    assert len(rows) == 663 + 425 + 210


def test_the_drgs_of_mdc_05_come_with_their_family_and_type(loaded_graph: Graph) -> None:
    rows = run(loaded_graph, "DRGS_OF_MDC", mdc="MSDRG:MDC05")
    assert len(rows) == 101
    heart_failure = {"family": "291-293", "drg": "291", "title": "Heart Failure and Shock with MCC"}
    assert {**heart_failure, "type": "medical"} in [dict(row) for row in rows]


def test_every_mdc_counts_its_surgical_and_medical_drgs(loaded_graph: Graph) -> None:
    rows = {r["mdc"]: r for r in run(loaded_graph, "DRG_TYPES_BY_MDC")}
    assert len(rows) == 25
    assert rows["MDC05"]["surgical"] + rows["MDC05"]["medical"] == 101
    assert rows["MDC14"]["title"] == "Pregnancy, Childbirth and the Puerperium"


def test_a_drug_finds_its_table_of_drugs_codes_under_each_of_its_names(loaded_graph: Graph) -> None:
    # The FY2025 Table of Drugs and Chemicals lists alteplase as "Alteplase" and as "Rt-PA" (T45.61-).
    rows = run(loaded_graph, "DRUG_TABLE_CODES")
    assert {r["tableEntry"] for r in rows} == {"Alteplase", "Rt-PA"}
    adverse = {(r["tableEntry"], r["code"]) for r in rows if r["column"] == "Adverse effect"}
    assert adverse == {("Alteplase", "T45.615"), ("Rt-PA", "T45.615")}
    assert len(rows) == 12 == len({(r["tableEntry"], r["code"]) for r in rows})
