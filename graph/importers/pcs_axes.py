"""The meanings of ICD-10-PCS axis values (positions 3..7) and each code's links to them.

Meanings are CMS's labels from the Tables XML (`pcs_tables`), for every section; axis names are
the Tables' axis titles per section and position ("Body Part" in section 0, "Body Region" in
section 2), where the Tables' "Operation" is called "Root Operation", as the PCS guidelines do.
The graph links every section through the same five relationship types by position, so `rel`
says where a value sits and `PcsValueRecord.axis` what it is.

How far a meaning reaches (the key's scope) follows the PCS structure: positions 3 (root
operation, type, modality …) and 5 (approach, contrast, duration …) mean the same in the whole
section, position 4 (body part, body region …) in the body system, positions 6 and 7 in their
table (02 device J is "Synthetic Substitute" in 02R, "Cardiac Lead, Pacemaker" in 02H). Where a
release gives one character two meanings within that scope, the scope of that section and
position narrows to the table (FY2026: position 4 of sections G, H and X, position 5 of section F).
`records.pcs_value_key` has no table argument, so a table-wide value is given the body system and the
table's third character as `body_system` (e.g. "6C" for table 06C): the
characters after the section that its meaning depends on. Where even the rows of one table
give a character different labels (FY2026: 34 values, most of them section X devices, whose
meaning depends on the New Technology group), each label is a value of its own, its scope
the table's characters and the label's rank in the table (e.g. "W0.2").
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph.importers.pcs_tables import PcsTables
from graph.importers.records import AxisLinkRecord, PcsValueRecord, pcs_value_key
from graph.model import Rel

RELS = (Rel.ROOT_OPERATION, Rel.BODY_PART, Rel.APPROACH, Rel.DEVICE, Rel.QUALIFIER)
_RELS = tuple(rel.value for rel in RELS)
POSITIONS = range(3, 8)
_TABLE_WIDTH = 2
# The Tables title position 3 of most sections "Operation"; PCS calls it the root operation.
_AXIS_NAMES = {"Operation": "Root Operation"}

# (table, position, value): a character of a table.
TableValue = tuple[str, int, str]


@dataclass(slots=True)
class PcsAxes:
    values: list[PcsValueRecord]
    links: list[AxisLinkRecord]


def axis_name(tables: PcsTables, section: str, position: int) -> str:
    title = tables.axis_titles[(section, position)]
    return _AXIS_NAMES.get(title, title)


def structural_width(position: int) -> int:
    """How many characters after the section a value's meaning depends on, by PCS structure."""
    if position in (3, 5):
        return 0
    return 1 if position == 4 else _TABLE_WIDTH


def read_axes(codes: Iterable[str], tables: PcsTables) -> PcsAxes:
    """Values and links for `codes`, each of which `tables` must label."""
    codes = list(codes)
    labels = _labels_by_character(codes, tables)
    widths = _scope_widths(labels)
    values: dict[str, PcsValueRecord] = {}
    links: list[AxisLinkRecord] = []
    for code in codes:
        for position, rel, label in zip(POSITIONS, _RELS, tables.code_labels[code], strict=True):
            triple = (code[:3], position, code[position - 1])
            scope = _scope(triple, label, labels, widths)
            key = pcs_value_key(code[0], scope, position, triple[2])
            if key not in values:
                values[key] = PcsValueRecord(
                    key=key,
                    section=code[0],
                    body_system=scope,
                    position=position,
                    axis=axis_name(tables, code[0], position),
                    value=triple[2],
                    meaning=label,
                )
            links.append(AxisLinkRecord(code=code, rel=rel, value_key=key))
    return PcsAxes(list(values.values()), links)


def _labels_by_character(codes: list[str], tables: PcsTables) -> dict[TableValue, list[str]]:
    """Every character's distinct labels in its table, in order of first use."""
    found: dict[TableValue, list[str]] = defaultdict(list)
    for code in codes:
        for position, label in zip(POSITIONS, tables.code_labels[code], strict=True):
            known = found[(code[:3], position, code[position - 1])]
            if label not in known:
                known.append(label)
    return found


def _scope_widths(labels: Mapping[TableValue, list[str]]) -> dict[tuple[str, int], int]:
    """Per section and position, the structural width, or the table's where meanings clash."""
    seen: dict[tuple[str, int, str, str], set[str]] = defaultdict(set)
    for (table, position, value), found in labels.items():
        seen[(table[0], position, table[1 : 1 + structural_width(position)], value)].update(found)
    widths = {(table[0], position): structural_width(position) for table, position, _ in labels}
    for (section, position, _, _), meanings in seen.items():
        if len(meanings) > 1:
            widths[(section, position)] = _TABLE_WIDTH
    return widths


def _scope(
    triple: TableValue,
    label: str,
    labels: Mapping[TableValue, list[str]],
    widths: Mapping[tuple[str, int], int],
) -> str | None:
    table, position, _ = triple
    scope = table[1 : 1 + widths[(table[0], position)]]
    in_table = labels[triple]
    if len(in_table) > 1:
        return f"{table[1:]}.{in_table.index(label) + 1}"
    return scope or None
