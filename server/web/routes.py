"""The routes of the web pages, for `create_app` to include: `Starlette(routes=[…, *web_routes()])`."""

from collections.abc import Awaitable, Callable

import strawberry
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from schema import schema as public_schema
from server.http_caching import NO_STORE, PUBLIC, entity_tag, not_modified
from server.response_cache import ResponseCache
from server.web import browse_page, code_page, condition_page, drg_page, lookup_page, search_page
from server.web.rendering import STATIC
from server.web.static_files import VersionedStaticFiles
from server.web.web import Web

Endpoint = Callable[[Request], Awaitable[Response]]


def web_routes(schema: strawberry.Schema = public_schema) -> list[BaseRoute]:
    web = Web(schema)

    @cached
    async def search(request: Request) -> Response:
        return await search_page.render(web, request)

    @cached
    async def code(request: Request) -> Response:
        return await code_page.render(web, request)

    @cached
    async def condition(request: Request) -> Response:
        return await condition_page.render(web, request)

    @cached
    async def system(request: Request) -> Response:
        return await browse_page.render_system(web, request)

    @cached
    async def conditions(request: Request) -> Response:
        return await browse_page.render_conditions(web, request)

    @cached
    async def index(request: Request) -> Response:
        return await lookup_page.render_index(web, request)

    @cached
    async def table(request: Request) -> Response:
        return await lookup_page.render_table(web, request)

    @cached
    async def drg(request: Request) -> Response:
        return await drg_page.render(web, request)

    return [
        Route("/", search, name="web-search"),
        Route("/drg", drg, name="web-drg"),
        Route("/codes/{system}", system, name="web-system"),
        Route("/codes/{system}/{code}", code, name="web-code"),
        Route("/conditions", conditions, name="web-conditions"),
        Route("/conditions/{key}", condition, name="web-condition"),
        Route("/index/{book}", index, name="web-index"),
        Route("/tables/{table}", table, name="web-table"),
        Mount("/static", VersionedStaticFiles(directory=STATIC), name="web-static"),
    ]


def cached(endpoint: Endpoint) -> Endpoint:
    """Serve the page from the app's response cache (server.response_cache) when it holds it; keep a page
    rendered in full (200) for the next reader. Redirects, 404s and error pages are rendered every time.
    A full page carries an ETag of its request and the data's state (server.http_caching): a browser or CDN
    that sends it back gets a 304."""

    async def serve(request: Request) -> Response:
        cache: ResponseCache | None = getattr(request.app.state, "response_cache", None)
        lookup = cache.lookup_page(request) if cache is not None else None
        tag = entity_tag(lookup.key, cache.following) if cache and lookup and cache.following else None
        if tag is not None and not_modified(request.headers.get("if-none-match"), tag):
            response: Response = Response(status_code=304, headers={"X-Cache": "hit"})
        elif cache is None or lookup is None:
            response = await endpoint(request)
            response.headers["X-Cache"] = "bypass"
        elif (body := cache.get(lookup)) is not None:
            response = HTMLResponse(body, headers={"X-Cache": "hit"})
        else:
            response = await endpoint(request)
            if response.status_code == 200 and isinstance(response, HTMLResponse):
                cache.put(lookup, bytes(response.body))
            response.headers["X-Cache"] = "miss"
        if tag is not None and response.status_code in (200, 304):
            response.headers["ETag"] = tag
            response.headers["Cache-Control"] = PUBLIC
        else:
            response.headers["Cache-Control"] = NO_STORE
        return response

    return serve
