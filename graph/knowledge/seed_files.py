"""Read and check the curated seed files under `seeds/`, reporting every problem with its file and line.

Layout (see `seeds/README.md`): `vocabulary/<kind>.yaml` (a list of entries per kind) and
`procedures/<system>-<code>.yaml` (one monograph each) and `conditions/<condition key>.yaml` (one condition
monograph each). `check_seeds` collects every problem instead of
stopping at the first, so a curator fixes a whole batch in one pass; `load_seeds` is the loader's entry point
and refuses seeds that have problems.

Line numbers come from the YAML node tree (graph.knowledge.seed_yaml).
Whether an official code (ICD-10-CM/PCS, HCPCS) really exists is checked by the graph loader against the
loaded releases; `referenced_official_codes` lists what it has to check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.knowledge.errors import SeedError, SeedProblem
from graph.knowledge.name_folding import fold_name
from graph.knowledge.seed_models import (
    VOCAB_KINDS,
    CodeRef,
    ConditionEntry,
    ConditionMonograph,
    DrugEntry,
    Monograph,
    VocabEntry,
    monograph_file_name,
)
from graph.knowledge.seed_yaml import Loc, YamlDoc, line_of, read_yaml, validate
from graph.model import System

VOCABULARY_DIR = "vocabulary"
PROCEDURES_DIR = "procedures"
CONDITIONS_DIR = "conditions"

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


@dataclass(slots=True)
class Seeds:
    """All curated knowledge: vocabulary entries by kind and key, and monographs by code uid."""

    vocab: dict[str, dict[str, VocabEntry]] = field(default_factory=dict)
    monographs: dict[str, Monograph] = field(default_factory=dict)
    # Where each monograph came from (same keys as `monographs`), for messages.
    monograph_files: dict[str, Path] = field(default_factory=dict)
    # Condition monographs by condition key.
    condition_monographs: dict[str, ConditionMonograph] = field(default_factory=dict)

    def kind(self, kind: str) -> dict[str, VocabEntry]:
        return self.vocab.get(kind, {})

    @property
    def conditions(self) -> dict[str, ConditionEntry]:
        return {k: v for k, v in self.kind("conditions").items() if isinstance(v, ConditionEntry)}

    @property
    def drugs(self) -> dict[str, DrugEntry]:
        return {k: v for k, v in self.kind("drugs").items() if isinstance(v, DrugEntry)}


# --- YAML with line numbers ---------------------------------------------------------------------------------


# --- reading ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Read:
    seeds: Seeds
    problems: list[SeedProblem]
    # Kept for cross-file checks, which need lines too.
    monograph_docs: dict[str, YamlDoc]
    vocab_docs: dict[str, YamlDoc]
    condition_docs: dict[str, YamlDoc] = field(default_factory=dict)
    # Every key a vocabulary file declares, valid entry or not: a monograph using the key of a broken entry is
    # not reported again as "unknown" (the entry's own problem is). None: the file itself is unusable.
    declared: dict[str, set[str] | None] = field(default_factory=dict)
    root: Path = Path()


def _read_vocabulary(root: Path, read: _Read) -> None:
    seeds, problems = read.seeds, read.problems
    directory = root / VOCABULARY_DIR
    for kind, model in VOCAB_KINDS.items():
        path = directory / f"{kind}.yaml"
        entries: dict[str, VocabEntry] = {}
        seeds.vocab[kind] = entries
        read.declared[kind] = None
        if not path.is_file():
            problems.append(SeedProblem(path, 0, f"vocabulary file for '{kind}' is missing"))
            continue
        doc = read_yaml(path, problems)
        if doc is None:
            continue
        read.vocab_docs[kind] = doc
        if not isinstance(doc.data, list):
            problems.append(SeedProblem(path, 1, "a vocabulary file is a YAML list of entries"))
            continue
        read.declared[kind] = {
            item["key"] for item in doc.data if isinstance(item, dict) and isinstance(item.get("key"), str)
        }
        first_line: dict[str, int] = {}
        first_named: dict[str, str] = {}
        for index, item in enumerate(doc.data):
            entry = validate(model, doc, item, (index,), problems)
            if not isinstance(entry, VocabEntry):
                continue
            line = line_of(doc.node, (index, "key"))
            if entry.key in entries:
                problems.append(
                    SeedProblem(
                        path,
                        line,
                        f"duplicate {kind} key '{entry.key}' (first on line {first_line[entry.key]})",
                    )
                )
                continue
            entries[entry.key] = entry
            first_line[entry.key] = line
            # One shared node per idea: a name that differs from an earlier one only in wording is a twin.
            twin = first_named.setdefault(fold_name(entry.name), entry.key)
            if twin != entry.key:
                problems.append(
                    SeedProblem(
                        path,
                        line_of(doc.node, (index, "name")),
                        f"{kind} name '{entry.name}' is a near duplicate of '{entries[twin].name}' "
                        f"(key '{twin}', line {first_line[twin]}): reuse that entry",
                    )
                )
    if directory.is_dir():
        for path in sorted(directory.iterdir()):
            # The glossary has a format of its own, checked by graph/vocabulary/glossary.py.
            if (
                path.suffix in {".yaml", ".yml"}
                and path.stem not in VOCAB_KINDS
                and path.name != "glossary.yaml"
            ):
                known = ", ".join(f"{kind}.yaml" for kind in VOCAB_KINDS)
                problems.append(SeedProblem(path, 0, f"unknown vocabulary file (expected one of {known})"))


def _read_monographs(root: Path, read: _Read) -> None:
    seeds, problems, docs = read.seeds, read.problems, read.monograph_docs
    directory = root / PROCEDURES_DIR
    if not directory.is_dir():
        problems.append(SeedProblem(directory, 0, "procedures directory is missing"))
        return
    for path in sorted(directory.iterdir()):
        if path.suffix == ".yml":
            problems.append(SeedProblem(path, 0, "monograph files end in .yaml"))
            continue
        if path.suffix != ".yaml":
            continue
        doc = read_yaml(path, problems)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            problems.append(SeedProblem(path, 1, "a monograph file is a YAML mapping of sections"))
            continue
        monograph = validate(Monograph, doc, doc.data, (), problems)
        if not isinstance(monograph, Monograph):
            continue
        expected = monograph.file_name()
        if path.name != expected:
            problems.append(
                SeedProblem(
                    path,
                    line_of(doc.node, ("code",)),
                    f"file name does not match system and code: expected '{expected}'",
                )
            )
            continue
        # The file name is derived from system and code, so two files can never hold the same code.
        seeds.monographs[monograph.uid] = monograph
        seeds.monograph_files[monograph.uid] = path
        docs[monograph.uid] = doc


def _check_references(read: _Read) -> None:
    """Cross-file checks: vocabulary keys exist, CPT references have a monograph, no repeated links."""
    seeds, problems = read.seeds, read.problems
    # A CPT code counts as curated when its file exists, even if the file itself has problems: those are
    # reported once, in that file, not again as dangling references in every file that points at it.
    cpt_prefix = monograph_file_name(System.CPT, "")[: -len(".yaml")]
    curated_cpt = {m.code for m in seeds.monographs.values() if m.system == System.CPT}
    procedures = read.root / PROCEDURES_DIR
    if procedures.is_dir():
        curated_cpt |= {p.stem[len(cpt_prefix) :] for p in procedures.glob(f"{cpt_prefix}*.yaml")}
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
        _check_cpt_refs(doc, _code_refs(monograph), curated_cpt, problems)
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


def _check_condition_monographs(read: _Read, curated_cpt: set[str]) -> None:
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
        _check_cpt_refs(doc, _condition_code_refs(monograph), curated_cpt, read.problems)


def _condition_code_refs(monograph: ConditionMonograph) -> Iterator[tuple[Loc, CodeRef]]:
    for index, treatment in enumerate(monograph.treatments):
        if treatment.code is not None:
            yield ("treatments", index, "code"), treatment.code


def _read_condition_monographs(root: Path, read: _Read) -> None:
    # Optional: a seeds folder without condition monographs is complete.
    directory = root / CONDITIONS_DIR
    if not directory.is_dir():
        return
    for path in sorted(directory.iterdir()):
        if path.suffix != ".yaml":
            if path.suffix == ".yml":
                read.problems.append(SeedProblem(path, 0, "monograph files end in .yaml"))
            continue
        doc = read_yaml(path, read.problems)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            read.problems.append(SeedProblem(path, 1, "a monograph file is a YAML mapping of sections"))
            continue
        monograph = validate(ConditionMonograph, doc, doc.data, (), read.problems)
        if not isinstance(monograph, ConditionMonograph):
            continue
        if path.name != monograph.file_name():
            read.problems.append(
                SeedProblem(
                    path,
                    line_of(doc.node, ("condition",)),
                    f"file name does not match the condition: expected '{monograph.file_name()}'",
                )
            )
            continue
        read.seeds.condition_monographs[monograph.condition] = monograph
        read.condition_docs[monograph.condition] = doc


def _code_refs(monograph: Monograph) -> Iterator[tuple[Loc, CodeRef]]:
    """Every code a monograph points at, with its location in the file."""
    for index, alternative in enumerate(monograph.alternatives):
        if alternative.code is not None:
            yield ("alternatives", index, "code"), alternative.code
    for index, related in enumerate(monograph.related):
        yield ("related", index, "code"), related.code
    for index, crosswalk in enumerate(monograph.crosswalks):
        yield ("crosswalks", index, "code"), crosswalk.code


def _read_all(root: Path) -> _Read:
    read = _Read(Seeds(), [], {}, {}, root=root)
    if not root.is_dir():
        read.problems.append(SeedProblem(root, 0, "seeds directory does not exist"))
        return read
    _read_vocabulary(root, read)
    _read_monographs(root, read)
    _read_condition_monographs(root, read)
    _check_references(read)
    read.problems.sort()
    return read


# --- public API ---------------------------------------------------------------------------------------------


def check_seeds(root: Path) -> list[SeedProblem]:
    """Every problem in the seed files under `root` (the `seeds/` directory), sorted by file and line."""
    return _read_all(Path(root)).problems


def load_seeds(root: Path) -> Seeds:
    """The validated seeds under `root`; raises `SeedError` (listing every problem) if there is any."""
    read = _read_all(Path(root))
    if read.problems:
        raise SeedError(read.problems)
    return read.seeds


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
        for _, ref in _condition_code_refs(condition_monograph):
            if ref.system in OFFICIAL_SYSTEMS:
                codes.add((ref.system.value, ref.code))
    for monograph in seeds.monographs.values():
        if System(monograph.system) in OFFICIAL_SYSTEMS:
            codes.add((System(monograph.system).value, monograph.code))
        for _, ref in _code_refs(monograph):
            if ref.system in OFFICIAL_SYSTEMS:
                codes.add((ref.system.value, ref.code))
    return codes
