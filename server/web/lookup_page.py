"""`/index/{book}` and `/tables/{table}`: look a word up as in the printed books.

`/index/icd10cm?q=shingles` (or `?letter=S`) lists the main terms that start with it, each with its first
subterms, its codes and its `see` references as links within the index; `/tables/drugs?q=…` and
`/tables/neoplasms?q=…` show the rows of the Table of Drugs and the Neoplasm Table with their official
columns. The URL holds the whole state and the forms are plain GET forms: it all works without JavaScript.
"""

import string
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from server.web.errors import PageQueryFailed
from server.web.rendering import failed, not_found, page
from server.web.web import Web

MAX_WORD_LENGTH = 100  # as the API takes it (schema.vocabulary.lookup)
LETTERS = tuple(string.ascii_uppercase)


@dataclass(frozen=True)
class Book:
    slug: str
    title: str
    sources: tuple[str, ...]  # IndexSource values


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    entry: str  # what a row is looked up by
    drugs: bool


BOOKS = {
    "icd10cm": Book(
        "icd10cm", "ICD-10-CM Alphabetic Index", ("ICD10CM_INDEX", "ICD10CM_EXTERNAL_CAUSE_INDEX")
    ),
    "icd10pcs": Book("icd10pcs", "ICD-10-PCS Index", ("ICD10PCS_INDEX",)),
}
TABLES = {
    "drugs": Table("drugs", "Table of Drugs and Chemicals", "substance", drugs=True),
    "neoplasms": Table("neoplasms", "Neoplasm Table", "site", drugs=False),
}


def index_url(book: str, word: str) -> str:
    """Where a `see` reference leads: the look-up of the main term it names."""
    return f"/index/{book}?" + urlencode({"q": word})


def _word(request: Request, name: str) -> str:
    return " ".join(request.query_params.get(name, "").split())[:MAX_WORD_LENGTH]


async def render_index(web: Web, request: Request) -> Response:
    book = BOOKS.get(request.path_params["book"])
    if book is None:
        return not_found(request, f"the index {request.path_params['book'][:40]}")
    q = _word(request, "q")
    letter = _word(request, "letter").upper()
    letter = letter if letter in LETTERS else ""
    term = q or letter
    context: dict[str, Any] = {"book": book, "books": BOOKS, "letters": LETTERS, "q": q, "letter": letter}
    if not term:
        return page(request, "index.html", **context, found=None)
    after = request.query_params.get("after") or None
    variables = {"term": term, "sources": list(book.sources), "after": after}
    try:
        found = (await web.query(request, "index_lookup", **variables))["indexLookup"]
    except PageQueryFailed as exc:
        if exc.bad_input:
            return page(
                request, "index.html", status_code=400, **context, found=None, problem=exc.messages[0]
            )
        return failed(request, 503 if exc.unavailable else 500, "The index could not be read now.")
    more = None
    if found["pageInfo"]["hasNextPage"]:
        more = (
            f"/index/{book.slug}?"
            + urlencode({"q": q} if q else {"letter": letter})
            + "&"
            + urlencode({"after": found["pageInfo"]["endCursor"]})
        )
    return page(request, "index.html", **context, found=found, more=more, index_url=index_url)


async def render_table(web: Web, request: Request) -> Response:
    table = TABLES.get(request.path_params["table"])
    if table is None:
        return not_found(request, f"the table {request.path_params['table'][:40]}")
    q = _word(request, "q")
    context: dict[str, Any] = {"table": table, "tables": TABLES, "q": q}
    if not q:
        return page(request, "index_table.html", **context, found=None)
    try:
        data = await web.query(request, "index_table", q=q, drugs=table.drugs)
    except PageQueryFailed as exc:
        if exc.bad_input:
            return page(
                request, "index_table.html", status_code=400, **context, found=None, problem=exc.messages[0]
            )
        return failed(request, 503 if exc.unavailable else 500, "The table could not be read now.")
    found = data["drugTable" if table.drugs else "neoplasmTable"]
    return page(request, "index_table.html", **context, found=found, index_url=index_url)
