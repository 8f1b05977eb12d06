"""The ICD-10-CM Alphabetic Index in the session's loaded graph (graph.vocabulary.index_terms)."""

import subprocess
import sys
from pathlib import Path

import pytest

from graph.driver import Graph
from server.settings import Settings
from tests.conftest import settings_environ
from tests.graph import inspection_queries as q

SOURCE = "ICD-10-CM Index FY2025"
pytestmark = pytest.mark.engine


def test_every_row_of_the_index_is_a_term_and_every_code_a_link(loaded_graph: Graph) -> None:
    (counts,) = loaded_graph.read(q.INDEX_TERM_COUNTS, source=SOURCE)
    assert (counts["terms"], counts["links"]) == (81_024, 62_721)
    (record,) = loaded_graph.read(q.VOCABULARY_RECORD, source=SOURCE)
    assert record == {"terms": 81_024, "codeLinks": 62_721, "unresolvedTargets": 0}


def test_a_subterm_leads_to_its_code_and_a_dash_to_its_header(loaded_graph: Graph) -> None:
    zoster = ["Herpes, herpesvirus, herpetic", "zoster"]
    assert [r["uid"] for r in loaded_graph.read(q.INDEX_TERM_CODES, source=SOURCE, path=zoster)] == [
        "ICD10CM:B02.9"
    ]
    assert [r["uid"] for r in loaded_graph.read(q.INDEX_TERM_CODES, source=SOURCE, path=["Bunion"])] == [
        "ICD10CM:M21.61"
    ]


def test_a_see_reference_links_to_the_term_it_names(loaded_graph: Graph) -> None:
    named = loaded_graph.read(q.INDEX_TERM_SEE, source=SOURCE, path=["Shingles"])
    assert [r["path"] for r in named] == [["Herpes, herpesvirus, herpetic", "zoster"]]
    bed_sore = loaded_graph.read(q.INDEX_TERM_SEE, source=SOURCE, path=["Bed sore"])
    assert [r["path"] for r in bed_sore] == [
        ["Ulcer, ulcerated, ulcerating, ulceration, ulcerative", "pressure"]
    ]


def test_a_malformed_index_file_is_one_clear_error_and_the_graph_is_unchanged(
    loaded_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "ICD10CM_2025_Index_derived.csv"
    source.write_text("RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code\n1,A,2,Abandonment,,,,\n")
    result = subprocess.run(
        [sys.executable, "-m", "server", "load", "icd10cm-index", "--source", str(source)],
        env=settings_environ(settings),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"medgraph: {source}:2: Level 2 has no parent at level 1 above it"
    (counts,) = loaded_graph.read(q.INDEX_TERM_COUNTS, source=SOURCE)
    assert (counts["terms"], counts["links"]) == (81_024, 62_721)


@pytest.mark.parametrize(
    ("source", "terms", "links"),
    [
        ("ICD-10-CM External Cause Index FY2025", 8_064, 6_664),
        ("ICD-10-CM Table of Drugs FY2025", 7_428, 40_026),
        ("ICD-10-CM Neoplasm Table FY2025", 1_939, 9_018),
    ],
)
def test_the_tables_and_the_external_cause_index_load_whole(
    loaded_graph: Graph, source: str, terms: int, links: int
) -> None:
    (record,) = loaded_graph.read(q.VOCABULARY_RECORD, source=source)
    assert record == {"terms": terms, "codeLinks": links, "unresolvedTargets": 0}


def test_a_drug_table_cell_links_its_column_to_the_code_as_published(loaded_graph: Graph) -> None:
    rows = loaded_graph.read(
        q.INDEX_TERM_COLUMNS, source="ICD-10-CM Table of Drugs FY2025", path=["Acetaminophen"]
    )
    assert {row["column"]: row["code"] for row in rows} == {
        "Poisoning Accidental (unintentional)": "T39.1X1",
        "Poisoning Intentional self-harm": "T39.1X2",
        "Poisoning Assault": "T39.1X3",
        "Poisoning Undetermined": "T39.1X4",
        "Adverse effect": "T39.1X5",
        "Underdosing": "T39.1X6",
    }
