"""Official releases in the real engine: counts, titles, hierarchy, notes, axes, reloads, kill and re-run."""

import signal
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from graph.driver import Graph
from graph.importers.hcpcs_anweb import bundled_workbook_path, read_hcpcs_workbook
from graph.loader.codes import load_release
from graph.loader.progress import SilentProgress
from graph.reads.code_systems import list_code_systems
from graph.reads.graph_state import fingerprint
from server.settings import Settings
from tests.conftest import engine_of_its_own, settings_environ, wait_for
from tests.graph import loader_probes as probe


def test_every_bundled_system_is_recorded_with_its_counts(loaded_graph: Graph) -> None:
    systems = {s.id: s for s in list_code_systems(loaded_graph)}
    assert (systems["ICD10CM"].code_count, systems["ICD10CM"].billable_count) == (98_505, 74_719)
    assert systems["ICD10PCS"].billable_count == 79_115
    assert systems["HCPCS"].code_count == 8_463 + 383 + probe.hcpcs_group_count(loaded_graph)
    assert systems["HCPCS"].billable_count == 8_463 - 1_205
    assert systems["CPT"].code_count >= 30
    assert systems["ICD10CM"].version == "FY2026 (April 1, 2026 update)"
    assert systems["ICD10PCS"].version == "FY2026"
    assert (systems["ICD9CM"].code_count, systems["ICD9CM"].billable_count) == (14_567 + 3_882, 0)
    assert systems["ICD9CM"].version == "FY2015 (version 32)"


def test_titles_are_exactly_as_published(loaded_graph: Graph) -> None:
    assert probe.title(loaded_graph, "ICD10CM:I82.401") == (
        "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    )
    assert probe.title(loaded_graph, "ICD10PCS:06CY3ZZ") == (
        "Extirpation of Matter from Lower Vein, Percutaneous Approach"
    )
    assert probe.title(loaded_graph, "HCPCS:J2997") == "Injection, alteplase recombinant, 1 mg"


def test_hierarchy_runs_from_code_to_chapter(loaded_graph: Graph) -> None:
    assert probe.ancestors(loaded_graph, "ICD10CM:I82.401") == [
        "ICD10CM:I82.40", "ICD10CM:I82.4", "ICD10CM:I82", "ICD10CM:I80-I89", "ICD10CM:9",
    ]  # fmt: skip
    assert probe.ancestors(loaded_graph, "ICD10PCS:06CY3ZZ") == ["ICD10PCS:06C", "ICD10PCS:06", "ICD10PCS:0"]
    assert probe.ancestors(loaded_graph, "ICD10CM:C7A") == ["ICD10CM:C7A-C7A", "ICD10CM:2"]


def test_seventh_character_codes_are_billable_leaves(loaded_graph: Graph) -> None:
    code = probe.code(loaded_graph, "ICD10CM:S32.9XXA")
    assert code["billable"] is True and code["kind"] == "extension"
    assert probe.code(loaded_graph, "ICD10CM:S32.9")["billable"] is False


def test_notes_are_text_on_the_code_and_edges_to_their_targets(loaded_graph: Graph) -> None:
    # I82 "Other venous embolism and thrombosis" Excludes2 "pulmonary (I26.-)"; I26 Excludes1 I27.81.
    assert "ICD10CM:I26" in probe.note_targets(loaded_graph, "ICD10CM:I82", "EXCLUDES2")
    assert probe.note_targets(loaded_graph, "ICD10CM:I26", "EXCLUDES1") == ["ICD10CM:I27.81"]
    assert "pulmonary (I26.-)" in probe.code(loaded_graph, "ICD10CM:I82")["excludes2"]
    assert "ICD10CM:O22" in probe.note_targets(loaded_graph, "ICD10CM:I82", "CODE_FIRST")


def test_pcs_codes_link_to_the_meaning_of_each_axis(loaded_graph: Graph) -> None:
    axes = probe.axes(loaded_graph, "ICD10PCS:06CY3ZZ")
    assert axes["ROOT_OPERATION"] == "Extirpation"
    assert axes["APPROACH"] == "Percutaneous"
    assert axes["BODY_PART"] == "Lower Vein"


def test_terminated_hcpcs_codes_are_kept_inactive(loaded_graph: Graph) -> None:
    # 1,205 terminated codes and 20 terminated modifiers, still listed by CMS; retired codes are not billable.
    assert probe.inactive_hcpcs(loaded_graph) == 1_225


def test_loading_a_release_again_changes_nothing(loaded_graph: Graph) -> None:
    before = fingerprint(loaded_graph)
    summary = load_release(loaded_graph, read_hcpcs_workbook(bundled_workbook_path()), SilentProgress())
    assert (summary.changes.added, summary.changes.removed, summary.changes.retitled) == (0, 0, 0)
    assert fingerprint(loaded_graph) == before


def medgraph_load(settings: Settings, system: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "server", "load", system],
        env=settings_environ(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_load_killed_half_way_and_run_again_equals_a_clean_load(tmp_path: Path) -> None:
    """On an engine of its own: the session's graph is never half loaded under other tests."""
    with engine_of_its_own(tmp_path) as (settings, _), closing(Graph(settings.graph_config())) as graph:
        assert medgraph_load(settings, "hcpcs").wait() == 0
        clean = fingerprint(graph)
        probe.delete_system(graph, "HCPCS")
        assert probe.system_code_count(graph, "HCPCS") == 0
        loader = medgraph_load(settings, "hcpcs")
        try:

            def half_way() -> bool:
                assert loader.poll() is None, "the load finished before it could be killed"
                return probe.system_code_count(graph, "HCPCS") >= 2_000

            wait_for(half_way, 120, "the load never got half way")
        finally:
            loader.send_signal(signal.SIGKILL)
            loader.wait()
        assert 0 < probe.system_code_count(graph, "HCPCS") < 8_463
        assert not probe.system_recorded(graph, "HCPCS")  # an unfinished load is not reported as loaded

        assert medgraph_load(settings, "hcpcs").wait() == 0
        assert fingerprint(graph) == clean


@pytest.mark.parametrize(("system", "content"), [("hcpcs", None), ("icd10cm", "<ICD10CM.tabular><chapter>")])
def test_a_missing_or_malformed_file_is_one_clear_error_and_the_graph_is_unchanged(
    loaded_graph: Graph, settings: Settings, tmp_path: Path, system: str, content: str | None
) -> None:
    source = tmp_path / "release-file"
    if content is not None:
        source.write_text(content)
    before = probe.system_code_count(loaded_graph, system.upper())
    result = subprocess.run(
        [sys.executable, "-m", "server", "load", system, "--source", str(source)],
        env=settings_environ(settings),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"medgraph: {source}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert probe.system_code_count(loaded_graph, system.upper()) == before
