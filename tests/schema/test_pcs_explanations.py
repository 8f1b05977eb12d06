"""ICD-10-PCS explanations over the real loaded graph: the facts they are made of, the API, and every code."""

import dataclasses
import statistics

import textstat

from graph.driver import Graph
from graph.explain.icd10pcs import explain_pcs
from graph.queries.index_terms import SYSTEM_CODES
from graph.reads.pcs_explain import pcs_facts
from tests.explain.icd10pcs_facts import pcs_facts as excerpt_facts
from tests.explain.sentence_checks import problems
from tests.explain.test_icd10pcs import EXPECTED
from tests.schema.conftest import Api

EXPLANATION = """
query($code: String!) {
  code(system: ICD10PCS, code: $code) {
    explanation {
      summary curated generatedFrom notice
      sections { key title text source items { text code { system code } } }
    }
  }
}
"""
BATCH = 2000
# Flesch-Kincaid grades of the summaries over all codes, as measured on FY2026 (docs/explanations.md):
# the code's own official title and CMS's definition of its root operation are quoted in plain case, and
# their medical words ("extirpation", "percutaneous") weigh on the grade.
MEDIAN_GRADE_AT_MOST = 11
P90_GRADE_AT_MOST = 14


def test_the_excerpts_the_unit_tests_use_are_what_the_graph_gives(loaded_graph: Graph) -> None:
    excerpts = excerpt_facts()
    found = pcs_facts(loaded_graph, [facts.uid for facts in excerpts.values()])
    assert {uid: dataclasses.asdict(facts) for uid, facts in found.items()} == {
        facts.uid: dataclasses.asdict(facts) for facts in excerpts.values()
    }


def test_the_api_gives_the_06cm3zz_explanation_with_its_sources(api: Api) -> None:
    explanation = api.data(EXPLANATION, code="06CM3ZZ")["code"]["explanation"]
    summary, texts = EXPECTED["06CM3ZZ"]
    assert explanation["summary"] == summary
    assert {s["key"]: s["text"] for s in explanation["sections"]} == texts
    assert explanation["curated"] is False
    assert explanation["generatedFrom"] == [
        "ICD-10-PCS FY2026 (CMS) tables and definitions",
        "ICD-10-PCS Index FY2025",
    ]
    assert "It is not medical or coding advice." in explanation["notice"]
    where = next(s for s in explanation["sections"] if s["key"] == "where")
    assert [item["code"] for item in where["items"]] == [
        {"system": "ICD10PCS", "code": "0"},
        {"system": "ICD10PCS", "code": "06"},
        {"system": "ICD10PCS", "code": "06C"},
    ]


def test_a_pcs_table_is_explained_as_a_heading_not_a_code_to_report(api: Api) -> None:
    explanation = api.data(EXPLANATION, code="06C")["code"]["explanation"]
    assert explanation["summary"].startswith(
        "06C is an ICD-10-PCS table: Lower Veins, Extirpation. It is a heading, not a code to report"
    )


def test_every_pcs_code_is_explained_in_short_plain_sentences(loaded_graph: Graph) -> None:
    rows = loaded_graph.read(SYSTEM_CODES, system="ICD10PCS")
    uids = sorted(f"ICD10PCS:{row['code']}" for row in rows if row["billable"])
    assert len(uids) == 79115
    grades: list[float] = []
    wrong: dict[str, list[str]] = {}
    for start in range(0, len(uids), BATCH):
        batch = uids[start : start + BATCH]
        facts = pcs_facts(loaded_graph, batch)
        assert len(facts) == len(batch), "every code has its facts"
        for uid, code_facts in facts.items():
            explanation = explain_pcs(code_facts)
            if found := problems(explanation, code_facts.title):
                wrong[uid] = found
            grades.append(textstat.flesch_kincaid_grade(explanation.summary))
    assert not wrong, list(wrong.items())[:5]
    assert statistics.median(grades) <= MEDIAN_GRADE_AT_MOST
    assert statistics.quantiles(grades, n=10)[-1] <= P90_GRADE_AT_MOST
