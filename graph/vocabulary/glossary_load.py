"""The write statements that put the glossary into the graph; run by the seeds loader in one transaction."""

from collections.abc import Sequence

from graph.driver import Statement
from graph.queries import glossary as q
from graph.vocabulary.glossary import GlossaryEntry


def glossary_statements(entries: Sequence[GlossaryEntry]) -> list[Statement]:
    """Merge every term, delete those no longer listed, replace each term's MEANS edge to its condition."""
    rows = [
        {
            "key": e.key,
            "props": {"plain": e.plain, "medical": list(e.medical), "also": list(e.also), "kind": e.kind},
            "conditions": [e.condition] if e.condition else [],
        }
        for e in entries
    ]
    return [
        Statement(q.MERGE_GLOSSARY_TERMS, {"rows": [{"key": r["key"], "props": r["props"]} for r in rows]}),
        Statement(q.DELETE_GLOSSARY_TERMS_EXCEPT, {"keys": [e.key for e in entries]}),
        Statement(
            q.REPLACE_GLOSSARY_MEANINGS,
            {"rows": [{"key": r["key"], "conditions": r["conditions"]} for r in rows]},
        ),
    ]
