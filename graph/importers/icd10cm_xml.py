"""ICD-10-CM from the CDC tabular XML (`icd10cm-tabular-<Month>-<day>-<year>.xml`, root `<ICD10CM.tabular>`).

The tabular list is a tree: chapter → section (block) → 3-character category → subcategories → codes.
Codes that need a 7th character are not listed: a `<sevenChrDef>` on a code or an ancestor defines the
characters, and every leaf below it is published with each of them. This importer writes those out.
"""

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.records import CodeKind, CodeRecord, NoteRecord, Release
from graph.importers.source_files import installed_package_path
from graph.model import ICD10CM_CODE, SYSTEM_NAMES, System

logger = logging.getLogger(__name__)

_NOTE_KINDS = {
    "includes": "includes",
    "inclusionTerm": "inclusion_term",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "codeAlso": "code_also",
    "useAdditionalCode": "use_additional",
    "notes": "note",
    "sevenChrNote": "seven_chr_note",
}
_SEVEN_CHR_DEF = "seven_chr_def"

# S06 carries this rule only as prose ("7th characters D and S do not apply to codes in category S06 with
# 6th character 7 ... or 8 ..."); the CDC code files leave those combinations out, so must we.
_EXCLUDED_SEVENTH = {("S06", "7"): "DS", ("S06", "8"): "DS"}

# A code as notes cite it: `I26.-`, `I82.4-`, `Z79.01`, or a range `O00-O9A`, `S06.1- to S06.6-`.
_MENTION = re.compile(
    rf"(?<![A-Za-z0-9])(?P<first>{ICD10CM_CODE})(?:\.?-)?"
    rf"(?:\s*(?:-{{1,2}}|\bto\b)\s*(?P<last>{ICD10CM_CODE})(?:\.?-)?)?(?![A-Za-z0-9])"
)
# Names that are spelled like codes: vitamin B12, limb-girdle muscular dystrophy R12 (LGMD R12).
_NAME_BEFORE_MENTION = re.compile(r"(?:vitamin|LGMD)\s+$", re.IGNORECASE)
_DATED_FILE_NAME = re.compile(r"icd10cm?-tabular-([A-Za-z]+)-(\d{1,2})-(\d{4})\.xml$")


@dataclass(slots=True, eq=False)
class _Node:
    code: str
    title: str
    kind: str
    parent: "_Node | None"
    notes: list[tuple[str, str]] = field(default_factory=list)
    attributes: tuple[tuple[str, str], ...] = ()
    children: list["_Node"] = field(default_factory=list)
    # Tabular (document) positions of the first and last leaf code in the subtree, so that a range from
    # B65.0 takes in B65 whole; -1 for a heading block that holds no codes.
    first: int = -1
    last: int = -1


def bundled_tabular_path() -> Path:
    """The newest tabular XML shipped in the `simple_icd_10_cm` package's `data` folder."""
    # Not imported: importing the package parses the whole XML (about 3 s).
    data = installed_package_path("simple_icd_10_cm") / "data"
    dated = [(_file_date(path), path) for path in data.glob("icd10c*-tabular-*.xml")]
    if not dated:
        raise FileNotFoundError(f"no icd10c*-tabular-*.xml in {data}")
    return max(dated)[1]


def read_icd10cm_tabular(path: Path) -> Release:
    """Read a CDC ICD-10-CM tabular XML file into a `Release` (chapters, blocks, codes and 7th characters).

    A missing, malformed or incomplete file raises `ImportFormatError` naming the file (and the line).
    """
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise ImportFormatError(path, None, "file not found") from None
    except ET.ParseError as exc:
        raise ImportFormatError(path, exc.position[0], f"not well-formed XML: {exc}") from None
    if root.tag != "ICD10CM.tabular":
        raise ImportFormatError(path, None, f"root element <{root.tag}> is not <ICD10CM.tabular>")
    try:
        chapters = [_read_chapter(element) for element in root.findall("chapter")]
        version = _version(_text(root, "version"), path.name)
    except ValueError as exc:
        raise ImportFormatError(path, None, str(exc)) from None
    nodes = list(_preorder(chapters))
    resolver = _MentionResolver(chapters, nodes)
    codes = [_record(node, resolver) for node in nodes]
    if resolver.unresolved:
        logger.info(
            "%s: %d code mentions in notes name no code of the release", path.name, resolver.unresolved
        )
    return Release(
        system=System.ICD10CM,
        name=SYSTEM_NAMES[System.ICD10CM],
        version=version,
        source=path.name,
        codes=codes,
    )


