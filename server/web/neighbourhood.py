"""A code's `neighborhood` subgraph made ready for the picture (cytoscape elements), its legend and the list
beside it.

The picture also draws what the page lists from the code's lineage, which a one-hop neighbourhood does not
reach: a condition coded to a level above the code (I82.401's deep vein thrombosis is coded to I82.4) with the
levels between, and for ICD-10-PCS the section and body system, the first two of the seven axes (the other
five are axis values the neighbourhood holds).
"""

from dataclasses import dataclass
from typing import Any

from server.web.systems import code_url, condition_url

FOCUS = "focus"
TITLE_LENGTH = 30  # a code's title on its node: enough to tell siblings apart, short enough for a phone
NAME_LENGTH = 40  # a concept's name; nearly all are shorter
ELLIPSIS = "…"


# The legend draws each shape as cytoscape does, in a 16 by 16 box; ellipses and rectangles are drawn as such.
POLYGONS = {
    "diamond": "8,1 15,8 8,15 1,8",
    "triangle": "8,1.5 15,14.5 1,14.5",
    "star": "8,1 9.9,5.9 15,6.1 11,9.4 12.3,14.5 8,11.6 3.7,14.5 5,9.4 1,6.1 6.1,5.9",
    "hexagon": "4.5,1.5 11.5,1.5 15,8 11.5,14.5 4.5,14.5 1,8",
    "pentagon": "8,1 15,6.5 12.5,15 3.5,15 1,6.5",
    "tag": "1,2.5 10.5,2.5 15,8 10.5,13.5 1,13.5",
    "rhomboid": "4.5,2.5 15,2.5 11.5,13.5 1,13.5",
}


@dataclass(frozen=True)
class Kind:
    """A kind of node as the picture draws it and the legend names it: its shape (cytoscape's node shape,
    and the same outline in the legend) tells it apart without relying on its colour. Kinds with a page are
    drawn filled, the others hollow."""

    key: str  # the element's `kind` ("personnel_role"), or "focus" for the page's own code
    legend: str
    words: str  # as a sentence names them ("codes, conditions and roles")
    shape: str
    colour: str
    has_page: bool = False

    @property
    def points(self) -> str:
        return POLYGONS.get(self.shape, "")


KINDS = (
    Kind(FOCUS, "This code", "", "round-rectangle", "#1b2430", has_page=True),
    Kind("code", "Codes", "codes", "round-rectangle", "#0b57a4", has_page=True),
    Kind("condition", "Conditions", "conditions", "ellipse", "#0e7c86", has_page=True),
    Kind("drug", "Drugs", "drugs", "diamond", "#6a3d9a"),
    Kind("risk", "Risks", "risks", "triangle", "#b3261e"),
    Kind("benefit", "Benefits", "benefits", "star", "#2e7d32"),
    Kind("personnel_role", "Roles", "roles", "hexagon", "#8d5524"),
    Kind("setting", "Settings", "settings", "pentagon", "#455a64"),
    Kind("treatment", "Treatments", "treatments", "tag", "#a15c00"),
    Kind("pcs_value", "Axis values (PCS)", "axis values", "rhomboid", "#3949ab"),
)
OTHER = Kind("other", "Other", "other entries", "ellipse", "#6b7684")
_BY_KEY = {kind.key: kind for kind in KINDS}

# The relationship types in words, as a sentence reads them ("37188 has risk Infection").
RELATIONS = {
    "CHILD_OF": "sits under",
    "EXCLUDES1": "excludes",
    "EXCLUDES2": "does not include",
    "CODE_FIRST": "code first",
    "CODE_ALSO": "code also",
    "USE_ADDITIONAL": "use additional code",
    "ROOT_OPERATION": "root operation",
    "BODY_PART": "body part",
    "INDICATED_FOR": "indicated for",
    "HAS_RISK": "has risk",
    "HAS_BENEFIT": "has benefit",
    "PERFORMED_BY": "performed by",
    "PERFORMED_IN": "performed in",
    "HAS_ALTERNATIVE": "has alternative",
    "CODED_AS": "coded as",
    "MAPS_TO": "maps to",
    "USES_DRUG": "uses drug",
    "TREATED_WITH": "treated with",
}
# RELATED says how in its detail; an approximate crosswalk says so.
DETAILS = {
    ("RELATED", "repeat-of"): "repeat of",
    ("RELATED", "add-on-to"): "add-on to",
    ("RELATED", "initial-of"): "first treatment of",
    ("RELATED", "alternative"): "alternative to",
    ("RELATED", "follow-up-of"): "follow-up of",
    ("MAPS_TO", "approximate"): "maps roughly to",
}


