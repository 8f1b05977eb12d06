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
- Content negotiation (server.media_types): `application/graphql-response+json` when accepted, with a 400 and
  no `data` for a request that never executed; `Vary: Accept` always.
- HTTP caching (server.http_caching): a cacheable GET carries an `ETag` of the request and the data's state
  and `Cache-Control: public, max-age…`; `If-None-Match` with that tag answers 304. Everything else is
  `no-store`.
- Automatic persisted queries (server.persisted_queries): `extensions.persistedQuery` by POST or GET.
"""

import json
from dataclasses import replace
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from schema.context import Context
from schema.errors import ErrorCode
from server.http_caching import NO_STORE, PUBLIC, entity_tag, not_modified
from server.media_types import GRAPHQL_RESPONSE, JSON, negotiate
from server.persisted_queries import PersistedQueries, PersistedQueryError
from server.response_cache import Lookup, ResponseCache

RETRY_AFTER_SECONDS = 5
HTTP_ERROR_CODES = {
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
}


class GraphQLOverHTTP(GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, cache: ResponseCache | None = None, **options: Any) -> None:
        super().__init__(schema, **options)
        self.cache = cache
        self.persisted = PersistedQueries()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request, cache = Request(scope, receive=receive), self.cache
        media_type = negotiate(request.headers.get("accept"))
        lookup = await cache.lookup(request) if cache is not None else None
        tag = self._entity_tag(request, lookup)
        if tag is not None and not_modified(request.headers.get("if-none-match"), tag):
            response = Response(status_code=304, headers={"X-Cache": "hit"})
        elif cache is None or lookup is None:
            response = await self.answer(request, media_type)
            response.headers["X-Cache"] = "bypass"
        elif (body := cache.get(lookup)) is not None:
            response = Response(body, media_type=media_type, headers={"X-Cache": "hit"})
        else:
            response = await self.answer(request, media_type)
            if getattr(response, "cacheable", False):
                cache.put(lookup, bytes(response.body))
            response.headers["X-Cache"] = "miss"
        # Only a complete answer to a GET may be kept by others: one served from the cache or fit for it.
        if tag is not None and (
            response.headers["X-Cache"] == "hit" or getattr(response, "cacheable", False)
        ):
            response.headers["ETag"] = tag
            response.headers["Cache-Control"] = PUBLIC
        else:
            response.headers["Cache-Control"] = NO_STORE
        response.headers["Vary"] = "Accept"
        await response(scope, receive, send)

    def _entity_tag(self, request: Request, lookup: Lookup | None) -> str | None:
        """The tag of a GET whose answer may be cached, once the app follows a state of the data."""
        if request.method != "GET" or lookup is None or self.cache is None or self.cache.following is None:
            return None
        return entity_tag(lookup.key, self.cache.following)

    async def answer(self, request: Request, media_type: str = JSON) -> Response:
        try:
            response = await self.run(request)
        except HTTPException as exc:
            return refusal(exc.reason, exc.status_code)
        except PersistedQueryError as exc:
            return refusal(str(exc), exc.status, exc.code)
        if media_type == GRAPHQL_RESPONSE:
            response.headers["content-type"] = GRAPHQL_RESPONSE
            if getattr(request.state, "not_executed", False):
                return _without_data(response)
        return response

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET that names a persisted query by its hash is a read, not a visit to the IDE.
        return "extensions" not in request.query_params and super().should_render_graphql_ide(request)

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> Any:
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData) and data.extensions:
            query = self.persisted.resolve(data.query, data.extensions)
            return replace(data, query=query)
        return data

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        if isinstance(result, PreExecutionError) or (result.data is None and _variables_refused(result)):
            request.state.not_executed = True
        return await super().process_result(request, result)

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

    def encode_json(self, data: object) -> bytes:
        # A code page's document answers 20-55 KB of JSON: 0.2-0.9 ms in the standard library's encoder,
        # 0.01-0.02 ms in orjson (which writes UTF-8 as it is, where json escaped it).
        return orjson.dumps(data)

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


def refusal(message: str, status_code: int, code: str | None = None) -> JSONResponse:
    code = code or HTTP_ERROR_CODES.get(status_code, ErrorCode.BAD_REQUEST)
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code)


def _without_data(response: Response) -> Response:
    """A request error in the GraphQL-over-HTTP media type: 400, and no `data` entry at all."""
    body = json.loads(bytes(response.body))
    body.pop("data", None)
    return Response(json.dumps(body).encode(), status_code=400, media_type=GRAPHQL_RESPONSE)


def _variables_refused(result: ExecutionResult) -> bool:
    """graphql-core refuses variables that do not coerce before it executes anything."""
    errors = result.errors or []
    return bool(errors) and all(error.message.startswith("Variable '$") for error in errors)


def database_down(response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse]) -> bool:
    """True when the response has errors and every one of them is DATABASE_UNAVAILABLE."""
    if isinstance(response_data, list):
        return False  # batches are refused before they run
    errors = response_data.get("errors") or []
    return bool(errors) and all(_code(error) == ErrorCode.DATABASE_UNAVAILABLE for error in errors)


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, dict) else None
    return extensions.get("code") if isinstance(extensions, dict) else None
