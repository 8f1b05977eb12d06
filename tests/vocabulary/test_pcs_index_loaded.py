"""The ICD-10-PCS Index in the session's loaded graph (graph.vocabulary.pcs_targets)."""

import pytest

from graph.driver import Graph
from graph.importers.icd10pcs_index_xml import bundled_pcs_index_path, read_icd10pcs_index_xml
from graph.loader.progress import SilentProgress
from graph.vocabulary.bundled import load_vocabulary
from tests.graph import inspection_queries as q

SOURCE = "ICD-10-PCS Index FY2025"
pytestmark = pytest.mark.engine


def test_every_term_is_loaded_and_every_lead_but_those_the_release_lacks_is_linked(
    loaded_graph: Graph,
) -> None:
    (record,) = loaded_graph.read(q.VOCABULARY_RECORD, source=SOURCE)
    # 16,361 leads: 17 name FY2025 codes FY2026 no longer has (XXE5XN6 …), one a prefix none extends (0SG6).
    assert record == {"terms": 22_201, "codeLinks": 16_343, "unresolvedTargets": 18}
    (uses,) = loaded_graph.read(q.VOCABULARY_USES, source=SOURCE)
    assert uses == {"uses": 2_342, "unresolvedUses": 8}  # 8 New Technology substances FY2026 retired


def test_a_prefix_links_to_its_table_and_keeps_itself(loaded_graph: Graph) -> None:
    leads = loaded_graph.read(q.INDEX_TERM_LEADS, source=SOURCE, path=["Appendectomy"])
    assert leads == [
        {"uid": "ICD10PCS:0DB", "incomplete": True, "prefix": "0DBJ"},
        {"uid": "ICD10PCS:0DT", "incomplete": True, "prefix": "0DTJ"},
    ]
    tables = loaded_graph.read(q.INDEX_TERM_LEADS, source=SOURCE, path=["Tonsillectomy"])
    assert [(lead["uid"], lead["prefix"]) for lead in tables] == [
        ("ICD10PCS:0CB", "0CB"),
        ("ICD10PCS:0CT", "0CT"),
    ]
    code = loaded_graph.read(q.INDEX_TERM_LEADS, source=SOURCE, path=["Anoscopy"])
    assert code == [{"uid": "ICD10PCS:0DJD8ZZ", "incomplete": False, "prefix": None}]


def test_a_see_names_the_term_of_the_root_operation_and_body_part(loaded_graph: Graph) -> None:
    named = loaded_graph.read(q.INDEX_TERM_SEE, source=SOURCE, path=["Appendectomy"])
    assert sorted(r["path"] for r in named) == [["Excision", "Appendix"], ["Resection", "Appendix"]]


def test_a_use_links_the_term_to_the_value_it_stands_for(loaded_graph: Graph) -> None:
    values = loaded_graph.read(q.INDEX_TERM_USES, source=SOURCE, path=["Abdominal esophagus"])
    assert values == [{"key": "0D43", "meaning": "Esophagus, Lower"}]
    devices = loaded_graph.read(q.INDEX_TERM_USES, source=SOURCE, path=["3f (Aortic) Bioprosthesis valve"])
    # "Zooplastic Tissue in Heart and Great Vessels": the device of that name in the six tables of 02 with it
    assert [v["key"] for v in devices] == ["02168", "02468", "02P68", "02R68", "02U68", "02W68"]


def test_loading_the_index_again_changes_nothing(loaded_graph: Graph) -> None:
    before = loaded_graph.read(q.INDEX_SOURCE_EDGES, source=SOURCE)
    assert [row["rel"] for row in before] == ["INDEXES", "SEE", "SUBTERM_OF", "USE"]
    summary = load_vocabulary(
        loaded_graph, "pcs-index", read_icd10pcs_index_xml(bundled_pcs_index_path()), SilentProgress()
    )
    assert (summary.terms, summary.code_links, summary.unresolved_targets) == (22_201, 16_343, 18)
    assert loaded_graph.read(q.INDEX_SOURCE_EDGES, source=SOURCE) == before
    (counts,) = loaded_graph.read(q.INDEX_TERM_COUNTS, source=SOURCE)
    assert (counts["terms"], counts["links"]) == (22_201, 16_343)
