"""`medgraph load pcs-definitions --source FILE`: a Definitions XML for the loaded ICD-10-PCS axis values."""

import subprocess
import sys
from pathlib import Path

import pytest

from graph.driver import Graph
from server.settings import Settings
from tests.conftest import settings_environ
from tests.graph import inspection_queries as q

pytestmark = pytest.mark.engine


def load(settings: Settings, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "load", "pcs-definitions", *arguments],
        env=settings_environ(settings),
        capture_output=True,
        text=True,
    )


def test_the_release_load_gave_the_values_their_definitions(loaded_graph: Graph) -> None:
    counts = loaded_graph.read(q.PCS_DEFINED_COUNTS)
    assert counts[0]["values"] == 6_338
    assert counts[0]["definitions"] > 0 and counts[0]["includes"] > 0


def test_a_rerun_of_the_bundled_definitions_leaves_the_same_graph(
    loaded_graph: Graph, settings: Settings
) -> None:
    before = loaded_graph.read(q.PCS_DEFINED_COUNTS)
    result = load(settings)
    assert result.returncode == 0, result.stderr
    assert "954 terms, 2,213 of the 6,338 loaded ICD-10-PCS axis values defined" in " ".join(
        result.stderr.split()
    )
    assert loaded_graph.read(q.PCS_DEFINED_COUNTS) == before


def test_a_malformed_file_is_one_clear_error_and_the_graph_is_unchanged(
    loaded_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    before = loaded_graph.read(q.PCS_DEFINED_COUNTS)
    source = tmp_path / "icd10pcs_definitions_2027.xml"
    source.write_text(
        "<ICD10PCS.definitions><section code='0'><axis pos='9'><title>X</title></axis></section>"
    )
    result = load(settings, "--source", str(source))
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"medgraph: {source}")
    assert loaded_graph.read(q.PCS_DEFINED_COUNTS) == before
