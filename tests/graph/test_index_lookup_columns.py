"""The table layouts of graph.reads.index_lookup are those the bundled CDC files print, in their order."""

import pytest

from graph.importers.icd10cm_tables import TableKind, bundled_table_path, read_icd10cm_table
from graph.reads.index_lookup import TABLE_COLUMNS, IndexBook, book_of


@pytest.mark.parametrize(
    ("book", "kind"),
    [
        (IndexBook.ICD10CM_DRUG_TABLE, TableKind.DRUGS),
        (IndexBook.ICD10CM_NEOPLASM_TABLE, TableKind.NEOPLASMS),
    ],
)
def test_the_columns_are_the_headings_of_the_bundled_table(book: IndexBook, kind: TableKind) -> None:
    table = read_icd10cm_table(bundled_table_path(kind), kind)
    assert TABLE_COLUMNS[book] == table.columns
    assert book_of(table.source) == book


def test_a_source_names_its_book_and_release() -> None:
    assert book_of("ICD-10-CM Index FY2025") == IndexBook.ICD10CM_INDEX
    assert book_of("ICD-10-PCS Index FY2025") == IndexBook.ICD10PCS_INDEX
    assert book_of("ICD-9-CM Index FY2012") is None
