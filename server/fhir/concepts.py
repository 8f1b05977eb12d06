"""Finding a system and a code as a FHIR request names them, against the loaded releases.

A system is named by its canonical URL; a code as people type it (`I82401` for `I82.401`): the code found is
the canonical one, and a differing input is reported back so that a client can correct its data.
"""

from dataclasses import dataclass

from graph.driver import Graph
from graph.model import System
from graph.reads.code_systems import CodeSystemRow, list_code_systems
from graph.reads.codes import CodeRow, find_code
from server.fhir.errors import FhirError, invalid, not_found
from server.fhir.systems import BY_SYSTEM, BY_URL, FhirSystem, fhir_version

MAX_CODE_CHARS = 40
CURATED_SOURCE = "seeds"  # the CodeSystem record of CPT when only curated codes (our own titles) are loaded


@dataclass(frozen=True, slots=True)
class LoadedSystem:
    fhir: FhirSystem
    version: str  # as FHIR names it
    release: str  # as the release names itself, e.g. "FY2026 (April 1, 2026 update)"
    code_count: int
    content_present: bool  # False for CPT without a licensed release: no AMA descriptors to show


def loaded_systems(graph: Graph) -> list[LoadedSystem]:
    found = []
    for row in list_code_systems(graph):
        if row.id in System.__members__:
            found.append(_loaded(row))
    return sorted(found, key=lambda loaded: [s.system for s in BY_SYSTEM.values()].index(loaded.fhir.system))


def loaded_system(graph: Graph, url: str | None, version: str | None = None) -> LoadedSystem:
    if not url:
        raise invalid(
            "The parameter 'system' (or 'url') is required: the code system's canonical URL.", "required"
        )
    fhir = BY_URL.get(url)
    if fhir is None:
        known = ", ".join(BY_URL)
        raise not_found(f"Unknown code system {url[:120]!r}. This server has {known}.")
    for loaded in loaded_systems(graph):
        if loaded.fhir.system is fhir.system:
            if version is not None and version != loaded.version:
                raise not_found(
                    f"Version {version[:40]!r} of {url} is not loaded; this server has {loaded.version}."
                )
            return loaded
    raise not_found(f"The code system {url} is not loaded on this server.")


def require_content(loaded: LoadedSystem) -> None:
    if not loaded.content_present:
        raise FhirError(
            400,
            "not-supported",
            f"{loaded.fhir.title} content is not present: no licensed release is loaded (the AMA licenses "
            "CPT). medgraph's curated CPT pages carry plain-language titles of its own, not CPT descriptors.",
        )


@dataclass(frozen=True, slots=True)
class FoundCode:
    row: CodeRow
    typed: str

    @property
    def canonical(self) -> bool:
        return self.typed == self.row.code

    def form_warning(self) -> str | None:
        if self.canonical:
            return None
        return f"The code {self.typed!r} was read as {self.row.code!r}, its canonical form: send it so."


def find(graph: Graph, loaded: LoadedSystem, code: str | None) -> FoundCode | None:
    if not code:
        raise invalid("The parameter 'code' is required.", "required")
    if len(code) > MAX_CODE_CHARS:
        raise invalid(f"A code has at most {MAX_CODE_CHARS} characters.", "value")
    row = find_code(graph, loaded.fhir.system, code)
    return FoundCode(row, code) if row is not None else None


def _loaded(row: CodeSystemRow) -> LoadedSystem:
    system = System(row.id)
    return LoadedSystem(
        fhir=BY_SYSTEM[system],
        version=fhir_version(row.version),
        release=row.version,
        code_count=row.code_count,
        content_present=not (system is System.CPT and row.source == CURATED_SOURCE),
    )
