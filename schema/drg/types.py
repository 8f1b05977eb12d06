"""The GraphQL face of a claim's grouping: the input a client sends; the DRG, codes and edits it gets."""

from datetime import date

import strawberry

from graph.drg import claims, code_levels, grouping
from graph.drg.edits import edit_message, return_message
from graph.drg.versions import GrouperVersion
from graph.importers.msdrg import mdc_code
from graph.model import System, dotted_icd10cm
from schema.codes.types import Code, code_for
from schema.context import Info

Sex = strawberry.enum(claims.Sex, name="Sex", description="The patient's sex as the claim gives it.")
PresentOnAdmission = strawberry.enum(
    claims.PresentOnAdmission,
    name="PresentOnAdmission",
    description="A diagnosis's present-on-admission indicator: Y present, N not present, U documentation "
    "insufficient, W clinically undetermined, EXEMPT on CMS's exempt list (sent to the grouper as blank).",
)


@strawberry.input(description="A secondary diagnosis: ICD-10-CM (dotted or not) and its POA indicator.")
class DiagnosisInput:
    code: str
    poa: PresentOnAdmission | None = None  # type: ignore[valid-type]


@strawberry.input(description="An inpatient claim to group, as on a UB-04: the codes, the patient, the stay.")
class ClaimInput:
    principal_diagnosis: str = strawberry.field(description="ICD-10-CM, dotted or not: I50.20 or I5020.")
    principal_poa: PresentOnAdmission | None = None  # type: ignore[valid-type]
    secondary_diagnoses: list[DiagnosisInput] = strawberry.field(
        default_factory=list, description=f"At most {claims.MAX_SECONDARY}."
    )
    procedures: list[str] = strawberry.field(
        default_factory=list, description=f"ICD-10-PCS codes, at most {claims.MAX_PROCEDURES}."
    )
    age: int = strawberry.field(description=f"Age in years at admission, 0 to {claims.MAX_AGE}.")
    sex: Sex  # type: ignore[valid-type]
    discharge_status: int = strawberry.field(
        default=1, description="The CMS patient discharge status: 1 home or self care, 20 died …"
    )
    grouper_version: int | None = strawberry.field(
        default=None,
        description="The msdrg grouper release: 431 is MS-DRG v43.1. Default: the release matching the "
        "loaded ICD-10 files.",
    )


@strawberry.type(description="A Major Diagnostic Category: the body system or kind of case a DRG belongs to.")
class Mdc:
    number: int
    title: str

    @strawberry.field(description="The MDC in the loaded MS-DRG code system (its chapter, MDC05).")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, System.MSDRG.uid(mdc_code(f"{self.number:02d}")))


@strawberry.type(description="A Medicare Severity Diagnosis Related Group, as the grouper names it.")
class Drg:
    row: strawberry.Private[grouping.Drg]

    @strawberry.field(description="The DRG's number: 293.")
    def number(self) -> int:
        return self.row.number

    @strawberry.field(description='The DRG in the loaded MS-DRG code system (code "293"); null without it.')
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, System.MSDRG.uid(f"{self.row.number:03d}"))

    @strawberry.field(description="The grouper's title for it.")
    def title(self) -> str:
        return self.row.title

    @strawberry.field(description="Its MDC; null for DRGs assigned before MDCs (transplants, 998, 999).")
    def mdc(self) -> Mdc | None:
        return Mdc(number=self.row.mdc.number, title=self.row.mdc.title) if self.row.mdc else None

    @strawberry.field(description="The level the secondary diagnoses brought: MCC, CC or NONE.")
    def severity(self) -> str:
        return self.row.severity


@strawberry.type(description="A diagnosis of the claim as the grouper read it.")
class GroupedDiagnosis:
    row: strawberry.Private[grouping.DiagnosisResult]

    @strawberry.field(description="The code as grouped, without the dot: I5020.")
    def grouped_as(self) -> str:
        return self.row.code

    @strawberry.field(description="The code in the loaded ICD-10-CM release; null where it has no such code.")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, System.ICD10CM.uid(dotted_icd10cm(self.row.code)))

    @strawberry.field
    def poa(self) -> PresentOnAdmission | None:  # type: ignore[valid-type]
        return self.row.poa

    @strawberry.field(description="The MDC this code leads to as a principal diagnosis; null where none.")
    def mdc(self) -> int | None:
        return self.row.mdc

    @strawberry.field(description="The code's own level as a secondary diagnosis: MCC, CC or NONE.")
    def severity(self) -> str:
        return self.row.severity

    @strawberry.field(
        description="Which DRG it helped assign: INITIAL (before HAC processing), FINAL, BOTH or NONE."
    )
    def drg_impact(self) -> str:
        return self.row.drg_impact

    @strawberry.field(description="True when the principal diagnosis excludes it as a CC or MCC.")
    def cc_excluded(self) -> bool:
        return "CC_EXCLUDED" in self.row.flags or "EXCLUDED" in self.row.flags

    @strawberry.field(description="The grouper's flags for it, as it names them (VALID, MARKED_FOR_FINAL …).")
    def flags(self) -> list[str]:
        return list(self.row.flags)

    @strawberry.field(description="The hospital-acquired condition categories it falls in.")
    def hacs(self) -> list[str]:
        return list(self.row.hacs)


