"""Real ICD-10-CM explanation facts (tests/fixtures/explain) and the seed glossary, as the graph has them."""

import json
from functools import cache
from pathlib import Path

from graph.bundle import seeds_dir
from graph.explain.plain_words import PlainWords, plain_words
from graph.reads.explain_icd10cm import CmFacts, CmReleases, facts_of_rows
from graph.reads.index_terms import entries_of
from graph.vocabulary.glossary import read_seed_glossary

ROWS = Path(__file__).resolve().parent.parent / "fixtures" / "explain" / "icd10cm_explain_rows.json"


@cache
def _rows() -> dict[str, list[dict[str, object]]]:
    loaded: dict[str, list[dict[str, object]]] = json.loads(ROWS.read_text(encoding="utf-8"))
    return loaded


@cache
def cm_facts() -> dict[str, CmFacts]:
    rows = _rows()
    found = facts_of_rows(rows["facts"], entries_of(rows["see"], rows["own"]))  # type: ignore[arg-type]
    return {facts.code.code: facts for facts in found.values()}


def cm_releases() -> CmReleases:
    row = _rows()["releases"][0]
    return CmReleases(tabular=f"{row['name']} {row['version']}", poa_exempt=row["poaRelease"])  # type: ignore[arg-type]


@cache
def seed_words() -> PlainWords:
    return plain_words(tuple(read_seed_glossary(seeds_dir())))
