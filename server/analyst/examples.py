"""The documented analyst queries (docs/analyst-queries.md) the console offers one click away."""

from dataclasses import dataclass
from typing import Any

from graph.queries import analyst as q


@dataclass(frozen=True, slots=True)
class Example:
    title: str
    query: str
    parameters: dict[str, Any]


EXAMPLES = (
    Example("A code with its neighbours (a picture)", q.CODE_WITH_NEIGHBOURS, {"uid": "CPT:37188"}),
    Example("Procedures for a condition, by shared risks", q.PROCEDURES_FOR_CONDITION_BY_SHARED_RISKS,
            {"condition": "deep-vein-thrombosis"}),
    Example("From a drug to the diagnoses it treats", q.DRUG_TO_DIAGNOSES, {"drug": "alteplase"}),
    Example("The ICD-10-CM subtree of a condition", q.CONDITION_SUBTREE,
            {"condition": "deep-vein-thrombosis"}),
    Example("The hierarchy above a code", q.ANCESTRY, {"uid": "ICD10CM:I82.401"}),
    Example("CPT crosswalked to ICD-10-PCS, with axes", q.CROSSWALKS_WITH_AXES, {}),
    Example("The care team across procedures", q.ROLES_ACROSS_PROCEDURES, {}),
    Example("Releases loaded", q.RELEASES, {}),
    Example("Index terms into a subtree", q.INDEX_TERMS_INTO_SUBTREE, {"top": "ICD10CM:I82.4"}),
    Example("A drug's adverse-effect and poisoning codes", q.DRUG_TABLE_CODES, {"drug": "heparin"}),
)  # fmt: skip

# What the graph view runs to expand a clicked code: a documented query, with the code's uid.
EXPAND_QUERY = q.CODE_WITH_NEIGHBOURS