@strawberry.type(description="A procedure of the claim as the grouper read it.")
class GroupedProcedure:
    row: strawberry.Private[grouping.ProcedureResult]

    @strawberry.field(description="The code as grouped.")
    def grouped_as(self) -> str:
        return self.row.code

    @strawberry.field(description="The code in the loaded ICD-10-PCS release; null where it has none.")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, f"ICD10PCS:{self.row.code}")

    @strawberry.field(description="True when the grouper counts it as an operating-room procedure.")
    def operating_room(self) -> bool:
        return self.row.operating_room

    @strawberry.field(description="Which DRG it helped assign: INITIAL, FINAL, BOTH or NONE.")
    def drg_impact(self) -> str:
        return self.row.drg_impact

    @strawberry.field(description="The grouper's flags for it.")
    def flags(self) -> list[str]:
        return list(self.row.flags)


@strawberry.type(description="An edit the Medicare Code Editor found on the claim.")
class CodeEdit:
    row: strawberry.Private[grouping.Edit]

    @strawberry.field(description="The editor's name for it: SEX_CONFLICT, UNACCEPTABLE_PDX …")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="What it means, in plain words.")
    def message(self) -> str:
        return edit_message(self.row.name)

    @strawberry.field(description="How many of the claim's codes it concerns.")
    def count(self) -> int:
        return self.row.count

    @strawberry.field(description="DIAGNOSIS, PROCEDURE, or NONE for the claim itself.")
    def code_type(self) -> str:
        return self.row.code_type

    @strawberry.field(description="PREPAYMENT or POSTPAYMENT.")
    def edit_type(self) -> str:
        return self.row.edit_type


@strawberry.type(description="A release of the MS-DRG grouper.")
class GrouperRelease:
    row: strawberry.Private[GrouperVersion]

    @strawberry.field(description="msdrg's number for it: 431.")
    def number(self) -> int:
        return self.row.number

    @strawberry.field(description='"v43.1".')
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The federal fiscal year it belongs to.")
    def fiscal_year(self) -> int:
        return self.row.fiscal_year

    @strawberry.field(description="The first discharge day it groups; the editor is run on it.")
    def effective(self) -> date:
        return self.row.effective


@strawberry.type(description="A claim grouped by CMS's MS-DRG logic and checked by the Medicare Code Editor.")
class DrgResult:
    row: strawberry.Private[grouping.Grouping]

    @strawberry.field(description="The final DRG, after hospital-acquired condition (HAC) processing.")
    def drg(self) -> Drg:
        return Drg(row=self.row.drg)

    @strawberry.field(description="The DRG before HAC processing; differs from `drg` when a HAC changed it.")
    def initial_drg(self) -> Drg:
        return Drg(row=self.row.initial)

    @strawberry.field(description="OK, or why the claim is ungroupable (INVALID_PDX …).")
    def return_code(self) -> str:
        return self.row.return_code

    @strawberry.field(description="What the return code means, in plain words.")
    def message(self) -> str:
        return return_message(self.row.return_code)

    @strawberry.field(description="HAC status: NOT_APPLICABLE, FINAL_DRG_NO_CHANGE, FINAL_DRG_CHANGES …")
    def hac_status(self) -> str:
        return self.row.hac_status

    @strawberry.field
    def principal_diagnosis(self) -> GroupedDiagnosis:
        return GroupedDiagnosis(row=self.row.principal)

    @strawberry.field(description="In the claim's order.")
    def secondary_diagnoses(self) -> list[GroupedDiagnosis]:
        return [GroupedDiagnosis(row=row) for row in self.row.secondary]

    @strawberry.field(description="In the claim's order.")
    def procedures(self) -> list[GroupedProcedure]:
        return [GroupedProcedure(row=row) for row in self.row.procedures]

    @strawberry.field(
        description="The Medicare Code Editor's verdict: NONE, PREPAYMENT, POSTPAYMENT or BOTH."
    )
    def edit_type(self) -> str:
        return self.row.edit_type

    @strawberry.field(description="The edits the claim fails; empty when it passes.")
    def edits(self) -> list[CodeEdit]:
        return [CodeEdit(row=row) for row in self.row.edits]

    @strawberry.field(description="The grouper release used.")
    def grouper(self) -> GrouperRelease:
        return GrouperRelease(row=self.row.version)

    @strawberry.field(description="Where the logic comes from.")
    def source(self) -> str:
        return (
            f"CMS MS-DRG {self.row.version.name} grouper and Medicare Code Editor, as implemented by the "
            "msdrg package (validated against CMS's software); not coding or billing advice"
        )


@strawberry.type(
    description="What the MS-DRG grouper says of an ICD-10-CM code on its own, in the default release."
)
class CodeDrg:
    row: strawberry.Private[code_levels.CodeLevel]

    @strawberry.field(
        description="Its level when reported as a secondary diagnosis: MCC, CC or NONE. A principal "
        "diagnosis may still exclude it on a claim (CC exclusion); `groupClaim` says so for a claim."
    )
    def as_secondary(self) -> str:
        return self.row.as_secondary

    @strawberry.field(description="The MDC it leads to as principal diagnosis; null where it cannot be one.")
    def principal_mdc(self) -> Mdc | None:
        mdc = self.row.principal_mdc
        return Mdc(number=mdc.number, title=mdc.title) if mdc else None

    @strawberry.field(description="False for a code the grouper never takes as principal (DRG 999).")
    def can_be_principal(self) -> bool:
        return self.row.can_be_principal

    @strawberry.field(description="The grouper release that said so.")
    def grouper(self) -> GrouperRelease:
        return GrouperRelease(row=self.row.version)


def code_drg_for(system: str, code: str, billable: bool) -> CodeDrg | None:
    """The grouper's word on a billable ICD-10-CM code; None for other codes and codes the release lacks."""
    if system != "ICD10CM" or not billable:
        return None
    level = code_levels.code_level(code.replace(".", ""))
    return CodeDrg(row=level) if level else None
