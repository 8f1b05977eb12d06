"""ICD-10-PCS order file importer: hierarchy, titles, axis meanings, malformed input."""

import gzip
import shutil
from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd10pcs_order import bundled_order_path, read_pcs_order_file
from graph.importers.records import CodeKind, CodeRecord, PcsValueRecord, Release
from graph.model import System

FIXTURES = Path(__file__).parents[1] / "fixtures" / "icd10pcs"
EXCERPT = FIXTURES / "icd10pcs_order_2026_excerpt.txt"
TABLES = FIXTURES / "icd10pcs_tables_2026_excerpt.xml"

SECTION_NAMES = {
    "0": "Medical and Surgical",
    "1": "Obstetrics",
    "2": "Placement",
    "3": "Administration",
    "4": "Measurement and Monitoring",
    "5": "Extracorporeal or Systemic Assistance and Performance",
    "6": "Extracorporeal or Systemic Therapies",
    "7": "Osteopathic",
    "8": "Other Procedures",
    "9": "Chiropractic",
    "B": "Imaging",
    "C": "Nuclear Medicine",
    "D": "Radiation Therapy",
    "F": "Physical Rehabilitation and Diagnostic Audiology",
    "G": "Mental Health",
    "H": "Substance Abuse Treatment",
    "X": "New Technology",
}


def codes_by_code(release: Release) -> dict[str, CodeRecord]:
    return {record.code: record for record in release.codes}


def axes_of(release: Release, code: str) -> dict[str, PcsValueRecord]:
    """The values a code links to, by relationship type."""
    values = {value.key: value for value in release.pcs_values}
    return {link.rel: values[link.value_key] for link in release.axis_links if link.code == code}


@pytest.fixture(scope="module")
def excerpt() -> Release:
    return read_pcs_order_file(EXCERPT, TABLES)


@pytest.fixture(scope="module")
def full() -> Release:
    return read_pcs_order_file(bundled_order_path())


# --- a real excerpt -------------------------------------------------------------------------


def test_release_names_system_version_and_source(excerpt: Release) -> None:
    assert (excerpt.system, excerpt.name, excerpt.version) == (System.ICD10PCS, "ICD-10-PCS", "FY2026")
    assert excerpt.source == "icd10pcs_order_2026_excerpt.txt"


def test_code_sits_under_table_body_system_and_section(excerpt: Release) -> None:
    codes = codes_by_code(excerpt)
    assert codes["06CY3ZZ"] == CodeRecord(
        code="06CY3ZZ",
        title="Extirpation of Matter from Lower Vein, Percutaneous Approach",
        kind=CodeKind.CODE,
        billable=True,
        parent="06C",
        short_title="Extirpation of Matter from Lower Vein, Percutaneous Approach",
    )
    assert codes["06C"] == CodeRecord(
        code="06C",
        title="Lower Veins, Extirpation",
        kind=CodeKind.TABLE,
        billable=False,
        parent="06",
        short_title="Lower Veins, Extirpation",
    )
    assert codes["06"] == CodeRecord(
        code="06",
        title="Lower Veins",
        kind=CodeKind.BODY_SYSTEM,
        billable=False,
        parent="0",
        attributes=(("axis", "Body System"),),
    )
    assert codes["0"] == CodeRecord(
        code="0",
        title="Medical and Surgical",
        kind=CodeKind.SECTION,
        billable=False,
        attributes=(("axis", "Section"),),
    )


def test_short_title_is_the_abbreviated_title(excerpt: Release) -> None:
    assert (
        codes_by_code(excerpt)["06CY4ZZ"].short_title
        == "Extirpation of Matter from Lower Vein, Perc Endo Approach"
    )


def test_sections_are_named_from_headers_and_definitions(excerpt: Release) -> None:
    sections = {r.code: r.title for r in excerpt.codes if r.kind == CodeKind.SECTION}
    assert sections == {s: SECTION_NAMES[s] for s in "012BGX"}


def test_section_0_axes_carry_cms_labels(excerpt: Release) -> None:
    axes = axes_of(excerpt, "06CY3ZZ")
    assert {rel: (v.axis, v.meaning, v.key) for rel, v in axes.items()} == {
        "ROOT_OPERATION": ("Root Operation", "Extirpation", "0*3C"),
        "BODY_PART": ("Body Part", "Lower Vein", "064Y"),
        "APPROACH": ("Approach", "Percutaneous", "0*53"),
        "DEVICE": ("Device", "No Device", "06C6Z"),
        "QUALIFIER": ("Qualifier", "No Qualifier", "06C7Z"),
    }
    assert axes["ROOT_OPERATION"].body_system is None
    assert axes["BODY_PART"].body_system == "6"
    # Device and qualifier meanings differ between tables of one body system: scoped to the table.
    assert axes["DEVICE"].body_system == "6C"