@dataclass(frozen=True)
class Connection:
    """One line of the list: a node, a relationship, and every node it has that relationship with."""

    source: dict[str, Any]
    relation: str
    targets: list[dict[str, Any]]


@dataclass(frozen=True)
class Picture:
    """What the page needs: the elements to draw, the legend of the kinds drawn, and the connections as a
    list, the page's own code's first."""

    elements: list[dict[str, Any]]
    legend: list[Kind]
    own: list[Connection]
    others: list[Connection]
    nodes: int
    connections: int

    @property
    def around(self) -> str:
        """The kinds around the code, in words: "codes, conditions and risks"."""
        words = [kind.words for kind in self.legend if kind.key != FOCUS]
        return " and ".join(filter(None, [", ".join(words[:-1]), words[-1]])) if words else ""


def picture(found: dict[str, Any], focus: tuple[str, str]) -> Picture:
    """The picture of the `Neighborhood` document's answer (`found`: the code with its neighbourhood, its
    ancestors and its conditions) around the code `focus` (system, code)."""
    nodes, edges = with_lineage(found, focus)
    drawn = [{**node, **_looks(node, focus)} for node in nodes]
    _tell_apart(drawn)
    by_id = {node["id"]: node for node in drawn}
    edges = [edge for edge in edges if edge["source"] in by_id and edge["target"] in by_id]
    focus_id = next((node["id"] for node in drawn if node["kind"] == FOCUS), None)
    own, others = ordered(edges, [node["id"] for node in drawn], focus_id)
    return Picture(
        elements=_elements(drawn, own + others, focus_id),
        legend=legend(drawn),
        own=grouped(own, by_id, focus_id),
        others=grouped(others, by_id, focus_id),
        nodes=len(drawn),
        connections=len(edges),
    )


