"""HCPCS Level II ANWEB importer: codes, modifiers, status, groups, malformed input."""

import csv
from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.hcpcs_anweb import bundled_workbook_path, read_hcpcs_workbook
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.model import System

EXCERPT = Path(__file__).parents[1] / "fixtures" / "hcpcs" / "HCPC2025_OCT_ANWEB_excerpt.csv"


def codes_by_code(release: Release) -> dict[str, CodeRecord]:
    return {record.code: record for record in release.codes}


def excerpt_rows() -> list[list[str]]:
    with EXCERPT.open(newline="") as handle:
        return list(csv.reader(handle))


def write_rows(tmp_path: Path, rows: list[list[str]], name: str = "HCPC2025_OCT_ANWEB.csv") -> Path:
    path = tmp_path / name
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def placeholder_row(header: list[str], code: str, recid: str) -> list[str]:
    cells = dict.fromkeys(header, "")
    cells.update({"HCPC": code, "SEQNUM": "0010", "RECID": recid, "ADD DT": "20250101"})
    cells.update({"LONG DESCRIPTION": "Test descriptor", "SHORT DESCRIPTION": "Test"})
    return [cells[name] for name in header]


@pytest.fixture(scope="module")
def excerpt() -> Release:
    return read_hcpcs_workbook(EXCERPT)


@pytest.fixture(scope="module")
def full() -> Release:
    return read_hcpcs_workbook(bundled_workbook_path())


# --- a real excerpt -------------------------------------------------------------------------


def test_release_names_system_version_and_source(excerpt: Release) -> None:
    assert (excerpt.system, excerpt.name, excerpt.version) == (System.HCPCS, "HCPCS Level II", "2025 October")
    assert excerpt.source == "HCPC2025_OCT_ANWEB_excerpt.csv"


def test_procedure_code_keeps_descriptions_dates_and_attributes(excerpt: Release) -> None:
    assert codes_by_code(excerpt)["J0178"] == CodeRecord(
        code="J0178",
        title="Injection, aflibercept, 1 mg",
        kind=CodeKind.CODE,
        billable=True,
        parent="J0000-J9999",
        short_title="Aflibercept injection",
        effective_date="2013-01-01",
        attributes=(
            ("pricing_indicator_1", "51"),
            ("multiple_pricing_indicator", "A"),
            ("coverage", "C"),
            ("asc_payment_group", "YY"),
            ("asc_group_effective_date", "20130101"),
            ("betos", "O1E"),
            ("type_of_service_1", "1"),
            ("type_of_service_2", "P"),
            ("anesthesia_base_units", "0"),
            ("added_date", "20130101"),
            ("action_code", "N"),
        ),
    )


def test_cross_reference_is_an_attribute(excerpt: Release) -> None:
    assert ("cross_reference_1", "A0030") in codes_by_code(excerpt)["A0021"].attributes


def test_terminated_code_is_kept_inactive(excerpt: Release) -> None:
    record = codes_by_code(excerpt)["J0135"]
    assert (record.active, record.termination_date, record.effective_date) == (
        False,
        "2024-12-31",
        "2025-01-01",
    )


def test_modifier_is_stripped_and_not_billable(excerpt: Release) -> None:
    assert codes_by_code(excerpt)["A1"] == CodeRecord(
        code="A1",
        title="Dressing for one wound",
        kind=CodeKind.MODIFIER,
        billable=False,
        parent="Modifiers",
        short_title="Dressing for one wound",
        effective_date="2002-07-01",
        attributes=(("coverage", "C"), ("added_date", "20020701"), ("action_code", "N")),
    )
    assert codes_by_code(excerpt)["CP"].active is False


def test_codes_are_grouped_by_letter_and_modifiers_apart(excerpt: Release) -> None:
    groups = {r.code: r.title for r in excerpt.codes if r.kind == CodeKind.GROUP}
    assert groups == {
        "A0000-A9999": "HCPCS Level II codes starting with A",
        "E0000-E9999": "HCPCS Level II codes starting with E",
        "G0000-G9999": "HCPCS Level II codes starting with G",
        "J0000-J9999": "HCPCS Level II codes starting with J",
        "K0000-K9999": "HCPCS Level II codes starting with K",
        "V0000-V9999": "HCPCS Level II codes starting with V",
        "Modifiers": "HCPCS Level II modifiers",
    }
    assert len([r for r in excerpt.codes if r.kind != CodeKind.GROUP]) == 15


