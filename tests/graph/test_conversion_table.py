"""ICD-10-CM conversion table importer: effective dates, previous codes as published, malformed input."""

from pathlib import Path

import openpyxl
import pytest

from graph.importers.conversion_table import (
    ConversionRecord,
    bundled_conversion_table_path,
    read_conversion_table,
    replaced_by,
)
from graph.importers.errors import ImportFormatError

EXCERPT = (
    Path(__file__).parents[1] / "fixtures" / "vocabulary" / "ICD-10-CM-CONVERSION-TABLE-FY2026_excerpt.xlsx"
)


@pytest.fixture(scope="module")
def excerpt() -> dict[str, ConversionRecord]:
    return {record.code: record for record in read_conversion_table(EXCERPT)}


def write_rows(tmp_path: Path, rows: list[tuple[object, ...]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx"
    workbook.save(path)
    return path


HEADER = ("Current code assignment", "Effective", "Previous Code(s) Assignment")


def test_a_year_means_october_first_and_the_previous_code_is_kept(
    excerpt: dict[str, ConversionRecord],
) -> None:
    assert excerpt["A04.71"] == ConversionRecord(
        line=3, code="A04.71", effective="2017-10-01", previous=("A04.7",), previous_text="A04.7"
    )


def test_a_date_cell_marks_a_mid_year_release_and_padding_is_trimmed(
    excerpt: dict[str, ConversionRecord],
) -> None:
    assert (excerpt["Z91.158"].effective, excerpt["Z91.158"].previous) == ("2023-04-01", ("Z91.15",))


def test_several_previous_codes_ranges_and_prose(excerpt: dict[str, ConversionRecord]) -> None:
    assert excerpt["I63.013"].previous == ("I63.011", "I63.012")
    assert excerpt["H36.822"].previous == ("H35.20-H35.23",)
    assert excerpt["R11.15"].previous == ("K31.89", "R11")
    assert excerpt["W44.A0XA"].previous == ("T15-T19",)
    assert excerpt["W44.A0XA"].previous_text == "Codes in Categories T15-T19"


def test_none_names_no_previous_code(excerpt: dict[str, ConversionRecord]) -> None:
    assert (excerpt["M04.8"].previous, excerpt["M04.8"].previous_text) == ((), "None")


def test_a_code_written_without_its_dot_gets_it_back(excerpt: dict[str, ConversionRecord]) -> None:
    assert "W453XXA" not in excerpt
    assert excerpt["W45.3XXA"].previous == ("W45.8XXA",)
    assert excerpt["QA0.0101"].effective == "2025-10-01"


def test_replaced_by_maps_single_previous_codes_to_the_new_codes_in_order() -> None:
    found = replaced_by(read_conversion_table(EXCERPT))
    assert found["A04.7"] == ("A04.71", "A04.72")
    assert found["I63.011"] == ("I63.013",)
    assert "H35.20-H35.23" not in found


def test_the_bundled_fy2026_table_has_every_row() -> None:
    records = read_conversion_table(bundled_conversion_table_path())
    assert (len(records), len({record.code for record in records})) == (5892, 5884)
    assert sum(1 for record in records if not record.previous) == 125
    assert sum(1 for record in records if record.effective == "2025-10-01") == 487


def test_a_wrong_header_names_the_row(tmp_path: Path) -> None:
    path = write_rows(tmp_path, [("title",), ("Code", "Effective", "Previous")])
    with pytest.raises(ImportFormatError, match=r":2: expected the header Current code assignment"):
        read_conversion_table(path)


def test_a_malformed_code_or_year_names_its_row(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r":4: current code '12345' is not an ICD-10-CM code"):
        read_conversion_table(
            write_rows(tmp_path, [("title",), HEADER, ("A04.71", 2017, "A04.7"), ("12345", 2017, "")])
        )
    with pytest.raises(ImportFormatError, match=r":3: effective 'soon' is neither a year nor a date"):
        read_conversion_table(write_rows(tmp_path, [("title",), HEADER, ("A04.71", "soon", "A04.7")]))


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(ImportFormatError, match="not an xlsx workbook"):
        read_conversion_table(path)
