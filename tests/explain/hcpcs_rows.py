"""Real HCPCS rows (tests/fixtures/explain) with the properties the loader gives them in the graph."""

from dataclasses import replace
from functools import cache
from pathlib import Path

from graph.importers.hcpcs_anweb import read_hcpcs_workbook
from graph.loader.codes import code_properties
from graph.reads.codes import CodeRow, head_row

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "explain"
EXCERPT = FIXTURES / "HCPC2025_OCT_ANWEB_explain_excerpt.csv"


@cache
def hcpcs_rows() -> dict[str, CodeRow]:
    release = read_hcpcs_workbook(EXCERPT)
    rows = {}
    for record in release.codes:
        props = {"uid": f"HCPCS:{record.code}", **code_properties(release.system, record, release.version)}
        rows[record.code] = replace(head_row(props), complete=True)
    return rows
