"""`/conditions/{key}` — a condition: synonyms, description, ICD-10-CM codes and indicated procedures."""

from starlette.requests import Request
from starlette.responses import Response

from server.web.errors import PageQueryFailed
from server.web.rendering import failed, not_found, page
from server.web.web import Web

MAX_KEY_LENGTH = 100


async def render(web: Web, request: Request) -> Response:
    key = request.path_params["key"]
    if len(key) > MAX_KEY_LENGTH:
        return not_found(request, "this condition")
    try:
        condition = (await web.query(request, "condition", key=key))["condition"]
    except PageQueryFailed as exc:
        if exc.bad_input:
            return not_found(request, "this condition")
        return failed(
            request, 503 if exc.unavailable else 500, "This condition could not be loaded right now."
        )
    if condition is None:
        return not_found(request, f"the condition “{key}”", q=key.replace("-", " "))
    return page(request, "condition.html", condition=condition)
