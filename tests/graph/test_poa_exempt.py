"""POA-exempt list importer: the full list from the release zip, quoted descriptions, malformed input."""

import zipfile
from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.poa_exempt import (
    PoaExemptRecord,
    bundled_poa_exempt_path,
    read_poa_exempt,
)

EXCERPT = Path(__file__).parents[1] / "fixtures" / "vocabulary" / "POAexemptCodesFY26_excerpt.zip"
HEADER = "Order26\tPOAexemptCode\tDescription\r\n"


def write_zip(tmp_path: Path, text: str, member: str = "POAexemptCodesFY26.txt") -> Path:
    path = tmp_path / "POAexemptCodesFY26.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, text)
    return path


def test_the_excerpt_gives_its_codes_in_file_order_with_their_lines() -> None:
    exempt = read_poa_exempt(EXCERPT)
    assert (exempt.source, exempt.fiscal_year) == ("POAexemptCodesFY26.txt", 2026)
    assert [r.code for r in exempt.records] == [
        "B90.0", "B90.1", "B90.2", "B90.8", "QA0.0101", "V00.01XA", "Z99.89",
    ]  # fmt: skip
    assert exempt.records[0] == PoaExemptRecord(
        line=2, order="01238", code="B90.0", title="Sequelae of central nervous system tuberculosis"
    )


def test_a_quoted_description_loses_its_quotes() -> None:
    record = read_poa_exempt(EXCERPT).records[5]
    assert record.title == "Pedestrian on foot injured in collision with roller-skater, initial encounter"


def test_the_bundled_fy2026_list_has_38349_codes() -> None:
    exempt = read_poa_exempt(bundled_poa_exempt_path())
    assert (len(exempt.records), exempt.records[-1].code) == (38349, "Z99.89")


def test_a_line_without_three_fields_names_its_line(tmp_path: Path) -> None:
    path = write_zip(tmp_path, HEADER + "01238\tB90.0\tSequelae\r\n01239\tB90.1\r\n")
    with pytest.raises(ImportFormatError, match=r"POAexemptCodesFY26.txt:3: expected 3 tab-separated"):
        read_poa_exempt(path)


def test_a_code_without_its_dot_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path, HEADER + "01238\tB900\tSequelae\r\n")
    with pytest.raises(ImportFormatError, match=r":2: code 'B900' is not an ICD-10-CM code"):
        read_poa_exempt(path)


def test_a_code_listed_twice_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path, HEADER + "01238\tB90.0\tA\r\n01238\tB90.0\tA\r\n")
    with pytest.raises(ImportFormatError, match=r":3: code B90.0 is listed twice"):
        read_poa_exempt(path)


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path, "Code\tDescription\r\n")
    with pytest.raises(ImportFormatError, match=r":1: expected the header"):
        read_poa_exempt(path)


def test_a_zip_without_the_full_list_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path, HEADER, member="POAexemptAddCodesFY26.txt")
    with pytest.raises(ImportFormatError, match=r"expected one member POAexemptCodesFY<yy>\.txt"):
        read_poa_exempt(path)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "POAexemptCodesFY26.zip"
    path.write_text(HEADER)
    with pytest.raises(ImportFormatError, match="not a zip file"):
        read_poa_exempt(path)
