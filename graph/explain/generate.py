"""One code's explanation, generated per request from its facts in the graph by its system's explainer."""

from graph.driver import Graph
from graph.explain.hcpcs import explain_hcpcs
from graph.explain.model import Explanation
from graph.model import System
from graph.reads.codes import CodeRow
from graph.reads.explain import codes_named, hcpcs_cross_reference_uids


def generate_explanation(graph: Graph, code: CodeRow) -> Explanation | None:
    """None for a system medgraph does not explain by program (CPT: curated monographs only)."""
    if code.system == System.HCPCS:
        named = [value for n in range(1, 6) if (value := code.properties.get(f"cross_reference_{n}"))]
        return explain_hcpcs(code, codes_named(graph, hcpcs_cross_reference_uids(named)))
    return None
