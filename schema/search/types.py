"""Search results: a Relay-style connection of codes with scores, highlights and per-system facets."""

import strawberry

from graph.search import Highlight as HighlightRow
from schema.codes.types import Code
from schema.enums import CodeSystem


@strawberry.type(description="A [start, end) range of characters in a highlighted text.")
class TextRange:
    start: int
    end: int


@strawberry.type(description="A field of the code where the query matched, with the matches' ranges.")
class Highlight:
    field: str
    text: str
    ranges: list[TextRange]

    @classmethod
    def of(cls, row: HighlightRow) -> "Highlight":
        return cls(field=row.field, text=row.text, ranges=[TextRange(start=s, end=e) for s, e in row.spans])


@strawberry.type
class SearchEdge:
    cursor: str
    score: float
    node: Code
    highlights: list[Highlight]


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="How many codes of one system match (the systems filter aside).")
class Facet:
    system: CodeSystem
    count: int


@strawberry.type
class SearchConnection:
    total_count: int
    edges: list[SearchEdge]
    page_info: PageInfo
    facets: list[Facet]
    relaxed: bool = strawberry.field(
        description="True when no code had every word, and these results have all words but one."
    )
