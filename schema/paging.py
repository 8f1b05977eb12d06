"""Relay's cursor connections: one `PageInfo` for every list that pages, both ways."""

from typing import Generic, TypeVar

import strawberry

from graph.search.cursor import Window, encode_cursor

Node = TypeVar("Node")


@strawberry.type(
    description="Where a page sits in its list: cursors of its first and last edges, and whether there are "
    "edges before and after it (exactly, not a hint: lists are positional)."
)
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, window: Window, shown: int, total: int, cursors: list[str]) -> "PageInfo":
        """The page of `shown` edges from `window.start` in a list of `total`."""
        return cls(
            has_next_page=window.start + shown < total,
            has_previous_page=window.start > 0 and total > 0,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )


PAGE_ARGUMENTS = (
    "`first` edges after the cursor `after`, or `last` edges before `before` (first or last, not both; "
    "neither means the first 20)"
)


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type(description="A page of a list, with Relay's edges and cursors or plain `nodes`.")
class Connection(Generic[Node]):
    total_count: int
    edges: list[Edge[Node]]
    page_info: PageInfo

    @strawberry.field(description="The nodes of the edges, for clients that need no cursors.")
    def nodes(self) -> list[Node]:
        return [edge.node for edge in self.edges]

    @classmethod
    def of(cls, window: Window, total: int, tag: str, nodes: list[Node]) -> "Connection[Node]":
        """The page `window` of a list of `total` holding `nodes`; cursors are positions under `tag`."""
        edges = [Edge(cursor=encode_cursor(tag, window.start + i), node=node) for i, node in enumerate(nodes)]
        return cls(
            total_count=total,
            edges=edges,
            page_info=PageInfo.of(window, len(nodes), total, [edge.cursor for edge in edges]),
        )
