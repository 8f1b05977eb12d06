"""Code history in the API: Code.history (what a code replaced, what replaced it) and Code.poaExempt."""

from datetime import date

import strawberry

from graph.reads.history import ChangeRow, CodeHistory
from schema.code_ref import CodeRef
from schema.context import Info
from schema.dates import as_date


@strawberry.type(
    description="One change in a code's history, from the ICD-10-CM conversion table or a terminated HCPCS "
    "code's cross-reference. The sources say which codes were used before; they do not say that the meaning "
    "is the same."
)
class CodeChange:
    effective: date | None = strawberry.field(
        description="The date the change took effect: October 1 of a fiscal year for ICD-10-CM, the "
        "day after the older code's termination for HCPCS."
    )
    source: str = strawberry.field(
        description='Where the change is published: "ICD-10-CM conversion table" or "HCPCS cross-reference".'
    )
    retired_codes: list[str] = strawberry.field(
        description="Previous codes the conversion table names that the loaded release no longer has (also "
        "ranges such as H35.20-H35.23), as published."
    )
    previous_text: str | None = strawberry.field(
        description='The conversion table\'s previous-code cell as published ("None" for a new concept).'
    )
    replaces_uids: strawberry.Private[tuple[str, ...]]
    replaced_by_uids: strawberry.Private[tuple[str, ...]]

    @classmethod
    def of(cls, row: ChangeRow) -> "CodeChange":
        return cls(
            effective=as_date(row.effective),
            source=row.source,
            retired_codes=list(row.retired),
            previous_text=row.previous_text,
            replaces_uids=row.replaces,
            replaced_by_uids=row.replaced_by,
        )

    @strawberry.field(description="Codes of the loaded release this code took the place of, ordered by code.")
    async def replaces(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        return await codes_for(info, list(self.replaces_uids))

    @strawberry.field(description="Codes of the loaded release that took this code's place, ordered by code.")
    async def replaced_by(self, info: Info) -> list[CodeRef]:
        from schema.codes.types import codes_for

        return await codes_for(info, list(self.replaced_by_uids))


async def history_of(info: Info, uid: str) -> CodeHistory:
    return await info.context.loaders.history.load(uid)
