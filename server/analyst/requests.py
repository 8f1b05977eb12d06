"""An analyst's request, read from JSON (`POST /analyst/query`) or from the page's form, and bounded."""

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

MAX_QUERY_CHARS = 10_000


class BadRequest(ValueError):
    """The request is not a statement the console can run; the message says why."""


@dataclass(frozen=True, slots=True)
class AnalystRequest:
    query: str
    parameters: dict[str, Any]


def from_json(body: bytes) -> AnalystRequest:
    try:
        payload = json.loads(body)
    except ValueError:
        raise BadRequest('the body must be JSON: {"query": "...", "parameters": {...}}') from None
    if not isinstance(payload, dict):
        raise BadRequest('the body must be a JSON object: {"query": "...", "parameters": {...}}')
    return _checked(payload.get("query"), payload.get("parameters") or {})


def from_form(body: bytes) -> tuple[AnalystRequest, str | None]:
    """The request of the page's form, and the key typed into it (if any)."""
    fields = {name: values[0] for name, values in parse_qs(body.decode(errors="replace")).items()}
    text = fields.get("parameters", "").strip() or "{}"
    try:
        parameters = json.loads(text)
    except ValueError:
        raise BadRequest('the parameters must be a JSON object, such as {"uid": "CPT:37188"}') from None
    return _checked(fields.get("query"), parameters), fields.get("key") or None


def _checked(query: object, parameters: object) -> AnalystRequest:
    if not isinstance(query, str) or not query.strip():
        raise BadRequest("the query is empty: give a Cypher statement in `query`")
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequest(f"the query is longer than {MAX_QUERY_CHARS:,} characters")
    if not isinstance(parameters, dict):
        raise BadRequest("the parameters must be a JSON object")
    return AnalystRequest(query=query, parameters=parameters)
