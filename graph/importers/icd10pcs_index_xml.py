"""CMS's ICD-10-PCS Index XML (`icd10pcs_index_2025.xml`) → index-term records.

The same element family as CDC's ICD-10-CM indexes (`<letter>` → `<mainTerm>` → nested `<term level="N">`),
with PCS's own leads: a term gives a table (`<tab>0CB</tab>`), a code prefix (`<codes>0DTJ</codes>`, four
to six characters) or a whole code (`<code>0DJD8ZZ</code>`); `<see>` names the root operation and body part
to look under, its text the term and its `<tab>`/`<codes>` child where that leads ("Resection, Appendix" →
0DTJ); `<use>` names the PCS value to code instead ("Abdominal esophagus" → use "Esophagus, Lower").

A term without a title is a further lead of its parent, printed on the parent's line ("Abdominoplasty see
Alteration, Abdominal Wall 0W0F; see Repair, Abdominal Wall 0WQF"): its leads are the parent's.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.importers.errors import ImportFormatError
from graph.importers.icd10cm_index_tree import Element, parse_index_file, version_of
from graph.importers.index_records import IndexTarget, IndexTermRecord
from graph.importers.source_files import bundled_data_path

ROOT = "ICD10PCS.index"
BOOK = "ICD-10-PCS Index"
# PCS characters are digits and letters but O and I; a lead is a table (3), a prefix (4..6) or a code (7).
_LEADS = {"tab": range(3, 4), "codes": range(4, 7), "code": range(7, 8)}
_CHARACTERS = re.compile(r"[0-9A-HJ-NP-Z]+")


def bundled_pcs_index_path() -> Path:
    return bundled_data_path("icd10pcs_index_2025.xml.gz")


def read_icd10pcs_index_xml(path: Path) -> list[IndexTermRecord]:
    """Every titled main term and subterm of the file, in document order (parents before children).

    A missing or malformed file, a term out of level or a lead that is not a PCS table, prefix or code raises
    `ImportFormatError` naming the file and line.
    """
    root = parse_index_file(path, ROOT)
    year = version_of(path, root)
    reader = _Reader(path, f"{BOOK} FY{year}", f"icd10pcs-index-{year}")
    for letter in root.children_named("letter"):
        for main_term in letter.children_named("mainTerm"):
            reader.walk(main_term, 0, None)
    return reader.records


@dataclass(slots=True)
class _Leads:
    targets: list[IndexTarget] = field(default_factory=list)
    see: list[str] = field(default_factory=list)
    use: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Reader:
    path: Path
    source: str
    source_key: str
    records: list[IndexTermRecord] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)

    def walk(self, element: Element, level: int, parent: IndexTermRecord | None) -> None:
        if level:
            self._check_level(element, level)
        title = element.child("title")
        name = title.text() if title is not None else ""
        if not name:
            raise ImportFormatError(self.path, element.line, f"<{element.tag}> without a <title> text")
        term_path = (*(parent.path if parent else ()), name)
        uid = f"{self.source_key}:{'|'.join(term_path)}"
        self.seen[uid] = self.seen.get(uid, 0) + 1
        if self.seen[uid] > 1:
            uid = f"{uid}#{self.seen[uid]}"
        leads = _Leads()
        self._leads(element, leads)
        titled = [term for term in element.children_named("term") if _titled(term)]
        for term in element.children_named("term"):
            if not _titled(term):
                self._check_level(term, level + 1)
                self._leads(term, leads)
        record = IndexTermRecord(
            uid=uid,
            source=self.source,
            title=name,
            nemod=None,
            level=level,
            path=term_path,
            parent=parent.uid if parent else None,
            targets=tuple(leads.targets),
            see=tuple(leads.see),
            use=tuple(leads.use),
        )
        self.records.append(record)
        for term in titled:
            self.walk(term, level + 1, record)

    def _leads(self, element: Element, leads: _Leads) -> None:
        for child in element.children:
            if child.tag in _LEADS:
                leads.targets.append(self._target(child))
            elif child.tag in ("see", "use"):
                # "Stimulator Generator, Multiple Array use ... in<tab>0JH</tab>": the table a reference
                # leads to is a lead of this term too.
                if child.text():
                    (leads.see if child.tag == "see" else leads.use).append(child.text())
                leads.targets.extend(self._target(lead) for lead in child.children if lead.tag in _LEADS)

    def _target(self, element: Element) -> IndexTarget:
        code = element.text()
        if not _CHARACTERS.fullmatch(code) or len(code) not in _LEADS[element.tag]:
            raise ImportFormatError(
                self.path, element.line, f"<{element.tag}> holds {code!r}, not an ICD-10-PCS {element.tag}"
            )
        return IndexTarget(code)

    def _check_level(self, element: Element, level: int) -> None:
        if element.attrs.get("level") != str(level):
            found = element.attrs.get("level")
            message = f'<term level="{found}"> where level {level} belongs'
            raise ImportFormatError(self.path, element.line, message)


def _titled(term: Element) -> bool:
    title = term.child("title")
    return title is not None and bool(title.text())
