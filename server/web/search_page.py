"""`/` — one box over every system; results with facets, the billable filter and cursor paging both ways.

The URL holds the whole state (`/?q=dvt&system=ICD10CM&billable=1&after=…&page=2`; `before=…` for a page
reached backwards), so results can be shared and the back button works; the form is a plain GET form, so it
all works without JavaScript, and its filters apply when Search is pressed (the facet links apply at once). A
corrected query says so ("Showing results for pneumonia — search instead for pnuemonia"); the second link adds
`exact=1`, which searches the words as typed. Each result says in a quiet line how it was found, unless by its
code or title, which it shows anyway ("via index: Shingles → Herpes, zoster").
"""

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from graph.search.cursor import cursor_at
from server.state import search_of
from server.web.errors import PageQueryFailed, PageQueryUnavailable
from server.web.rendering import page
from server.web.systems import System, parse_system
from server.web.web import Web

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_PAGE = 500
PAGES_AROUND = 2  # numbered links either side of the page shown
# The fields a match can be in besides the code and the title, as the results name them.
FIELD_LABELS = {  # by the API's HighlightField
    "SHORT_TITLE": "Short title",
    "INCLUSION_TERM": "Inclusion term",
    "NAME": "Linked to",
    "RELATED_NAME": "Condition",
    "INDEX_TERM": "Index",
}
# The fields whose text may be a condition's name, linked to its page.
CONDITION_FIELDS = frozenset({"NAME", "RELATED_NAME"})
# How a result was found (the API's MatchKind), in the results' quiet line; by code or title says nothing.
VIA_LABELS = {
    "CURATED_NAME": "name",
    "ABBREVIATION": "abbreviation",
    "INDEX_TERM": "index",
    "GLOSSARY": "everyday words",
    "INCLUSION_TERM": "inclusion term",
    "RELATED_CONDITION": "condition",
}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    systems: tuple[System, ...] = ()
    billable: bool = False
    after: str | None = None  # the page after this cursor (Next) …
    before: str | None = None  # … or the page before this one (Previous)
    page: int = 1
    exact: bool = False  # the words as typed: no correction

    @classmethod
    def from_request(cls, request: Request) -> "SearchParams":
        query = request.query_params
        systems = (parse_system(value) for value in query.getlist("system"))
        after = query.get("after") or None
        before = None if after else query.get("before") or None
        try:
            number = min(max(int(query.get("page", "1")), 1), MAX_PAGE) if after or before else 1
        except ValueError:
            number = 1
        return cls(
            q=" ".join(query.get("q", "").split())[:MAX_QUERY_LENGTH],
            systems=tuple(dict.fromkeys(s for s in systems if s is not None)),
            billable=query.get("billable", "") in ("1", "on", "true"),
            after=after,
            before=before,
            page=number,
            exact=query.get("exact", "") in ("1", "on", "true"),
        )

    def url(self, **changes: Any) -> str:
        """This search's URL with some parameters changed; a change of filter starts again at page one."""
        if changes.keys() - {"after", "before", "page"}:
            changes = {"after": None, "before": None, "page": 1, **changes}
        if "q" in changes and "exact" not in changes:
            changes["exact"] = False  # another query is corrected again
        params = replace(self, **changes)
        pairs: list[tuple[str, str]] = [("q", params.q)]
        pairs += [("system", system.value) for system in params.systems]
        if params.billable:
            pairs.append(("billable", "1"))
        if params.exact:
            pairs.append(("exact", "1"))
        if params.after:
            pairs += [("after", params.after), ("page", str(params.page))]
        elif params.before:
            pairs += [("before", params.before), ("page", str(params.page))]
        return "/?" + urlencode(pairs)

    def next_page(self, end_cursor: str) -> str:
        return self.url(after=end_cursor, before=None, page=self.page + 1)

    def numbered_page(self, number: int, any_cursor: str) -> str:
        """Page `number` of this search, from a cursor of the same result list (graph.search.cursor)."""
        if number <= 1:
            return self.first_page()
        return self.url(after=cursor_at(any_cursor, (number - 1) * PAGE_SIZE - 1), before=None, page=number)

    def first_page(self) -> str:
        """Page one has no cursor in its URL, so that every way back to it shares one address."""
        return self.url(after=None, before=None, page=1)

    def previous_page(self, start_cursor: str) -> str:
        if self.page <= 2:
            return self.first_page()
        return self.url(after=None, before=start_cursor, page=self.page - 1)

    @property
    def paged(self) -> bool:
        return bool(self.after or self.before)

    @property
    def variables(self) -> dict[str, Any]:
        return {
            "query": self.q,
            "systems": [system.value for system in self.systems] or None,
            "billableOnly": self.billable,
            "first": None if self.before else PAGE_SIZE,
            "after": self.after,
            "last": PAGE_SIZE if self.before else None,
            "before": self.before,
            "exact": self.exact,
        }


