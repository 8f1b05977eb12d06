"""A code's `neighborhood` subgraph made ready for the picture (cytoscape elements) and the list beside it."""

from dataclasses import dataclass
from typing import Any

from server.web.systems import code_url, condition_url

# Only these kinds of node have a page of their own; the rest are drawn but not linked.
_CONCEPT_PAGES = {"condition": condition_url}


@dataclass(frozen=True)
class Connection:
    source: dict[str, Any]
    relation: str
    target: dict[str, Any]


def node_href(node: dict[str, Any]) -> str | None:
    if node.get("system") and node.get("code"):
        return code_url(node["system"], node["code"])
    page = _CONCEPT_PAGES.get(str(node.get("kind", "")).lower())
    return page(node["key"]) if page and node.get("key") else None


def relation_label(edge_type: str) -> str:
    return edge_type.replace("_", " ").lower()


def node_label(node: dict[str, Any]) -> str:
    if node.get("code"):
        return str(node["code"])
    return str(node["label"])


def elements(subgraph: dict[str, Any], focus: tuple[str, str]) -> list[dict[str, Any]]:
    """Cytoscape's `elements`: nodes (with the page each opens) and edges, the focus code marked."""
    result: list[dict[str, Any]] = []
    focus_ids: set[str] = set()
    # Ordered by kind, so that each ring of the picture keeps risks, people, settings … side by side.
    for node in sorted(subgraph["nodes"], key=lambda n: (str(n.get("kind", "")), node_label(n))):
        is_focus = (node.get("system"), node.get("code")) == focus
        if is_focus:
            focus_ids.add(node["id"])
        result.append({"group": "nodes", "data": {
            "id": node["id"],
            "label": node_label(node),
            "title": node["label"],
            "kind": str(node.get("kind", "")).lower(),
            "system": (node.get("system") or "").lower(),
            "href": node_href(node) or "",
            "focus": "yes" if is_focus else "no",
        }})  # fmt: skip
    ids = {node["id"] for node in subgraph["nodes"]}
    for number, edge in enumerate(subgraph["edges"]):
        if edge["source"] in ids and edge["target"] in ids:
            result.append({"group": "edges", "data": {
                "id": f"e{number}", "source": edge["source"], "target": edge["target"],
                "label": relation_label(edge["type"]),
                "focus": "yes" if focus_ids & {edge["source"], edge["target"]} else "no",
            }})  # fmt: skip
    return result


def connections(subgraph: dict[str, Any]) -> list[Connection]:
    """The same edges as sentences for the list (and for readers without the picture)."""
    nodes = {node["id"]: {**node, "href": node_href(node)} for node in subgraph["nodes"]}
    return [
        Connection(nodes[edge["source"]], relation_label(edge["type"]), nodes[edge["target"]])
        for edge in subgraph["edges"]
        if edge["source"] in nodes and edge["target"] in nodes
    ]
