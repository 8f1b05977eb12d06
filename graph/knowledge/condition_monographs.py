"""Condition monographs in the graph: `(:Condition)-[:HAS_MONOGRAPH]->(:Monograph)` with the condition's
treatments as `TREATED_WITH` edges, and the monograph's ICD-10-CM categories added to the condition's codes.

Called by `graph.knowledge.loader` after the vocabulary and the procedure monographs are written."""

from typing import Any

from graph.driver import Statement
from graph.knowledge.seed_collection import Seeds
from graph.knowledge.seed_models import ConditionEntry, ConditionMonograph
from graph.model import System
from graph.queries import load_condition_monographs as q

# Monograph keys of procedures are code uids (`CPT:37188`); a condition's has a prefix no code system uses.
KEY_PREFIX = "condition:"


def monograph_key(condition: str) -> str:
    return f"{KEY_PREFIX}{condition}"


def condition_codes(seeds: Seeds, entry: ConditionEntry) -> list[str]:
    """The ICD-10-CM codes a condition is `CODED_AS`: vocabulary codes, then its monograph's categories."""
    monograph = seeds.condition_monographs.get(entry.key)
    extra = [code for code in monograph.icd10cm if code not in entry.icd10cm] if monograph else []
    return [*entry.icd10cm, *extra]


def condition_monograph_statements(seeds: Seeds) -> list[Statement]:
    statements = [Statement(q.CLEAR_CONDITION_MONOGRAPH_EDGES, {})]
    for monograph in seeds.condition_monographs.values():
        statements.extend(_statements(monograph))
    return statements


def _statements(m: ConditionMonograph) -> list[Statement]:
    # One rank across both kinds, so the page lists treatments in the file's order.
    ranked = list(enumerate(m.treatments))
    return [
        Statement(
            q.WRITE_CONDITION_MONOGRAPH,
            {"condition": m.condition, "key": monograph_key(m.condition), "props": properties(m)},
        ),
        Statement(
            q.LINK_CONDITION_TREATMENTS,
            {
                "condition": m.condition,
                "rows": [{"key": t.treatment, "note": t.note, "rank": r} for r, t in ranked if t.treatment],
            },
        ),
        Statement(
            q.LINK_CONDITION_TREATMENT_CODES,
            {
                "condition": m.condition,
                "rows": [{"key": t.code.uid, "note": t.note, "rank": r} for r, t in ranked if t.code],
            },
        ),
    ]


def properties(m: ConditionMonograph) -> dict[str, Any]:
    """The monograph's prose as node properties; the codes and treatments are edges."""
    return {
        "name": m.name,
        "layNames": list(m.layNames),
        "summary": m.summary,
        "symptoms": list(m.symptoms),
        "causes": list(m.causes),
        "diagnosis": list(m.diagnosis),
        "seekCare": list(m.seekCare),
        "categories": [System.ICD10CM.uid(code) for code in m.icd10cm],
        "source": m.source,
        "reviewedOn": m.reviewedOn.isoformat(),
        "reviewStatus": m.reviewStatus,
    }
