"""Inputs and results of the curation mutations, and the audit records they leave."""

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.scalars import JSON

from graph import curation
from schema.codes.types import Code, code_for
from schema.context import Info
from schema.dates import as_datetime
from schema.enums import CodeSystem


@strawberry.input(description='A code by system and code; "I82401", "i82.401" and "I82.401" all work.')
class CodeInput:
    system: CodeSystem
    code: str


@strawberry.input(
    one_of=True, description="What an alternative is: a code of its own, or a treatment of the vocabulary."
)
class AlternativeInput:
    code: CodeInput | None = strawberry.UNSET
    treatment: str | None = strawberry.field(
        default=strawberry.UNSET, description="A treatment key, e.g. anticoagulation-therapy."
    )


@strawberry.input(description="One step of a procedure; labels are unique within a monograph.")
class StepInput:
    label: str
    text: str


@strawberry.input(one_of=True, description="One section of a monograph with its new content; exactly one.")
class MonographSectionInput:
    summary: str | None = strawberry.UNSET
    purpose: str | None = strawberry.UNSET
    duration: str | None = strawberry.UNSET
    patient_experience: str | None = strawberry.UNSET
    preparation: list[str] | None = strawberry.UNSET
    recovery: list[str] | None = strawberry.UNSET
    common_names: list[str] | None = strawberry.UNSET
    steps: list[StepInput] | None = strawberry.UNSET


@strawberry.enum(description="What a curation write did.")
class CurationAction(Enum):
    ADD_RELATION = curation.Action.ADD_RELATION.value
    REMOVE_RELATION = curation.Action.REMOVE_RELATION.value
    UPSERT_MONOGRAPH_SECTION = curation.Action.UPSERT_MONOGRAPH_SECTION.value


@strawberry.type(description="An audit record of one curation write: who changed what, and when.")
class CurationEvent:
    id: strawberry.ID
    at: datetime = strawberry.field(description="When (UTC).")
    editor: str = strawberry.field(
        description='Who: the X-Medgraph-Editor header of the write, or "api-key".'
    )
    action: CurationAction
    subject: str = strawberry.field(description="The uid of the code whose page changed, e.g. CPT:37188.")
    details: JSON = strawberry.field(
        description="What changed: the relationship and its ends, or the section with its new and previous "
        "content."
    )

    @strawberry.field(description="The code whose page changed; null when it is no longer in the graph.")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, self.subject)

    @classmethod
    def of(cls, event: curation.Event) -> "CurationEvent":
        return cls(
            id=strawberry.ID(event.id),
            at=as_datetime(event.at),
            editor=event.editor,
            action=CurationAction(event.action.value),
            subject=event.subject,
            details=JSON(event.details),
        )


@strawberry.type(description="The result of a curation write.")
class CurationResult:
    changed: bool = strawberry.field(
        description="False when the graph already said so: nothing was written, and no event recorded."
    )
    event: CurationEvent | None
    data_version: str | None = strawberry.field(
        description="The graph's data version after the write; null when nothing changed."
    )
    code_uid: strawberry.Private[str]

    @strawberry.field(description="The code whose page the write changed, as it reads now.")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, self.code_uid)
