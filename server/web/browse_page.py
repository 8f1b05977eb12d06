"""`/codes/{system}`: a code system from the top of its hierarchy; `/conditions`: the conditions A to Z."""

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from server.web.errors import PageQueryFailed
from server.web.rendering import failed, not_found, page
from server.web.systems import System, parse_system
from server.web.web import Web

# Systems whose top level is short enough to show the next level under it on one page.
WITH_CHILDREN = (System.ICD10CM, System.ICD10PCS, System.MSDRG)


async def render_system(web: Web, request: Request) -> Response:
    typed = request.path_params["system"]
    system = parse_system(typed)
    if system is None:
        return not_found(request, f"the code system {typed[:40]}", q=typed[:40])
    if request.url.path != f"/codes/{system.value}":
        return RedirectResponse(f"/codes/{system.value}", status_code=301)
    variables = {"system": system.value, "withChildren": system in WITH_CHILDREN}
    try:
        info = (await web.query(request, "browse", **variables))["codeSystem"]
    except PageQueryFailed as exc:
        return failed(request, 503 if exc.unavailable else 500, "This code system could not be loaded now.")
    if info is None:
        return not_found(request, f"{system.label} codes (this release is not loaded)")
    return page(request, "browse.html", system=system, info=info)


async def render_conditions(web: Web, request: Request) -> Response:
    try:
        conditions = (await web.query(request, "conditions"))["conditions"]
    except PageQueryFailed as exc:
        return failed(request, 503 if exc.unavailable else 500, "The conditions could not be loaded now.")
    ordered = sorted(conditions, key=lambda condition: condition["name"].casefold())
    letters: dict[str, list[dict[str, object]]] = {}
    for condition in ordered:
        letters.setdefault(condition["name"][:1].upper(), []).append(condition)
    return page(request, "conditions.html", letters=letters)
