"""Curated knowledge: the seed format (`seed_models`) and reading and checking the files (`seed_files`),
its errors (`errors`)."""

from graph.knowledge.errors import SeedError, SeedProblem
from graph.knowledge.seed_files import (
    Seeds,
    check_seeds,
    load_seeds,
    referenced_official_codes,
)

__all__ = ["SeedError", "SeedProblem", "Seeds", "check_seeds", "load_seeds", "referenced_official_codes"]
