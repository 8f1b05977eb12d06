"""The search-quality runner's parts on a few real codes: counting accepted codes, scoring one ranking, and
the BM25 baseline's ranking and escaping."""

from bench.bm25_baseline import Bm25Baseline, match_text
from bench.cases import Answer, Case
from bench.search_quality import Release, evaluate
from graph.search import CodeDocument


def code(system: str, code: str, title: str) -> CodeDocument:
    return CodeDocument(f"{system}:{code}", system, code, code.replace(".", ""), title)


CODES = [
    code("ICD10CM", "I82.4", "Acute embolism and thrombosis of deep veins of lower extremity"),
    code("ICD10CM", "I82.40", "Acute embolism and thrombosis of unspecified deep veins of lower extremity"),
    code(
        "ICD10CM",
        "I82.401",
        "Acute embolism and thrombosis of unspecified deep veins of right lower extremity",
    ),
    code("ICD10CM", "I26.99", "Other pulmonary embolism without acute cor pulmonale"),
    code("HCPCS", "I8240", "Not a real HCPCS code, for a prefix in another system"),
]


def case(*answers: str, system: str | None = "ICD10CM") -> Case:
    return Case("clinical", "deep vein thrombosis", tuple(Answer.parse(a, system) for a in answers))


def test_a_prefix_answer_accepts_its_subtree_in_its_system_and_overlapping_answers_count_once() -> None:
    release = Release(CODES)
    assert release.accepted_count(case("I82.4*")) == 3
    assert release.accepted_count(case("I82.4*", "I82.401", "I26.99")) == 4
    assert release.accepted_count(case("I8240*", system=None)) == 3  # I82.40, I82.401 and the HCPCS code
    assert release.accepted_count(case("I82.49")) == 0


def test_one_ranking_is_scored_by_its_accepted_answers() -> None:
    outcome = evaluate(case("I82.40*"), ["ICD10CM:I26.99", "ICD10CM:I82.401", "ICD10CM:I82.4"], accepted=2)
    assert (outcome.scores.success, outcome.scores.mrr) == (1.0, 0.5)
    assert round(outcome.scores.ndcg, 4) == 0.3869  # (1/log2 3) / (1 + 1/log2 3)


def test_the_baseline_ranks_titles_by_bm25_with_any_word_matching_and_finds_codes_as_words() -> None:
    baseline = Bm25Baseline(CODES)
    try:
        assert baseline.search("pulmonary embolism", 3)[0] == "ICD10CM:I26.99"
        assert baseline.search("I82401", 1) == ["ICD10CM:I82.401"]
        assert baseline.search("veins right", 1) == ["ICD10CM:I82.401"]
        assert baseline.search('"; DROP TABLE x; -- NEAR(', 3) == []  # words only, none in a title
        assert baseline.search("***", 3) == []
    finally:
        baseline.close()


def test_every_typed_word_is_quoted_so_that_nothing_is_fts5_syntax() -> None:
    assert match_text('leg AND NOT "clot*"') == '"leg" OR "and" OR "not" OR "clot"'