async def render(web: Web, request: Request) -> Response:
    params = SearchParams.from_request(request)
    if params.q and any(not value for name, value in request.query_params.multi_items() if name != "q"):
        # A plain form sends its empty choices ("&system="): one redirect keeps shared URLs clean.
        return RedirectResponse(params.url(), status_code=303)
    if not params.q:
        return page(request, "search.html", params=params, code_systems=await _code_systems(web, request))
    try:
        results = await web.query(request, "search", **params.variables)
    except PageQueryUnavailable:
        return page(request, "search.html", status_code=503, params=params, code_systems=[],
                    problem="Search is not available on this server yet.")  # fmt: skip
    except PageQueryFailed as exc:
        status, problem = _problem(exc, params)
        return page(
            request, "search.html", status_code=status, params=params, code_systems=[], problem=problem
        )
    search = results["search"]
    for edge in search["edges"]:
        _sort_marks(edge)
    await _link_conditions(web, request, search["edges"])
    page_count = max(1, -(-search["totalCount"] // PAGE_SIZE))
    return page(
        request,
        "search.html",
        params=params,
        search=search,
        facets=_facets(search, params),
        first_number=(params.page - 1) * PAGE_SIZE + 1,
        page_count=page_count,
        page_links=page_links(params, search, page_count),
    )


def page_links(params: SearchParams, search: dict[str, Any], page_count: int) -> list[dict[str, Any] | None]:
    """Links to the first and last pages and to those near this one; None where pages are skipped (…).
    Pages past MAX_PAGE are not linked: no one reads that far, and each costs as much as the ones before."""
    cursor = search["pageInfo"]["startCursor"]
    last = min(page_count, MAX_PAGE)
    if cursor is None or last <= 1:
        return []
    wanted = sorted({1, last, *range(params.page - PAGES_AROUND, params.page + PAGES_AROUND + 1)})
    links: list[dict[str, Any] | None] = []
    for number in (n for n in wanted if 1 <= n <= last):
        if links and links[-1] is not None and number > links[-1]["number"] + 1:
            links.append(None)
        current = number == params.page
        links.append({"number": number, "current": current, "url": params.numbered_page(number, cursor)})
    return links


async def _code_systems(web: Web, request: Request) -> list[dict[str, Any]]:
    try:
        return list((await web.query(request, "code_systems"))["codeSystems"])
    except PageQueryFailed:
        return []


def _facets(search: dict[str, Any], params: SearchParams) -> list[dict[str, Any]]:
    """The facets: all systems, then each system with matches, with their counts. The API counts every
    system whatever the chosen ones, so the other facets stay visible after choosing one."""
    counts = {facet["system"]: facet["count"] for facet in search["facets"]}
    every = sum(counts.values()) if params.systems else search["totalCount"]
    facets = [{"system": None, "label": "All systems", "count": every}]
    facets += [
        {"system": system, "label": system.label, "count": counts.get(system.value, 0)}
        for system in System
        if counts.get(system.value) or system in params.systems
    ]
    return facets


def _sort_marks(edge: dict[str, Any]) -> None:
    """The first highlight of the code and of the title mark those. Other fields (an inclusion term, a
    condition's name) are shown, at most two, when they matched words the title does not show."""
    marks: dict[str, Any] = {}
    for highlight in edge["highlights"]:
        marks.setdefault(highlight["field"], highlight)
    edge["marks"] = marks
    seen = _marked_words(marks["TITLE"]) if "TITLE" in marks else set()
    others = []
    for field, highlight in marks.items():
        words = _marked_words(highlight)
        if field in ("CODE", "TITLE") or not words or words <= seen:
            continue
        others.append({**highlight, "label": FIELD_LABELS.get(field, field)})
        seen |= words
    via = edge.get("matchedVia")
    label = VIA_LABELS.get(via["kind"]) if via else None
    edge["via"] = {"label": label, "text": " → ".join(via["path"]) or via["text"]} if via and label else None
    if via and label:
        others = [mark for mark in others if mark["text"] != via["text"]]
    edge["other_marks"] = others[:2]


async def _link_conditions(web: Web, request: Request, edges: list[dict[str, Any]]) -> None:
    """The condition page of each shown name that is a condition's name or synonym
    (server.web.condition_names); read only when a result shows such a name."""
    shown = [mark for edge in edges for mark in edge["other_marks"] if mark["field"] in CONDITION_FIELDS]
    # "via condition: blood clot in the lung": a procedure found through a condition it is indicated for.
    found_via = [(edge["via"], edge.get("matchedVia") or {}) for edge in edges]
    shown += [via for via, matched in found_via if matched.get("kind") == "RELATED_CONDITION"]
    if not shown:
        return

    async def read() -> list[dict[str, Any]]:
        return list((await web.query(request, "conditions"))["conditions"])

    try:
        keys = await web.condition_names.keys(search_of(request).version, read)
    except PageQueryFailed:
        return  # the names stay plain text: the results are still right
    for mark in shown:
        mark["condition"] = keys.get(mark["text"].casefold())


def _marked_words(highlight: dict[str, Any]) -> set[str]:
    return {highlight["text"][r["start"] : r["end"]].casefold() for r in highlight["ranges"]}


def _problem(exc: PageQueryFailed, params: SearchParams) -> tuple[int, str]:
    if exc.bad_input:
        if params.paged:
            return 400, "That page of results is no longer available; start again from the first page."
        return 400, exc.messages[0]
    if exc.unavailable:
        return 503, "The code database is not answering right now; please try again in a moment."
    return 500, "Something went wrong while searching; please try again."
