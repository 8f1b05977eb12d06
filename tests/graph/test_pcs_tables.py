"""ICD-10-PCS Tables XML importer: labels per code, axis titles per section, names, malformed input."""

from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.pcs_tables import PcsTables, bundled_tables_path, read_pcs_tables

EXCERPT = Path(__file__).parents[1] / "fixtures" / "icd10pcs" / "icd10pcs_tables_2026_excerpt.xml"


@pytest.fixture(scope="module")
def excerpt() -> PcsTables:
    return read_pcs_tables(EXCERPT)


def test_every_code_of_a_row_gets_its_labels(excerpt: PcsTables) -> None:
    assert excerpt.version == "2026"
    assert excerpt.code_labels["06CY3ZZ"] == (
        "Extirpation",
        "Lower Vein",
        "Percutaneous",
        "No Device",
        "No Qualifier",
    )
    assert excerpt.code_labels["B5071ZZ"] == (
        "Plain Radiography", "Subclavian Vein, Left", "Low Osmolar", "None", "None",
    )  # fmt: skip


def test_axis_titles_are_per_section_and_position(excerpt: PcsTables) -> None:
    assert [excerpt.axis_titles[("0", p)] for p in range(1, 8)] == [
        "Section", "Body System", "Operation", "Body Part", "Approach", "Device", "Qualifier",
    ]  # fmt: skip
    assert excerpt.axis_titles[("B", 3)] == "Type"
    assert excerpt.axis_titles[("B", 5)] == "Contrast"
    assert excerpt.axis_titles[("2", 4)] == "Body Region"


def test_sections_and_body_systems_are_named(excerpt: PcsTables) -> None:
    assert excerpt.names["0"] == "Medical and Surgical"
    assert excerpt.names["06"] == "Lower Veins"
    assert excerpt.names["GZ"] == "None"


def test_bundled_file_labels_every_fy2026_code() -> None:
    tables = read_pcs_tables(bundled_tables_path())
    assert len(tables.code_labels) == 79_115
    assert len([name for name in tables.names if len(name) == 1]) == 17
    assert len([name for name in tables.names if len(name) == 2]) == 115
    assert tables.axis_titles[("F", 2)] == "Section Qualifier"
    # A label that depends on the row: device 2 of XW0 in two New Technology groups.
    assert tables.code_labels["XW00X27"][3] == "Anacaulase-bcdb"
    assert tables.code_labels["XW01329"][3] == "Talquetamab Antineoplastic"


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "tables.xml"
    path.write_text(EXCERPT.read_text().replace("</pcsRow>", "</pcsrow>", 1))
    with pytest.raises(ImportFormatError, match="not well-formed") as error:
        read_pcs_tables(path)
    assert error.value.line is not None


def test_axis_without_label_names_the_table_and_row(tmp_path: Path) -> None:
    text = EXCERPT.read_text()
    path = tmp_path / "tables.xml"
    path.write_text(text.replace('<label code="3">Percutaneous</label>', '<label code="3"></label>', 1))
    with pytest.raises(ImportFormatError, match=r"pcsTable #1: table 06C, pcsRow #1: axis 5"):
        read_pcs_tables(path)


def test_wrong_root_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tables.xml"
    path.write_text("<ICD10PCS.definitions/>")
    with pytest.raises(ImportFormatError, match=r"is not <ICD10PCS\.tabular>"):
        read_pcs_tables(path)
    with pytest.raises(ImportFormatError, match="file not found"):
        read_pcs_tables(tmp_path / "missing.xml")
