import hashlib
from dataclasses import dataclass

from graph.driver import Graph
from graph.queries.graph_state import (
    CODE_KEYS,
    COUNT_CODES,
    DATA_VERSION,
    EDGE_KEYS,
    LABEL_COUNTS,
    RELATIONSHIP_COUNTS,
)


def is_empty(graph: Graph) -> bool:
    codes: int = graph.read(COUNT_CODES)[0]["codes"]
    return codes == 0


def data_version(graph: Graph) -> str | None:
    """Changes whenever a load or a curation write changes the graph; derived views key on it."""
    rows = graph.read(DATA_VERSION)
    return rows[0]["version"] if rows else None


@dataclass(frozen=True, slots=True)
class Fingerprint:
    labels: dict[str, int]
    relationships: dict[str, int]
    codes_digest: str
    edges_digest: str


def fingerprint(graph: Graph) -> Fingerprint:
    """What the graph holds, independent of when it was loaded: equal fingerprints mean equal content."""
    return Fingerprint(
        labels={row["label"]: row["n"] for row in graph.read(LABEL_COUNTS)},
        relationships={row["type"]: row["n"] for row in graph.read(RELATIONSHIP_COUNTS)},
        codes_digest=_digest(graph.read(CODE_KEYS)[0]["keys"]),
        edges_digest=_digest(graph.read(EDGE_KEYS)[0]["keys"]),
    )


def _digest(keys: list[str]) -> str:
    digest = hashlib.sha256()
    for key in sorted(keys):
        digest.update(key.encode())
        digest.update(b"\n")
    return digest.hexdigest()
