"""The drug and neoplasm table importer, on real excerpts of CDC's FY2025 XML and on the whole files."""

from collections import Counter
from pathlib import Path

import pytest

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_tables import IndexTable, TableKind, bundled_table_path, read_icd10cm_table
from graph.importers.index_records import IndexTarget, IndexTermRecord

FIXTURES = Path(__file__).parents[1] / "fixtures" / "vocabulary"
DRUGS = FIXTURES / "icd-10-cm-drug-2025_excerpt.xml"
NEOPLASMS = FIXTURES / "icd-10-cm-neoplasm-2025_excerpt.xml"
HEADING = (
    '<indexHeading><head col="1">Substance</head><head col="2">Poisoning Accidental (unintentional)</head>'
    "</indexHeading>"
)


@pytest.fixture(scope="module")
def drugs() -> IndexTable:
    return read_icd10cm_table(DRUGS, TableKind.DRUGS)


@pytest.fixture(scope="module")
def neoplasms() -> IndexTable:
    return read_icd10cm_table(NEOPLASMS, TableKind.NEOPLASMS)


def row(table: IndexTable, uid: str) -> IndexTermRecord:
    (found,) = [term for term in table.terms if term.uid == uid]
    return found


def write(tmp_path: Path, body: str, heading: str = HEADING) -> Path:
    path = tmp_path / "drug.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<ICD10CM.index>\n<version>2025</version>\n{heading}\n'
        f"{body}\n</ICD10CM.index>\n"
    )
    return path


def test_the_columns_are_named_as_the_heading_prints_them(drugs: IndexTable, neoplasms: IndexTable) -> None:
    assert (drugs.source, drugs.columns) == (
        "ICD-10-CM Table of Drugs FY2025",
        (
            "Poisoning Accidental (unintentional)",
            "Poisoning Intentional self-harm",
            "Poisoning Assault",
            "Poisoning Undetermined",
            "Adverse effect",
            "Underdosing",
        ),
    )
    assert (neoplasms.source, neoplasms.columns) == (
        "ICD-10-CM Neoplasm Table FY2025",
        (
            "Malignant Primary",
            "Malignant Secondary",
            "Ca in situ",
            "Benign",
            "Uncertain Behavior",
            "Unspecified Behavior",
        ),
    )


def test_a_drug_row_has_one_target_per_filled_cell_and_none_for_a_dash(drugs: IndexTable) -> None:
    assert row(drugs, "icd10cm-drug-2025:Aspirin") == IndexTermRecord(
        uid="icd10cm-drug-2025:Aspirin",
        source="ICD-10-CM Table of Drugs FY2025",
        title="Aspirin",
        nemod="(aluminum) (soluble)",
        level=0,
        path=("Aspirin",),
        parent=None,
        targets=tuple(
            IndexTarget(code, column)
            for code, column in zip(
                ("T39.011", "T39.012", "T39.013", "T39.014", "T39.015", "T39.016"), drugs.columns, strict=True
            )
        ),
    )
    # 1-propanol: "--" under Adverse effect and Underdosing
    assert [target.column for target in row(drugs, "icd10cm-drug-2025:1-propanol").targets] == list(
        drugs.columns[:4]
    )


def test_a_drug_that_is_a_cross_reference_gives_no_codes(drugs: IndexTable) -> None:
    aleve = row(drugs, "icd10cm-drug-2025:Aleve")
    assert (aleve.see, aleve.targets) == (("Naproxen",), ())


def test_a_substance_printed_twice_keeps_both_rows(drugs: IndexTable) -> None:
    first, second = (term for term in drugs.terms if term.path == ("Carbamate",))
    assert (first.uid, first.nemod, first.targets[0].code) == (
        "icd10cm-drug-2025:Carbamate",
        "(insecticide)",
        "T60.0X1",
    )
    assert (second.uid, second.nemod, second.targets[0].code) == (
        "icd10cm-drug-2025:Carbamate#2",
        "(sedative)",
        "T42.6X1",
    )
    assert row(drugs, "icd10cm-drug-2025:Carbamate|herbicide").parent == "icd10cm-drug-2025:Carbamate#2"


def test_a_modifier_inside_the_title_leaves_the_words_on_both_sides(drugs: IndexTable) -> None:
    assert row(drugs, "icd10cm-drug-2025:Air contaminant, source/type NOS").nemod == "(s)"


def test_a_neoplasm_site_keeps_codes_to_be_completed_as_published(neoplasms: IndexTable) -> None:
    areola = row(neoplasms, "icd10cm-neoplasm-2025:Neoplasm, neoplastic|breast|areola")
    assert (areola.level, [target.code for target in areola.targets]) == (
        2,
        ["C50.0-", "C79.81", "D05.-", "D24.-", "D48.6-", "D49.3"],
    )
    skin = row(neoplasms, "icd10cm-neoplasm-2025:Neoplasm, neoplastic|abdomen, abdominal|wall|skin")
    assert skin.targets == (IndexTarget("C44.509", "Malignant Primary"),)


def test_a_manifestation_in_words_reads_as_a_modifier(neoplasms: IndexTable) -> None:
    book_leaf = row(neoplasms, "icd10cm-neoplasm-2025:Neoplasm, neoplastic|book-leaf")
    assert book_leaf.nemod == "(mouth) (ventral surface of tongue and floor of mouth)"


@pytest.mark.parametrize(
    ("kind", "terms", "main_terms", "targets"),
    [(TableKind.DRUGS, 7428, 5177, 40026), (TableKind.NEOPLASMS, 1939, 1, 9018)],
)
def test_the_whole_bundled_tables_match_their_published_counts(
    kind: TableKind, terms: int, main_terms: int, targets: int
) -> None:
    table = read_icd10cm_table(bundled_table_path(kind), kind)
    # drugs: 43,212 cells less 3,186 "--"; neoplasms: 10,916 cells less 1,898 "-"
    assert (len(table.terms), Counter(term.level for term in table.terms)[0]) == (terms, main_terms)
    assert sum(len(term.targets) for term in table.terms) == targets
    assert len({term.uid for term in table.terms}) == terms


def test_the_other_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError) as raised:
        read_icd10cm_table(NEOPLASMS, TableKind.DRUGS)
    assert (
        raised.value.message
        == "column 1 is headed 'Neoplasm', not 'Substance': not the ICD-10-CM Table of Drugs"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<letter><title>A</title><mainTerm><title>ABOB</title>\n<cell col="3">T37.5X2</cell>'
            "</mainTerm></letter>",
            '<cell col="3"> names no code column of the heading',
        ),
        (
            '<letter><title>A</title><mainTerm><title>ABOB</title>\n<cell col="2">none</cell>'
            "</mainTerm></letter>",
            "<cell> holds 'none', not an ICD-10-CM code",
        ),
        (
            "<letter><title>A</title><mainTerm><title>ABOB</title>\n<cell>T37.5X1</cell></mainTerm></letter>",
            "<cell> needs col=\"N\", found ''",
        ),
    ],
)
def test_a_bad_cell_is_one_error_at_its_line(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ImportFormatError) as raised:
        read_icd10cm_table(path, TableKind.DRUGS)
    assert (raised.value.path, raised.value.line, raised.value.message) == (path, 6, message)


def test_a_table_without_its_heading_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "<letter><title>A</title></letter>", heading="")
    with pytest.raises(ImportFormatError, match="no <indexHeading> naming the table's columns"):
        read_icd10cm_table(path, TableKind.DRUGS)
