"""Finding the term a `see` or `see also` names (graph.vocabulary.cross_references), on the real excerpt."""

from pathlib import Path

from graph.importers.icd10cm_index_csv import read_icd10cm_index_csv
from graph.vocabulary.cross_references import TermFinder

EXCERPT = Path(__file__).parents[1] / "fixtures" / "vocabulary" / "ICD10CM_2025_Index_excerpt.csv"
FINDER = TermFinder(read_icd10cm_index_csv(EXCERPT))


def path(reference: str) -> tuple[str, ...] | None:
    found = FINDER.find(reference)
    return found.path if found else None


def test_a_main_term_listing_variants_is_named_by_its_first() -> None:
    assert path("Herpes, zoster") == ("Herpes, herpesvirus, herpetic", "zoster")


def test_words_after_the_deepest_term_are_instructions() -> None:
    assert path("Ulcer, pressure, by site") == (
        "Ulcer, ulcerated, ulcerating, ulceration, ulcerative",
        "pressure",
    )


def test_a_lowercase_instruction_names_no_term() -> None:
    assert path("condition") is None
    assert path("Abscess") is None
