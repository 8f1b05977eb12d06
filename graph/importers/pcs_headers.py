"""Names of ICD-10-PCS sections, body systems and third-axis values, read off table headers.

The order file has a header row per table and none for sections or body systems. A header's
long title names the table's section (except in section 0), body system and third-axis value:
"Imaging, Veins, Plain Radiography", "Lower Veins, Extirpation" (section 0 leaves out
"Medical and Surgical"). Body-system names may hold commas ("Ear, Nose, Sinus"), third-axis
names never do, so a header splits at its last comma. Two kinds of header have one name less:
sections G and H have a single body system, Z, which their headers skip ("Mental Health,
Psychological Tests"), and table X0Z names no third-axis value ("New Technology, Nervous System").
Names known from the definitions database take precedence over names read off headers.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

# CMS's tables label body system Z of sections G and H "None"; the order file never names it.
UNNAMED_BODY_SYSTEM = "None"


@dataclass(slots=True)
class PcsOutline:
    sections: dict[str, str] = field(default_factory=dict)  # "B" -> "Imaging"
    body_systems: dict[str, str] = field(default_factory=dict)  # "B5" -> "Veins"
    third_axis: dict[str, str] = field(default_factory=dict)  # table "B51" -> "Fluoroscopy"


def read_outline(
    headers: Mapping[str, str],
    known_sections: Mapping[str, str],
    known_body_systems: Mapping[str, str],
) -> PcsOutline:
    """Name sections, body systems and third-axis values from `headers` (table -> long title)."""
    outline = PcsOutline()
    by_section: dict[str, dict[str, str]] = defaultdict(dict)
    for table, title in headers.items():
        by_section[table[0]][table] = title
    for section, titles in by_section.items():
        name, rests = _strip_section(titles, known_sections.get(section))
        outline.sections[section] = name
        _name_body_systems(rests, known_body_systems, outline)
    return outline


def _strip_section(titles: dict[str, str], known: str | None) -> tuple[str, dict[str, str]]:
    """The section's name and each header without it."""
    firsts = {title.split(", ", 1)[0] for title in titles.values()}
    common = firsts.pop() if len(firsts) == 1 else None
    name = known or common
    if name is None:
        raise ValueError(f"no name for ICD-10-PCS section of tables {sorted(titles)[:3]}")
    if common != name:  # section 0: headers start with the body system
        return name, dict(titles)
    return name, {table: title[len(name) + 2 :] for table, title in titles.items()}


def _name_body_systems(rests: dict[str, str], known: Mapping[str, str], outline: PcsOutline) -> None:
    single: dict[str, str] = {}
    for table, rest in rests.items():
        body_system = table[:2]
        name = known.get(body_system)
        if name and rest.startswith(name + ", "):
            outline.body_systems.setdefault(body_system, name)
            outline.third_axis[table] = rest[len(name) + 2 :]
        elif ", " in rest:
            name, third = rest.rsplit(", ", 1)
            outline.body_systems.setdefault(body_system, known.get(body_system, name))
            outline.third_axis[table] = third
        else:
            single[table] = rest
    for table, rest in single.items():
        body_system = table[:2]
        if outline.body_systems.get(body_system) == rest:
            continue  # the header names the body system only
        outline.body_systems.setdefault(body_system, known.get(body_system, UNNAMED_BODY_SYSTEM))
        outline.third_axis[table] = rest