def test_table_new_in_fy2026_borrows_body_part_and_none_values_and_reads_qualifiers(excerpt: Release) -> None:
    axes = axes_of(excerpt, "09XK0Z1")
    assert {rel: v.meaning for rel, v in axes.items()} == {
        "ROOT_OPERATION": "Transfer",
        "BODY_PART": "Nasal Mucosa and Soft Tissue",
        "APPROACH": "Open",
        "DEVICE": "No Device",
        "QUALIFIER": "Frontal Bone",
    }


def test_obstetrics_axes_come_from_definitions(excerpt: Release) -> None:
    axes = axes_of(excerpt, "10D07Z3")
    assert {rel: v.meaning for rel, v in axes.items()} == {
        "ROOT_OPERATION": "Extraction",
        "BODY_PART": "Products of Conception",
        "APPROACH": "Via Natural or Artificial Opening",
        "DEVICE": "No Device",
        "QUALIFIER": "Low Forceps",
    }


def test_imaging_axes_are_named_as_the_section_titles_them(excerpt: Release) -> None:
    axes = axes_of(excerpt, "B5071ZZ")
    assert {rel: (v.axis, v.meaning) for rel, v in axes.items()} == {
        "ROOT_OPERATION": ("Type", "Plain Radiography"),
        "BODY_PART": ("Body Part", "Subclavian Vein, Left"),
        "APPROACH": ("Contrast", "Low Osmolar"),
        "DEVICE": ("Qualifier", "None"),
        "QUALIFIER": ("Qualifier", "None"),
    }


def test_placement_names_its_fourth_axis_body_region(excerpt: Release) -> None:
    axes = axes_of(excerpt, "2W00X3Z")
    assert axes["ROOT_OPERATION"].meaning == "Change"
    assert (axes["BODY_PART"].axis, axes["BODY_PART"].meaning) == ("Body Region", "Head")
    assert (axes["DEVICE"].axis, axes["DEVICE"].meaning) == ("Device", "Brace")


def test_mental_health_has_an_unnamed_body_system(excerpt: Release) -> None:
    codes = codes_by_code(excerpt)
    assert codes["GZ"].title == "None"
    assert codes["GZ1"].title == "Mental Health, Psychological Tests"
    axes = axes_of(excerpt, "GZ13ZZZ")
    assert (axes["ROOT_OPERATION"].axis, axes["ROOT_OPERATION"].meaning) == ("Type", "Psychological Tests")
    assert (axes["BODY_PART"].axis, axes["BODY_PART"].meaning) == ("Qualifier", "Neuropsychological")


def test_header_without_operation_still_has_a_root_operation_in_the_tables(excerpt: Release) -> None:
    codes = codes_by_code(excerpt)
    assert codes["X0"].title == "Nervous System"
    assert codes["X0Z"].title == "New Technology, Nervous System"
    axes = axes_of(excerpt, "X0Z0X18")
    assert axes["ROOT_OPERATION"].meaning == "Other Procedures"
    assert (axes["DEVICE"].axis, axes["DEVICE"].meaning) == (
        "Device / Substance / Technology",
        "Computer-assisted Transcranial Magnetic Stimulation",
    )


def test_every_link_points_to_a_value_and_every_parent_exists(excerpt: Release) -> None:
    keys = {value.key for value in excerpt.pcs_values}
    assert all(link.value_key in keys for link in excerpt.axis_links)
    codes = codes_by_code(excerpt)
    assert all(record.parent in codes for record in excerpt.codes if record.parent)


def test_gzipped_file_reads_the_same(tmp_path: Path, excerpt: Release) -> None:
    packed = tmp_path / "icd10pcs_order_2026_excerpt.txt.gz"
    with EXCERPT.open("rb") as plain, gzip.open(packed, "wb") as gz:
        shutil.copyfileobj(plain, gz)
    assert read_pcs_order_file(packed, TABLES) == excerpt


# --- malformed input ------------------------------------------------------------------------