def with_lineage(
    found: dict[str, Any], focus: tuple[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The neighbourhood's nodes and edges, with the levels above the code that the page lists: up to the
    highest level a condition of the page is coded to, and every level of an ICD-10-PCS code."""
    subgraph = found.get("neighborhood") or {"nodes": [], "edges": []}
    nodes, edges = list(subgraph["nodes"]), list(subgraph["edges"])
    ids = {node["id"] for node in nodes}
    focus_id = next((n["id"] for n in nodes if (n.get("system"), n.get("code")) == focus), None)
    ancestors = found.get("ancestors") or []
    if focus_id is None:
        return nodes, edges
    lineage = [focus_id, *(ancestor["id"] for ancestor in ancestors)]  # nearest first
    # Each condition at the nearest level it is coded to (deep vein thrombosis is coded to I82.40 and I82.4).
    coded = [
        (condition, min(levels))
        for condition in found.get("conditions") or []
        if (levels := [lineage.index(code["id"]) for code in condition["codes"] if code["id"] in lineage])
    ]
    top = len(lineage) - 1 if focus[0] == "ICD10PCS" else max((level for _, level in coded), default=0)
    known = {(edge["source"], edge["target"], edge["type"]) for edge in edges}

    def add_edge(source: str, target: str, type_: str) -> None:
        if (source, target, type_) not in known:
            known.add((source, target, type_))
            edges.append({"source": source, "target": target, "type": type_, "detail": None})

    for level, ancestor in enumerate(ancestors[:top], start=1):
        if ancestor["id"] not in ids:
            ids.add(ancestor["id"])
            # Next to the level below it, so that the picture keeps the lineage together.
            below = next(number for number, node in enumerate(nodes) if node["id"] == lineage[level - 1])
            nodes.insert(below + 1, {**ancestor, "label": ancestor["code"], "kind": "CODE", "key": None})
        add_edge(lineage[level - 1], ancestor["id"], "CHILD_OF")
    for condition, level in coded:
        if condition["id"] not in ids:
            ids.add(condition["id"])
            nodes.append({"id": condition["id"], "label": condition["name"], "kind": "CONDITION",
                          "key": condition["key"], "system": None, "code": None, "title": None})  # fmt: skip
        add_edge(condition["id"], lineage[level], "CODED_AS")
    return nodes, edges


def node_href(node: dict[str, Any]) -> str | None:
    """The page a node opens: codes and conditions have one (so do MS-DRGs, which are codes); risks, drugs,
    roles, settings, treatments and axis values have none."""
    if node.get("system") and node.get("code"):
        return code_url(node["system"], node["code"])
    if str(node.get("kind", "")).lower() == "condition" and node.get("key"):
        return condition_url(node["key"])
    return None


def relation_label(edge_type: str, detail: str | None = None) -> str:
    return (
        DETAILS.get((edge_type, detail or ""))
        or RELATIONS.get(edge_type)
        or edge_type.replace("_", " ").lower()
    )


def short_title(text: str, limit: int = TITLE_LENGTH) -> str:
    """`text` in at most `limit` characters, cut between words: its first words and its last ones around
    "…", since siblings differ at the end (37187 "Catheter … first treatment", 37188 "Catheter … on a later
    day")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head, words = text.split(" ", 1)
    if len(head) > limit // 2:  # one long word: its start
        return text[: limit - 1] + ELLIPSIS
    rest = words.split(" ")
    tail: list[str] = []

    def fits(more_head: list[str], more_tail: list[str]) -> bool:
        return len(" ".join([head, *more_head, ELLIPSIS, *more_tail])) <= limit

    while rest and len(" ".join([rest[-1], *tail])) <= limit // 2 and fits([], [rest[-1], *tail]):
        tail.insert(0, rest.pop())
    added: list[str] = []
    while rest and fits([*added, rest[0]], tail):
        added.append(rest.pop(0))
    while rest and fits(added, [rest[-1], *tail]):
        tail.insert(0, rest.pop())
    if not rest:
        return text
    return " ".join([head, *added, ELLIPSIS, *tail])


def node_label(node: dict[str, Any]) -> str:
    """A code and a short title ("37187 Catheter removal … first treatment"); a concept's name."""
    if node.get("code"):
        title = node.get("title")
        return f"{node['code']} {short_title(title)}" if title else str(node["code"])
    return short_title(str(node["label"]), NAME_LENGTH)


def distinguishing(titles: list[str]) -> list[str]:
    """Titles whose short forms look alike, each by the words that tell it from the others: what is left once
    the words they all begin with and the clauses they all end with are dropped, after their first word when
    that fits ("Extirpation of Matter from Right Femoral Vein, Percutaneous Approach" among other veins:
    "… Right Femoral Vein")."""
    if len(set(titles)) == 1:
        return [short_title(title) for title in titles]
    words = [title.split() for title in titles]
    shortest = min(len(w) for w in words)
    start = 0
    while start < shortest - 1 and len({w[start] for w in words}) == 1:
        start += 1
    end = 0
    while end < shortest - start - 1 and len({w[len(w) - end - 1] for w in words}) == 1:
        end += 1
    # Only whole clauses go from the end: "Vein, Percutaneous Approach" keeps "Vein".
    while end and not words[0][len(words[0]) - end - 1].endswith(","):
        end -= 1
    middles = [" ".join(w[start : len(w) - end]).rstrip(",;") for w in words]
    lead = f"{words[0][0]} {ELLIPSIS} " if start else ""
    if start and any(len(lead + middle) > TITLE_LENGTH for middle in middles):
        lead = f"{ELLIPSIS} "  # the same for all of them, so that they read alike
    return [lead + short_title(middle, TITLE_LENGTH - len(lead)) for middle in middles]


def _tell_apart(nodes: list[dict[str, Any]]) -> None:
    """Codes whose labels would read the same (06CC3ZZ and 06CD3ZZ are both "Extirpation of … Approach")
    get the words that tell them apart instead."""
    alike: dict[str, list[dict[str, Any]]] = {}
    for node in nodes:
        if node.get("code") and node.get("title"):
            alike.setdefault(short_title(node["title"]), []).append(node)
    for group in alike.values():
        if len(group) > 1:
            for node, title in zip(group, distinguishing([n["title"] for n in group]), strict=True):
                node["short"] = f"{node['code']} {title}"


def kind_of(node: dict[str, Any], focus: tuple[str, str]) -> Kind:
    if node.get("code") and (node.get("system"), node.get("code")) == focus:
        return _BY_KEY[FOCUS]
    return _BY_KEY.get(str(node.get("kind", "")).lower(), OTHER)


def legend(nodes: list[dict[str, Any]]) -> list[Kind]:
    """The kinds drawn, in the legend's order."""
    present = {node["kind"] for node in nodes}
    return [kind for kind in (*KINDS, OTHER) if kind.key in present]


def ordered(
    edges: list[dict[str, Any]], node_order: list[str], focus_id: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The focus code's own edges, then the others. The neighbourhood lists its nodes by importance (the code,
    then what it repeats or sits under, its conditions … its children last): own edges, those leaving the code
    first, follow the other end's place in that order; the others their source's and then their target's."""
    place = {node_id: number for number, node_id in enumerate(node_order)}
    own = [edge for edge in edges if focus_id in (edge["source"], edge["target"])]
    others = [edge for edge in edges if focus_id not in (edge["source"], edge["target"])]

    def other_end(edge: dict[str, Any]) -> str:
        return str(edge["target"] if edge["source"] == focus_id else edge["source"])

    own.sort(key=lambda edge: (edge["source"] != focus_id, place[other_end(edge)], edge["type"]))
    others.sort(key=lambda edge: (place[edge["source"]], place[edge["target"]], edge["type"]))
    return own, others


def _looks(node: dict[str, Any], focus: tuple[str, str]) -> dict[str, Any]:
    kind = kind_of(node, focus)
    return {"kind": kind.key, "short": node_label(node), "href": node_href(node)}


def _elements(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], focus_id: str | None
) -> list[dict[str, Any]]:
    """Cytoscape's `elements`: nodes grouped by kind in the legend's order (the layout keeps each kind
    together), the most important first within a kind; then the edges, the focus code's own first."""
    rank = {kind.key: number for number, kind in enumerate((*KINDS, OTHER))}
    result: list[dict[str, Any]] = []
    for node in sorted(nodes, key=lambda n: rank[n["kind"]]):
        kind = _BY_KEY.get(node["kind"], OTHER)
        result.append({"group": "nodes", "data": {
            "id": node["id"],
            "label": node["short"],
            "title": _full(node),
            "kind": kind.key,
            "shape": kind.shape,
            "colour": kind.colour,
            "href": node["href"] or "",
            "focus": "yes" if node["id"] == focus_id else "no",
        }})  # fmt: skip
    for number, edge in enumerate(edges):
        result.append({"group": "edges", "data": {
            "id": f"e{number}", "source": edge["source"], "target": edge["target"],
            "label": relation_label(edge["type"], edge.get("detail")),
            "focus": "yes" if focus_id in (edge["source"], edge["target"]) else "no",
        }})  # fmt: skip
    return result


def _full(node: dict[str, Any]) -> str:
    if node.get("code") and node.get("title"):
        return f"{node['code']} {node['title']}"
    return str(node["label"])


def grouped(
    edges: list[dict[str, Any]], nodes: dict[str, dict[str, Any]], focus_id: str | None
) -> list[Connection]:
    """The edges as lines of the list, in their order: one line per node and relationship ("37188 has risk
    Bleeding or bruising, Infection …")."""
    lines: dict[tuple[str, str], Connection] = {}
    for edge in edges:
        relation = relation_label(edge["type"], edge.get("detail"))
        key = (edge["source"], relation)
        if key not in lines:
            lines[key] = Connection(_listed(nodes[edge["source"]], focus_id), relation, [])
        lines[key].targets.append(_listed(nodes[edge["target"]], focus_id))
    return list(lines.values())


def _listed(node: dict[str, Any], focus_id: str | None) -> dict[str, Any]:
    """A node as the list names it: the page's own code by its code, the others in full."""
    label = str(node["code"]) if node["id"] == focus_id else _full(node)
    return {"label": label, "href": node["href"], "kind": node["kind"]}
