"""The curated knowledge as read from the seed files, and the state of one reading of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.knowledge.errors import SeedProblem
from graph.knowledge.seed_models import ConditionEntry, ConditionMonograph, DrugEntry, Monograph, VocabEntry
from graph.knowledge.seed_yaml import YamlDoc


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


@dataclass(slots=True)
class SeedRead:
    """One reading of a seeds folder: what was read, every problem found, the YAML kept for line numbers."""

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
