"""The ICD-10-PCS Index XML importer, on a real excerpt of CMS's FY2025 index and on the bundled file."""

from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd10pcs_index_xml import bundled_pcs_index_path, read_icd10pcs_index_xml
from graph.importers.index_records import IndexTarget, IndexTermRecord

EXCERPT = Path(__file__).parents[1] / "fixtures" / "icd10pcs" / "icd10pcs_index_2025_excerpt.xml"
UID = "icd10pcs-index-2025:"


@pytest.fixture(scope="module")
def terms() -> dict[tuple[str, ...], IndexTermRecord]:
    return {record.path: record for record in read_icd10pcs_index_xml(EXCERPT)}


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "index.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.index>\n<version>2025</version>\n'
        "<title>2025 ICD-10-PCS Index</title>\n"
        f"<letter><title>A</title>\n{body}\n</letter>\n</ICD10PCS.index>\n"
    )
    return path


def test_a_see_with_a_prefix_gives_the_term_its_prefix_and_keeps_the_reference(terms) -> None:
    assert terms[("Appendectomy",)] == IndexTermRecord(
        uid=UID + "Appendectomy",
        source="ICD-10-PCS Index FY2025",
        title="Appendectomy",
        nemod=None,
        level=0,
        path=("Appendectomy",),
        parent=None,
        targets=(IndexTarget("0DBJ"), IndexTarget("0DTJ")),
        see=("Excision, Appendix", "Resection, Appendix"),
    )


def test_a_subterm_gives_its_prefix_and_a_table_lead_is_kept_as_printed(terms) -> None:
    appendix = terms[("Resection", "Appendix")]
    assert (appendix.level, appendix.parent, appendix.targets) == (
        1,
        UID + "Resection",
        (IndexTarget("0DTJ"),),
    )
    assert terms[("Tonsillectomy",)].targets == (IndexTarget("0CB"), IndexTarget("0CT"))
    assert terms[("Anoscopy",)].targets == (IndexTarget("0DJD8ZZ"),)


def test_use_texts_are_kept_and_a_table_after_one_is_a_lead(terms) -> None:
    assert terms[("Abdominal esophagus",)].use == ("Esophagus, Lower",)
    assert terms[("Abductor hallucis muscle",)].use == ("Foot Muscle, Right", "Foot Muscle, Left")
    lead = terms[("ACUITY(tm) Steerable Lead",)]
    assert (lead.use, lead.targets) == (
        ("Cardiac Lead, Pacemaker in", "Cardiac Lead, Defibrillator in"),
        (IndexTarget("02H"), IndexTarget("02H")),
    )


def test_untitled_terms_are_leads_of_their_parent_not_terms(terms) -> None:
    assert len(terms) == 12
    assert [path for path in terms if path[0] == "Abdominoplasty"] == [("Abdominoplasty",)]
    assert terms[("Abdominoplasty",)].targets == (
        IndexTarget("0W0F"),
        IndexTarget("0WQF"),
        IndexTarget("0WUF"),
    )


def test_a_lead_that_is_no_pcs_table_prefix_or_code_is_one_error_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "<mainTerm><title>Appendectomy</title>\n<codes>0DTI</codes></mainTerm>")
    with pytest.raises(ImportFormatError) as caught:
        read_icd10pcs_index_xml(path)
    assert str(caught.value) == f"{path}:7: <codes> holds '0DTI', not an ICD-10-PCS codes"


def test_a_term_out_of_level_is_one_error_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '<mainTerm><title>Resection</title>\n<term level="2"><title>Appendix</title></term></mainTerm>',
    )
    with pytest.raises(ImportFormatError) as caught:
        read_icd10pcs_index_xml(path)
    assert str(caught.value) == f'{path}:7: <term level="2"> where level 1 belongs'


def test_the_bundled_index_reads_whole() -> None:
    records = read_icd10pcs_index_xml(bundled_pcs_index_path())
    counts = (
        len(records),
        sum(len(r.targets) for r in records),
        sum(len(r.see) for r in records),
        sum(len(r.use) for r in records),
    )
    assert counts == (22_201, 16_361, 1_785, 2_342)
