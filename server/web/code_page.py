"""`/codes/{system}/{code}` — a code explained, laid out like the seed page, then similar codes and a picture.

Codes are accepted however they are typed (`/codes/icd-10-cm/i82401`) and redirected to the canonical URL
(`/codes/ICD10CM/I82.401`); an unknown code is a 404 page with a search box.
"""

import asyncio
from collections.abc import Awaitable
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from graph.search.cursor import decode_cursor
from graph.search.errors import SearchInputError
from schema.codes.types import CHILDREN_TAG
from server.web import neighbourhood
from server.web.crosswalks import crosswalks
from server.web.errors import PageQueryFailed
from server.web.outline import GENERATED_PREFIX, outline
from server.web.rendering import failed, not_found, page
from server.web.similar import similar_groups
from server.web.systems import System, code_url, parse_system
from server.web.web import Web

# Enough candidates for the page's own system and the others (server.web.similar).
SIMILAR_COUNT = 30
NEIGHBOURHOOD_DEPTH = 1
NEIGHBOURHOOD_LIMIT = 60
MAX_CODE_LENGTH = 40
CHILDREN_PAGE = 100  # the codes one level below, a page at a time (?children_after=… or ?children_before=…)

NOTE_LABELS = {
    "INCLUDES": "Includes",
    "INCLUSION_TERM": "Inclusion terms",
    "EXCLUDES1": "Excludes1 — not coded here, never together",
    "EXCLUDES2": "Excludes2 — not included here, may be coded together",
    "CODE_FIRST": "Code first",
    "CODE_ALSO": "Code also",
    "USE_ADDITIONAL": "Use additional code",
    "NOTE": "Note",
    "SEVEN_CHR_NOTE": "7th character",
    "SEVEN_CHR_DEF": "7th character values",
}
RELATION_LABELS = {
    ("REPEAT_OF", False): "Repeat of",
    ("REPEAT_OF", True): "Repeated as",
    ("ADD_ON_TO", False): "Add-on to",
    ("ADD_ON_TO", True): "Add-on codes",
    ("INITIAL_OF", False): "First treatment of",
    ("INITIAL_OF", True): "First treatment",
    ("ALTERNATIVE", False): "Alternative",
    ("ALTERNATIVE", True): "Alternative",
    ("FOLLOW_UP_OF", False): "Follow-up of",
    ("FOLLOW_UP_OF", True): "Followed up by",
}


async def render(web: Web, request: Request) -> Response:
    typed_system, typed_code = request.path_params["system"], request.path_params["code"]
    system = parse_system(typed_system)
    wanted = f"{typed_system} {typed_code}"
    if system is None or not typed_code.strip() or len(typed_code) > MAX_CODE_LENGTH:
        return not_found(request, f"the code {wanted}", q=typed_code[:MAX_CODE_LENGTH])
    variables = {"system": system.value, "code": typed_code.strip()}
    children = _children_page(request)
    if children is None:
        return failed(request, 400, "That page of codes is not one this site links to; open the code again.")
    # Side by side, as the code was typed: their reads share transactions (server.graphql_app.context_for),
    # and a redirect or a 404, which waste the other two, are rare.
    answer, similar, subgraph = await asyncio.gather(
        _answer(web.query(request, "code", **variables, **children)),
        _optional(web, request, "similar", first=SIMILAR_COUNT, **variables),
        _optional(web, request, "neighborhood", depth=NEIGHBOURHOOD_DEPTH, limit=NEIGHBOURHOOD_LIMIT,
                  **variables),
    )  # fmt: skip
    if isinstance(answer, PageQueryFailed):
        if answer.bad_input:
            return not_found(request, f"{system.label} code {typed_code}", q=typed_code)
        return failed(request, 503 if answer.unavailable else 500, "This code could not be loaded right now.")
    code = answer["code"]
    if code is None:
        return not_found(request, f"{system.label} code {typed_code}", q=typed_code)
    canonical = code_url(system.value, code["code"])
    if request.url.path != canonical:
        return RedirectResponse(canonical, status_code=301)
    picture = neighbourhood.picture(subgraph, (code["system"], code["code"])) if subgraph else None
    notes, inherited_notes, related = _grouped(code["notes"]), _inherited_notes(code), _related(code)
    return page(
        request,
        "code.html",
        code=code,
        system=System(code["system"]),
        outline=outline(code, has_notes=bool(notes or inherited_notes), has_related=bool(related)),
        explained=_explained(code),
        notes=notes,
        inherited_notes=inherited_notes,
        related=related,
        crosswalks=crosswalks(code["mappings"]),
        similar=_similar(similar, code),
        picture=picture,
        children_range=_children_range(code["children"]),
    )


def _similar(found: dict[str, Any] | None, code: dict[str, Any]) -> list[dict[str, Any]] | None:
    if found is None:
        return None
    crosswalked = [(m["code"]["system"], m["code"]["code"]) for m in code["mappings"] if m["code"]]
    return similar_groups(found["similar"], code["system"], crosswalked)


def _children_page(request: Request) -> dict[str, Any] | None:
    """The page of children the URL asks for, as the code document's variables; None for a cursor that is not
    one (a hand-made or very old link)."""
    after, before = request.query_params.get("children_after"), request.query_params.get("children_before")
    try:
        for cursor in (after, before):
            if cursor is not None:
                decode_cursor(cursor, CHILDREN_TAG)
    except SearchInputError:
        return None
    if before is not None:
        return {"childrenLast": CHILDREN_PAGE, "childrenBefore": before}
    return {"childrenFirst": CHILDREN_PAGE, "childrenAfter": after}


def _children_range(children: dict[str, Any]) -> tuple[int, int]:
    """The first and last position (from 1) of the page of children shown."""
    start = children["pageInfo"]["startCursor"]
    first = decode_cursor(start, CHILDREN_TAG) + 1 if start else 0
    return first, first + len(children["nodes"]) - 1


async def _answer(query: Awaitable[dict[str, Any]]) -> dict[str, Any] | PageQueryFailed:
    try:
        return await query
    except PageQueryFailed as exc:
        return exc


async def _optional(web: Web, request: Request, document: str, **variables: Any) -> dict[str, Any] | None:
    """A part of the page that may fail on its own: the page is still shown, that section says so."""
    try:
        data = await web.query(request, document, **variables)
    except PageQueryFailed:
        return None
    code: dict[str, Any] | None = data["code"]
    return code


def _explained(code: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The generated explanation's sections by their id on the page."""
    explanation = code.get("explanation")
    sections = explanation["sections"] if explanation else []
    return {f"{GENERATED_PREFIX}{section['key']}": section for section in sections}


def _grouped(notes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Notes grouped by kind, in the order the kinds first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for note in notes:
        groups.setdefault(note["kind"], []).append(note)
    return [(NOTE_LABELS.get(kind, kind.title()), items) for kind, items in groups.items()]


def _inherited_notes(code: dict[str, Any]) -> list[tuple[dict[str, Any], list[tuple[str, list[Any]]]]]:
    """Notes published on the levels above, nearest first: they apply to this code too."""
    return [(ancestor, _grouped(ancestor["notes"])) for ancestor in code["ancestors"] if ancestor["notes"]]


def _related(code: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(label, code) for each related code, once: a stated relation wins over the inverse of the other's."""
    by_code: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for related in sorted(code["related"], key=lambda r: r["inverse"]):
        other = related["code"]
        if other:
            label = RELATION_LABELS.get((related["type"], related["inverse"]), related["type"].title())
            by_code.setdefault((other["system"], other["code"]), (label, other))
    return list(by_code.values())
