"""The official indexes in the API: the index lines that lead to a code."""

import strawberry

from graph.reads.index_terms import IndexEntryRow


@strawberry.type(description="A line of an official index (or table) that leads to a code.")
class IndexEntry:
    path: list[str] = strawberry.field(
        description='The main term down to the subterm: ["Thrombosis", "vein", "deep", "lower extremity"].'
    )
    source: str = strawberry.field(description='The book and release, e.g. "ICD-10-CM Index FY2025".')
    column: str | None = strawberry.field(
        description="The table column the code sits in (drug, neoplasm tables)."
    )
    nemod: str | None = strawberry.field(
        description='The non-essential modifiers printed with the term, "(acute)".'
    )
    incomplete: bool = strawberry.field(
        description="True when the index gives this code as one that needs more characters (a `-` target)."
    )
    prefix: str | None = strawberry.field(
        description='The ICD-10-PCS table or code prefix the line gives ("0DTJ": the codes that start with '
        "it); null for a whole code and in ICD-10-CM."
    )
    see: list[str] | None = strawberry.field(
        description="When the line leads here through a `see` reference: the path of the term it names."
    )

    @classmethod
    def of(cls, row: IndexEntryRow) -> "IndexEntry":
        return cls(
            path=list(row.path),
            source=row.source,
            column=row.column,
            nemod=row.nemod,
            incomplete=row.incomplete,
            prefix=row.prefix,
            see=list(row.see) if row.see is not None else None,
        )
