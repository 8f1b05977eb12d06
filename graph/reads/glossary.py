"""The glossary as the graph holds it: what search and explanations read (never the seed file)."""

from graph.driver import Graph
from graph.queries import glossary as q
from graph.vocabulary.glossary import GlossaryEntry


def read_glossary(graph: Graph) -> list[GlossaryEntry]:
    """Every glossary term, ordered by key; empty when the glossary has not been loaded."""
    return [
        GlossaryEntry(
            key=row["key"],
            plain=row["plain"],
            medical=tuple(row["medical"] or ()),
            kind=row["kind"],
            also=tuple(row["also"] or ()),
            condition=row["condition"],
        )
        for row in graph.read(q.READ_GLOSSARY)
    ]
