"""Load the curated seeds into the graph, after the official codes.

Vocabulary nodes are merged by key and those no longer in the files removed; each monograph's curated edges
are replaced in one transaction. Every official code the seeds name must exist in its loaded release: an
unknown code is an error, not a silent skip (systems that are not loaded at all are not checked, and their
links wait for that load).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.driver import Graph, Statement
from graph.knowledge.condition_monographs import (
    condition_codes,
    condition_monograph_statements,
    monograph_key,
)
from graph.knowledge.errors import SeedLoadError
from graph.knowledge.seed_collection import Seeds
from graph.knowledge.seed_models import ConditionEntry, DrugEntry, Monograph, VocabEntry
from graph.knowledge.seed_references import referenced_official_codes
from graph.model import System
from graph.queries import load_knowledge as q
from graph.timestamps import utc_now
from graph.vocabulary.glossary import GlossaryEntry
from graph.vocabulary.glossary_load import glossary_statements

# Vocabulary kind (file stem) -> (merge, delete-the-rest) statements.
VOCAB_STATEMENTS: dict[str, tuple[LiteralString, LiteralString]] = {
    "conditions": (q.MERGE_CONDITIONS, q.DELETE_CONDITIONS_EXCEPT),
    "risks": (q.MERGE_RISKS, q.DELETE_RISKS_EXCEPT),
    "benefits": (q.MERGE_BENEFITS, q.DELETE_BENEFITS_EXCEPT),
    "roles": (q.MERGE_ROLES, q.DELETE_ROLES_EXCEPT),
    "settings": (q.MERGE_SETTINGS, q.DELETE_SETTINGS_EXCEPT),
    "treatments": (q.MERGE_TREATMENTS, q.DELETE_TREATMENTS_EXCEPT),
    "drugs": (q.MERGE_DRUGS, q.DELETE_DRUGS_EXCEPT),
}
CURATED_VERSION = "curated (plain-language titles by medgraph; load a licensed CPT file for AMA descriptors)"


@dataclass(frozen=True, slots=True)
class KnowledgeSummary:
    vocabulary: int
    monographs: int
    skipped: tuple[str, ...]  # monographs whose code system is not loaded
    glossary: int = 0  # glossary terms loaded
    condition_monographs: int = 0


def load_knowledge(
    graph: Graph, seeds: Seeds, glossary: Sequence[GlossaryEntry] | None = None
) -> KnowledgeSummary:
    """Load the seeds, and the glossary when given (None leaves the graph's glossary as it is)."""
    loaded = {System(row["id"]) for row in graph.read(q.LOADED_SYSTEMS)}
    _check_official_codes(graph, seeds, loaded)
    monographs = [m for m in seeds.monographs.values() if m.system == "CPT" or System(m.system) in loaded]
    skipped = tuple(sorted(m.uid for m in seeds.monographs.values() if m not in monographs))

    _load_vocabulary(graph, seeds)
    if glossary is not None:
        graph.write_all(glossary_statements(glossary))
    _load_curated_codes(graph, [m for m in monographs if m.system == "CPT"])
    for monograph in monographs:
        graph.write_all(_monograph_statements(monograph))
    graph.write_all(condition_monograph_statements(seeds))
    kept = [m.uid for m in monographs] + [monograph_key(key) for key in seeds.condition_monographs]
    graph.write_all(
        [
            Statement(q.DELETE_MONOGRAPHS_EXCEPT, {"keys": kept}),
            Statement(q.BUMP_DATA_VERSION, {"dataVersion": uuid.uuid4().hex, "now": utc_now()}),
        ]
    )
    return KnowledgeSummary(
        vocabulary=sum(len(entries) for entries in seeds.vocab.values()),
        monographs=len(monographs),
        skipped=skipped,
        glossary=len(glossary or ()),
        condition_monographs=len(seeds.condition_monographs),
    )


def _check_official_codes(graph: Graph, seeds: Seeds, loaded: set[System]) -> None:
    wanted = sorted(
        System(system).uid(code)
        for system, code in referenced_official_codes(seeds)
        if System(system) in loaded
    )
    found = {row["uid"] for row in graph.read(q.CODES_FOUND, uids=wanted)}
    missing = [uid for uid in wanted if uid not in found]
    if missing:
        raise SeedLoadError(f"seeds name codes the loaded releases do not have: {', '.join(missing)}")


def _load_vocabulary(graph: Graph, seeds: Seeds) -> None:
    for kind, (merge, delete_rest) in VOCAB_STATEMENTS.items():
        entries = list(seeds.vocab.get(kind, {}).values())
        rows = [{"key": e.key, "props": _vocab_props(e)} for e in entries]
        graph.write_all(
            [Statement(merge, {"rows": rows}), Statement(delete_rest, {"keys": [e.key for e in entries]})]
        )
    conditions = [e for e in seeds.vocab.get("conditions", {}).values() if isinstance(e, ConditionEntry)]
    drugs = [e for e in seeds.vocab.get("drugs", {}).values() if isinstance(e, DrugEntry)]
    graph.write_all(
        [
            Statement(
                q.REPLACE_CONDITION_CODES,
                {
                    "rows": [
                        {"key": c.key, "uids": [System.ICD10CM.uid(x) for x in condition_codes(seeds, c)]}
                        for c in conditions
                    ]
                },
            ),
            Statement(
                q.REPLACE_DRUG_CODES,
                {"rows": [{"key": d.key, "uids": [System.HCPCS.uid(x) for x in d.hcpcs]} for d in drugs]},
            ),
        ]
    )


def _vocab_props(entry: VocabEntry) -> dict[str, Any]:
    return {"name": entry.name, "synonyms": list(entry.synonyms), "description": entry.description}


def _load_curated_codes(graph: Graph, cpt: list[Monograph]) -> None:
    rows = [
        {
            "uid": m.uid,
            "plainTitle": m.title,
            "props": {
                "system": System.CPT.value,
                "code": m.code,
                "codeCompact": m.code,
                "title": m.title,
                "kind": "code",
                "billable": True,
                "active": True,
            },
        }
        for m in cpt
    ]
    uids = [m.uid for m in cpt]
    stale = graph.read(q.STALE_CURATED_CODES, uids=uids)
    graph.write_all(
        [
            Statement(q.CREATE_CURATED_CPT, {"rows": rows}),
            Statement(q.UPDATE_CURATED_CODES, {"rows": rows}),
            Statement(q.DELETE_CURATED_ONLY_CODES, {"uids": [r["uid"] for r in stale if r["curatedOnly"]]}),
            Statement(q.UNMARK_CURATED_CODES, {"uids": [r["uid"] for r in stale if not r["curatedOnly"]]}),
            Statement(
                q.CURATED_SYSTEM,
                {"name": "CPT (curated)", "version": CURATED_VERSION, "now": utc_now(), "count": len(cpt)},
            ),
        ]
    )


def _monograph_statements(m: Monograph) -> list[Statement]:
    uid = m.uid

    def link(query: LiteralString, rows: list[dict[str, Any]]) -> Statement:
        return Statement(
            query, {"uid": uid, "rows": [{**row, "rank": rank} for rank, row in enumerate(rows)]}
        )

    alternatives_by_code = [{"key": a.code.uid, "note": a.note} for a in m.alternatives if a.code is not None]
    alternatives_by_treatment = [{"key": a.treatment, "note": a.note} for a in m.alternatives if a.treatment]
    return [
        Statement(q.CLEAR_CURATED_EDGES, {"uid": uid}),
        Statement(q.WRITE_MONOGRAPH, {"uid": uid, "props": monograph_properties(m)}),
        link(q.LINK_INDICATIONS, [{"key": i.condition, "note": i.note} for i in m.indications]),
        link(q.LINK_RISKS, [{"key": r.risk, "note": r.note} for r in m.risks]),
        link(q.LINK_BENEFITS, [{"key": b.benefit, "note": b.note} for b in m.benefits]),
        link(q.LINK_PERSONNEL, [{"key": p.role, "note": p.involvement} for p in m.personnel]),
        link(q.LINK_SETTINGS, [{"key": s.setting, "note": s.note} for s in m.settings]),
        link(q.LINK_TREATMENT_ALTERNATIVES, alternatives_by_treatment),
        link(q.LINK_CODE_ALTERNATIVES, alternatives_by_code),
        link(q.LINK_DRUGS, [{"key": d} for d in m.drugs]),
        link(q.LINK_RELATED, [{"key": r.code.uid, "note": r.type} for r in m.related]),
        link(q.LINK_CROSSWALKS, [{"key": x.code.uid, "approximate": x.approximate} for x in m.crosswalks]),
    ]


def monograph_properties(m: Monograph) -> dict[str, Any]:
    """The ordered prose of a monograph, as node properties (shared things are nodes; prose is properties)."""
    return {
        "name": m.name,
        "title": m.title,
        "commonNames": list(m.commonNames),
        "summary": m.summary,
        "purpose": m.purpose,
        "preparation": list(m.preparation),
        "stepLabels": [s.label for s in m.steps],
        "stepTexts": [s.text for s in m.steps],
        "duration": m.duration,
        "recovery": list(m.recovery),
        "patientExperience": m.patientExperience,
        "source": m.source,
        "reviewedOn": m.reviewedOn.isoformat(),
        "reviewStatus": m.reviewStatus,
    }
