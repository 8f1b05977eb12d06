"""`POST /analyst/query` (JSON in, JSON out) and the `/analyst` page, its form answered on the server too.

A refused or failed statement answers 4xx (503 when the graph is away) with `{"error": {"code", "message"}}`.
At most MAX_CONCURRENT statements run at once; one more is refused with BUSY rather than queued, because the
embedded engine does not stop a statement at its transaction timeout (docs/security.md).

The page's Cypher editor (CodeMirror, static/vendor/cypher-editor.min.js) writes its styles into a `<style>`
element, which `style-src 'self'` refuses: the page's policy admits the `<style>` elements that carry this
response's nonce, as GraphiQL's does (server.web.graphiql_page), and the editor reads it from the page's
`<meta name="csp-nonce">`. The page is never cached (no-store), so no nonce is served twice.
"""

import json
import secrets
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph.analyst import AnalystConsole, AnalystResult
from graph.errors import AnalystQueryRefused
from server.analyst import access
from server.analyst.examples import EXAMPLES, EXPAND_QUERY
from server.analyst.requests import AnalystRequest, BadRequest, from_form, from_json
from server.analyst.schema import SchemaCache
from server.http_caching import NO_STORE
from server.security_headers import with_style_nonce
from server.settings import Settings
from server.state import graph_of
from server.web.rendering import page

MAX_CONCURRENT = 2
STATUS = {
    "BAD_REQUEST": 400, "SYNTAX_ERROR": 400, "QUERY_FAILED": 400, "UNAUTHORIZED": 401, "READ_ONLY": 403,
    "TIMEOUT": 408, "BUSY": 429, "UNAVAILABLE": 503, "NOT_CONFIGURED": 503,
}  # fmt: skip
NOT_CONFIGURED = "the analyst console has no read-only user on Neo4j: set MEDGRAPH_ANALYST_USER and _PASSWORD"


class Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class AnalystEndpoints:
    def __init__(self) -> None:
        self._running = 0  # statements in worker threads now; only touched on the event loop
        self._schema = SchemaCache()

    async def query(self, request: Request) -> Response:
        try:
            self._check_access(request, None)
            result = await self._run(request, from_json(await request.body()))
        except BadRequest as exc:
            return _error("BAD_REQUEST", str(exc))
        except Refused as exc:
            return _error(exc.code, exc.message)
        return JSONResponse(result.as_json(), headers={"Cache-Control": NO_STORE})

    async def page(self, request: Request) -> Response:
        first = EXAMPLES[0]
        context: dict[str, Any] = {
            "query": first.query.strip(), "parameters": _json(first.parameters),
            "result": None, "error": None, "key": "",
        }  # fmt: skip
        status = 200
        if request.method == "POST":
            try:
                analyst_request, key = from_form(await request.body())
                context.update(query=analyst_request.query, parameters=_json(analyst_request.parameters))
                context["key"] = key or ""
                self._check_access(request, key)
                context["result"] = await self._run(request, analyst_request)
            except BadRequest as exc:
                context["error"], status = {"code": "BAD_REQUEST", "message": str(exc)}, 400
            except Refused as exc:
                context["error"], status = {"code": exc.code, "message": exc.message}, STATUS[exc.code]
        elif not access.allowed(request, _settings(request)):
            context["error"] = {"code": "UNAUTHORIZED", "message": access.REFUSAL}
        examples = [
            {"title": e.title, "query": e.query.strip(), "parameters": e.parameters} for e in EXAMPLES
        ]
        schema = await run_in_threadpool(self._schema.get, graph_of(request))
        nonce = secrets.token_urlsafe(18)
        response = page(
            request, "analyst.html", status_code=status, examples=examples,
            expand_query=EXPAND_QUERY.strip(), schema=schema, nonce=nonce, **context,
        )  # fmt: skip
        response.headers["Cache-Control"] = NO_STORE
        response.headers["Content-Security-Policy"] = with_style_nonce(nonce)
        return response

    def _check_access(self, request: Request, form_key: str | None) -> None:
        if not access.allowed(request, _settings(request), form_key):
            raise Refused("UNAUTHORIZED", access.REFUSAL)

    async def _run(self, request: Request, analyst_request: AnalystRequest) -> AnalystResult:
        console: AnalystConsole | None = request.state.analyst
        if console is None:
            raise Refused("NOT_CONFIGURED", NOT_CONFIGURED)
        if self._running >= MAX_CONCURRENT:
            raise Refused("BUSY", f"{MAX_CONCURRENT} analyst statements are running: try again when one ends")
        self._running += 1
        try:
            return await run_in_threadpool(console.run, analyst_request.query, analyst_request.parameters)
        except AnalystQueryRefused as exc:
            raise Refused(exc.code, str(exc)) from exc
        finally:
            self._running -= 1


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _error(code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=STATUS[code],
                        headers={"Cache-Control": NO_STORE})  # fmt: skip


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
