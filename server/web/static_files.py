"""Static assets with HTTP caching: a URL that names the file's current content (`/static/app.css?v=<digest>`,
made by server.web.rendering.static_url) may be cached for a year; any other is revalidated every time, so
that an old page's URL never pins new content under an old name."""

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from server.http_caching import IMMUTABLE
from server.web.rendering import static_url


class VersionedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            versioned = scope.get("query_string", b"").decode() == _version_query(path)
            response.headers["Cache-Control"] = IMMUTABLE if versioned else "no-cache"
        return response


def _version_query(path: str) -> str:
    return static_url(path).partition("?")[2]
