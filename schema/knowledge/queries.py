import strawberry

from graph.reads.knowledge import condition_keys
from schema.context import Info
from schema.knowledge.types import Condition, concept_of, condition_by_key


@strawberry.type
class KnowledgeQueries:
    @strawberry.field(description="A condition by its key, e.g. deep-vein-thrombosis. Null when unknown.")
    async def condition(self, info: Info, key: str) -> Condition | None:
        return await condition_by_key(info, key.strip().lower()[:100])

    @strawberry.field(description="Every condition of the knowledge graph, by key.")
    async def conditions(self, info: Info) -> list[Condition]:
        keys = await info.context.run(condition_keys)
        rows = await info.context.loaders.condition.load_many(keys)
        return [concept_of(Condition, row.concept) for row in rows if row is not None]
