"""`Condition.monograph`: plain-language patient-education text about a condition, written by medgraph."""

import strawberry

from graph.reads.condition_monographs import ConditionMonographRow
from schema.code_ref import CodeRef
from schema.context import Info
from schema.knowledge.types import DISCLAIMER, Alternative, Treatment, concept_of


@strawberry.type(description="Plain-language patient-education text about a condition, written by medgraph.")
class ConditionMonograph:
    name: str
    lay_names: list[str] = strawberry.field(description="Everyday names people use for the condition.")
    summary: str = strawberry.field(description="What the condition is.")
    symptoms: list[str]
    causes: list[str] = strawberry.field(description="Causes and risk factors.")
    diagnosis: list[str] = strawberry.field(description="How it is diagnosed.")
    seek_care: list[str] = strawberry.field(description="When to seek care.")
    source: str
    reviewed_on: str
    review_status: str = strawberry.field(
        description='Who has checked this text, e.g. "editorial review; not reviewed by a clinician".'
    )
    disclaimer: str
    row: strawberry.Private[ConditionMonographRow]

    @strawberry.field(
        description="The ICD-10-CM categories that express the condition; billable codes are below them."
    )
    async def codes(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        return await codes_for(info, list(self.row.props.get("categories") or []))

    @strawberry.field(description="How the condition is treated: procedure codes and treatments, in order.")
    async def treatments(self, info: Info) -> list[Alternative]:
        from schema.codes.types import codes_by_uid

        codes = await codes_by_uid(info, [t.code_uid for t in self.row.treatments if t.code_uid])
        return [
            Alternative(
                note=t.note,
                code=codes.get(t.code_uid) if t.code_uid else None,
                treatment=concept_of(Treatment, t.treatment) if t.treatment else None,
            )
            for t in self.row.treatments
        ]


async def condition_monograph(info: Info, key: str) -> ConditionMonograph | None:
    row: ConditionMonographRow | None = await info.context.loaders.condition_monograph.load(key)
    if row is None:
        return None
    props = row.props
    return ConditionMonograph(
        name=str(props["name"]),
        lay_names=list(props.get("layNames") or []),
        summary=str(props["summary"]),
        symptoms=list(props.get("symptoms") or []),
        causes=list(props.get("causes") or []),
        diagnosis=list(props.get("diagnosis") or []),
        seek_care=list(props.get("seekCare") or []),
        source=str(props["source"]),
        reviewed_on=str(props["reviewedOn"]),
        review_status=str(props["reviewStatus"]),
        disclaimer=DISCLAIMER,
        row=row,
    )
