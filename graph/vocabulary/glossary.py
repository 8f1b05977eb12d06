"""Read and check `seeds/vocabulary/glossary.yaml` (format: /work/wt/GLOSSARY_FORMAT.md, in seeds/README.md).

Each entry pairs an everyday word (`plain`) with the medical words official titles use for it (`medical`).
Search reads it plain → medical and explanations medical → plain, so a medical phrase is in one entry only.
Problems are reported with file and line like every other seed file, reusing the seed checker's YAML reading.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from graph.knowledge.errors import SeedError, SeedProblem
from graph.knowledge.seed_files import VOCABULARY_DIR
from graph.knowledge.seed_yaml import line_of, read_yaml

GLOSSARY_FILE = "glossary.yaml"
CONDITIONS_FILE = "conditions.yaml"

KINDS = frozenset({"anatomy", "condition", "symptom", "procedure", "device", "drug", "qualifier", "general"})
_REQUIRED = ("plain", "medical", "kind")
_OPTIONAL = ("also", "condition")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    key: str
    plain: str
    medical: tuple[str, ...]
    kind: str
    also: tuple[str, ...] = ()
    condition: str | None = None


def glossary_key(plain: str) -> str:
    """The entry's key: its plain phrase as a slug ("blood clot" → "blood-clot")."""
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def read_glossary_file(path: Path, conditions: Collection[str] | None = None) -> list[GlossaryEntry]:
    """The entries of one glossary file; raises `SeedError` listing every problem if there is any.

    With `conditions` (the keys of conditions.yaml), each entry's `condition` must be one of them.
    """
    entries, problems = _check(Path(path), conditions)
    if problems:
        raise SeedError(problems)
    return entries


def read_seed_glossary(root: Path) -> list[GlossaryEntry]:
    """The glossary under the seeds folder `root`, checked against its conditions.yaml (empty when absent)."""
    path = Path(root) / VOCABULARY_DIR / GLOSSARY_FILE
    if not path.is_file():
        return []
    entries, problems = _check(path, _condition_keys(Path(root) / VOCABULARY_DIR / CONDITIONS_FILE))
    if problems:
        raise SeedError(problems)
    return entries


def check_glossary(root: Path) -> list[SeedProblem]:
    """Every problem in the glossary under the seeds folder `root` (none when there is no glossary)."""
    path = Path(root) / VOCABULARY_DIR / GLOSSARY_FILE
    if not path.is_file():
        return []
    return _check(path, _condition_keys(Path(root) / VOCABULARY_DIR / CONDITIONS_FILE))[1]


def _condition_keys(path: Path) -> set[str] | None:
    # Problems of conditions.yaml itself are check_seeds' to report; None skips the cross-check.
    doc = read_yaml(path, []) if path.is_file() else None
    if doc is None or not isinstance(doc.data, list):
        return None
    return {item["key"] for item in doc.data if isinstance(item, dict) and isinstance(item.get("key"), str)}


def _check(path: Path, conditions: Collection[str] | None) -> tuple[list[GlossaryEntry], list[SeedProblem]]:
    problems: list[SeedProblem] = []
    doc = read_yaml(path, problems)
    if doc is None:
        return [], problems
    if not isinstance(doc.data, list):
        return [], [SeedProblem(path, 1, "the glossary is a YAML list of entries")]
    entries: list[GlossaryEntry] = []
    plain_line: dict[str, int] = {}
    medical_line: dict[str, int] = {}
    for index, item in enumerate(doc.data):

        def problem(message: str, *loc: str | int, index: int = index) -> None:
            problems.append(SeedProblem(path, line_of(doc.node, (index, *loc)), message))

        entry = _entry(item, problem)
        if entry is None:
            continue
        line = line_of(doc.node, (index, "plain"))
        if entry.plain in plain_line:
            problem(f"plain '{entry.plain}' is already an entry (line {plain_line[entry.plain]})", "plain")
            continue
        plain_line[entry.plain] = line
        for position, phrase in enumerate(entry.medical):
            if phrase in medical_line:
                problem(
                    f"medical '{phrase}' already belongs to the entry on line {medical_line[phrase]}",
                    "medical",
                    position,
                )
            medical_line.setdefault(phrase, line)
        if conditions is not None and entry.condition is not None and entry.condition not in conditions:
            problem(f"unknown condition key '{entry.condition}' (not in {CONDITIONS_FILE})", "condition")
        entries.append(entry)
    return entries, problems


class _Problem(Protocol):
    """How `_entry` reports: a message and the location below the entry it is about."""

    def __call__(self, message: str, *loc: str | int) -> None: ...


def _entry(item: Any, problem: _Problem) -> GlossaryEntry | None:
    """One validated entry, or None after reporting why it is not one."""
    if not isinstance(item, dict):
        problem("a glossary entry is a mapping with plain, medical and kind")
        return None
    ok = True
    for name in item:
        if name not in _REQUIRED + _OPTIONAL:
            problem(f"unknown field '{name}' (expected {', '.join(_REQUIRED + _OPTIONAL)})", str(name))
            ok = False
    for name in _REQUIRED:
        if name not in item:
            problem(f"missing required field '{name}'")
            ok = False
    if not ok:
        return None
    plain = _text(item["plain"], problem, "plain")
    medical = _texts(item["medical"], problem, "medical", required=True)
    also = _texts(item.get("also", []), problem, "also", required=False)
    kind = _text(item["kind"], problem, "kind")
    if kind is not None and kind not in KINDS:
        problem(f"kind '{kind}' is not one of {', '.join(sorted(KINDS))}", "kind")
        kind = None
    condition = _text(item["condition"], problem, "condition") if "condition" in item else None
    if plain is None or medical is None or also is None or kind is None:
        return None
    if "condition" in item and condition is None:
        return None
    return GlossaryEntry(glossary_key(plain), plain, medical, kind, also, condition)


def _text(value: Any, problem: _Problem, *loc: str | int) -> str | None:
    where = ".".join(str(part) for part in loc)
    if not isinstance(value, str):
        problem(f"{where}: expected text", *loc)
        return None
    if not value.strip():
        problem(f"{where}: must not be empty", *loc)
        return None
    if value != value.strip() or "  " in value:
        problem(f"{where}: '{value}' has stray spaces", *loc)
        return None
    if value != value.lower():
        problem(f"{where}: '{value}' must be lower case", *loc)
        return None
    return value


def _texts(value: Any, problem: _Problem, name: str, *, required: bool) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        problem(f"{name}: expected a list of phrases", name)
        return None
    if required and not value:
        problem(f"{name}: must name at least one phrase", name)
        return None
    texts = [_text(item, problem, name, index) for index, item in enumerate(value)]
    if any(text is None for text in texts):
        return None
    result = tuple(text for text in texts if text is not None)
    if len(set(result)) != len(result):
        problem(f"{name}: a phrase is listed twice", name)
        return None
    return result