def _version(xml_version: str, file_name: str) -> str:
    match = _DATED_FILE_NAME.search(file_name)
    if match is None:
        return f"FY{xml_version}"
    month, day, year = match.groups()
    return f"FY{xml_version} ({month} {day}, {year} update)"


def _file_date(path: Path) -> datetime:
    match = _DATED_FILE_NAME.search(path.name)
    return datetime.strptime(" ".join(match.groups()), "%B %d %Y") if match else datetime.min


def _read_chapter(element: ET.Element) -> _Node:
    chapter = _Node(_text(element, "name"), _text(element, "desc"), CodeKind.CHAPTER, None, _notes(element))
    chapter.children = [_read_section(section, chapter) for section in element.findall("section")]
    return chapter


def _read_section(element: ET.Element, chapter: _Node) -> _Node:
    section_id = element.get("id", "")
    # A section holding one category is named by it (`C7A`); the range form keeps the two keys apart.
    code = section_id if "-" in section_id else f"{section_id}-{section_id}"
    block = _Node(code, _text(element, "desc"), CodeKind.BLOCK, chapter, _notes(element))
    block.children = [_read_diag(diag, block, ()) for diag in element.findall("diag")]
    return block


def _read_diag(element: ET.Element, parent: _Node, inherited: tuple[tuple[str, str], ...]) -> _Node:
    placeholder = (("placeholder", "true"),) if element.get("placeholder") == "true" else ()
    node = _Node(
        _text(element, "name"), _text(element, "desc"), CodeKind.CODE, parent, _notes(element), placeholder
    )
    seventh = _seventh_characters(element) or inherited
    node.children = [_read_diag(diag, node, seventh) for diag in element.findall("diag")]
    if not node.children:
        node.children = [
            _extension(node, char, meaning) for char, meaning in seventh if _applies(node.code, char)
        ]
    if parent.kind == CodeKind.BLOCK:
        node.kind = CodeKind.CATEGORY
    elif node.children:
        node.kind = CodeKind.SUBCATEGORY
    return node


def _seventh_characters(element: ET.Element) -> tuple[tuple[str, str], ...]:
    definition = element.find("sevenChrDef")
    if definition is None:
        return ()
    return tuple((ext.get("char", ""), _clean(ext.text)) for ext in definition.findall("extension"))


def _applies(code: str, char: str) -> bool:
    compact = code.replace(".", "")
    return len(compact) < 6 or char not in _EXCLUDED_SEVENTH.get((compact[:3], compact[5]), "")


def _extension(node: _Node, char: str, meaning: str) -> _Node:
    # Placeholder X's pad the code so the character lands in 7th place (S32.9 → S32.9XXA). The padded
    # codes (S32.9XX) are not codes of the release, so the extension hangs under the code it extends.
    category, _, rest = node.code.partition(".")
    code = f"{category}.{rest.ljust(3, 'X')}{char}"
    return _Node(code, f"{node.title}, {meaning}", CodeKind.EXTENSION, node)


def _notes(element: ET.Element) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    for child in element:
        if child.tag in _NOTE_KINDS:
            notes.extend((_NOTE_KINDS[child.tag], _clean(note.text)) for note in child.findall("note"))
        elif child.tag == "sevenChrDef":
            notes.extend((_SEVEN_CHR_DEF, line) for line in _seven_chr_def_lines(child))
    return notes


