import strawberry

from graph.reads.code_systems import list_code_systems
from schema.codes.types import CodeSystemInfo
from schema.context import Info


@strawberry.type
class CodeQueries:
    @strawberry.field(description="The code systems loaded in the graph, with their release and counts.")
    async def code_systems(self, info: Info) -> list[CodeSystemInfo]:
        rows = await info.context.run(list_code_systems)
        return [CodeSystemInfo.from_row(row) for row in rows]
