"""Read and check the curated seed files under `seeds/`, reporting every problem with its file and line.

Layout (see `seeds/README.md`): `vocabulary/<kind>.yaml` (a list of entries per kind) and
`procedures/<system>-<code>.yaml` (one monograph each) and `conditions/<condition key>.yaml` (one condition
monograph each). `check_seeds` collects every problem instead of
stopping at the first, so a curator fixes a whole batch in one pass; `load_seeds` is the loader's entry point
and refuses seeds that have problems.

Line numbers come from the YAML node tree (graph.knowledge.seed_yaml); the checks across files are
graph.knowledge.seed_references.
"""

from __future__ import annotations

from pathlib import Path

from graph.knowledge.errors import SeedError, SeedProblem
from graph.knowledge.name_folding import fold_name
from graph.knowledge.seed_collection import SeedRead, Seeds
from graph.knowledge.seed_models import (
    VOCAB_KINDS,
    ConditionMonograph,
    Monograph,
    VocabEntry,
    monograph_file_name,
)
from graph.knowledge.seed_references import check_references
from graph.knowledge.seed_yaml import line_of, read_yaml, validate
from graph.model import System

VOCABULARY_DIR = "vocabulary"
PROCEDURES_DIR = "procedures"
CONDITIONS_DIR = "conditions"

# --- reading ------------------------------------------------------------------------------------------------


def _read_vocabulary(root: Path, read: SeedRead) -> None:
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


def _read_monographs(root: Path, read: SeedRead) -> None:
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


def _read_condition_monographs(root: Path, read: SeedRead) -> None:
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


def _curated_cpt(read: SeedRead) -> set[str]:
    seeds = read.seeds
    # A CPT code counts as curated when its file exists, even if the file itself has problems: those are
    # reported once, in that file, not again as dangling references in every file that points at it.
    cpt_prefix = monograph_file_name(System.CPT, "")[: -len(".yaml")]
    curated_cpt = {m.code for m in seeds.monographs.values() if m.system == System.CPT}
    procedures = read.root / PROCEDURES_DIR
    if procedures.is_dir():
        curated_cpt |= {p.stem[len(cpt_prefix) :] for p in procedures.glob(f"{cpt_prefix}*.yaml")}
    return curated_cpt


def _read_all(root: Path) -> SeedRead:
    read = SeedRead(Seeds(), [], {}, {}, root=root)
    if not root.is_dir():
        read.problems.append(SeedProblem(root, 0, "seeds directory does not exist"))
        return read
    _read_vocabulary(root, read)
    _read_monographs(root, read)
    _read_condition_monographs(root, read)
    check_references(read, _curated_cpt(read))
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
