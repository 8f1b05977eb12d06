"""The search-quality metrics (bench.quality_metrics) on small rankings worked out by hand."""

import math

import pytest

from bench.quality_metrics import mean, ndcg_at, reciprocal_rank, success_at

MISS, HIT = False, True


def test_success_at_k_counts_an_accepted_answer_within_the_first_k_only() -> None:
    ranking = [MISS, MISS, MISS, MISS, HIT]
    assert success_at(ranking, 5) == 1.0
    assert success_at(ranking, 4) == 0.0
    assert success_at([], 5) == 0.0


def test_reciprocal_rank_is_one_over_the_rank_of_the_first_accepted_answer() -> None:
    assert reciprocal_rank([HIT, HIT], 10) == 1.0
    assert reciprocal_rank([MISS, MISS, HIT, HIT], 10) == pytest.approx(1 / 3)
    assert reciprocal_rank([MISS] * 10 + [HIT], 10) == 0.0  # rank 11 is past MRR@10


def test_ndcg_discounts_each_hit_by_log2_of_its_rank_plus_one_over_the_ideal_ranking() -> None:
    # Hits at ranks 2 and 3 of 2 accepted codes: (1/log2 3 + 1/log2 4) / (1/log2 2 + 1/log2 3).
    expected = (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3))
    assert ndcg_at([MISS, HIT, HIT], 10, total_relevant=2) == pytest.approx(expected)
    assert expected == pytest.approx(0.6934, abs=1e-4)


def test_ndcg_of_an_ideal_ranking_is_one_and_the_ideal_holds_at_most_k_codes() -> None:
    assert ndcg_at([HIT, HIT, MISS], 10, total_relevant=2) == 1.0
    # A prefix answer accepting 500 codes: the ideal is 10 hits in the top 10, so one hit first scores
    # 1 / sum(1/log2(i+1) for i in 1..10) = 1 / 4.5436.
    assert ndcg_at([HIT], 10, total_relevant=500) == pytest.approx(1 / 4.543559, abs=1e-6)
    assert ndcg_at([MISS, MISS], 10, total_relevant=0) == 0.0


def test_mean_of_nothing_is_zero() -> None:
    assert mean([1.0, 0.0, 0.5]) == 0.5
    assert mean([]) == 0.0
