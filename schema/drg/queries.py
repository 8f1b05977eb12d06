"""`groupClaim` and the grouper releases it can use (graph.drg)."""

import strawberry

from graph.drg import claims, grouping
from graph.drg.versions import supported
from schema.drg.types import ClaimInput, DrgResult, GrouperRelease
from schema.errors import BadUserInput


@strawberry.type
class DrgQueries:
    @strawberry.field(
        description="Group an inpatient claim to its MS-DRG with CMS's logic and run the Medicare Code "
        "Editor on it. A malformed code, an age out of range, too many codes or an unknown grouper "
        "release is BAD_USER_INPUT naming the field; a well-formed code that the release lacks is the "
        "editor's INVALID_CODE."
    )
    def group_claim(self, claim: ClaimInput) -> DrgResult:
        try:
            checked = claims.claim(
                principal=claim.principal_diagnosis,
                principal_poa=claim.principal_poa,
                secondary=[(d.code, d.poa) for d in claim.secondary_diagnoses],
                procedures=list(claim.procedures),
                age=claim.age,
                sex=claim.sex,
                discharge_status=claim.discharge_status,
                grouper_version=claim.grouper_version,
            )
        except claims.ClaimError as error:
            raise BadUserInput(str(error)) from error
        return DrgResult(row=grouping.group(checked))

    @strawberry.field(description="The MS-DRG grouper releases `groupClaim` can use, oldest first.")
    def grouper_releases(self) -> list[GrouperRelease]:
        return [GrouperRelease(row=version) for version in supported()]
