"""The FHIR R4 terminology facade at `/fhir`: a sibling of GraphQL over the same graph reads and search index.

Every answer is `application/fhir+json`; `_format` and `Accept` may ask for JSON (`json`, `application/json`,
`application/fhir+json`) and nothing else. Every failure is an OperationOutcome with its HTTP status.
"""

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from graph.driver import Graph
from graph.errors import GraphError
from graph.timestamps import utc_now
from server.fhir import lookup, translate, valueset
from server.fhir.concepts import loaded_systems
from server.fhir.errors import FhirError, not_found, outcome
from server.fhir.params import Params, read_params
from server.fhir.resources import bundle, capability_statement, code_system, terminology_capabilities
from server.fhir.systems import BY_ID
from server.state import graph_of, search_of

MEDIA_TYPE = "application/fhir+json"
JSON_FORMATS = frozenset({"json", "application/json", "application/fhir+json", MEDIA_TYPE})
Operation = Callable[[Request, Params], dict[str, Any]]


def fhir_routes() -> list[BaseRoute]:
    return [
        Mount(
            "/fhir",
            routes=[
                Route("/metadata", endpoint(metadata), methods=["GET"]),
                Route("/CodeSystem", endpoint(code_systems), methods=["GET"]),
                Route("/CodeSystem/$lookup", endpoint(_graph_op(lookup.lookup)), methods=["GET", "POST"]),
                Route(
                    "/CodeSystem/$validate-code",
                    endpoint(_graph_op(lookup.validate_code)),
                    methods=["GET", "POST"],
                ),
                Route("/CodeSystem/$subsumes", endpoint(_graph_op(lookup.subsumes)), methods=["GET", "POST"]),
                Route("/CodeSystem/{id}", endpoint(read_code_system), methods=["GET"]),
                Route("/ValueSet/$expand", endpoint(expand), methods=["GET", "POST"]),
                Route(
                    "/ValueSet/$validate-code",
                    endpoint(_graph_op(valueset.validate_code)),
                    methods=["GET", "POST"],
                ),
                Route(
                    "/ConceptMap/$translate",
                    endpoint(_graph_op(translate.translate)),
                    methods=["GET", "POST"],
                ),
            ],
        )
    ]


def endpoint(operation: Operation) -> Callable[[Request], Awaitable[Response]]:
    async def serve(request: Request) -> Response:
        try:
            _check_format(request)
            params = await read_params(request)
            resource = await run_in_threadpool(operation, request, params)
            return _response(resource, 200)
        except FhirError as exc:
            return _response(outcome(exc.code, exc.text), exc.status)
        except GraphError as exc:
            return _response(outcome("transient", f"The graph is not answering: {exc}"), 503)

    return serve


def metadata(request: Request, params: Params) -> dict[str, Any]:
    if params.text("mode") == "terminology":
        return terminology_capabilities(loaded_systems(graph_of(request)), utc_now())
    return capability_statement(utc_now())


def code_systems(request: Request, params: Params) -> dict[str, Any]:
    now = utc_now()
    url = params.text("url")
    loaded = loaded_systems(graph_of(request))
    return bundle([code_system(s, now) for s in loaded if url in (None, s.fhir.url)])


def read_code_system(request: Request, params: Params) -> dict[str, Any]:
    wanted = BY_ID.get(request.path_params["id"])
    for loaded in loaded_systems(graph_of(request)):
        if wanted is not None and loaded.fhir.system is wanted.system:
            return code_system(loaded, utc_now())
    raise not_found(f"CodeSystem/{request.path_params['id'][:40]} is not on this server.")


def expand(request: Request, params: Params) -> dict[str, Any]:
    return valueset.expand(graph_of(request), search_of(request), params)


def _graph_op(operation: Callable[[Graph, Params], dict[str, Any]]) -> Operation:
    return lambda request, params: operation(graph_of(request), params)


def _check_format(request: Request) -> None:
    wanted = request.query_params.get("_format")
    if wanted is not None and wanted.split(";")[0].strip() not in JSON_FORMATS:
        raise FhirError(406, "not-supported", "This server answers in JSON only (_format=json).")
    accept = request.headers.get("accept")
    if accept and not any(
        kind.split(";")[0].strip() in JSON_FORMATS | {"*/*", "application/*"} for kind in accept.split(",")
    ):
        raise FhirError(
            406, "not-supported", "This server answers in JSON only: accept application/fhir+json."
        )


def _response(resource: dict[str, Any], status: int) -> Response:
    return Response(orjson.dumps(resource), status_code=status, media_type=MEDIA_TYPE)
