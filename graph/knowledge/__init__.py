"""Curated knowledge: the seed format (`seed_models`) and reading and checking the files (`seed_files`)."""

from graph.knowledge.seed_files import (
    SeedError,
    SeedProblem,
    Seeds,
    check_seeds,
    load_seeds,
    referenced_official_codes,
)

__all__ = ["SeedError", "SeedProblem", "Seeds", "check_seeds", "load_seeds", "referenced_official_codes"]
