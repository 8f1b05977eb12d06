"""The curation mutations: add and remove curated relationships, rewrite a monograph section.

Each checks the caller first (`access.check_editor`), then the input: codes are looked up as the `code` query
does, keys must be slugs; what the graph must confirm (that keys exist, that the code is a procedure, what the
seeds own) is checked by `graph.curation` inside the write's transaction, and its refusals become
BAD_USER_INPUT here.
"""

import re
from collections.abc import Callable

import strawberry

from graph import curation
from graph.curation_edits import Relation, RelationKind, Section, SectionEdit, Step
from graph.errors import CurationRefused
from graph.knowledge.seed_models import SLUG_PATTERN
from graph.reads.codes import find_code
from schema.codes.queries import MAX_CODE_LENGTH
from schema.context import Info
from schema.curation.access import check_editor
from schema.curation.types import (
    AlternativeInput,
    CodeInput,
    CurationEvent,
    CurationResult,
    MonographSectionInput,
)
from schema.enums import RelationType
from schema.errors import BadUserInput
from schema.loaders import Loaders

MAX_KEY_LENGTH = 100

# Input field -> section; strawberry's names are snake_case, the sections are the graph's property names.
SECTION_FIELDS: dict[str, Section] = {
    "summary": Section.SUMMARY,
    "purpose": Section.PURPOSE,
    "duration": Section.DURATION,
    "patient_experience": Section.PATIENT_EXPERIENCE,
    "preparation": Section.PREPARATION,
    "recovery": Section.RECOVERY,
    "common_names": Section.COMMON_NAMES,
    "steps": Section.STEPS,
}


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Relate a procedure code to another code: repeat of, add-on to …")
    async def add_related_code(
        self, info: Info, code: CodeInput, related: CodeInput, type: RelationType
    ) -> CurationResult:
        editor = _editor(info)
        relation = Relation(
            RelationKind.RELATED, await _uid(info, code), await _uid(info, related), type.value
        )
        return await _write(
            info, relation.source, lambda: curation.add_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(description="Remove a relation between two codes that was added through the API.")
    async def remove_related_code(
        self, info: Info, code: CodeInput, related: CodeInput, type: RelationType
    ) -> CurationResult:
        editor = _editor(info)
        relation = Relation(
            RelationKind.RELATED, await _uid(info, code), await _uid(info, related), type.value
        )
        return await _write(
            info, relation.source, lambda: curation.remove_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(
        description="Add an alternative to a procedure (a code or a treatment), or change the note of one "
        "added through the API."
    )
    async def add_alternative(
        self, info: Info, code: CodeInput, alternative: AlternativeInput, note: str
    ) -> CurationResult:
        editor = _editor(info)
        relation = await _alternative(info, code, alternative, note)
        return await _write(
            info, relation.source, lambda: curation.add_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(description="Remove an alternative that was added through the API.")
    async def remove_alternative(
        self, info: Info, code: CodeInput, alternative: AlternativeInput
    ) -> CurationResult:
        editor = _editor(info)
        relation = await _alternative(info, code, alternative, None)
        return await _write(
            info, relation.source, lambda: curation.remove_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(
        description="Say a procedure is indicated for a condition (by key, e.g. deep-vein-thrombosis), or "
        "change the note of an indication added through the API."
    )
    async def add_indication(self, info: Info, code: CodeInput, condition: str, note: str) -> CurationResult:
        editor = _editor(info)
        relation = Relation(
            RelationKind.INDICATION, await _uid(info, code), _key(condition, "condition"), note=note
        )
        return await _write(
            info, relation.source, lambda: curation.add_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(description="Remove an indication that was added through the API.")
    async def remove_indication(self, info: Info, code: CodeInput, condition: str) -> CurationResult:
        editor = _editor(info)
        relation = Relation(RelationKind.INDICATION, await _uid(info, code), _key(condition, "condition"))
        return await _write(
            info, relation.source, lambda: curation.remove_relation(info.context.graph, relation, editor)
        )

    @strawberry.mutation(
        description="Replace one section of the monograph of a code that has one. A later seeds load "
        "rewrites monograph prose from the seed files."
    )
    async def upsert_monograph_section(
        self, info: Info, code: CodeInput, section: MonographSectionInput
    ) -> CurationResult:
        editor = _editor(info)
        edit = _section_edit(await _uid(info, code), section)
        return await _write(
            info, edit.code, lambda: curation.upsert_monograph_section(info.context.graph, edit, editor)
        )


def _editor(info: Info) -> str:
    return check_editor(info.context.editor, info.context.writes_enabled)


async def _uid(info: Info, ref: CodeInput) -> str:
    """The uid of an existing code, written as a person may type it."""
    typed = ref.code.strip()
    if not typed or len(typed) > MAX_CODE_LENGTH:
        raise BadUserInput(f"code must be 1 to {MAX_CODE_LENGTH} characters")
    row = await info.context.run(find_code, ref.system, typed)
    if row is None:
        raise BadUserInput(f"unknown code {ref.system.value} {typed}")
    return row.uid


def _key(value: str, what: str) -> str:
    key = value.strip()
    if len(key) > MAX_KEY_LENGTH or not re.fullmatch(SLUG_PATTERN, key):
        raise BadUserInput(f"{what} must be a key of the vocabulary, such as deep-vein-thrombosis")
    return key


async def _alternative(
    info: Info, code: CodeInput, alternative: AlternativeInput, note: str | None
) -> Relation:
    source = await _uid(info, code)
    # @oneOf: GraphQL has already checked that exactly one of them is given.
    if alternative.code:
        return Relation(RelationKind.CODE_ALTERNATIVE, source, await _uid(info, alternative.code), note=note)
    treatment = _key(alternative.treatment or "", "treatment")
    return Relation(RelationKind.TREATMENT_ALTERNATIVE, source, treatment, note=note)


def _section_edit(uid: str, section: MonographSectionInput) -> SectionEdit:
    # @oneOf: exactly one field is set, and not to null.
    name, value = next(
        (name, getattr(section, name))
        for name in SECTION_FIELDS
        if getattr(section, name) not in (None, strawberry.UNSET)
    )
    kind = SECTION_FIELDS[name]
    if kind is Section.STEPS:
        return SectionEdit(uid, kind, steps=tuple(Step(step.label, step.text) for step in value))
    if isinstance(value, list):
        return SectionEdit(uid, kind, items=tuple(value))
    return SectionEdit(uid, kind, text=value)


async def _write(info: Info, subject: str, work: Callable[[], curation.Outcome]) -> CurationResult:
    try:
        outcome = await info.context.run_blocking(work)
    except CurationRefused as exc:
        raise BadUserInput(str(exc)) from exc
    if outcome.changed:
        info.context.data_changed()
        # The request's DataLoaders may hold the page as it was before the write; the result shows it after.
        info.context.loaders = Loaders.create(info.context.reads)
    return CurationResult(
        changed=outcome.changed,
        event=CurationEvent.of(outcome.event) if outcome.event else None,
        data_version=outcome.data_version,
        code_uid=subject,
    )
