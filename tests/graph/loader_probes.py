"""Small reads over the loaded graph, for the loader's specifications."""

from typing import Any

from graph.driver import Graph
from tests.graph import inspection_queries as q


def code(graph: Graph, uid: str) -> dict[str, Any]:
    rows = graph.read(q.CODE_BY_UID, uid=uid)
    assert rows, f"{uid} is not in the graph"
    return rows[0]["code"]


def title(graph: Graph, uid: str) -> str:
    return str(code(graph, uid)["title"])


def ancestors(graph: Graph, uid: str) -> list[str]:
    return [row["uid"] for row in graph.read(q.ANCESTOR_UIDS, uid=uid)]


def note_targets(graph: Graph, uid: str, rel: str) -> list[str]:
    return [row["uid"] for row in graph.read(q.NOTE_TARGETS, uid=uid, type=rel)]


def axes(graph: Graph, uid: str) -> dict[str, str]:
    return {row["axis"]: row["meaning"] for row in graph.read(q.AXIS_MEANINGS, uid=uid)}


def system_code_count(graph: Graph, system: str) -> int:
    return int(graph.read(q.SYSTEM_CODE_COUNT, system=system)[0]["n"])


def inactive_hcpcs(graph: Graph) -> int:
    return int(graph.read(q.INACTIVE_CODE_COUNT, system="HCPCS")[0]["n"])


def hcpcs_group_count(graph: Graph) -> int:
    return int(graph.read(q.KIND_COUNT, system="HCPCS", kind="group")[0]["n"])


def system_recorded(graph: Graph, system: str) -> bool:
    return bool(graph.read(q.SYSTEM_RECORDED, system=system)[0]["n"])


def delete_system(graph: Graph, system: str) -> None:
    graph.write(q.DELETE_SYSTEM, system=system)
