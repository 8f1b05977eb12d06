"""`ValueSet/$expand` and `ValueSet/$validate-code` for the implicit value sets of each code system:
`<system url>?fhir_vs` (every code) and `<system url>?fhir_vs=isa/<code>` (the code and every code below it).

The graph gives the set (a code's descendants), the search index pages it and answers `filter` with the same
matching as search; chapters, blocks, tables and range headings are never members.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.reads.codes import ancestors
from graph.reads.terminology import descendant_concepts, system_headers
from graph.search.errors import SearchInputError
from graph.search.service import SearchService
from graph.timestamps import utc_now
from server.fhir.concepts import LoadedSystem, find, loaded_system, require_content
from server.fhir.errors import FhirError, invalid, not_found
from server.fhir.lookup import validation
from server.fhir.params import Params
from server.fhir.resources import failed
from server.fhir.systems import HEADER_KINDS, is_concept

DEFAULT_COUNT = 100
MAX_COUNT = 1000
MAX_OFFSET = 100_000
MAX_MEMBERS = 100_000  # a subtree larger than any system's is refused before the index is asked


@dataclass(frozen=True, slots=True)
class ImplicitValueSet:
    url: str
    loaded: LoadedSystem
    root_uid: str | None  # None: every code of the system
    root_is_code: bool = False  # the root itself is a member (not a chapter, block, table or heading)


def implicit_value_set(graph: Graph, url: str | None) -> ImplicitValueSet:
    if not url:
        raise invalid(
            "The parameter 'url' is required: an implicit value set such as "
            "http://hl7.org/fhir/sid/icd-10-cm?fhir_vs=isa/I82.4.",
            "required",
        )
    base, _, query = url.partition("?")
    loaded = loaded_system(graph, base)
    require_content(loaded)
    if query == "fhir_vs":
        return ImplicitValueSet(url, loaded, None)
    kind, _, code = query.removeprefix("fhir_vs=").partition("/")
    if not query.startswith("fhir_vs=") or kind != "isa" or not code:
        raise FhirError(
            400,
            "not-supported",
            f"Only the implicit value sets {base}?fhir_vs and "
            f"{base}?fhir_vs=isa/<code> are supported, not {url[:160]!r}.",
        )
    found = find(graph, loaded, code)
    if found is None:
        raise not_found(f"{code[:40]!r} is not a code of {loaded.fhir.title} {loaded.version}.")
    return ImplicitValueSet(url, loaded, found.row.uid, is_concept(found.row.kind))


def expand(graph: Graph, search: SearchService, params: Params) -> dict[str, Any]:
    value_set = implicit_value_set(graph, params.text("url", required=True))
    text = params.text("filter")
    offset = params.integer("offset", 0, 0, MAX_OFFSET)
    count = params.integer("count", DEFAULT_COUNT, 0, MAX_COUNT)
    system = value_set.loaded.fhir.system.value
    within: list[str] | None = None
    if value_set.root_uid is not None:
        within = descendant_concepts(graph, value_set.root_uid, HEADER_KINDS)[:MAX_MEMBERS]
        if value_set.root_is_code:
            within.append(value_set.root_uid)
    excluded = system_headers(graph, system, HEADER_KINDS) if within is None else []
    try:
        page = search.index.expand(
            system, within=within, excluded=excluded, text=text, offset=offset, count=max(count, 1)
        )
    except SearchInputError as exc:
        raise invalid(f"filter: {exc}", "value") from None
    contains = [_entry(value_set.loaded, head) for head in page.heads[:count]]
    used = [{"name": "offset", "valueInteger": offset}, {"name": "count", "valueInteger": count}]
    if text:
        used.append({"name": "filter", "valueString": text})
    identity = f"{search.version}|{value_set.url}|{text}|{offset}|{count}"
    return {
        "resourceType": "ValueSet",
        "url": value_set.url,
        "status": "active",
        "expansion": {
            "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, identity)}",
            "timestamp": utc_now(),
            "total": page.total,
            "offset": offset,
            "parameter": used,
            "contains": contains,
        },
    }


def validate_code(graph: Graph, params: Params) -> dict[str, Any]:
    value_set = implicit_value_set(graph, params.text("url", required=True))
    coding_system, coding_code = params.coding("coding")
    system = params.text("system") or coding_system or value_set.loaded.fhir.url
    if system != value_set.loaded.fhir.url:
        url = value_set.loaded.fhir.url
        return failed(f"The value set {value_set.url} holds codes of {url} only, not of {system[:120]}.")
    answer = validation(graph, value_set.loaded, params.text("code") or coding_code, params.text("display"))
    if value_set.root_uid is None or not _valid(answer):
        return answer
    found = find(graph, value_set.loaded, params.text("code") or coding_code)
    assert found is not None  # validation found it
    uid = found.row.uid
    if uid != value_set.root_uid and value_set.root_uid not in ancestors(graph, [uid]).get(uid, []):
        root = value_set.root_uid.partition(":")[2]
        title = value_set.loaded.fhir.title
        return failed(f"{found.row.code} is a code of {title} but not one of {root} or below it.")
    return answer


def _valid(answer: dict[str, Any]) -> bool:
    return any(p["name"] == "result" and p.get("valueBoolean") is True for p in answer["parameter"])


def _entry(loaded: LoadedSystem, head: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "system": loaded.fhir.url,
        "version": loaded.version,
        "code": head["code"],
        "display": head["title"],
    }
    if head.get("active") is False:
        entry["inactive"] = True
    return entry
