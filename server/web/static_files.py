"""Static assets with HTTP caching: a URL that names the file's current content (`/static/app.css?v=<digest>`,
made by server.web.rendering.static_url) may be cached for a year; any other is revalidated every time, so
that an old page's URL never pins new content under an old name.

Our own stylesheets and scripts are served minified (rcssmin, rjsmin: a third smaller once compressed),
made once per version of the file; the vendored bundles come minified from the asset build (tools/web-assets).
"""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from server.http_caching import IMMUTABLE
from server.web.rendering import STATIC, static_url

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
VENDOR = STATIC / "vendor"
# The validators of the file stand for its minified form: they change when the file does.
KEPT_HEADERS = ("etag", "last-modified")


class VersionedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if isinstance(response, FileResponse):
            response = _minified(response)
        if response.status_code in (200, 304):
            versioned = scope.get("query_string", b"").decode() == _version_query(path)
            response.headers["Cache-Control"] = IMMUTABLE if versioned else "no-cache"
        return response


def minified_text(file: Path) -> str | None:
    """The file as served: minified when it is one of our stylesheets or scripts, else None."""
    minify = MINIFIERS.get(file.suffix)
    if minify is None or VENDOR in file.parents:
        return None
    return _minify(file, file.stat().st_mtime_ns, minify)


def _minified(response: FileResponse) -> Response:
    text = minified_text(Path(response.path))
    if text is None:
        return response
    headers = {name: value for name, value in response.headers.items() if name in KEPT_HEADERS}
    return Response(text, media_type=response.media_type, headers=headers)


@lru_cache(maxsize=64)
def _minify(file: Path, version: int, minify: Callable[[str], str]) -> str:
    """Once per version (mtime) of the file."""
    return minify(file.read_text(encoding="utf-8"))


def _version_query(path: str) -> str:
    return static_url(path).partition("?")[2]
