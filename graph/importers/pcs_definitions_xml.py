"""Importer for the CMS ICD-10-PCS Definitions XML (`icd10pcs_definitions_<year>.xml`).

Layout (CMS's `ICD10PCS.definitions`): a `section` (attribute `code`) holds an `axis` per defined
position (`pos`, `title`), which holds `terms`. A `terms` element has one or more `title`s (the
values it applies to, e.g. "1st Toe, Left" and "1st Toe, Right"), at most one `definition` and
one `explanation` (root operations, approaches), and any number of `includes` (for body parts and
devices each is one term that stands for the value, e.g. "Hallux"; for root operations one
element lists examples, e.g. "Thrombectomy, choledocholithotomy"). Texts are kept as published.

Titles are the values' labels as in the Tables, except device titles that name the body system
they apply to ("External Fixation Device in Lower Bones") and type qualifiers of section F that
say whether they are assessed or treated ("Aphasia (Assessment)"); `graph.vocabulary` matches them.
The `deviceAggregation` part is not read.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.source_files import bundled_data_path, require_file

BUNDLED_FILE = "icd10pcs_definitions_2026.xml"
ROOT = "ICD10PCS.definitions"


@dataclass(frozen=True, slots=True)
class PcsTerm:
    section: str
    position: int  # 3..7
    axis: str  # the axis title as published, e.g. "Operation", "Body Part"
    titles: tuple[str, ...]
    definition: str | None
    explanation: str | None
    includes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PcsDefinitions:
    version: str  # e.g. "2026", as the file says
    terms: tuple[PcsTerm, ...]


def bundled_definitions_path() -> Path:
    return bundled_data_path(BUNDLED_FILE)


def read_pcs_definitions_xml(path: Path) -> PcsDefinitions:
    """Read a Definitions XML file; a missing or malformed file raises `ImportFormatError`."""
    require_file(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ImportFormatError(path, exc.position[0], f"not well-formed XML: {exc}") from None
    if root.tag != ROOT:
        raise ImportFormatError(path, None, f"root element <{root.tag}> is not <{ROOT}>")
    terms: list[PcsTerm] = []
    for section in root.findall("section"):
        code = section.get("code") or ""
        for axis in section.findall("axis"):
            try:
                terms.extend(_terms(code, axis))
            except ValueError as exc:
                where = f"section {code or '?'}, axis {axis.get('pos') or '?'}"
                raise ImportFormatError(path, None, f"{where}: {exc}") from None
    if not terms:
        raise ImportFormatError(path, None, "no section holds a defined term")
    return PcsDefinitions(version=(root.findtext("version") or "").strip(), terms=tuple(terms))


def _terms(section: str, axis: ET.Element) -> list[PcsTerm]:
    position = axis.get("pos") or ""
    if len(section) != 1 or position not in {"3", "4", "5", "6", "7"}:
        raise ValueError("a section code of one character and an axis pos of 3 to 7 are required")
    title = _text(axis.find("title"))
    if title is None:
        raise ValueError("the axis has no title")
    found = []
    for number, terms in enumerate(axis.findall("terms"), start=1):
        titles = tuple(text for element in terms.findall("title") if (text := _text(element)))
        if not titles:
            raise ValueError(f"terms #{number} has no title")
        found.append(
            PcsTerm(
                section=section,
                position=int(position),
                axis=title,
                titles=titles,
                definition=_text(terms.find("definition")),
                explanation=_text(terms.find("explanation")),
                includes=tuple(text for element in terms.findall("includes") if (text := _text(element))),
            )
        )
    return found


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None
