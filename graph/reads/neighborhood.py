"""A code's neighbourhood as a small graph, ready to draw: nodes within `depth` hops, at most `limit` of them.

Breadth first, one statement per hop, then one for the nodes' text and one for the edges, all in one read
transaction. When a hop finds more nodes than the limit leaves room for, the nodes reached by the more
important relationship win (a repeat-of or a parent before a risk, a risk before a benefit), then the smaller
id: the same question always draws the same picture. A node shows at most its first 25 children in code
order, and axis values are drawn but not walked through. The edges are every relationship among the chosen
nodes (the neighbours' links to each other too), so no edge dangles.
"""

from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.driver import Graph, rows
from graph.queries import neighborhood as q

MAX_DEPTH = 3
MAX_LIMIT = 500
CHILDREN_PER_NODE = 25  # children are read in code order; a PCS table has up to 1,560

CODE = "Code"
# Labels drawn, besides codes; a node is keyed `<Label>:<key>`. Monographs (prose) are not drawn.
CONCEPT_KINDS = ("Condition", "Risk", "Benefit", "PersonnelRole", "Setting", "Treatment", "Drug", "PcsValue")
DRAWN_KINDS = (CODE, *CONCEPT_KINDS)
NOT_EXPANDED = frozenset({"PcsValue"})  # tens of thousands of PCS codes share one axis value

# (relationship type, leaves the node being expanded) -> rank when the limit forces a choice; lower first.
IMPORTANCE: dict[tuple[str, bool], int] = {
    ("RELATED", True): 0,
    ("RELATED", False): 0,
    ("CHILD_OF", True): 1,  # the parent
    ("INDICATED_FOR", True): 1,
    ("HAS_ALTERNATIVE", True): 1,
    ("CODED_AS", False): 1,  # the condition or drug a code expresses
    ("MAPS_TO", True): 2,
    ("MAPS_TO", False): 2,
    ("HAS_ALTERNATIVE", False): 2,
    ("HAS_RISK", True): 2,
    ("INDICATED_FOR", False): 2,  # procedures for a condition
    ("CODED_AS", True): 2,  # codes of a condition or drug
    ("ROOT_OPERATION", True): 2,
    ("BODY_PART", True): 2,
    ("PERFORMED_BY", True): 3,
    ("PERFORMED_IN", True): 3,
    ("USES_DRUG", True): 3,
    ("CHILD_OF", False): 3,  # children
    ("CODE_FIRST", True): 3,
    ("CODE_ALSO", True): 3,
    ("USE_ADDITIONAL", True): 3,
    ("APPROACH", True): 3,
    ("DEVICE", True): 3,
    ("QUALIFIER", True): 3,
    ("EXCLUDES1", True): 4,
    ("EXCLUDES2", True): 4,
    ("HAS_BENEFIT", True): 4,
}
LEAST_IMPORTANT = 5  # the reverse of a concept link (codes sharing a risk …) and notes naming this code


@dataclass(frozen=True, slots=True)
class SubgraphNode:
    id: str  # a code's uid, or "<Label>:<key>" for a concept ("Condition:deep-vein-thrombosis")
    label: str  # display text: the code, or the concept's name (an axis value's meaning)
    kind: str  # "Code" or the concept's label
    system: str | None  # codes only
    title: str | None  # longer text: a code's title, an axis value's axis
    depth: int  # hops from the centre


@dataclass(frozen=True, slots=True)
class SubgraphEdge:
    source: str
    target: str
    type: str  # the relationship type
    detail: str | None  # RELATED's type ("repeat-of"), "approximate" for an approximate crosswalk


@dataclass(frozen=True, slots=True)
class Subgraph:
    nodes: tuple[SubgraphNode, ...]  # the centre first, then by depth and importance
    edges: tuple[SubgraphEdge, ...]  # ordered by source, target, type
    truncated: bool  # the limit left out nodes within the depth (children past the 25 per node do not count)


