"""ICD-10-PCS Definitions XML importer: terms per section and axis, definitions, includes, malformed input."""

from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.pcs_definitions_xml import (
    PcsDefinitions,
    PcsTerm,
    bundled_definitions_path,
    read_pcs_definitions_xml,
)


@pytest.fixture(scope="module")
def bundled() -> PcsDefinitions:
    return read_pcs_definitions_xml(bundled_definitions_path())


def term(definitions: PcsDefinitions, section: str, position: int, title: str) -> PcsTerm:
    return next(
        t for t in definitions.terms if (t.section, t.position) == (section, position) and title in t.titles
    )


def test_root_operation_has_definition_explanation_and_includes(bundled: PcsDefinitions) -> None:
    assert term(bundled, "0", 3, "Extirpation") == PcsTerm(
        section="0",
        position=3,
        axis="Operation",
        titles=("Extirpation",),
        definition="Taking or cutting out solid matter from a body part",
        explanation=(
            "The solid matter may be an abnormal byproduct of a biological function or a foreign body;"
            " it may be imbedded in a body part or in the lumen of a tubular body part. The solid matter"
            " may or may not have been previously broken into pieces"
        ),
        includes=("Thrombectomy, choledocholithotomy",),
    )


def test_body_part_terms_name_both_sides_and_their_includes(bundled: PcsDefinitions) -> None:
    toe = term(bundled, "0", 4, "1st Toe, Left")
    assert toe.titles == ("1st Toe, Left", "1st Toe, Right")
    assert toe.includes == ("Hallux",)
    assert toe.definition is None


def test_bundled_file_counts(bundled: PcsDefinitions) -> None:
    assert bundled.version == "2026"
    assert len(bundled.terms) == 954
    assert sum(len(t.titles) for t in bundled.terms) == 1_090
    assert sum(len(t.includes) for t in bundled.terms) == 1_966
    assert sum(1 for t in bundled.terms if t.definition) == 323
    assert sum(1 for t in bundled.terms if t.explanation) == 60
    assert sorted({t.section for t in bundled.terms}) == list("0123456789BCFGHX")


def test_terms_without_title_name_section_and_axis(tmp_path: Path) -> None:
    path = tmp_path / "definitions.xml"
    text = bundled_definitions_path().read_text()
    path.write_text(text.replace("<title>Alteration</title>", "", 1))
    with pytest.raises(ImportFormatError, match=r"section 0, axis 3: terms #1 has no title"):
        read_pcs_definitions_xml(path)


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "definitions.xml"
    path.write_text("<ICD10PCS.definitions>\n<section code='0'>\n</ICD10PCS.definitions>")
    with pytest.raises(ImportFormatError, match="not well-formed") as error:
        read_pcs_definitions_xml(path)
    assert error.value.line == 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="file not found"):
        read_pcs_definitions_xml(tmp_path / "missing.xml")
