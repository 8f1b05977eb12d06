"""The ICD-10-CM Alphabetic Index rows (graph.importers.icd10cm_index_csv): a real excerpt, the whole file."""

from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_index_csv import bundled_index_csv_path, read_icd10cm_index_csv
from graph.importers.index_records import IndexTarget

EXCERPT = Path(__file__).parents[1] / "fixtures" / "vocabulary" / "ICD10CM_2025_Index_excerpt.csv"


def test_terms_carry_their_path_parent_cross_references_and_codes() -> None:
    terms = {record.path: record for record in read_icd10cm_index_csv(EXCERPT)}
    zoster = terms[("Herpes, herpesvirus, herpetic", "zoster")]
    assert zoster.source == "ICD-10-CM Index FY2025"
    assert zoster.level == 1
    assert zoster.parent == "icd-10-cm-index-fy2025:Herpes, herpesvirus, herpetic"
    assert zoster.targets == (IndexTarget("B02.9"),)
    assert zoster.see_also == ("condition",)
    assert terms[("Shingles",)].see == ("Herpes, zoster",)
    assert terms[("Shingles",)].targets == ()
    assert terms[("Bed sore",)].see == ("Ulcer, pressure, by site",)
    assert terms[("Bunion",)].targets == (IndexTarget("M21.61-"),)
    pressure = terms[("Ulcer, ulcerated, ulcerating, ulceration, ulcerative", "pressure")]
    assert (pressure.nemod, pressure.targets) == ("(pressure area)", (IndexTarget("L89.9-"),))


def test_subterms_follow_the_nearest_term_one_level_up() -> None:
    records = read_icd10cm_index_csv(EXCERPT)
    rectum = next(r for r in records if r.title == "rectum")
    assert rectum.path == ("Herpes, herpesvirus, herpetic", "anogenital", "rectum")
    assert rectum.parent == "icd-10-cm-index-fy2025:Herpes, herpesvirus, herpetic|anogenital"
    assert [r.title for r in records if r.level == 0] == [
        "Bed sore", "Bunion", "Bunionette", "Herpes, herpesvirus, herpetic", "Shingles",
        "Ulcer, ulcerated, ulcerating, ulceration, ulcerative",
    ]  # fmt: skip


def test_the_bundled_index_has_every_row_of_the_file() -> None:
    records = read_icd10cm_index_csv(bundled_index_csv_path())
    assert len(records) == 81_024
    assert sum(1 for r in records if r.level == 0) == 8_100
    assert sum(len(r.targets) for r in records) == 62_721
    assert len({r.uid for r in records}) == len(records)


@pytest.mark.parametrize(
    ("row", "line", "message"),
    [
        ("1,A,x,Abandonment,,,,", 2, "Level 'x' is not a number"),
        ("1,A,1,Abandonment,,,,", 2, "Level 1 has no parent at level 0 above it"),
        ("1,A,0,Abandonment,,,,see T74", 2, "Code 'see T74' is not an ICD-10-CM code"),
        ("1,A,0,,,,,", 2, "a term with neither a title nor a non-essential modifier"),
    ],
)
def test_a_malformed_row_is_one_error_naming_file_and_line(
    tmp_path: Path, row: str, line: int, message: str
) -> None:
    path = tmp_path / "ICD10CM_2025_Index_derived.csv"
    path.write_text("RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code\n" + row + "\n")
    with pytest.raises(ImportFormatError) as raised:
        read_icd10cm_index_csv(path)
    assert str(raised.value) == f"{path}:{line}: {message}"


def test_a_file_without_a_year_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.csv"
    path.write_text("RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code\n")
    with pytest.raises(ImportFormatError, match="no fiscal year"):
        read_icd10cm_index_csv(path)
