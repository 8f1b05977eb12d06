"""Real facts of 15 ICD-10-PCS codes, as graph.reads.pcs_explain reads them from the loaded FY2026 graph.

tests/schema/test_pcs_explanations.py checks that the loaded graph still gives exactly these facts."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from graph.reads.explain import Reference
from graph.reads.pcs_axes import AxisRow
from graph.reads.pcs_explain import IndexTerms, PcsFacts

FACTS = Path(__file__).resolve().parents[1] / "fixtures" / "explain" / "icd10pcs_facts.json"


@cache
def pcs_facts() -> dict[str, PcsFacts]:
    return {code: _facts(row) for code, row in json.loads(FACTS.read_text()).items()}


def _facts(row: dict[str, Any]) -> PcsFacts:
    index = row["index"]
    return PcsFacts(
        uid=row["uid"],
        code=row["code"],
        title=row["title"],
        release=row["release"],
        axes=tuple(AxisRow(**{**axis, "includes": tuple(axis["includes"])}) for axis in row["axes"]),
        table=Reference(**row["table"]),
        index=IndexTerms(source=index["source"], terms=tuple(index["terms"])) if index else None,
        similar=tuple(Reference(**other) for other in row["similar"]),
    )
