"""Search results: a Relay-style connection of codes with scores, highlights and per-system facets."""

import strawberry

from graph.search import Highlight as HighlightRow
from graph.search.matched_via import MatchedVia as MatchedViaRow
from graph.search.matched_via import MatchKind
from schema.codes.types import Code
from schema.enums import CodeSystem, HighlightField
from schema.paging import PageInfo


@strawberry.type(description="A [start, end) range of characters in a highlighted text.")
class TextRange:
    start: int
    end: int


@strawberry.type(description="A field of the code where the query matched, with the matches' ranges.")
class Highlight:
    field: HighlightField
    text: str
    ranges: list[TextRange]

    @classmethod
    def of(cls, row: HighlightRow) -> "Highlight":
        return cls(field=row.field, text=row.text, ranges=[TextRange(start=s, end=e) for s, e in row.spans])


# The search's own enum, published under its GraphQL name: the two can never differ.
strawberry.enum(MatchKind, name="MatchKind", description="What a search hit was found by.")


@strawberry.type(description="How a hit was found: the code, or the field value holding most of the words.")
class MatchedVia:
    kind: MatchKind
    text: str = strawberry.field(description="The value that matched: the code, a title, a name, an entry …")
    path: list[str] = strawberry.field(
        description="For an index entry: its terms, a `see` reference's two (Shingles → Herpes, zoster)."
    )

    @classmethod
    def of(cls, row: MatchedViaRow) -> "MatchedVia":
        return cls(kind=row.kind, text=row.text, path=list(row.path))


@strawberry.type(description="A word of the query that no code has, and the word searched instead.")
class WordCorrection:
    typed: str
    corrected: str


@strawberry.type
class SearchEdge:
    cursor: str
    score: float
    node: Code
    highlights: list[Highlight]
    matched_via: MatchedVia | None


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
    corrected_query: str | None = strawberry.field(
        default=None,
        description="The query searched instead of the one typed, when words no code has were corrected "
        "(search again with `exact: true` for the words as typed).",
    )
    corrections: list[WordCorrection] = strawberry.field(default_factory=list)
