"""An operation's input parameters, from the query string (GET) or a `Parameters` resource (POST), as one
mapping of name → values. Values are text as a client typed them: nothing here is query syntax.

A Coding (`coding`, `codingA`, `codingB`) is read as its `system` and `code`; the other value types by the
one `value[x]` they carry. Sizes are bounded here, before anything reaches the graph or the search index.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.requests import Request

from server.fhir.errors import invalid

MAX_VALUE_CHARS = 500
MAX_PARAMETERS = 40
_VALUE_KEYS = (
    "valueCode",
    "valueUri",
    "valueCanonical",
    "valueString",
    "valueUrl",
    "valueInteger",
    "valueBoolean",
    "valueDateTime",
)


@dataclass(frozen=True, slots=True)
class Params:
    values: Mapping[str, tuple[str, ...]]
    codings: Mapping[str, tuple[str | None, str | None]]  # name → (system, code)

    def get(self, name: str) -> str | None:
        found = self.values.get(name)
        return found[0] if found else None

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.get(name)
        if value is not None:
            value = value.strip()
        if required and not value:
            raise invalid(f"The parameter '{name}' is required.", "required")
        return value or None

    def integer(self, name: str, default: int, lowest: int, highest: int) -> int:
        value = self.get(name)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise invalid(f"The parameter '{name}' must be a whole number.", "value") from None
        if not lowest <= number <= highest:
            raise invalid(f"The parameter '{name}' must be between {lowest} and {highest}.", "value")
        return number

    def coding(self, name: str) -> tuple[str | None, str | None]:
        return self.codings.get(name, (None, None))


async def read_params(request: Request) -> Params:
    if request.method == "POST":
        return _from_resource(await _json_body(request))
    pairs = request.query_params.multi_items()
    if len(pairs) > MAX_PARAMETERS:
        raise invalid(f"At most {MAX_PARAMETERS} parameters are accepted.")
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(_bounded(name, value))
    return Params({name: tuple(found) for name, found in values.items()}, {})


async def _json_body(request: Request) -> Any:
    body = await request.body()
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        raise invalid(
            "The request body is not JSON: send a Parameters resource as application/fhir+json."
        ) from None


def _from_resource(resource: Any) -> Params:
    if not isinstance(resource, dict) or resource.get("resourceType") != "Parameters":
        raise invalid("The request body must be a Parameters resource.")
    entries = resource.get("parameter") or []
    if not isinstance(entries, list) or len(entries) > MAX_PARAMETERS:
        raise invalid(f"Parameters.parameter must be a list of at most {MAX_PARAMETERS} entries.")
    values: dict[str, list[str]] = {}
    codings: dict[str, tuple[str | None, str | None]] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise invalid("Every Parameters.parameter needs a name.")
        name = entry["name"]
        if isinstance(entry.get("valueCoding"), dict):
            coding = entry["valueCoding"]
            codings[name] = (
                _optional_text(name, coding.get("system")),
                _optional_text(name, coding.get("code")),
            )
            continue
        for key in _VALUE_KEYS:
            if key in entry:
                values.setdefault(name, []).append(_bounded(name, _scalar(name, entry[key])))
                break
    return Params({name: tuple(found) for name, found in values.items()}, codings)


def _scalar(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    raise invalid(f"The parameter '{name}' has a value of the wrong type.", "value")


def _optional_text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(f"The parameter '{name}' has a Coding with a value of the wrong type.", "value")
    return _bounded(name, value)


def _bounded(name: str, value: str) -> str:
    if len(value) > MAX_VALUE_CHARS:
        raise invalid(f"The parameter '{name}' is longer than {MAX_VALUE_CHARS} characters.", "value")
    return value
