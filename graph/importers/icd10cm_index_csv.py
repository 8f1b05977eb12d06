"""The ICD-10-CM Alphabetic Index as rows (`ICD10CM_<yyyy>_Index_derived.csv`): a row per term or subterm.

Columns `RowID, Letter, Level, Term, See, SeeAlso, NonEssModif, Code`, in document order: a row's parent is
the nearest earlier row one level up. It is a flattening of the CDC index XML made elsewhere
(data/SOURCES.md), so only its facts are used: terms, cross-references and the first code of each term. A few
rows lost their title text to that flattening and keep only their non-essential modifier; the modifier then
stands as their title."""

import re
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.index_records import IndexTarget, IndexTermRecord
from graph.importers.source_files import bundled_data_path, read_csv_rows

BUNDLED_FILE = "ICD10CM_2025_Index_derived.csv.gz"
COLUMNS = ("RowID", "Level", "Term", "See", "SeeAlso", "NonEssModif", "Code")
# A category, subcategory or code, with a trailing `-` when more characters are required (`M21.61-`, `I63.-`).
_CODE = re.compile(r"[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?-?")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def bundled_index_csv_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def index_source(path: Path) -> str:
    """The book and release a file holds, from the fiscal year in its name: "ICD-10-CM Index FY2025"."""
    match = _YEAR.search(path.name)
    if match is None:
        raise ImportFormatError(path, None, "no fiscal year (20yy) in the file name")
    return f"ICD-10-CM Index FY{match.group(1)}"


def read_icd10cm_index_csv(path: Path) -> list[IndexTermRecord]:
    """Every term of the index, in document order; a malformed row raises before anything is returned."""
    source = index_source(path)
    key = source.lower().replace(" ", "-")
    records: list[IndexTermRecord] = []
    seen: dict[str, int] = {}
    # Titles and uids of the rows above the current one, by level.
    path_titles: list[str] = []
    uids: list[str] = []
    for line, row in read_csv_rows(path, COLUMNS):
        level = _level(path, line, row["Level"], len(path_titles))
        nemod = _text(row["NonEssModif"]) or None
        title = _text(row["Term"]) or nemod
        if title is None:
            raise ImportFormatError(path, line, "a term with neither a title nor a non-essential modifier")
        del path_titles[level:], uids[level:]
        path_titles.append(title)
        # A subterm's uid extends its parent's, so the children of a repeated term stay apart too.
        uid = f"{uids[-1]}|{title}" if uids else f"{key}:{title}"
        # The same path twice (two "Cancer" main terms) keeps document order: the second is "#2".
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            uid = f"{uid}#{seen[uid]}"
        records.append(
            IndexTermRecord(
                uid=uid,
                source=source,
                title=title,
                nemod=nemod,
                level=level,
                path=tuple(path_titles),
                parent=uids[-1] if uids else None,
                targets=_targets(path, line, row["Code"]),
                see=_references(row["See"]),
                see_also=_references(row["SeeAlso"]),
            )
        )
        uids.append(uid)
    if not records:
        raise ImportFormatError(path, None, "no index rows")
    return records


def _level(path: Path, line: int, text: str, depth: int) -> int:
    # A subterm sits at most one level below the row above it; the first row is a main term.
    if not text.strip().isdigit():
        raise ImportFormatError(path, line, f"Level {text!r} is not a number")
    level = int(text)
    if level > depth:
        raise ImportFormatError(path, line, f"Level {level} has no parent at level {level - 1} above it")
    return level


def _targets(path: Path, line: int, text: str) -> tuple[IndexTarget, ...]:
    code = text.strip()
    if not code:
        return ()
    if not _CODE.fullmatch(code):
        raise ImportFormatError(path, line, f"Code {code!r} is not an ICD-10-CM code")
    return (IndexTarget(code),)


def _references(text: str) -> tuple[str, ...]:
    reference = _text(text)
    return (reference,) if reference else ()


def _text(text: str) -> str:
    # The flattening left double spaces in some cross-references ("Abscess,  peritoneum").
    return " ".join(text.split())
