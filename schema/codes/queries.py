import asyncio

import strawberry

from graph.reads.code_systems import list_code_systems
from graph.reads.codes import find_code
from schema.codes.types import Code, CodeSystemInfo, code_for
from schema.context import Info
from schema.enums import CodeSystem
from schema.errors import BadUserInput
from schema.knowledge.types import concept_by_ref
from schema.node import Node, decode_id

MAX_CODE_LENGTH = 40
MAX_NODE_IDS = 100


@strawberry.type
class CodeQueries:
    @strawberry.field(description="The code systems loaded in the graph, with their release and counts.")
    async def code_systems(self, info: Info) -> list[CodeSystemInfo]:
        rows = await info.context.run(list_code_systems)
        return [CodeSystemInfo.from_row(row) for row in rows]

    @strawberry.field(description="One code system, with its release and counts. Null when it is not loaded.")
    async def code_system(self, info: Info, id: CodeSystem) -> CodeSystemInfo | None:
        rows = await info.context.run(list_code_systems)
        return next((CodeSystemInfo.from_row(row) for row in rows if row.id == id.value), None)

    @strawberry.field(description='One code; "I82401", "i82.401" and "I82.401" all work. Null when unknown.')
    async def code(self, info: Info, system: CodeSystem, code: str) -> Code | None:
        if not code.strip() or len(code) > MAX_CODE_LENGTH:
            raise BadUserInput(f"code must be 1 to {MAX_CODE_LENGTH} characters")
        row = await info.context.run(find_code, system, code)
        return Code.of(row) if row else None

    @strawberry.field(description="Any object by its global id.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await _node(info, *decode_id(id))

    @strawberry.field(
        description=f"Objects by their global ids, in the order asked (null where none has the id); "
        f"at most {MAX_NODE_IDS} ids. One id that is not a medgraph id refuses the whole list."
    )
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None] | None:
        if len(ids) > MAX_NODE_IDS:
            raise BadUserInput(f"at most {MAX_NODE_IDS} ids")
        decoded = [decode_id(global_id) for global_id in ids]
        return list(await asyncio.gather(*(_node(info, type_name, key) for type_name, key in decoded)))


async def _node(info: Info, type_name: str, key: str) -> Node | None:
    if type_name == "Code":
        return await code_for(info, key)
    return await concept_by_ref(info, type_name, key)