def neighborhood(graph: Graph, uid: str, depth: int = 1, limit: int = 100) -> Subgraph:
    """The nodes within `depth` hops of the code `uid` (at most `limit`, the centre included) and every
    relationship among them; an unknown code has an empty neighbourhood."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return graph.read_tx(lambda tx: _walk(tx, uid, depth, limit))


@dataclass(frozen=True, slots=True)
class _Place:
    id: str
    kind: str
    depth: int


def _walk(tx: ManagedTransaction, uid: str, depth: int, limit: int) -> Subgraph:
    found = rows(tx, q.NEIGHBORHOOD_CENTRE, {"uid": uid})
    if not found:
        return Subgraph(nodes=(), edges=(), truncated=False)
    chosen = {found[0]["id"]: _Place(id=uid, kind=CODE, depth=0)}
    frontier = [found[0]["id"]]
    truncated = False
    for hop in range(1, depth + 1):
        (found_edges,) = rows(tx, q.NEIGHBORHOOD_EXPAND, {"ids": frontier, "children": CHILDREN_PER_NODE})
        candidates = _candidates(found_edges["edges"], chosen, hop)
        room = limit - len(chosen)
        picked = sorted(candidates.items(), key=lambda item: item[1][0])[:room]
        truncated = truncated or len(candidates) > room
        chosen.update((element_id, place) for element_id, (_, place) in picked)
        frontier = [element_id for element_id, (_, place) in picked if place.kind not in NOT_EXPANDED]
        if not frontier:
            break
    ids = list(chosen)
    (drawn,) = rows(tx, q.NEIGHBORHOOD_DRAWN, {"ids": ids})
    props = {node["id"]: node for node in drawn["nodes"]}
    nodes = tuple(_node(props[element_id], place) for element_id, place in chosen.items())
    return Subgraph(nodes=nodes, edges=_edges(drawn["edges"], chosen), truncated=truncated)


def _candidates(
    edges: list[dict[str, Any]], chosen: dict[str, _Place], hop: int
) -> dict[str, tuple[tuple[int, str], _Place]]:
    """Nodes one hop out that are not drawn yet, each with its best (importance, id)."""
    best: dict[str, tuple[tuple[int, str], _Place]] = {}
    for edge in edges:
        element_id, identity = edge["id"], _identity(edge)
        if identity is None or element_id in chosen:
            continue
        place = _Place(id=identity[0], kind=identity[1], depth=hop)
        order = (IMPORTANCE.get((edge["type"], edge["outgoing"]), LEAST_IMPORTANT), place.id)
        if element_id not in best or order < best[element_id][0]:
            best[element_id] = (order, place)
    return best


def _edges(found: list[dict[str, Any]], chosen: dict[str, _Place]) -> tuple[SubgraphEdge, ...]:
    edges: dict[tuple[str, str, str], SubgraphEdge] = {}
    for edge in found:
        source, target = chosen[edge["source"]].id, chosen[edge["target"]].id
        detail = edge["relation"] or ("approximate" if edge["approximate"] else None)
        key = (source, target, edge["type"])
        # Two RELATED edges one way between the same codes differ only in detail: keep one, the same one.
        if key not in edges or (detail or "") < (edges[key].detail or ""):
            edges[key] = SubgraphEdge(source=source, target=target, type=edge["type"], detail=detail)
    return tuple(edges[key] for key in sorted(edges))


def _identity(props: dict[str, Any]) -> tuple[str, str] | None:
    """(node id, kind) of a node by its labels and keys; None for what is not drawn."""
    labels = props["labels"]
    if CODE in labels:
        return props["uid"], CODE
    kind = next((label for label in CONCEPT_KINDS if label in labels), None)
    return None if kind is None else (f"{kind}:{props['key']}", kind)


def _node(props: dict[str, Any], place: _Place) -> SubgraphNode:
    if place.kind == CODE:
        label, system, title = props["code"], props["system"], props["title"]
    elif place.kind == "PcsValue":
        label, system, title = props["meaning"] or props["key"], None, props["axis"]
    else:
        label, system, title = props["name"] or props["key"], None, None
    return SubgraphNode(
        id=place.id, label=label, kind=place.kind, system=system, title=title, depth=place.depth
    )
