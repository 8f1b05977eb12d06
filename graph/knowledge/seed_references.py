"""Checks across seed files, and the official codes the seeds name.

Within the seeds: the vocabulary keys a monograph uses exist and are listed once; a CPT code a monograph
points at has a monograph of its own (CPT is AMA-licensed: it exists in the graph only where curated).
Whether an official code (ICD-10-CM/PCS, HCPCS) exists is for the graph loader to check against the loaded
releases: `referenced_official_codes` lists what it has to check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graph.knowledge.errors import SeedProblem
from graph.knowledge.seed_collection import SeedRead, Seeds
from graph.knowledge.seed_models import CodeRef, ConditionMonograph, Monograph, monograph_file_name
from graph.knowledge.seed_yaml import Loc, YamlDoc, line_of
from graph.model import System

# Systems whose codes come from official releases loaded into the graph. CPT is AMA-licensed, so a CPT code
# exists in the graph only if it is curated here (or loaded from a licensee's file), and a reference to a CPT
# code without a monograph would dangle.
OFFICIAL_SYSTEMS = frozenset({System.ICD10CM, System.ICD10PCS, System.HCPCS})

# Which monograph field refers to which vocabulary kind, as (list field, key field inside each item);
# an empty key field means the list holds the keys themselves.
VOCAB_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("indications", "condition", "conditions"),
    ("settings", "setting", "settings"),
    ("personnel", "role", "roles"),
    ("risks", "risk", "risks"),
    ("benefits", "benefit", "benefits"),
    ("alternatives", "treatment", "treatments"),
    ("drugs", "", "drugs"),
)


def check_references(read: SeedRead, curated_cpt: set[str]) -> None:
    """Cross-file checks: vocabulary keys exist, CPT references have a monograph, no repeated links."""
    seeds, problems = read.seeds, read.problems
    for uid, monograph in seeds.monographs.items():
        doc = read.monograph_docs[uid]
        data = monograph.model_dump()
        for list_field, key_field, kind in VOCAB_REFERENCES:
            known = read.declared.get(kind)
            if known is None:
                continue  # the missing or broken vocabulary file is already reported
            seen: set[str] = set()
            for index, item in enumerate(data[list_field]):
                key = item[key_field] if key_field else item
                if key is None:  # an alternative that names a code instead of a treatment
                    continue
                loc: Loc = (list_field, index, key_field) if key_field else (list_field, index)
                if key not in known:
                    problems.append(
                        SeedProblem(
                            doc.path,
                            line_of(doc.node, loc),
                            f"unknown {kind} key '{key}' (not in {kind}.yaml)",
                        )
                    )
                elif key in seen:
                    problems.append(
                        SeedProblem(doc.path, line_of(doc.node, loc), f"{kind} key '{key}' is listed twice")
                    )
                seen.add(key)
        _check_cpt_refs(doc, code_refs(monograph), curated_cpt, problems)
    _check_condition_monographs(read, curated_cpt)


def _check_cpt_refs(
    doc: YamlDoc, refs: Iterable[tuple[Loc, CodeRef]], curated_cpt: set[str], problems: list[SeedProblem]
) -> None:
    for loc, ref in refs:
        if ref.system == System.CPT and ref.code not in curated_cpt:
            problems.append(
                SeedProblem(
                    doc.path,
                    line_of(doc.node, loc),
                    f"dangling code reference CPT {ref.code}: CPT codes exist only where curated, "
                    f"and there is no {monograph_file_name(System.CPT, ref.code)}",
                )
            )


def _check_condition_monographs(read: SeedRead, curated_cpt: set[str]) -> None:
    """A condition monograph is about a known condition and treats it with known treatments or codes."""
    for key, monograph in read.seeds.condition_monographs.items():
        doc = read.condition_docs[key]
        checks = [(("condition",), monograph.condition, "conditions")] + [
            (("treatments", index, "treatment"), item.treatment, "treatments")
            for index, item in enumerate(monograph.treatments)
            if item.treatment is not None
        ]
        for loc, value, kind in checks:
            known = read.declared.get(kind)
            if known is not None and value not in known:
                read.problems.append(
                    SeedProblem(
                        doc.path,
                        line_of(doc.node, loc),
                        f"unknown {kind} key '{value}' (not in {kind}.yaml)",
                    )
                )
        _check_cpt_refs(doc, condition_code_refs(monograph), curated_cpt, read.problems)


def condition_code_refs(monograph: ConditionMonograph) -> Iterator[tuple[Loc, CodeRef]]:
    for index, treatment in enumerate(monograph.treatments):
        if treatment.code is not None:
            yield ("treatments", index, "code"), treatment.code


def code_refs(monograph: Monograph) -> Iterator[tuple[Loc, CodeRef]]:
    """Every code a monograph points at, with its location in the file."""
    for index, alternative in enumerate(monograph.alternatives):
        if alternative.code is not None:
            yield ("alternatives", index, "code"), alternative.code
    for index, related in enumerate(monograph.related):
        yield ("related", index, "code"), related.code
    for index, crosswalk in enumerate(monograph.crosswalks):
        yield ("crosswalks", index, "code"), crosswalk.code


def referenced_official_codes(seeds: Seeds) -> set[tuple[str, str]]:
    """Every (system, code) of an official release (ICD-10-CM, ICD-10-PCS, HCPCS) that the seeds name.

    The loader verifies each against the loaded releases, since the seed checks cannot know them. That
    includes the monographs' own codes when they are HCPCS or ICD-10-PCS.
    """
    codes: set[tuple[str, str]] = set()
    for condition in seeds.conditions.values():
        codes.update((System.ICD10CM.value, code) for code in condition.icd10cm)
    for drug in seeds.drugs.values():
        codes.update((System.HCPCS.value, code) for code in drug.hcpcs)
    for condition_monograph in seeds.condition_monographs.values():
        codes.update((System.ICD10CM.value, code) for code in condition_monograph.icd10cm)
        for _, ref in condition_code_refs(condition_monograph):
            if ref.system in OFFICIAL_SYSTEMS:
                codes.add((ref.system.value, ref.code))
    for monograph in seeds.monographs.values():
        if System(monograph.system) in OFFICIAL_SYSTEMS:
            codes.add((System(monograph.system).value, monograph.code))
        for _, ref in code_refs(monograph):
            if ref.system in OFFICIAL_SYSTEMS:
                codes.add((ref.system.value, ref.code))
    return codes
