from enum import Enum

import strawberry

from graph.reads.code_systems import CodeSystemRow


@strawberry.enum
class CodeSystem(Enum):
    CPT = "CPT"
    HCPCS = "HCPCS"
    ICD10CM = "ICD10CM"
    ICD10PCS = "ICD10PCS"


@strawberry.type(description="A loaded release of one code system.")
class CodeSystemInfo:
    id: CodeSystem
    name: str
    version: str
    source: str = strawberry.field(description="The official file the release was loaded from.")
    loaded_at: str
    code_count: int
    billable_count: int

    @classmethod
    def from_row(cls, row: CodeSystemRow) -> "CodeSystemInfo":
        return cls(
            id=CodeSystem(row.id),
            name=row.name,
            version=row.version,
            source=row.source,
            loaded_at=row.loaded_at,
            code_count=row.code_count,
            billable_count=row.billable_count,
        )
