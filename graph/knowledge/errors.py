"""Errors of the curated knowledge (seeds/) and its load.

KnowledgeError
 ├── SeedError        the seed files have problems; `problems` lists every one, each a SeedProblem with its
 │                    file and line (raised by load_seeds and the glossary reader)
 └── SeedLoadError    the seeds name codes that the loaded releases do not have
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class KnowledgeError(Exception):
    pass


@dataclass(frozen=True, slots=True, order=True)
class SeedProblem:
    """One problem in one seed file. `line` is 1-based; 0 means the file as a whole (e.g. a missing file)."""

    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class SeedError(KnowledgeError):
    """Raised by `load_seeds` when the seeds have problems; `problems` holds all of them."""

    def __init__(self, problems: Sequence[SeedProblem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the seed files:\n{shown}{more}")


class SeedLoadError(KnowledgeError):
    """The seeds name codes that the loaded releases do not have."""
