"""Curated knowledge: monographs, and the shared concepts procedures link to (conditions, risks, roles …)."""

from typing import TYPE_CHECKING, Annotated, TypeVar

import strawberry

from graph.reads.knowledge import Concept as ConceptRow
from graph.reads.knowledge import ConditionRow
from schema.code_ref import CodeRef
from schema.context import Info
from schema.errors import BadUserInput
from schema.node import Node, encode_id

if TYPE_CHECKING:
    from schema.knowledge.condition_monograph import ConditionMonograph

ConditionMonographRef = Annotated[
    "ConditionMonograph", strawberry.lazy("schema.knowledge.condition_monograph")
]
C = TypeVar("C", bound="Concept")


@strawberry.interface(
    description="A shared concept of the knowledge graph, one node per concept, fetchable with `node(id:)`."
)
class Concept(Node):
    key: str
    name: str
    synonyms: list[str]
    description: str | None


def concept_of(kind: type[C], row: ConceptRow) -> C:
    # The global id of its type and key, as a Code's is of "Code" and its uid.
    return kind(
        id=encode_id(kind.__name__, row.key),
        key=row.key,
        name=row.name,
        synonyms=list(row.synonyms),
        description=row.description,
    )


@strawberry.type
class Risk(Concept):
    pass


@strawberry.type
class Benefit(Concept):
    pass


@strawberry.type
class PersonnelRole(Concept):
    pass


@strawberry.type
class Setting(Concept):
    pass


@strawberry.type(description="A treatment with no code of its own, e.g. anticoagulation therapy.")
class Treatment(Concept):
    pass


@strawberry.type(description="A drug a procedure may use, with its HCPCS Level II codes.")
class Drug(Concept):
    @strawberry.field(description="HCPCS Level II codes for the drug.")
    async def codes(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        return await codes_for(info, await info.context.loaders.drug_codes.load(self.key))


@strawberry.type(description="A condition (diagnosis) that procedures are indicated for.")
class Condition(Concept):
    @strawberry.field(description="The ICD-10-CM codes that express this condition.")
    async def codes(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        row = await info.context.loaders.condition.load(self.key)
        return await codes_for(info, row.codes if row else [])

    @strawberry.field(
        description="Each ICD-10-CM code this condition is coded as, with the billable codes it holds: "
        "what a claim can carry for the condition."
    )
    async def code_groups(self, info: Info) -> list["ConditionCodeGroup"]:
        row = await info.context.loaders.condition.load(self.key)
        billable = await info.context.loaders.condition_billable_codes.load(self.key)
        return (
            [ConditionCodeGroup(uid=uid, billable_uids=billable.get(uid, [])) for uid in row.codes]
            if row
            else []
        )

    @strawberry.field(description="Procedures indicated for this condition.")
    async def procedures(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        row = await info.context.loaders.condition.load(self.key)
        return await codes_for(info, row.procedures if row else [])

    @strawberry.field(
        description="Patient-education text about the condition, when medgraph has written one."
    )
    async def monograph(self, info: Info) -> ConditionMonographRef | None:
        from schema.knowledge.condition_monograph import condition_monograph

        return await condition_monograph(info, self.key)


MAX_BILLABLE_CODES = 500


@strawberry.type(
    description="A code a condition is coded as (often a category), and the billable codes it holds."
)
class ConditionCodeGroup:
    uid: strawberry.Private[str]
    billable_uids: strawberry.Private[list[str]]

    @strawberry.field
    async def code(self, info: Info) -> CodeRef | None:
        from schema.codes.types import code_for

        return await code_for(info, self.uid)

    @strawberry.field(
        description="How many billable codes it holds: itself when billable, and those below it."
    )
    def billable_count(self) -> int:
        return len(self.billable_uids)

    @strawberry.field(
        description=f"Its billable codes in code order: the first `first` (1 to {MAX_BILLABLE_CODES})."
    )
    async def billable_codes(self, info: Info, first: int = 100) -> list[CodeRef] | None:
        from schema.codes.types import codes_for

        if not 1 <= first <= MAX_BILLABLE_CODES:
            raise BadUserInput(f"first must be between 1 and {MAX_BILLABLE_CODES}")
        return await codes_for(info, self.billable_uids[:first])


async def condition_by_key(info: Info, key: str) -> Condition | None:
    row: ConditionRow | None = await info.context.loaders.condition.load(key)
    return concept_of(Condition, row.concept) if row else None


CONCEPT_TYPES: dict[str, type[Concept]] = {
    kind.__name__: kind for kind in (Condition, Risk, Benefit, PersonnelRole, Setting, Treatment, Drug)
}


async def concept_by_ref(info: Info, kind: str, key: str) -> Concept | None:
    """A concept of any kind by its label and key, as `node(id:)` names it; None for other kinds."""
    if kind not in CONCEPT_TYPES:
        return None
    row: ConceptRow | None = await info.context.loaders.concept.load(f"{kind}:{key}")
    return concept_of(CONCEPT_TYPES[kind], row) if row else None


@strawberry.type(description="One numbered step of a procedure.")
class Step:
    number: int
    label: str
    text: str


@strawberry.type(description="Plain-language patient-education text about a procedure, written by medgraph.")
class Monograph:
    name: str
    title: str
    common_names: list[str]
    summary: str
    purpose: str
    preparation: list[str]
    steps: list[Step]
    duration: str
    recovery: list[str]
    patient_experience: str
    source: str
    reviewed_on: str
    review_status: str = strawberry.field(
        description='Who has checked this text, e.g. "editorial review; not reviewed by a clinician".'
    )
    disclaimer: str


DISCLAIMER = (
    "This explanation is general patient-education text written by medgraph. It is not medical or coding "
    "advice; ask your care team about your own situation and check the official code sets before coding."
)


def monograph_of(props: dict[str, object]) -> Monograph:
    labels = list(props.get("stepLabels") or [])  # type: ignore[call-overload]
    texts = list(props.get("stepTexts") or [])  # type: ignore[call-overload]
    return Monograph(
        name=str(props["name"]),
        title=str(props["title"]),
        common_names=list(props.get("commonNames") or []),  # type: ignore[call-overload]
        summary=str(props["summary"]),
        purpose=str(props["purpose"]),
        preparation=list(props.get("preparation") or []),  # type: ignore[call-overload]
        steps=[
            Step(number=n, label=label, text=text)
            for n, (label, text) in enumerate(zip(labels, texts, strict=True), 1)
        ],
        duration=str(props["duration"]),
        recovery=list(props.get("recovery") or []),  # type: ignore[call-overload]
        patient_experience=str(props["patientExperience"]),
        source=str(props["source"]),
        reviewed_on=str(props["reviewedOn"]),
        review_status=str(props["reviewStatus"]),
        disclaimer=DISCLAIMER,
    )


@strawberry.type
class Indication:
    condition: Condition
    note: str | None


@strawberry.type
class RiskLink:
    risk: Risk
    note: str | None


@strawberry.type
class BenefitLink:
    benefit: Benefit
    note: str | None


@strawberry.type
class PersonnelLink:
    role: PersonnelRole
    involvement: str | None


@strawberry.type
class SettingLink:
    setting: Setting
    note: str | None


@strawberry.type(
    description="Another way to treat the problem: a code of its own, or a treatment without one."
)
class Alternative:
    note: str | None
    code: CodeRef | None
    treatment: Treatment | None
