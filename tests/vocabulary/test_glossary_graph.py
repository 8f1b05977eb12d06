"""The glossary in the graph: loaded with the seeds, read back as the file says, idempotent on reload."""

from __future__ import annotations

from pathlib import Path

from graph.driver import Graph
from graph.reads.glossary import read_glossary
from graph.vocabulary.glossary import GlossaryEntry, read_seed_glossary
from graph.vocabulary.glossary_load import glossary_statements

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

COUNT_TERMS = "MATCH (g:GlossaryTerm) RETURN count(g) AS n"
COUNT_MEANS = "MATCH (:GlossaryTerm)-[m:MEANS]->(:Condition) RETURN count(m) AS n"


def test_the_graph_holds_the_file_and_reloading_changes_nothing(loaded_graph: Graph) -> None:
    expected = sorted(read_seed_glossary(SEEDS), key=lambda entry: entry.key)
    assert read_glossary(loaded_graph) == expected
    linked = sum(1 for entry in expected if entry.condition)
    assert loaded_graph.read(COUNT_MEANS)[0]["n"] == linked == 49

    loaded_graph.write_all(glossary_statements(expected))
    assert loaded_graph.read(COUNT_TERMS)[0]["n"] == len(expected) == 895
    assert loaded_graph.read(COUNT_MEANS)[0]["n"] == linked
    by_key = {entry.key: entry for entry in read_glossary(loaded_graph)}
    assert by_key["heart-attack"] == GlossaryEntry(
        "heart-attack", "heart attack", ("myocardial infarction",), "condition",
        condition="acute-myocardial-infarction",
    )  # fmt: skip
    assert by_key["pink-eye"].also == ()
