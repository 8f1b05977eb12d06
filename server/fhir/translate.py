"""`ConceptMap/$translate` over the graph's crosswalks (`MAPS_TO`), read in both directions.

The curated CPT ↔ ICD-10-PCS crosswalks say whether they are approximate: an approximate one is `relatedto`
(the codes describe related, not the same, procedures), an exact one `equivalent`. CPT codes are given without
a display: medgraph's plain titles are not the AMA's descriptors.
"""

from typing import Any

from graph.driver import Graph
from graph.model import System
from graph.reads.codes import codes_by_uid, mappings
from server.fhir.concepts import find, loaded_system
from server.fhir.errors import invalid
from server.fhir.params import Params
from server.fhir.resources import failed, parameters
from server.fhir.systems import BY_SYSTEM, BY_URL


def translate(graph: Graph, params: Params) -> dict[str, Any]:
    coding_system, coding_code = params.coding("coding")
    loaded = loaded_system(graph, params.text("system") or coding_system, params.text("version"))
    target_url = params.text("targetsystem")
    if target_url is not None and target_url not in BY_URL:
        raise invalid(f"Unknown target system {target_url[:120]!r}.", "value")
    found = find(graph, loaded, params.text("code") or coding_code)
    if found is None:
        typed = params.text("code") or coding_code or ""
        return failed(f"{typed[:40]!r} is not a code of {loaded.fhir.title}.")
    # A GEM's "no map" names no code: it is not a match.
    links = [link for link in mappings(graph, [found.row.uid]).get(found.row.uid, []) if link.uid]
    rows = codes_by_uid(graph, [link.uid for link in links if link.uid])
    matches = []
    for link in links:
        row = rows.get(link.uid or "")
        if row is None:
            continue
        target = BY_SYSTEM[System(row.system)]
        if target_url is not None and target.url != target_url:
            continue
        concept: dict[str, Any] = {"system": target.url, "code": row.code}
        if target.system is not System.CPT:
            concept["display"] = row.title
        matches.append(
            {
                "name": "match",
                "part": [
                    {"name": "equivalence", "valueCode": "relatedto" if link.approximate else "equivalent"},
                    {"name": "concept", "valueCoding": concept},
                    {"name": "source", "valueUri": f"urn:medgraph:crosswalk:{link.source or 'curated'}"},
                ],
            }
        )
    if not matches:
        return failed(
            f"No crosswalk from {found.row.code} of {loaded.fhir.title} is loaded"
            + (f" into {BY_URL[target_url].title}." if target_url else ".")
        )
    return parameters([{"name": "result", "valueBoolean": True}, *matches])
