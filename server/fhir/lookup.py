"""`CodeSystem/$lookup`, `CodeSystem/$validate-code` and `CodeSystem/$subsumes` over the graph's reads."""

from typing import Any

from graph.driver import Graph
from graph.reads.codes import CodeRow, ancestors, children, codes_by_uid, parents
from server.fhir.concepts import FoundCode, LoadedSystem, find, loaded_system, require_content
from server.fhir.errors import invalid, not_found
from server.fhir.params import Params
from server.fhir.resources import failed, parameters
from server.fhir.systems import is_concept

# SNOMED CT's "Synonym" designation use: the short title is another name of the same concept.
SYNONYM_USE = {"system": "http://snomed.info/sct", "code": "900000000000013009", "display": "Synonym"}


def lookup(graph: Graph, params: Params) -> dict[str, Any]:
    loaded, typed = _system_and_code(graph, params)
    require_content(loaded)
    found = find(graph, loaded, typed)
    if found is None or not is_concept(found.row.kind):
        raise not_found(_unknown(loaded, typed, found))
    row = found.row
    parent = parents(graph, [row.uid]).get(row.uid)
    kids = children(graph, [row.uid]).get(row.uid, [])
    out: list[dict[str, Any]] = [
        {"name": "name", "valueString": loaded.fhir.title},
        {"name": "version", "valueString": loaded.version},
        {"name": "display", "valueString": row.title},
    ]
    if row.short_title and row.short_title != row.title:
        out.append(
            {
                "name": "designation",
                "part": [
                    {"name": "use", "valueCoding": SYNONYM_USE},
                    {"name": "value", "valueString": row.short_title},
                ],
            }
        )
    if parent is not None and is_concept(_kind_of(graph, parent)):
        out.append(_property("parent", {"valueCode": _code_of(parent)}))
    for child in kids:
        out.append(_property("child", {"valueCode": _code_of(child)}))
    out.extend(_status_properties(row))
    if (warning := found.form_warning()) is not None:
        out.append({"name": "message", "valueString": warning})
    return parameters(out)


def validate_code(graph: Graph, params: Params) -> dict[str, Any]:
    loaded, typed = _system_and_code(graph, params, url_name="url")
    return validation(graph, loaded, typed, params.text("display"))


def validation(graph: Graph, loaded: LoadedSystem, typed: str | None, display: str | None) -> dict[str, Any]:
    """The answer of a `$validate-code`: whether `typed` is a code of the system, with its display."""
    require_content(loaded)
    found = find(graph, loaded, typed)
    if found is None or not is_concept(found.row.kind):
        return failed(_unknown(loaded, typed, found))
    row = found.row
    messages = [message for message in (found.form_warning(), _inactive(row)) if message]
    result = True
    if display is not None and display.casefold() != row.title.casefold():
        result = False
        messages.insert(0, f"The display {display[:120]!r} is not the display of {row.code}: {row.title!r}.")
    out: list[dict[str, Any]] = [
        {"name": "result", "valueBoolean": result},
        {"name": "code", "valueCode": row.code},
        {"name": "system", "valueUri": loaded.fhir.url},
        {"name": "version", "valueString": loaded.version},
        {"name": "display", "valueString": row.title},
    ]
    if not row.active:
        out.append({"name": "inactive", "valueBoolean": True})
    if messages:
        out.append({"name": "message", "valueString": " ".join(messages)})
    return parameters(out)


def subsumes(graph: Graph, params: Params) -> dict[str, Any]:
    system_a, code_a = params.coding("codingA")
    system_b, code_b = params.coding("codingB")
    url = params.text("system") or system_a or system_b
    if system_a and system_b and system_a != system_b:
        raise invalid("codingA and codingB must be of the same code system.")
    loaded = loaded_system(graph, url, params.text("version"))
    require_content(loaded)
    first = _existing(graph, loaded, params.text("codeA") or code_a, "codeA")
    second = _existing(graph, loaded, params.text("codeB") or code_b, "codeB")
    if first.row.uid == second.row.uid:
        outcome = "equivalent"
    elif first.row.uid in ancestors(graph, [second.row.uid]).get(second.row.uid, []):
        outcome = "subsumes"
    elif second.row.uid in ancestors(graph, [first.row.uid]).get(first.row.uid, []):
        outcome = "subsumed-by"
    else:
        outcome = "not-subsumed"
    return parameters([{"name": "outcome", "valueCode": outcome}])


def _system_and_code(
    graph: Graph, params: Params, url_name: str = "system"
) -> tuple[LoadedSystem, str | None]:
    coding_system, coding_code = params.coding("coding")
    url = params.text(url_name) or params.text("system") or coding_system
    loaded = loaded_system(graph, url, params.text("version"))
    return loaded, params.text("code") or coding_code


def _existing(graph: Graph, loaded: LoadedSystem, typed: str | None, name: str) -> FoundCode:
    if not typed:
        raise invalid(f"The parameter '{name}' is required.", "required")
    found = find(graph, loaded, typed)
    if found is None or not is_concept(found.row.kind):
        raise not_found(_unknown(loaded, typed, found))
    return found


def _unknown(loaded: LoadedSystem, typed: str | None, found: FoundCode | None) -> str:
    if found is not None:  # a chapter, block, table or range heading
        kind = found.row.kind.replace("_", " ")
        return f"{found.row.code} is a {kind} of {loaded.fhir.title}: it groups codes but is not a code."
    return f"{str(typed)[:40]!r} is not a code of {loaded.fhir.title} {loaded.version}."


def _inactive(row: CodeRow) -> str | None:
    if row.active:
        return None
    ended = f" on {row.termination_date}" if row.termination_date else ""
    return f"{row.code} was terminated{ended}: it is inactive, kept for older records."


def _status_properties(row: CodeRow) -> list[dict[str, Any]]:
    found = [
        _property("inactive", {"valueBoolean": not row.active}),
        _property("notSelectable", {"valueBoolean": not row.billable}),
        _property("billable", {"valueBoolean": row.billable}),
    ]
    if row.effective_date:
        found.append(_property("effectiveDate", {"valueDateTime": row.effective_date}))
    if row.termination_date:
        found.append(_property("terminationDate", {"valueDateTime": row.termination_date}))
    return found


def _property(code: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"name": "property", "part": [{"name": "code", "valueCode": code}, {"name": "value", **value}]}


def _code_of(uid: str) -> str:
    return uid.partition(":")[2]


def _kind_of(graph: Graph, uid: str) -> str:
    row = codes_by_uid(graph, [uid]).get(uid)
    return row.kind if row is not None else "code"
