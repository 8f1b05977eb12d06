"""An ICD-10-CM code's explanation for its page: its facts, the releases named and the glossary."""

from collections.abc import Sequence

from graph.driver import Graph
from graph.explain.glossary_words import GlossaryWords
from graph.explain.icd10cm import explain_icd10cm
from graph.explain.model import Explanation
from graph.reads.explain_icd10cm import cm_facts, cm_releases
from graph.reads.index_terms import IndexEntryRow

# One per process, like the search index: the glossary is a view of the graph, kept by its data version.
GLOSSARY = GlossaryWords()


def icd10cm_explanation(graph: Graph, uid: str, index_entries: Sequence[IndexEntryRow]) -> Explanation | None:
    """None for a uid the graph does not hold. Two statements: the code's facts, then the releases."""
    facts = cm_facts(graph, [uid], {uid: index_entries}).get(uid)
    if facts is None:
        return None
    releases = cm_releases(graph)
    return explain_icd10cm(facts, releases, GLOSSARY.words(graph, releases.data_version))
