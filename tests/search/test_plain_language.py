"""Plain words for a document: glossary phrases found in official titles, stem by stem, longest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.search.plain_language import PlainLanguage
from graph.vocabulary.glossary import GlossaryEntry, read_seed_glossary

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def glossary() -> PlainLanguage:
    return PlainLanguage(read_seed_glossary(SEEDS))


def test_official_titles_get_their_everyday_words(glossary: PlainLanguage) -> None:
    # ICD-10-CM I82.401, I21.9, N20.0 and H10.33 as the CDC titles them.
    title = "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    assert glossary.plain_words([title]) == (
        "sudden or recent", "blood clot", "clot", "not specified", "leg", "legs",
    )  # fmt: skip
    assert glossary.plain_words(["Acute myocardial infarction, unspecified"]) == (
        "sudden or recent", "heart attack", "not specified",
    )  # fmt: skip
    kidney = ["Calculus of kidney", "Nephrolithiasis NOS"]
    assert glossary.plain_words(kidney) == ("kidney stones", "kidney stone")
    assert glossary.plain_words(["Unspecified acute conjunctivitis, bilateral"]) == (
        "not specified", "sudden or recent", "pink eye", "both sides",
    )  # fmt: skip


def test_phrases_match_whole_stemmed_words_in_order(glossary: PlainLanguage) -> None:
    assert glossary.plain_words(["Thrombosis of the lower limbs"]) == ("blood clot", "clot", "leg", "legs")
    assert glossary.plain_words(["Limb, lower"]) == ()
    assert glossary.plain_words(["Thromboses"]) == ()  # stemmed "thrombos", not "thrombosi"
    assert glossary.plain_words([]) == ()


def test_the_longest_phrase_wins_and_words_are_listed_once() -> None:
    plain = PlainLanguage(
        [
            GlossaryEntry("blood-clot", "blood clot", ("thrombosis",), "condition", ("clot",)),
            GlossaryEntry("dvt", "blood clot in a deep vein", ("deep vein thrombosis",), "condition"),
            GlossaryEntry("vein", "vein", ("venous",), "anatomy"),
        ]
    )
    assert plain.plain_words(["Deep vein thrombosis", "thrombosis, venous"]) == (
        "blood clot in a deep vein", "blood clot", "clot", "vein",
    )  # fmt: skip
    assert PlainLanguage([]).plain_words(["Deep vein thrombosis"]) == ()


def test_a_name_that_is_a_medical_phrase_word_for_word_is_named_by_its_plain_words(
    glossary: PlainLanguage,
) -> None:
    # H10.9's index entry "Conjunctivitis" is what the glossary's "pink eye" means; A18.59's inclusion term
    # "Tuberculous conjunctivitis" only mentions it.
    assert glossary.naming_words(["Conjunctivitis"]) == ("pink eye",)
    assert glossary.naming_words(["Infarction, myocardial"]) == ("heart attack",)
    assert glossary.naming_words(["Tuberculous conjunctivitis"]) == ()
    assert glossary.naming_words(["Conjunctivitis (staphylococcal)"]) == ("pink eye",)