def write_lines(tmp_path: Path, lines: list[bytes], name: str = "icd10pcs_order_2026.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(b"".join(lines))
    return path


def test_truncated_line_is_reported_with_its_number(tmp_path: Path) -> None:
    lines = EXCERPT.read_bytes().splitlines(keepends=True)
    lines[4] = lines[4][:40] + b"\r\n"
    with pytest.raises(ImportFormatError) as error:
        read_pcs_order_file(write_lines(tmp_path, lines), TABLES)
    assert error.value.line == 5
    assert "not an order-file record" in str(error.value)


def test_code_of_wrong_length_is_reported(tmp_path: Path) -> None:
    lines = EXCERPT.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1][:12] + b" " + lines[1][13:]  # 06C0ZZZ -> 06C0ZZ
    with pytest.raises(ImportFormatError) as error:
        read_pcs_order_file(write_lines(tmp_path, lines), TABLES)
    assert error.value.line == 2


def test_code_without_its_table_header_is_reported(tmp_path: Path) -> None:
    lines = EXCERPT.read_bytes().splitlines(keepends=True)
    with pytest.raises(ImportFormatError) as error:
        read_pcs_order_file(write_lines(tmp_path, lines[1:]), TABLES)
    assert error.value.line == 1
    assert "no table header" in error.value.message


def test_repeated_code_is_reported(tmp_path: Path) -> None:
    lines = EXCERPT.read_bytes().splitlines(keepends=True)
    with pytest.raises(ImportFormatError, match="appears twice") as error:
        read_pcs_order_file(write_lines(tmp_path, [*lines[:3], lines[2], *lines[3:]]))
    assert error.value.line == 4


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="file not found"):
        read_pcs_order_file(tmp_path / "icd10pcs_order_2026.txt")


def test_file_name_must_carry_the_year(tmp_path: Path) -> None:
    path = write_lines(tmp_path, EXCERPT.read_bytes().splitlines(keepends=True), name="order.txt")
    with pytest.raises(ImportFormatError, match="no year"):
        read_pcs_order_file(path)


# --- the bundled FY2026 file ----------------------------------------------------------------


def test_full_file_counts(full: Release) -> None:
    kinds: dict[str, int] = {}
    for record in full.codes:
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
    assert kinds == {
        CodeKind.SECTION: 17,
        CodeKind.BODY_SYSTEM: 115,
        CodeKind.TABLE: 914,
        CodeKind.CODE: 79_115,
    }
    assert all(r.billable for r in full.codes if r.kind == CodeKind.CODE)
    assert len(full.pcs_values) == 6_338
    assert len(full.axis_links) == 5 * 79_115


def test_full_file_names_every_section(full: Release) -> None:
    assert {r.code: r.title for r in full.codes if r.kind == CodeKind.SECTION} == SECTION_NAMES


def test_full_file_sample_titles(full: Release) -> None:
    codes = codes_by_code(full)
    assert codes["06CY3ZZ"].title == "Extirpation of Matter from Lower Vein, Percutaneous Approach"
    assert codes["0016070"].title == (
        "Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach"
    )
    assert (
        codes["XY0YX37"].title
        == "Extracorporeal Introduction of Nafamostat Anticoagulant, New Technology Group 7"
    )
    assert codes["0B"].title == "Respiratory System"
    assert codes["BR"].title == "Axial Skeleton, Except Skull and Facial Bones"


def test_full_file_06cy3zz_axes(full: Release) -> None:
    axes = axes_of(full, "06CY3ZZ")
    assert {rel: v.meaning for rel, v in axes.items()} == {
        "ROOT_OPERATION": "Extirpation",
        "BODY_PART": "Lower Vein",
        "APPROACH": "Percutaneous",
        "DEVICE": "No Device",
        "QUALIFIER": "No Qualifier",
    }


def test_full_file_labels_every_section(full: Release) -> None:
    assert axes_of(full, "2W00X3Z")["BODY_PART"].meaning == "Head"
    assert {rel: (v.axis, v.meaning) for rel, v in axes_of(full, "DT012ZZ").items()} == {
        "ROOT_OPERATION": ("Modality", "Beam Radiation"),
        "BODY_PART": ("Treatment Site", "Ureter"),
        "APPROACH": ("Modality Qualifier", "Photons >10 MeV"),
        "DEVICE": ("Isotope", "None"),
        "QUALIFIER": ("Qualifier", "None"),
    }
    # Qualifiers of GZ tables differ between tables: scoped to the table.
    assert axes_of(full, "GZ13ZZZ")["BODY_PART"].key == "GZ143"


def test_full_file_labels_a_qualifier_new_in_fy2026(full: Release) -> None:
    # Table 0C1 is new in FY2026: its only qualifier, 4, is labelled by the Tables like any other.
    assert axes_of(full, "0C1S0E4")["QUALIFIER"].meaning == "Cutaneous"
