"""Code sets for FHIR expansions: a code's descendants, a system's headers. Uids, collected in one row."""

from collections.abc import Sequence

from graph.driver import Graph
from graph.queries import terminology as q


def descendant_concepts(graph: Graph, uid: str, headers: Sequence[str]) -> list[str]:
    rows = graph.read(q.DESCENDANT_CONCEPTS, uid=uid, headers=list(headers))
    return list(rows[0]["uids"]) if rows else []


def system_headers(graph: Graph, system: str, headers: Sequence[str]) -> list[str]:
    rows = graph.read(q.SYSTEM_HEADERS, system=system, headers=list(headers))
    return list(rows[0]["uids"]) if rows else []
