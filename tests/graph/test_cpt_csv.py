"""CPT licensee CSV importer. Descriptors here are placeholders: no AMA text in this repository."""

from pathlib import Path

import pytest

from graph.importers.cpt_csv import read_cpt_csv
from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord
from graph.model import System


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cpt.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_codes_with_long_and_short_descriptors(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "code,long_descriptor,short_descriptor\n"
        "37188,Test descriptor one,Test one\n"
        "0001F,Test descriptor two,\n"
        "0042T,Test descriptor three,Test three\n"
        "0001U,Test descriptor four,Test four\n"
        "0002M,Test descriptor five,Test five\n",
    )
    release = read_cpt_csv(path, "2026")
    assert (release.system, release.name, release.version, release.source) == (
        System.CPT,
        "Current Procedural Terminology (CPT)",
        "2026",
        "cpt.csv",
    )
    assert release.codes[0] == CodeRecord(
        code="37188", title="Test descriptor one", kind=CodeKind.CODE, billable=True, short_title="Test one"
    )
    assert release.codes[1].short_title is None
    assert [r.code for r in release.codes] == ["37188", "0001F", "0042T", "0001U", "0002M"]


def test_medium_descriptor_is_kept_and_unknown_columns_ignored(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "code,extra,long_descriptor,medium_descriptor,short_descriptor\n"
        "37188,x,Test descriptor one,Test medium one,Test one\n",
    )
    (record,) = read_cpt_csv(path, "2026").codes
    assert record.attributes == (("medium_descriptor", "Test medium one"),)
    assert record.title == "Test descriptor one"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "cpt.csv"
    text = "code,long_descriptor,short_descriptor\n37188,Test descriptor one,T\n"
    path.write_text(text, encoding="utf-8-sig")
    assert [r.code for r in read_cpt_csv(path, "2026").codes] == ["37188"]


@pytest.mark.parametrize("code", ["3718", "371888", "3718A", "A7188", "37-88"])
def test_malformed_code_is_reported_with_its_line(tmp_path: Path, code: str) -> None:
    path = write_csv(
        tmp_path,
        "code,long_descriptor,short_descriptor\n"
        f"37188,Test descriptor one,Test one\n{code},Test descriptor two,T\n",
    )
    with pytest.raises(ImportFormatError, match="not a CPT code") as error:
        read_cpt_csv(path, "2026")
    assert error.value.line == 3


def test_wrong_column_count_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,long_descriptor,short_descriptor\n37188,Test descriptor one\n")
    with pytest.raises(ImportFormatError, match="expected 3 columns, found 2") as error:
        read_cpt_csv(path, "2026")
    assert error.value.line == 2


def test_wrong_header_is_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,descriptor\n37188,Test descriptor one\n")
    with pytest.raises(ImportFormatError, match="long_descriptor, short_descriptor") as error:
        read_cpt_csv(path, "2026")
    assert error.value.line == 1


def test_empty_long_descriptor_is_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,long_descriptor,short_descriptor\n37188, ,Test one\n")
    with pytest.raises(ImportFormatError, match="no long descriptor") as error:
        read_cpt_csv(path, "2026")
    assert error.value.line == 2


def test_duplicate_code_is_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,long_descriptor,short_descriptor\n37188,Test one,T\n37188,Test two,T\n")
    with pytest.raises(ImportFormatError, match="appears twice") as error:
        read_cpt_csv(path, "2026")
    assert error.value.line == 3


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="file not found") as error:
        read_cpt_csv(tmp_path / "cpt.csv", "2026")
    assert error.value.line is None
