"""Looking a word up as in the book: the terms of the official indexes, the drug and neoplasm table rows."""

import strawberry

from graph.reads import index_lookup as reads
from graph.reads.index_lookup import IndexBook, IndexCodeRow, IndexTermRow
from graph.search.cursor import page_window
from graph.search.errors import SearchInputError
from schema.codes.types import Code, code_for, codes_for
from schema.context import Info
from schema.errors import BadUserInput
from schema.paging import PAGE_ARGUMENTS, Connection

MAX_WORD_LENGTH = 100
MAX_FIRST = 100
MAX_SUBTERMS = reads.MAX_SUBTERMS
_CURSOR_TAG = "lookup"  # a position in the look-up's list; the list follows the graph, as the book's pages do

IndexSource = strawberry.enum(
    IndexBook,
    name="IndexSource",
    description="An official index or table whose terms are in the graph (each release is its `release`).",
)


@strawberry.type(description="A code an index line or table cell gives.")
class IndexTarget:
    column: str | None = strawberry.field(
        description='The table column ("Adverse effect"); null in an index.'
    )
    incomplete: bool = strawberry.field(
        description="True when the book gives a code that needs more characters (C50.9-, or T39.1X1 + 7th, "
        "or an ICD-10-PCS table or code prefix)."
    )
    prefix: str | None = strawberry.field(
        description='The ICD-10-PCS table or code prefix the book gives ("0DTJ"), which leads to the codes '
        "that start with it; `code` is then its table. Null for a whole code and in ICD-10-CM."
    )
    uid: strawberry.Private[str]

    @strawberry.field(description="The code, in the loaded release.")
    async def code(self, info: Info) -> Code | None:
        return await code_for(info, self.uid)

    @classmethod
    def of(cls, row: IndexCodeRow) -> "IndexTarget":
        return cls(column=row.column, incomplete=row.incomplete, prefix=row.prefix, uid=row.uid)


@strawberry.type(description="A main term or subterm of an official index or table, as the book prints it.")
class IndexTerm:
    row: strawberry.Private[IndexTermRow]

    @strawberry.field(
        description='The main term down to this term: ["Herpes, herpesvirus, herpetic", "zoster"].'
    )
    def path(self) -> list[str]:
        return list(self.row.path)

    @strawberry.field(description="The term's own words.")
    def title(self) -> str:
        return self.row.title

    @strawberry.field(description='The non-essential modifiers printed with it: "(acute) (chronic)".')
    def nemod(self) -> str | None:
        return self.row.nemod

    @strawberry.field(description="The book it is in; null for a book this API does not name.")
    def source(self) -> IndexSource | None:  # type: ignore[valid-type]
        return self.row.book

    @strawberry.field(description='The book and release as loaded: "ICD-10-CM Index FY2025".')
    def release(self) -> str:
        return self.row.source

    @strawberry.field(description="0 for a main term, 1 for its subterms, and so on.")
    def level(self) -> int:
        return self.row.level

    @strawberry.field(
        description="The codes the line gives, with their table columns (by column, then code)."
    )
    def targets(self) -> list[IndexTarget]:
        return [IndexTarget.of(code) for code in self.row.codes]

    @strawberry.field(
        description="The codes the line gives, each once; for an ICD-10-PCS table or code prefix, its table "
        "(`targets` keeps the prefix)."
    )
    async def codes(self, info: Info) -> list[Code]:
        return await codes_for(info, list(dict.fromkeys(code.uid for code in self.row.codes)))

    @strawberry.field(
        description='"see" references as printed, also those that name no term ("see condition").'
    )
    def see_text(self) -> list[str]:
        return list(self.row.see_text)

    @strawberry.field(description='"see also" references as printed.')
    def see_also_text(self) -> list[str]:
        return list(self.row.see_also_text)

    @strawberry.field(
        description='ICD-10-PCS "use" references as printed: the axis value to code instead of this word '
        '("Abdominal esophagus" → use "Esophagus, Lower").'
    )
    def use_text(self) -> list[str]:
        return list(self.row.use_text)

    @strawberry.field(description="The terms its `see` references name: look there for the code.")
    async def see(self, info: Info) -> list["IndexTerm"]:
        return await terms_for(info, list(self.row.see))

    @strawberry.field(description="The terms its `see also` references name.")
    async def see_also(self, info: Info) -> list["IndexTerm"]:
        return await terms_for(info, list(self.row.see_also))

    @strawberry.field(description="How many subterms it has (`subterms` gives the first of them).")
    def subterm_count(self) -> int:
        return self.row.subterm_count

    @strawberry.field(description=f"Its first subterms, in the book's order; `first` is 0 to {MAX_SUBTERMS}.")
    async def subterms(self, info: Info, first: int = 20) -> list["IndexTerm"] | None:
        if not 0 <= first <= MAX_SUBTERMS:
            raise BadUserInput(f"first must be between 0 and {MAX_SUBTERMS}")
        if first == 0 or self.row.subterm_count == 0:
            return []
        return await terms_for(info, (await info.context.loaders.subterms.load(self.row.uid))[:first])


