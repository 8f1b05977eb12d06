"""The search-quality cases of bench/search_cases/: one YAML file per kind, each case a query and the
answers a competent coder accepts for it.

A file holds `kind`, an optional `system` (the system of every answer unless a case or an answer says
otherwise) and `cases`. A case holds `query`, `accept` (codes or code prefixes), an optional `system` and an
optional `note`. An answer is `[SYSTEM:]CODE`; a trailing `*` makes it a prefix that matches the code itself
and every code under it ("I82.4*" matches I82.4, I82.40 and I82.401). Codes compare without their dots and
case, so "I82.4*" and "I824*" are the same answer.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).resolve().parent / "search_cases"
# Cases written without seeing search_cases/ or the search code, to check that the figures hold on queries
# the search was not tuned on (`python -m bench.search_quality --cases bench/search_cases_holdout`).
HOLDOUT = Path(__file__).resolve().parent / "search_cases_holdout"
KINDS = ("clinical", "lay", "misspelling", "abbreviation", "procedure", "code")
SYSTEMS = ("CPT", "HCPCS", "ICD10CM", "ICD10PCS")


class CaseError(ValueError):
    """A case file that does not follow the layout above; the message names the file and the case."""


def compact(code: str) -> str:
    return code.replace(".", "").strip().upper()


@dataclass(frozen=True, slots=True)
class Answer:
    system: str | None  # None: any system
    code: str  # compact, upper case, without the `*`
    prefix: bool

    @classmethod
    def parse(cls, text: str, system: str | None) -> "Answer":
        if ":" in text:
            system, text = text.split(":", 1)
        if system is not None and system not in SYSTEMS:
            raise ValueError(f"unknown system {system!r}")
        prefix = text.endswith("*")
        code = compact(text.removesuffix("*"))
        if not code.isalnum():
            raise ValueError(f"not a code or a code prefix: {text!r}")
        return cls(system, code, prefix)

    def matches(self, system: str, code: str) -> bool:
        """Whether a code (as the graph spells it, dotted or not) is this answer."""
        if self.system is not None and system != self.system:
            return False
        found = compact(code)
        return found.startswith(self.code) if self.prefix else found == self.code

    def __str__(self) -> str:
        return f"{self.system + ':' if self.system else ''}{self.code}{'*' if self.prefix else ''}"


@dataclass(frozen=True, slots=True)
class Case:
    kind: str
    query: str
    accept: tuple[Answer, ...]
    note: str | None = None

    def accepts(self, system: str, code: str) -> bool:
        return any(answer.matches(system, code) for answer in self.accept)


def load_cases(folder: Path = CASES) -> list[Case]:
    """Every case of every `*.yaml` file in the folder, in file order, files by name."""
    return [case for path in sorted(folder.glob("*.yaml")) for case in load_file(path)]


def load_file(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text())
    if not isinstance(data, dict) or data.get("kind") not in KINDS:
        raise CaseError(f"{path.name}: `kind` must be one of {', '.join(KINDS)}")
    kind = str(data["kind"])
    default = data.get("system")
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise CaseError(f"{path.name}: `cases` must be a non-empty list")
    return [_case(path.name, number, kind, default, raw) for number, raw in enumerate(cases, 1)]


def _case(file: str, number: int, kind: str, default: str | None, raw: Any) -> Case:
    where = f"{file}, case {number}"
    if not isinstance(raw, dict) or set(raw) - {"query", "accept", "system", "note"}:
        raise CaseError(f"{where}: a case holds query, accept and optionally system and note")
    query, accept = raw.get("query"), raw.get("accept")
    if not isinstance(query, str) or not query.strip():
        raise CaseError(f"{where}: `query` must be text")
    if not isinstance(accept, list) or not accept:
        raise CaseError(f"{where} ({query!r}): `accept` must be a non-empty list")
    try:
        answers = tuple(Answer.parse(str(text), raw.get("system", default)) for text in accept)
    except ValueError as exc:
        raise CaseError(f"{where} ({query!r}): {exc}") from None
    note = raw.get("note")
    return Case(kind, query, answers, str(note) if note is not None else None)


def unmatched(cases: Iterable[Case], codes: Sequence[tuple[str, str]]) -> list[tuple[Case, Answer]]:
    """The answers that no code of the release (pairs of system and code) matches."""
    by_system: dict[str, set[str]] = {}
    for system, code in codes:
        by_system.setdefault(system, set()).add(compact(code))
    prefixes: dict[str, set[str]] = {
        system: {code[:length] for code in found for length in range(1, len(code) + 1)}
        for system, found in by_system.items()
    }
    missing = []
    for case in cases:
        for answer in case.accept:
            systems = [answer.system] if answer.system else list(by_system)
            table = prefixes if answer.prefix else by_system
            if not any(answer.code in table.get(system, ()) for system in systems):
                missing.append((case, answer))
    return missing
