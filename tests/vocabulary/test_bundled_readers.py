"""`medgraph load icd10cm-index --source FILE` reads the Alphabetic Index as CDC's XML or as rows."""

import gzip
from pathlib import Path

from graph.importers.icd10cm_index_csv import read_icd10cm_index_csv
from graph.importers.icd10cm_index_xml import read_icd10cm_index_xml
from graph.vocabulary.bundled import VOCABULARIES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "vocabulary"
ROWS = FIXTURES / "ICD10CM_2025_Index_excerpt.csv"
XML = FIXTURES / "icd-10-cm-eindex-2025_excerpt.xml"  # the same element family as the yearly index XML


def test_rows_are_read_as_rows() -> None:
    assert VOCABULARIES["icd10cm-index"].read(ROWS) == read_icd10cm_index_csv(ROWS)


def test_an_xml_file_plain_or_gzipped_is_read_as_cdc_xml(tmp_path: Path) -> None:
    gzipped = tmp_path / "icd10cm-index-2025.xml.gz"
    gzipped.write_bytes(gzip.compress(XML.read_bytes()))
    expected = read_icd10cm_index_xml(XML)
    assert expected and VOCABULARIES["icd10cm-index"].read(XML) == expected
    assert [r.path for r in VOCABULARIES["icd10cm-index"].read(gzipped)] == [r.path for r in expected]