def test_cpt_and_cdt_codes_and_cpt_modifiers_are_never_imported(tmp_path: Path) -> None:
    rows = excerpt_rows()
    header = rows[0]
    extra = [
        placeholder_row(header, code, recid)
        for code, recid in (("99213", "3"), ("D0120", "3"), ("   25", "7"))
    ]
    release = read_hcpcs_workbook(write_rows(tmp_path, rows + extra))
    codes = codes_by_code(release)
    assert not {"99213", "D0120", "25"} & codes.keys()
    assert len([r for r in release.codes if r.kind != CodeKind.GROUP]) == 15


# --- malformed input ------------------------------------------------------------------------


def test_wrong_column_count_is_reported_with_its_line(tmp_path: Path) -> None:
    rows = excerpt_rows()
    rows[3] = rows[3][:-1]
    with pytest.raises(ImportFormatError) as error:
        read_hcpcs_workbook(write_rows(tmp_path, rows))
    assert error.value.line == 4
    assert "expected 48 columns, found 47" in error.value.message


def test_missing_column_is_reported(tmp_path: Path) -> None:
    rows = [[cell for i, cell in enumerate(row) if i != 2] for row in excerpt_rows()]  # no RECID
    with pytest.raises(ImportFormatError, match="RECID") as error:
        read_hcpcs_workbook(write_rows(tmp_path, rows))
    assert error.value.line == 1


def test_bad_date_is_reported(tmp_path: Path) -> None:
    rows = excerpt_rows()
    rows[7][rows[0].index("TERM DT")] = "2024-12-31"
    with pytest.raises(ImportFormatError, match="YYYYMMDD") as error:
        read_hcpcs_workbook(write_rows(tmp_path, rows))
    assert error.value.line == 8


def test_unknown_record_id_is_reported(tmp_path: Path) -> None:
    rows = excerpt_rows()
    rows[2][2] = "4"
    with pytest.raises(ImportFormatError, match="RECID") as error:
        read_hcpcs_workbook(write_rows(tmp_path, rows))
    assert error.value.line == 3


def test_file_name_must_name_the_release(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="names no release"):
        read_hcpcs_workbook(write_rows(tmp_path, excerpt_rows(), name="hcpcs.csv"))


def test_file_that_is_no_workbook_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "HCPC2025_OCT_ANWEB.xlsx"
    path.write_bytes(EXCERPT.read_bytes())
    with pytest.raises(ImportFormatError, match="not an xlsx workbook"):
        read_hcpcs_workbook(path)


def test_missing_workbook_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="file not found"):
        read_hcpcs_workbook(tmp_path / "HCPC2025_OCT_ANWEB.xlsx")


# --- the bundled October 2025 workbook ------------------------------------------------------


def test_full_workbook_counts(full: Release) -> None:
    codes = [r for r in full.codes if r.kind == CodeKind.CODE]
    modifiers = [r for r in full.codes if r.kind == CodeKind.MODIFIER]
    groups = [r for r in full.codes if r.kind == CodeKind.GROUP]
    assert len(codes) == 8_463
    assert len([r for r in codes if not r.active]) == 1_205
    assert len(modifiers) == 383
    assert len([r for r in modifiers if not r.active]) == 20
    assert len(groups) == 18  # 17 letters and the modifiers
    assert full.version == "2025 October"
    assert full.source == "HCPC2025_OCT_ANWEB.xlsx"


def test_full_workbook_samples(full: Release) -> None:
    codes = codes_by_code(full)
    assert (codes["J0178"].title, codes["J0178"].short_title) == (
        "Injection, aflibercept, 1 mg",
        "Aflibercept injection",
    )
    assert codes["A0021"].title == "Ambulance service, outside state per mile, transport (medicaid only)"
    assert (
        codes["GA"].title
        == "Waiver of liability statement issued as required by payer policy, individual case"
    )
    assert codes["V5364"].parent == "V0000-V9999"
