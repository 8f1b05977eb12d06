"""What a curation edit may say, checked before it reaches the graph: curated relations and monograph
sections, with the seed format's rules and length limits (graph.curation writes them).

A refused edit raises graph.errors.CurationRefused; the message is meant for the editor.
"""

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, get_args

from graph.errors import CurationRefused
from graph.knowledge.seed_models import RelatedType

MAX_NOTE = 1_000
# Section limits leave room above the longest seed texts (summary 579, list item 222, step text 225 chars).
MAX_TEXT = 2_000
MAX_ITEM = 500
MAX_ITEMS = 20
MAX_STEP_LABEL = 80
MAX_STEP_TEXT = 1_000
MAX_STEPS = 30
RELATED_TYPES: tuple[str, ...] = get_args(RelatedType)


class RelationKind(StrEnum):
    """A curated relationship and what it points to; each has statements of its own (labels are never
    formatted into Cypher)."""

    RELATED = "RELATED"  # code -> code, one edge per `type`
    CODE_ALTERNATIVE = "HAS_ALTERNATIVE:Code"
    TREATMENT_ALTERNATIVE = "HAS_ALTERNATIVE:Treatment"
    INDICATION = "INDICATED_FOR"


@dataclass(frozen=True, slots=True)
class Relation:
    """A curated edge from the procedure code `source` (a uid) to `target`, a code uid or a vocabulary key."""

    kind: RelationKind
    source: str
    target: str
    type: str | None = None  # RELATED: one of RELATED_TYPES
    note: str | None = None  # HAS_ALTERNATIVE, INDICATED_FOR: required to add, not needed to remove


class Section(StrEnum):
    """A section of a monograph, by its property name on the node (steps are stored as two lists)."""

    SUMMARY = "summary"
    PURPOSE = "purpose"
    DURATION = "duration"
    PATIENT_EXPERIENCE = "patientExperience"
    PREPARATION = "preparation"
    RECOVERY = "recovery"
    COMMON_NAMES = "commonNames"
    STEPS = "steps"


TEXT_SECTIONS = frozenset({Section.SUMMARY, Section.PURPOSE, Section.DURATION, Section.PATIENT_EXPERIENCE})
LIST_SECTIONS = frozenset({Section.PREPARATION, Section.RECOVERY, Section.COMMON_NAMES})
# As in the seed format: a procedure may have no other common name, but never no preparation or recovery.
MAY_BE_EMPTY = frozenset({Section.COMMON_NAMES})


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class SectionEdit:
    """New content for one section of the monograph of `code` (a uid): `text`, `items` or `steps`, as the
    section takes."""

    code: str
    section: Section
    text: str | None = None
    items: tuple[str, ...] | None = None
    steps: tuple[Step, ...] | None = None


def section_properties(edit: SectionEdit) -> dict[str, Any]:
    """The monograph properties for `edit`, validated as the seed format does, plus length limits."""
    name = edit.section.value
    given = [
        what
        for what, value in (("text", edit.text), ("items", edit.items), ("steps", edit.steps))
        if value is not None
    ]
    wanted = (
        "text" if edit.section in TEXT_SECTIONS else "items" if edit.section in LIST_SECTIONS else "steps"
    )
    if given != [wanted]:
        raise CurationRefused(f"section {name} takes {wanted}")
    if edit.text is not None:
        return {name: clean_text(edit.text, name, MAX_TEXT)}
    if edit.items is not None:
        _check_count(len(edit.items), name, 0 if edit.section in MAY_BE_EMPTY else 1, MAX_ITEMS)
        return {
            name: [clean_text(item, f"{name} item {n}", MAX_ITEM) for n, item in enumerate(edit.items, 1)]
        }
    steps = edit.steps or ()
    _check_count(len(steps), name, 1, MAX_STEPS)
    labels = [clean_text(step.label, f"label of step {n}", MAX_STEP_LABEL) for n, step in enumerate(steps, 1)]
    texts = [clean_text(step.text, f"text of step {n}", MAX_STEP_TEXT) for n, step in enumerate(steps, 1)]
    seen: dict[str, int] = {}
    for n, label in enumerate(labels, 1):
        key = label.casefold()  # as the seed format: "Access" and "access" are the same step
        if key in seen:
            raise CurationRefused(f"step label '{label}' is used twice (steps {seen[key]} and {n})")
        seen[key] = n
    return {"stepLabels": labels, "stepTexts": texts}


def clean_text(value: str, what: str, limit: int) -> str:
    """`value` without surrounding blanks; refused when empty, too long or holding control characters."""
    text = value.strip()
    if not text:
        raise CurationRefused(f"{what} must not be empty")
    if len(text) > limit:
        raise CurationRefused(f"{what} has {len(text)} characters; at most {limit} are allowed")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise CurationRefused(f"{what} contains control characters")
    return text


def _check_count(count: int, name: str, least: int, most: int) -> None:
    if not least <= count <= most:
        raise CurationRefused(f"{name} must have {least} to {most} entries, not {count}")


def checked_relation(relation: Relation, adding: bool) -> Relation:
    """The relation with its note cleaned; refused when its type or note does not fit its kind."""
    if relation.kind is RelationKind.RELATED:
        if relation.type not in RELATED_TYPES:
            raise CurationRefused(f"relation type must be one of {', '.join(RELATED_TYPES)}")
        note = None
    elif adding:
        if relation.note is None:
            raise CurationRefused("a note is required")
        note = clean_text(relation.note, "note", MAX_NOTE)
    else:
        note = None
    if (
        relation.kind in (RelationKind.RELATED, RelationKind.CODE_ALTERNATIVE)
        and relation.source == relation.target
    ):
        raise CurationRefused("a code cannot be related to itself")
    return Relation(relation.kind, relation.source, relation.target, relation.type, note)
