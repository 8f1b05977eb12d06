"""How `/graphql` answers over HTTP where Strawberry's defaults fall short.

- Requests refused before any GraphQL runs (a body that is not JSON or not a JSON object, an unsupported
  content type, a batch, a mutation over GET, a method other than GET and POST) get their 4xx status with a
  JSON body, `{"errors": [{"message": …, "extensions": {"code": "BAD_REQUEST"}}]}`, like every other error of
  the API. Strawberry answers these in plain text, and answers a JSON body that is a string or a number, bytes
  that are not UTF-8, or absurdly nested JSON with a 500. Strings with an unpaired surrogate (`"\ud800"`,
  valid JSON but not valid Unicode) are refused here too: the database driver cannot encode them.
- A response whose every error is DATABASE_UNAVAILABLE is a 503 with Retry-After: the request was fine and may
  be sent again shortly (load balancers and clients retry on 503, not on a 200 that holds errors).
- Successful reads are answered from a `ResponseCache` when one is given (server.response_cache); the
  `X-Cache` header says `hit`, `miss` (computed, and kept if it may be) or `bypass` (not cacheable).
"""

import json
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema import BaseSchema

from schema.context import Context
from server.response_cache import ResponseCache

RETRY_AFTER_SECONDS = 5
HTTP_ERROR_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE"}


class GraphQLOverHTTP(GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, cache: ResponseCache | None = None, **options: Any) -> None:
        super().__init__(schema, **options)
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request, cache = Request(scope, receive=receive), self.cache
        lookup = await cache.lookup(request) if cache is not None else None
        if cache is None or lookup is None:
            response = await self.answer(request)
            response.headers["X-Cache"] = "bypass"
        elif (body := cache.get(lookup)) is not None:
            response = Response(body, media_type="application/json", headers={"X-Cache": "hit"})
        else:
            response = await self.answer(request)
            if getattr(response, "cacheable", False):
                cache.put(lookup, bytes(response.body))
            response.headers["X-Cache"] = "miss"
        await response(scope, receive, send)

    async def answer(self, request: Request) -> Response:
        try:
            return await self.run(request)
        except HTTPException as exc:
            return refusal(exc.reason, exc.status_code)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            decoded = json.loads(data)
        except (ValueError, RecursionError) as exc:  # ValueError: also bytes that are not UTF-8
            raise HTTPException(400, "Unable to parse request body as JSON") from exc
        if not isinstance(decoded, dict | list):  # a list is a batch, which Strawberry refuses with a 400
            raise HTTPException(400, 'Expected a JSON object, such as {"query": "{ codeSystems { id } }"}')
        try:  # JSON may escape half a surrogate pair (\ud800), which no UTF-8 consumer (the driver) takes
            json.dumps(decoded, ensure_ascii=False).encode()
        except UnicodeEncodeError as exc:
            raise HTTPException(400, "The request holds an unpaired surrogate: not valid Unicode") from exc
        return decoded

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        if database_down(response_data):
            response.status_code = 503
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        # Only a complete answer may be served again: errors may pass (a timeout) or depend on the moment.
        complete = not isinstance(response_data, list) and "errors" not in response_data
        response.cacheable = complete and response.status_code == 200  # type: ignore[attr-defined]
        return response


def refusal(message: str, status_code: int) -> JSONResponse:
    code = HTTP_ERROR_CODES.get(status_code, "BAD_REQUEST")
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code)


def database_down(response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse]) -> bool:
    """True when the response has errors and every one of them is DATABASE_UNAVAILABLE."""
    if isinstance(response_data, list):
        return False  # batches are refused before they run
    errors = response_data.get("errors") or []
    return bool(errors) and all(_code(error) == "DATABASE_UNAVAILABLE" for error in errors)


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, dict) else None
    return extensions.get("code") if isinstance(extensions, dict) else None