def _seven_chr_def_lines(definition: ET.Element) -> list[str]:
    lines: list[str] = []
    for item in definition:
        if item.tag == "extension":
            lines.append(f"{item.get('char')}: {_clean(item.text)}")
        elif lines:
            # A <note> here is printed indented under the character before it (B: ... / open fracture NOS).
            lines[-1] += "\n" + _clean(item.text)
    return lines


def _record(node: _Node, resolver: "_MentionResolver") -> CodeRecord:
    notes = tuple(NoteRecord(kind, text, resolver.targets(text, node.code)) for kind, text in node.notes)
    return CodeRecord(
        code=node.code,
        title=node.title,
        kind=node.kind,
        billable=node.kind not in (CodeKind.CHAPTER, CodeKind.BLOCK) and not node.children,
        parent=node.parent.code if node.parent else None,
        notes=notes,
        attributes=node.attributes,
    )


class _MentionResolver:
    """Turns the codes a note names into codes of the release.

    `X.-`, `X-` and `X` name the code X (placeholder codes such as `S06.0X` are codes of the release).
    A range names the block of that exact range if there is one (heading blocks such as T20-T32 included),
    else the fewest whole chapters, blocks and codes that make it up in tabular order: T36-T65 → T36-T50,
    T51-T65; C40-C49 → C40-C41, C43-C44 (with C4A), C45-C49. A range is only as good as its ends: one that
    ends in a code missing from the release (K00-K93, I60-I64) is dropped, like any mention that names
    nothing, and counted in `unresolved`.
    """

    def __init__(self, chapters: list[_Node], nodes: list[_Node]) -> None:
        self._chapters = chapters
        self._by_code = {node.code: node for node in nodes}
        self.unresolved = 0
        for position, node in enumerate(nodes):
            if not node.children and node.kind not in (CodeKind.CHAPTER, CodeKind.BLOCK):
                node.first = node.last = position
        for chapter in chapters:
            _set_span(chapter)

    def targets(self, text: str, own_code: str) -> tuple[str, ...]:
        found: dict[str, None] = {}
        for mention in _MENTION.finditer(text):
            if _NAME_BEFORE_MENTION.search(text, max(0, mention.start() - 12), mention.start()):
                continue
            codes = self._resolve(mention["first"], mention["last"])
            if not codes:
                self.unresolved += 1
                logger.debug("unresolved code mention %r in a note of %s", mention[0], own_code)
            found.update((code, None) for code in codes if code != own_code)
        return tuple(found)

    def _resolve(self, first: str, last: str | None) -> list[str]:
        start = self._by_code.get(first)
        if last is None:
            return [start.code] if start else []
        if f"{first}-{last}" in self._by_code:
            return [f"{first}-{last}"]
        end = self._by_code.get(last)
        if start is None or end is None:
            return []
        return [node.code for node in _cover(start.first, end.last, self._chapters)]


def _cover(start: int, end: int, nodes: Iterable[_Node]) -> Iterator[_Node]:
    for node in nodes:
        if node.first < 0 or node.last < start or node.first > end:
            continue
        if start <= node.first and node.last <= end:
            yield node
        else:
            yield from _cover(start, end, node.children)


def _set_span(node: _Node) -> None:
    for child in node.children:
        _set_span(child)
    spanned = [child for child in node.children if child.first >= 0]
    if spanned:
        node.first, node.last = spanned[0].first, spanned[-1].last


def _preorder(nodes: Iterable[_Node]) -> Iterator[_Node]:
    for node in nodes:
        yield node
        yield from _preorder(node.children)


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    if found is None or not found.text:
        raise ValueError(f"<{element.tag}> without <{tag}> in ICD-10-CM tabular XML")
    return _clean(found.text)


def _clean(text: str | None) -> str:
    # Indentation whitespace leaks into a few texts (a leading tab, ` Genetic disorders ... (QA0)`).
    return (text or "").strip()