async def terms_for(info: Info, uids: list[str]) -> list[IndexTerm]:
    rows = await info.context.loaders.index_term.load_many(uids)
    return [IndexTerm(row=row) for row in rows if row is not None]


@strawberry.type(description="One cell of a table row: what the book prints under one column.")
class IndexTableCell:
    column: str
    targets: list[IndexTarget] = strawberry.field(description="Empty where the book prints a dash.")


@strawberry.type(description="A row of the drug or neoplasm table: the term and one cell per column.")
class IndexTableRow:
    term: IndexTerm
    cells: list[IndexTableCell]


@strawberry.type(description="The rows of an official table that a look-up finds, with the table's columns.")
class IndexTable:
    source: IndexSource  # type: ignore[valid-type]
    columns: list[str] = strawberry.field(description="The code columns as the book heads them, in order.")
    rows: list[IndexTableRow] = strawberry.field(
        description="The rows that start with the word and the rows under them, "
        f"at most {reads.MAX_TABLE_ROWS}."
    )
    complete: bool = strawberry.field(
        description="False when the table has more rows for the word than `rows` holds: type more of it."
    )


def _word(value: str, name: str) -> str:
    if not value.strip() or len(value) > MAX_WORD_LENGTH:
        raise BadUserInput(f"{name} must be 1 to {MAX_WORD_LENGTH} characters")
    return value


async def _table(info: Info, book: IndexBook, word: str) -> IndexTable:
    found = await info.context.run(reads.table_rows, book, word)
    columns = reads.TABLE_COLUMNS[book]
    rows = []
    for term in await terms_for(info, found.uids):
        cells = [
            IndexTableCell(
                column=column,
                targets=[IndexTarget.of(code) for code in term.row.codes if code.column == column],
            )
            for column in columns
        ]
        rows.append(IndexTableRow(term=term, cells=cells))
    return IndexTable(source=book, columns=list(columns), rows=rows, complete=found.complete)


@strawberry.type
class LookupQueries:
    @strawberry.field(
        description="Look a word up as in the book: the main terms of the official indexes and tables whose "
        "title starts with it, whatever its case (a letter browses the letter), in the books' order. "
        f"`sources` defaults to every loaded book; a page is {PAGE_ARGUMENTS}, 1 to {MAX_FIRST} of them."
    )
    async def index_lookup(
        self,
        info: Info,
        term: str,
        sources: list[IndexSource] | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[IndexTerm] | None:
        word = _word(term, "term")
        books = [IndexBook(book) for book in sources] if sources else list(IndexBook)
        loaded = await info.context.run(reads.loaded_sources, books)
        total = await info.context.run(reads.count_main_terms, loaded, word)
        try:
            window = page_window(
                first, after, last, before, tag=_CURSOR_TAG, maximum=MAX_FIRST, total=lambda: total
            )
        except SearchInputError as exc:
            raise BadUserInput(str(exc)) from None
        uids = await info.context.run(reads.lookup_main_terms, loaded, word, window.start, window.size)
        return Connection.of(window, total, _CURSOR_TAG, await terms_for(info, uids))

    @strawberry.field(
        description="The Table of Drugs and Chemicals rows of the substances that start with `substance`."
    )
    async def drug_table(self, info: Info, substance: str) -> IndexTable | None:
        return await _table(info, IndexBook.ICD10CM_DRUG_TABLE, _word(substance, "substance"))

    @strawberry.field(description="The Neoplasm Table rows of the sites that start with `site`.")
    async def neoplasm_table(self, info: Info, site: str) -> IndexTable | None:
        return await _table(info, IndexBook.ICD10CM_NEOPLASM_TABLE, _word(site, "site"))
