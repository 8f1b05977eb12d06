from typing import Annotated

import strawberry

from graph.reads.codes import head_row
from graph.search import SearchInputError
from schema.codes.types import Code, codes_by_uid, codes_for
from schema.context import Info
from schema.enums import CodeSystem
from schema.errors import BadUserInput
from schema.paging import PAGE_ARGUMENTS, PageInfo
from schema.search.types import (
    Facet,
    Highlight,
    MatchedVia,
    SearchConnection,
    SearchEdge,
    WordCorrection,
)
from schema.selection import Selected


@strawberry.type
class SearchQueries:
    @strawberry.field(
        description="Search all codes: a code or code prefix (dotted or not, any system) or words "
        "(titles, inclusion terms, common names, conditions and their abbreviations such as DVT). "
        f"A page is {PAGE_ARGUMENTS}, 1 to 100 of them."
    )
    async def search(
        self,
        info: Info,
        query: str,
        systems: list[CodeSystem] | None = None,
        billable_only: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        exact: Annotated[
            bool,
            strawberry.argument(
                description="Search the words as typed: no correction of unknown words, no typo tolerance."
            ),
        ] = False,
    ) -> SearchConnection | None:
        wanted = [s.value for s in systems or []] or None
        selects = Selected(info)
        facets = selects("facets")
        highlights, explain = selects("edges", "highlights"), selects("edges", "matchedVia")
        try:
            # A search costs milliseconds of CPU: off the event loop, like the first build of the index.
            page = await info.context.run_blocking(
                lambda: info.context.search.index.search(
                    query,
                    wanted,
                    billable_only,
                    first,
                    after,
                    last=last,
                    before=before,
                    facets=facets,
                    highlights=highlights,
                    explain=explain,
                    exact=exact,
                )
            )
        except SearchInputError as exc:
            raise BadUserInput(str(exc)) from None
        # Only edges name codes; the index keeps what a hit shows of its code, so the graph is read only for
        # hits indexed without it (a code's notes are read when its `notes` are selected).
        nodes = {hit.uid: Code.of(head_row(hit.head)) for hit in page.hits if hit.head is not None}
        unread = [hit.uid for hit in page.hits if hit.head is None] if selects("edges") else []
        nodes |= await codes_by_uid(info, unread)
        corrected = page.correction
        return SearchConnection(
            total_count=page.total_count,
            edges=[
                SearchEdge(
                    cursor=hit.cursor,
                    score=hit.score,
                    node=nodes[hit.uid],
                    highlights=[Highlight.of(h) for h in hit.highlights],
                    matched_via=MatchedVia.of(hit.matched_via) if hit.matched_via else None,
                )
                for hit in page.hits
                if hit.uid in nodes
            ],
            page_info=PageInfo(
                has_next_page=page.has_next_page,
                has_previous_page=page.has_previous_page,
                start_cursor=page.start_cursor,
                end_cursor=page.end_cursor,
            ),
            facets=[Facet(system=CodeSystem(system), count=count) for system, count in page.facets.items()],
            relaxed=page.relaxed,
            corrected_query=corrected.text if corrected else None,
            corrections=[WordCorrection(typed=t, corrected=c) for t, c in corrected.changes]
            if corrected
            else [],
        )

    @strawberry.field(description="Codes for what is being typed: a code prefix or the start of words.")
    async def suggest(self, info: Info, prefix: str, first: int = 8) -> list[Code] | None:
        try:
            index = info.context.search
            suggestions = await info.context.run_blocking(lambda: index.index.suggest(prefix, first))
        except SearchInputError as exc:
            raise BadUserInput(str(exc)) from None
        return await codes_for(info, [s.uid for s in suggestions])
