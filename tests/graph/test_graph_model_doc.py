"""docs/graph-model.md names every label and relationship type of the loaded graph, in its tables and its
picture, so that an analyst's guide cannot fall behind the graph."""

import re
from pathlib import Path

from graph.driver import Graph
from graph.queries.graph_schema import LABELS, RELATIONSHIP_TYPES

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "graph-model.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_every_label_of_the_graph_is_in_the_guide(loaded_graph: Graph) -> None:
    labels = set(loaded_graph.read(LABELS)[0]["names"])
    assert {"Code", "IndexTerm", "Condition"} <= labels
    table = _section(GUIDE.read_text(), "Labels")
    named = set(re.findall(r"`:([A-Za-z0-9]+)`", table))
    assert labels - named == set()


def test_every_relationship_type_is_in_the_guide_and_its_picture(loaded_graph: Graph) -> None:
    types = set(loaded_graph.read(RELATIONSHIP_TYPES)[0]["names"])
    assert {"CHILD_OF", "INDEXES", "MAPS_TO"} <= types
    text = GUIDE.read_text()
    table = _section(text, "Relationship types")
    picture = _section(text, "The picture")
    assert types - set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table)) == set()
    assert types - set(re.findall(r"\b[A-Z][A-Z0-9_]{2,}\b", picture)) == set()
