"""The FHIR resources that describe this server and its code systems (R4, fhirVersion 4.0.1)."""

from typing import Any

from server.fhir.concepts import LoadedSystem

FHIR_VERSION = "4.0.1"
SOFTWARE = {"name": "medgraph", "version": "0.1.0"}
# CodeSystem resources are served without their concepts (those are reached through the operations): FHIR's
# way of saying a resource was shortened is this tag.
SUBSETTED = {"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "SUBSETTED"}
OPERATIONS = {
    "CodeSystem": ("lookup", "validate-code", "subsumes"),
    "ValueSet": ("expand", "validate-code"),
    "ConceptMap": ("translate",),
}
PROPERTIES = (
    ("parent", "code", "The code's parent in the hierarchy (chapters, blocks and tables are not codes)"),
    ("child", "code", "A code directly below this one"),
    ("inactive", "boolean", "True when the code was terminated (HCPCS) and is kept for older records"),
    ("notSelectable", "boolean", "True for a header: a code with codes below it, not valid on a claim"),
    ("billable", "boolean", "True for a code valid on a claim"),
    ("effectiveDate", "dateTime", "When the code took effect, where the release says (HCPCS)"),
    ("terminationDate", "dateTime", "When the code was terminated, where the release says (HCPCS)"),
)


def parameters(parameter: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": parameter}


def failed(message: str) -> dict[str, Any]:
    """A `$validate-code` or `$translate` answer that says no, and why."""
    return parameters(
        [{"name": "result", "valueBoolean": False}, {"name": "message", "valueString": message}]
    )


def code_system(loaded: LoadedSystem, date: str) -> dict[str, Any]:
    fhir = loaded.fhir
    resource: dict[str, Any] = {
        "resourceType": "CodeSystem",
        "id": fhir.id,
        "meta": {"tag": [SUBSETTED]},
        "url": fhir.url,
        "version": loaded.version,
        "name": fhir.id.replace("-", "").upper(),
        "title": fhir.title,
        "status": "active",
        "description": f"{fhir.title}, release {loaded.release}, as loaded into this server.",
        "date": date,
        "publisher": fhir.publisher,
        "caseSensitive": False,
        "hierarchyMeaning": "is-a",
        "compositional": False,
        "content": "complete" if loaded.content_present else "not-present",
        "property": [{"code": code, "type": kind, "description": text} for code, kind, text in PROPERTIES],
    }
    if loaded.content_present:
        resource["count"] = loaded.code_count
    return resource


def bundle(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(resources),
        "entry": [{"resource": resource} for resource in resources],
    }


def capability_statement(date: str) -> dict[str, Any]:
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": date,
        "kind": "instance",
        "software": SOFTWARE,
        "implementation": {"description": "medgraph FHIR terminology facade over the medical-codes graph"},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "resource": [
                    {
                        "type": kind,
                        "interaction": [{"code": "read"}, {"code": "search-type"}]
                        if kind == "CodeSystem"
                        else [],
                        "operation": [
                            {
                                "name": name,
                                "definition": f"http://hl7.org/fhir/OperationDefinition/{kind}-{name}",
                            }
                            for name in names
                        ],
                    }
                    for kind, names in OPERATIONS.items()
                ],
            }
        ],
    }


def terminology_capabilities(systems: list[LoadedSystem], date: str) -> dict[str, Any]:
    return {
        "resourceType": "TerminologyCapabilities",
        "status": "active",
        "date": date,
        "kind": "instance",
        "software": SOFTWARE,
        "codeSystem": [
            {"uri": s.fhir.url, "version": [{"code": s.version, "isDefault": True}]} for s in systems
        ],
        "expansion": {
            "hierarchical": False,
            "paging": True,
            "incomplete": False,
            "textFilter": (
                "Words, as medgraph's search reads them: stemmed, typo-tolerant, the last word as a prefix."
            ),
        },
        "validateCode": {"translations": False},
        "translation": {"needsMap": False},
    }
