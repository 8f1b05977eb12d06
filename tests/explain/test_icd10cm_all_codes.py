"""Every loaded ICD-10-CM code has an explanation that keeps the rules (tests/explain/sentence_checks.py),
and its summary reads easily: the Flesch-Kincaid grades are recorded in docs/explanations.md."""

import statistics

import pytest
import textstat  # type: ignore[import-untyped]

from graph.driver import Graph
from graph.explain.icd10cm import explain_icd10cm
from graph.explain.plain_words import plain_words
from graph.reads.explain_icd10cm import CmFacts, cm_facts, cm_releases, cm_uids
from graph.reads.glossary import read_glossary
from graph.reads.index_terms import index_entries
from tests.explain.sentence_checks import item_problems, problems

pytestmark = pytest.mark.engine

BATCH = 2000  # codes per read: one round trip for each batch, not for each code
MAX_MEDIAN_GRADE = 8.0  # the issue asks for about a 9th-grade level or easier; measured: median 5, p90 7
MAX_P90_GRADE = 9.0
# Words the sentence checks take for placeholders that are plain words here: titles say "result unknown",
# the glossary says "idiopathic" as "of unknown cause".
ICD10CM_WORDS = frozenset({"unknown"})


def official_text(facts: CmFacts) -> str:
    """What the official files say of the code, as explanations quote it: title, notes, index lines."""
    return "\n".join(
        [
            facts.code.title,
            *(note.text for note in facts.notes),
            *(" — ".join(entry.path) for entry in facts.index_entries),
        ]
    )


def test_every_icd10cm_code_is_explained_by_the_rules_and_reads_easily(loaded_graph: Graph) -> None:
    words = plain_words(tuple(read_glossary(loaded_graph)))
    releases = cm_releases(loaded_graph)
    uids = cm_uids(loaded_graph)
    assert len(uids) == 98_505
    broken: dict[str, list[str]] = {}
    grades = []
    for start in range(0, len(uids), BATCH):
        batch = uids[start : start + BATCH]
        facts = cm_facts(loaded_graph, batch, index_entries(loaded_graph, batch))
        for uid in batch:
            if uid not in facts:
                broken[uid] = ["no explanation"]
                continue
            explanation = explain_icd10cm(facts[uid], releases, words)
            official = official_text(facts[uid])
            found = problems(explanation, official, ICD10CM_WORDS) + item_problems(
                explanation, official, ICD10CM_WORDS
            )
            if found:
                broken[uid] = found
            grades.append(textstat.flesch_kincaid_grade(explanation.summary))
    assert not broken, f"{len(broken)} codes break the rules, e.g. {list(broken.items())[:5]}"
    grades.sort()
    p90 = grades[int(0.9 * (len(grades) - 1))]
    assert statistics.median(grades) <= MAX_MEDIAN_GRADE
    assert p90 <= MAX_P90_GRADE
