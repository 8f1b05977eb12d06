"""Curated knowledge: the seed format (`seed_models`), reading and checking the files (`seed_files`, and
`seed_references` across files), what they hold (`seed_collection`), its errors (`errors`)."""

from graph.knowledge.errors import SeedError, SeedProblem
from graph.knowledge.seed_collection import Seeds
from graph.knowledge.seed_files import check_seeds, load_seeds
from graph.knowledge.seed_references import referenced_official_codes

__all__ = ["SeedError", "SeedProblem", "Seeds", "check_seeds", "load_seeds", "referenced_official_codes"]
