"""The ICD-10-CM index XML importer, on a real excerpt of the External Cause Index and on the whole file."""

from collections import Counter
from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_index_xml import bundled_external_cause_index_path, read_icd10cm_index_xml
from graph.importers.index_records import IndexTarget, IndexTermRecord

EXCERPT = Path(__file__).parents[1] / "fixtures" / "vocabulary" / "icd-10-cm-eindex-2025_excerpt.xml"
UID = "icd10cm-eindex-2025:"


@pytest.fixture(scope="module")
def terms() -> dict[tuple[str, ...], IndexTermRecord]:
    return {record.path: record for record in read_icd10cm_index_xml(EXCERPT)}


def write(tmp_path: Path, body: str, title: str = "ICD-10-CM EXTERNAL CAUSE of INJURIES INDEX") -> Path:
    path = tmp_path / "index.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<ICD10CM.index>\n<version>2025</version>\n'
        f"<title>{title}</title>\n{body}\n</ICD10CM.index>\n"
    )
    return path


def test_a_main_term_keeps_the_words_around_its_modifier_and_the_modifier_apart(terms) -> None:
    assert terms[("Abandonment NEC",)] == IndexTermRecord(
        uid=UID + "Abandonment NEC",
        source="ICD-10-CM External Cause Index FY2025",
        title="Abandonment NEC",
        nemod="(causing exposure to weather conditions) (with intent to injure or kill)",
        level=0,
        path=("Abandonment NEC",),
        parent=None,
        targets=(IndexTarget("X58"),),
    )


def test_subterms_nest_by_level_under_their_parent(terms) -> None:
    powered = terms[("Accident", "boat, boating", "striking swimmer", "powered")]
    assert (powered.level, powered.parent, powered.targets) == (
        3,
        UID + "Accident|boat, boating|striking swimmer",
        (IndexTarget("V94.11"),),
    )


def test_see_and_see_also_are_kept_as_published(terms) -> None:
    assert terms[("Accident", "aircraft")].see_also == ("Accident, transport, aircraft",)
    assert terms[("Accident", "aircraft", "due to, caused by cataclysm")].see == (
        "Forces of nature, by type",
    )
    assert terms[("Accident", "caused by, due to", "corrosive liquid, substance")].see == (
        "Table of Drugs and Chemicals",
    )


def test_a_subcategory_or_category_reference_is_a_code_still_to_be_completed(terms) -> None:
    assert terms[("Lightning",)].targets == (IndexTarget("T75.0-"),)
    assert terms[("Entanglement", "in", "bed linen, causing suffocation")].targets == (IndexTarget("T71.-"),)


def test_terms_come_in_document_order_with_parents_first() -> None:
    records = read_icd10cm_index_xml(EXCERPT)
    assert [record.path for record in records[:4]] == [
        ("Abandonment NEC",),
        ("Accident",),
        ("Accident", "aircraft"),
        ("Accident", "aircraft", "due to, caused by cataclysm"),
    ]
    uids = [record.uid for record in records]
    assert all(
        record.parent is None or uids.index(record.parent) < index for index, record in enumerate(records)
    )


def test_the_main_index_title_names_the_index_and_its_year(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "<letter><title>A</title><mainTerm><title>Abandonment</title><code>X58</code></mainTerm></letter>",
        title="ICD-10-CM INDEX TO DISEASES and INJURIES",
    )
    (record,) = read_icd10cm_index_xml(path)
    assert (record.uid, record.source) == ("icd10cm-index-2025:Abandonment", "ICD-10-CM Index FY2025")


def test_the_whole_bundled_external_cause_index_matches_its_published_counts() -> None:
    records = read_icd10cm_index_xml(bundled_external_cause_index_path())
    levels = Counter(record.level == 0 for record in records)
    targets = [target.code for record in records for target in record.targets]
    assert (levels[True], levels[False]) == (314, 7750)
    # 6,650 <code> + 11 <subcat> + 3 <seecat>
    assert (len(targets), sum(code.endswith("-") for code in targets)) == (6664, 252)
    assert (sum(len(r.see) for r in records), sum(len(r.see_also) for r in records)) == (790, 98)
    assert len({record.uid for record in records}) == len(records)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "<letter><title>A</title><mainTerm><title>Abuse</title></letter>",
            5,
            "not well-formed XML: mismatched tag",
        ),
        (
            '<letter><title>A</title><mainTerm><title>Abuse</title>\n<term level="2"><title>x</title></term>'
            "</mainTerm></letter>",
            6,
            '<term level="2"> where level 1 belongs',
        ),
        (
            "<letter><title>A</title>\n<mainTerm><code>X58</code></mainTerm></letter>",
            6,
            "<mainTerm> without a <title> text",
        ),
        (
            "<letter><title>A</title><mainTerm><title>Abuse</title>\n<code>see X58</code>"
            "</mainTerm></letter>",
            6,
            "<code> holds 'see X58', not an ICD-10-CM code",
        ),
    ],
)
def test_a_malformed_file_is_one_error_with_file_and_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ImportFormatError) as raised:
        read_icd10cm_index_xml(path)
    assert (raised.value.path, raised.value.line, raised.value.message) == (path, line, message)


def test_a_file_of_another_kind_is_refused_by_its_title(tmp_path: Path) -> None:
    path = write(tmp_path, "<letter><title>A</title></letter>", title="ICD-10-CM TABULAR LIST")
    with pytest.raises(
        ImportFormatError, match=r"index.xml:4: not an ICD-10-CM index title: 'ICD-10-CM TABULAR LIST'"
    ):
        read_icd10cm_index_xml(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="file not found"):
        read_icd10cm_index_xml(tmp_path / "icd-10-cm-eindex-2026.xml")
