"""Give ICD-10-PCS axis values their official definitions, explanations and includes.

A Definitions XML term applies to the values of its section and position whose label is one of its
titles. Two kinds of title say more than the label, and are matched with what they add:
- devices name the body system, and for some tables the root operation, they apply to ("Autologous
  Venous Tissue in Lower Arteries", "… Electrohydraulic for Replacement in Heart and Great Vessels"),
  in section X the section ("Intraluminal Device, Temporary in New Technology");
- section F type qualifiers say whether they are assessed or treated ("Aphasia (Assessment)"), which
  the table's type decides (position 3: "Speech Assessment"; the other types, "Speech Treatment" or
  "Device Fitting", treat).
Section 3 keeps substances at position 6, but a table may carry one as a qualifier at position 7
(3E07 gives Clofarabine as its 7th character): a label no term of its position names takes the one
term of its section with that title. A value no term names keeps no definition: the book defines
every root operation and approach, but only the body parts and devices that have other names (the
body part and device keys) and a few others.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from graph.importers.pcs_definitions_xml import PcsDefinitions, PcsTerm
from graph.importers.records import PcsValueRecord

_TYPE_POSITION = 3
_DEVICE_POSITION = 6
_ASSESSED = "Assessment"

# (section, position, title as published)
TermKey = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class DefinedValues:
    values: list[PcsValueRecord]
    defined: int  # values that got a term


def define_values(
    values: Iterable[PcsValueRecord], definitions: PcsDefinitions, names: Mapping[str, str]
) -> DefinedValues:
    """`values` with the term that names each; `names` are the Tables' section and body-system names."""
    values = list(values)
    terms: dict[TermKey, PcsTerm] = {}
    in_section: dict[tuple[str, str], list[PcsTerm]] = {}
    for term in definitions.terms:
        for title in term.titles:
            terms.setdefault((term.section, term.position, title), term)
            in_section.setdefault((term.section, title), []).append(term)
    types = {(v.section, v.body_system, v.value): v.meaning for v in values if v.position == _TYPE_POSITION}
    found: list[PcsValueRecord] = []
    defined = 0
    for value in values:
        match = next((terms[k] for k in _candidate_keys(value, names, types) if k in terms), None)
        if match is None and len(elsewhere := in_section.get((value.section, value.meaning), [])) == 1:
            match = elsewhere[0]
        if match is None:
            found.append(value)
            continue
        defined += 1
        found.append(
            replace(
                value, definition=match.definition, explanation=match.explanation, includes=match.includes
            )
        )
    return DefinedValues(found, defined)


def _candidate_keys(
    value: PcsValueRecord, names: Mapping[str, str], types: Mapping[tuple[str, str | None, str], str]
) -> list[TermKey]:
    label = value.meaning
    titles = [label]
    table = _table(value)
    if table is not None and value.position == _DEVICE_POSITION:
        operation = types.get((value.section, None, table[2]))
        for system in (names.get(table[:2]), names.get(value.section)):
            if system is not None:
                titles.append(f"{label} in {system}")
                if operation is not None:
                    titles.append(f"{label} for {operation} in {system}")
    if table is not None and value.section == "F":
        kind = types.get((value.section, None, table[2]), "")
        titles.append(f"{label} ({_ASSESSED if _ASSESSED in kind else 'Treatment'})")
    return [(value.section, value.position, title) for title in titles]


def _table(value: PcsValueRecord) -> str | None:
    """The table a table-wide value belongs to: its body system and table characters lead its scope."""
    scope = value.body_system or ""
    return value.section + scope[:2] if len(scope) >= 2 else None
