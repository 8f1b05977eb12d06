"""Plain records that importers produce and the loader consumes.

An importer reads one official file and returns a `Release`; it never touches the database.
Codes are named by their code as published (ICD-10-CM with its dot); the loader makes uids.
"""

from dataclasses import dataclass, field

from graph.model import System


class CodeKind:
    """Values of `Code.kind` (GraphQL enum `CodeKind`, lower-case here)."""

    CHAPTER = "chapter"
    BLOCK = "block"
    CATEGORY = "category"
    SUBCATEGORY = "subcategory"
    CODE = "code"  # a billable / leaf code of any system
    EXTENSION = "extension"  # ICD-10-CM code made by a 7th character
    SECTION = "section"  # ICD-10-PCS first character
    BODY_SYSTEM = "body_system"  # ICD-10-PCS first two characters
    TABLE = "table"  # ICD-10-PCS first three characters
    MODIFIER = "modifier"  # HCPCS modifier
    GROUP = "group"  # HCPCS / CPT range heading


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """One note of a code as published, e.g. an Excludes1 line, and the codes it names.

    kind: one of includes, inclusion_term, excludes1, excludes2, code_first, code_also,
    use_additional, note, seven_chr_note, seven_chr_def.
    targets: codes (same system, as published) that the text names and that exist in the release;
    a range such as `I80-I89` names the block with that range, `I82.4-` names the code `I82.4`.
    """

    kind: str
    text: str
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeRecord:
    code: str
    title: str
    kind: str
    billable: bool
    parent: str | None = None
    short_title: str | None = None
    active: bool = True
    effective_date: str | None = None  # ISO yyyy-mm-dd
    termination_date: str | None = None  # ISO yyyy-mm-dd
    notes: tuple[NoteRecord, ...] = ()
    # Extra official attributes kept verbatim (e.g. HCPCS coverage code, BETOS); string values only.
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class PcsValueRecord:
    """The meaning of one character of an ICD-10-PCS code at one axis position.

    key: `"<section><body system or *><position><char>"` made by `pcs_value_key`.
    """

    key: str
    section: str
    body_system: str | None  # None where the meaning is the same for the whole section
    position: int  # 1..7
    axis: str  # e.g. "Root Operation", "Body Part", "Approach", "Device", "Qualifier"
    value: str  # the character
    meaning: str
    # From the release's Definitions XML, where it defines the value (`pcs_value_definitions`).
    definition: str | None = None
    explanation: str | None = None
    includes: tuple[str, ...] = ()  # other names the value stands for ("Hallux" for 1st Toe)


@dataclass(frozen=True, slots=True)
class AxisLinkRecord:
    """An ICD-10-PCS code's link to the meaning of one of its characters."""

    code: str
    rel: str  # a graph.model.Rel value: ROOT_OPERATION, BODY_PART, APPROACH, DEVICE, QUALIFIER
    value_key: str


@dataclass(slots=True)
class Release:
    system: System
    name: str
    version: str
    source: str  # file name (and package) the release was read from
    codes: list[CodeRecord] = field(default_factory=list)
    pcs_values: list[PcsValueRecord] = field(default_factory=list)
    axis_links: list[AxisLinkRecord] = field(default_factory=list)


def pcs_value_key(section: str, body_system: str | None, position: int, value: str) -> str:
    return f"{section}{body_system or '*'}{position}{value}"
