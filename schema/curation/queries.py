import strawberry

from graph import curation
from graph.errors import CurationRefused
from schema.context import Info
from schema.curation.access import check_editor
from schema.curation.types import CurationEvent
from schema.errors import BadUserInput


@strawberry.type
class CurationQueries:
    @strawberry.field(
        description="The latest curation writes, newest first. Needs the API key, as writes do: the audit "
        "trail names editors."
    )
    async def curation_events(self, info: Info, first: int = 20) -> list[CurationEvent] | None:
        check_editor(info.context.editor, info.context.writes_enabled)
        try:
            events = await info.context.run(curation.recent_events, first)
        except CurationRefused as exc:
            raise BadUserInput(str(exc)) from exc
        return [CurationEvent.of(event) for event in events]
