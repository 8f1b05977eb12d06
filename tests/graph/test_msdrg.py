"""MS-DRG v43.1 as a code system (graph.importers.msdrg): every DRG under its MDC, in families by severity."""

from pathlib import Path

import pytest

from graph.driver import Graph
from graph.importers.errors import ImportFormatError
from graph.importers.msdrg import MDC_FILE, bundled_msdrg_path, family_stem, read_msdrg
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.model import System
from tests.graph.inspection_queries import DRG_PATH, MDC_COUNT, SYSTEM_CODE_COUNT


@pytest.fixture(scope="module")
def release() -> Release:
    return read_msdrg(bundled_msdrg_path())


def codes(release: Release) -> dict[str, CodeRecord]:
    return {code.code: code for code in release.codes}


def test_every_drg_and_mdc_of_the_release_is_read(release: Release) -> None:
    kinds = [code.kind for code in release.codes]
    assert release.system is System.MSDRG
    assert release.version.startswith("v43.1")
    assert kinds.count(CodeKind.CODE) == 772
    assert kinds.count(CodeKind.CHAPTER) == 25


def test_a_drg_keeps_its_mdc_and_type_and_sits_in_its_severity_family(release: Release) -> None:
    found = codes(release)
    heart_failure = found["291"]
    assert heart_failure.title == "Heart Failure and Shock with MCC"
    assert dict(heart_failure.attributes) == {"mdc": "05", "drgType": "medical"}
    assert heart_failure.parent == "291-293"
    assert found["291-293"].title == "Heart Failure and Shock"
    assert found["291-293"].parent == "MDC05"
    assert found["MDC05"].title == "Diseases and Disorders of the Circulatory System"
    assert [c.code for c in release.codes if c.parent == "291-293"] == ["291", "292", "293"]


def test_drgs_outside_the_mdcs_have_groups_of_their_own(release: Release) -> None:
    found = codes(release)
    assert found["001"].parent == "001-002"
    assert found["001-002"].parent == "PRE-MDC"
    assert found["999"].parent == "ALL-MDC"
    assert dict(found["999"].attributes) == {}  # neither medical nor surgical, in no MDC


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Heart Failure and Shock without CC/MCC", "Heart Failure and Shock"),
        (
            "Percutaneous Cardiovascular Procedures with Intraluminal Device with MCC or 4+ "
            "Arteries/Intraluminal Devices",
            "Percutaneous Cardiovascular Procedures with Intraluminal Device",
        ),
        ("Angina Pectoris", "Angina Pectoris"),
    ],
)
def test_a_family_is_named_by_the_words_its_drgs_share(title: str, stem: str) -> None:
    assert family_stem(title) == stem


def test_a_drg_naming_an_mdc_the_mdc_file_lacks_is_refused(tmp_path: Path) -> None:
    drgs = tmp_path / "drgs.csv"
    drgs.write_text("drg,mdc,type,title\n291,05,medical,Heart Failure and Shock with MCC\n")
    (tmp_path / MDC_FILE).write_text("mdc,title\n04,Diseases and Disorders of the Respiratory System\n")
    with pytest.raises(ImportFormatError, match="MDC 05"):
        read_msdrg(drgs)


@pytest.mark.engine
def test_the_loaded_drgs_hang_from_their_mdc_nodes(loaded_graph: Graph) -> None:
    assert loaded_graph.read(SYSTEM_CODE_COUNT, system="MSDRG")[0]["n"] == 772 + 269 + 25
    assert loaded_graph.read(MDC_COUNT)[0]["n"] == 25
    (path,) = loaded_graph.read(DRG_PATH, uid="MSDRG:291")
    assert path["codes"] == ["291", "291-293", "MDC05"]
    assert "MDC" in path["labels"]
