"""Code history and POA exemption in the session's loaded graph (graph.vocabulary.history), over GraphQL."""

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.driver import Graph
from server.app import create_app
from server.settings import Settings
from tests.conftest import settings_environ
from tests.graph import inspection_queries as q

pytestmark = pytest.mark.engine

HISTORY = """
query ($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    poaExempt
    history { effective source previousText retiredCodes replaces { code } replacedBy { code } }
  }
}
"""


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def code_history(client: TestClient, system: str, code: str) -> dict[str, object]:
    response = client.post("/graphql", json={"query": HISTORY, "variables": {"system": system, "code": code}})
    assert "errors" not in response.json()
    return response.json()["data"]["code"]  # type: ignore[no-any-return]


def test_the_bundled_files_load_with_counts_that_match_them(loaded_graph: Graph) -> None:
    assert loaded_graph.read(q.REPLACES_COUNTS) == [
        # 147 between HCPCS codes, 4 onto the curated CPT codes that replaced G0202, G0204, G0436 and G0437
        {"source": "HCPCS cross-reference", "edges": 151},
        {"source": "ICD-10-CM conversion table", "edges": 4_902},
    ]
    assert loaded_graph.read(q.HISTORY_COUNTS) == [{"changes": 5_882, "retired": 1_229}]
    assert loaded_graph.read(q.POA_COUNTS) == [
        {"exempt": False, "codes": 36_370},
        {"exempt": True, "codes": 38_349},
    ]
    assert loaded_graph.read(q.HISTORY_SOURCE_RECORD, source="ICD-10-CM conversion table") == [
        {
            "release": "ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx",
            "records": 5_892,
            "links": 4_902,
            "unresolved": 2,
        }
    ]


def test_a_code_new_in_fy2026_names_the_code_it_replaced(client: TestClient) -> None:
    assert code_history(client, "ICD10CM", "B88.01") == {
        "poaExempt": False,
        "history": [
            {
                "effective": "2025-10-01",
                "source": "ICD-10-CM conversion table",
                "previousText": "B88.0",
                "retiredCodes": [],
                "replaces": [{"code": "B88.0"}],
                "replacedBy": [],
            }
        ],
    }
    assert code_history(client, "ICD10CM", "B88.0")["history"] == [
        {
            "effective": "2025-10-01",
            "source": "ICD-10-CM conversion table",
            "previousText": None,
            "retiredCodes": [],
            "replaces": [],
            "replacedBy": [{"code": "B88.01"}, {"code": "B88.09"}],
        }
    ]


def test_a_previous_code_the_release_no_longer_has_is_kept_as_data(client: TestClient) -> None:
    (change,) = code_history(client, "ICD10CM", "S30.11XA")["history"]  # type: ignore[misc]
    assert (change["retiredCodes"], change["replaces"]) == (["S30.1XXA"], [])


def test_a_terminated_hcpcs_code_is_replaced_by_its_cross_reference(client: TestClient) -> None:
    assert code_history(client, "HCPCS", "C9173") == {
        "poaExempt": None,
        "history": [
            {
                "effective": "2025-07-01",
                "source": "HCPCS cross-reference",
                "previousText": None,
                "retiredCodes": [],
                "replaces": [],
                "replacedBy": [{"code": "Q5148"}],
            }
        ],
    }


def test_poa_exempt_is_true_on_a_listed_code_false_on_another_and_null_on_a_header(
    client: TestClient,
) -> None:
    assert code_history(client, "ICD10CM", "B90.0")["poaExempt"] is True
    assert code_history(client, "ICD10CM", "I10")["poaExempt"] is False
    assert code_history(client, "ICD10CM", "B90")["poaExempt"] is None


def test_a_malformed_poa_file_is_one_clear_error_and_the_graph_is_unchanged(
    loaded_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "POAexemptCodesFY27.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("POAexemptCodesFY27.txt", "Order27\tPOAexemptCode\tDescription\r\n01238\tB900\t\r\n")
    result = subprocess.run(
        [sys.executable, "-m", "server", "load", "poa-exempt", "--source", str(source)],
        env=settings_environ(settings),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"medgraph: {source}!POAexemptCodesFY27.txt:2: code 'B900' is not an ICD-10-CM code with its dot"
    )
    assert loaded_graph.read(q.POA_COUNTS) == [
        {"exempt": False, "codes": 36_370},
        {"exempt": True, "codes": 38_349},
    ]


def test_a_rerun_of_the_conversion_table_leaves_the_same_graph(
    loaded_graph: Graph, settings: Settings
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "server", "load", "conversion-table"],
        env=settings_environ(settings),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "5,892 records, 4,902 REPLACES edges, 1,229 previous" in " ".join(result.stderr.split())
    assert loaded_graph.read(q.HISTORY_COUNTS) == [{"changes": 5_882, "retired": 1_229}]
    assert loaded_graph.read(q.REPLACES_COUNTS)[1] == {"source": "ICD-10-CM conversion table", "edges": 4_902}
