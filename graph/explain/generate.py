"""One code's explanation, generated per request from its facts in the graph by its system's explainer."""

from collections.abc import Sequence

from graph.driver import Graph
from graph.explain.hcpcs import explain_hcpcs
from graph.explain.icd9cm import explain_icd9
from graph.explain.icd10cm_page import icd10cm_explanation
from graph.explain.icd10pcs import explain_pcs
from graph.explain.model import Explanation
from graph.explain.msdrg import explain_drg
from graph.explain.pcs_headings import explain_pcs_heading
from graph.importers.records import CodeKind
from graph.model import System
from graph.reads.codes import CodeRow, ancestor_rows, children, codes_by_uid, mappings
from graph.reads.explain import codes_named, hcpcs_cross_reference_uids
from graph.reads.index_terms import IndexEntryRow
from graph.reads.pcs_explain import pcs_facts


def generate_explanation(
    graph: Graph, code: CodeRow, index_entries: Sequence[IndexEntryRow]
) -> Explanation | None:
    """None for a system medgraph does not explain by program (CPT: curated monographs only).
    `index_entries`: the index lines that lead to the code, which the ICD-10-CM explanation cites."""
    if code.system == System.HCPCS:
        named = [value for n in range(1, 6) if (value := code.properties.get(f"cross_reference_{n}"))]
        return explain_hcpcs(code, codes_named(graph, hcpcs_cross_reference_uids(named)))
    if code.system == System.ICD10CM:
        return icd10cm_explanation(graph, code.uid, index_entries)
    if code.system == System.ICD10PCS and code.billable:
        facts = pcs_facts(graph, [code.uid]).get(code.uid)
        return explain_pcs(facts) if facts else None
    if code.system == System.ICD10PCS:
        above = ancestor_rows(graph, [code.uid]).get(code.uid, [])
        below = len(children(graph, [code.uid]).get(code.uid, []))
        return explain_pcs_heading(code, above, below)
    if code.system == System.ICD9CM:
        return explain_icd9(code, mappings(graph, [code.uid]).get(code.uid, []))
    if code.system == System.MSDRG and code.billable:
        return _drg(graph, code)
    return None


def _drg(graph: Graph, code: CodeRow) -> Explanation:
    above = ancestor_rows(graph, [code.uid]).get(code.uid, [])
    parent = above[0] if above else None
    chapter = above[-1] if above else None
    family: list[CodeRow] = []
    if parent is not None and parent.kind == CodeKind.GROUP and parent is not chapter:
        siblings = children(graph, [parent.uid]).get(parent.uid, [])
        named = codes_by_uid(graph, siblings)
        family = sorted((named[uid] for uid in siblings if uid in named), key=lambda row: row.code)
    return explain_drg(code, chapter, family)
