"""The routes of the web pages, for `create_app` to include: `Starlette(routes=[…, *web_routes()])`."""

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from schema import schema as public_schema
from server.web import code_page, condition_page, search_page
from server.web.rendering import STATIC
from server.web.web import Web


def web_routes(schema: strawberry.Schema = public_schema) -> list[BaseRoute]:
    web = Web(schema)

    async def search(request: Request) -> Response:
        return await search_page.render(web, request)

    async def code(request: Request) -> Response:
        return await code_page.render(web, request)

    async def condition(request: Request) -> Response:
        return await condition_page.render(web, request)

    return [
        Route("/", search, name="web-search"),
        Route("/codes/{system}/{code}", code, name="web-code"),
        Route("/conditions/{key}", condition, name="web-condition"),
        Mount("/static", StaticFiles(directory=STATIC), name="web-static"),
    ]
