"""Search-quality metrics over one ranked list: binary relevance (a result is an accepted answer or not).

- success@k: 1 when an accepted answer is among the first k results, else 0;
- MRR@k: the reciprocal rank of the first accepted answer within k (0 when none is);
- nDCG@k: discounted cumulative gain (gain 1 at rank i counts 1 / log2(i + 1)) over the ideal one, where
  the ideal ranking puts min(k, relevant) accepted codes first; `relevant` is how many codes of the release
  the case accepts (a prefix answer accepts a whole subtree).

Each takes the relevance of the ranked results, best first, as booleans.
"""

import math
from collections.abc import Sequence


def success_at(relevant: Sequence[bool], k: int) -> float:
    return 1.0 if any(relevant[:k]) else 0.0


def reciprocal_rank(relevant: Sequence[bool], k: int) -> float:
    for rank, hit in enumerate(relevant[:k], start=1):
        if hit:
            return 1.0 / rank
    return 0.0


def ndcg_at(relevant: Sequence[bool], k: int, total_relevant: int) -> float:
    ideal = sum(_discount(rank) for rank in range(1, min(k, total_relevant) + 1))
    if ideal == 0:
        return 0.0
    gained = sum(_discount(rank) for rank, hit in enumerate(relevant[:k], start=1) if hit)
    return gained / ideal


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _discount(rank: int) -> float:
    return 1.0 / math.log2(rank + 1)
