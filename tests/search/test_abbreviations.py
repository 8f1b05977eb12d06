"""Abbreviations the official titles define, and the initials of names (graph.search.abbreviations), on real
HCPCS and CM titles."""

import pytest

from graph.search.abbreviations import Abbreviations, definitions, initialisms, long_form

TITLES = [
    "Genetic testing for amyotrophic lateral sclerosis (als)",  # HCPCS S3800
    "Patients with a diagnosis of end stage renal disease (esrd)",  # HCPCS M1187
    "Advanced life support, level 2 (als 2)",  # HCPCS A0433: "(als 2)" defines nothing
    "Systemic inflammatory response syndrome (SIRS) of non-infectious origin",  # ICD-10-CM R65.1 header
    "Tracheostoma valve, including diaphragm, each",
]


def test_a_long_form_is_the_shortest_run_of_words_that_spells_the_letters_from_a_word_start() -> None:
    assert (
        long_form("Genetic testing for amyotrophic lateral sclerosis", "als")
        == "amyotrophic lateral sclerosis"
    )
    assert long_form("Polycystic ovary syndrome", "PCOS") == "polycystic ovary syndrome"
    assert long_form("Injection, insulin, per 5 units", "each") is None  # the letters are not there
    assert long_form("Supplies", "sup") is None  # one word is no long form


def test_definitions_are_read_from_parentheses_in_any_case() -> None:
    assert definitions(TITLES) == {
        "als": {"amyotrophic lateral sclerosis"},
        "esrd": {"end stage renal disease"},
        "sirs": {"systemic inflammatory response syndrome"},
    }


def test_every_code_whose_title_starts_with_a_long_form_gets_its_abbreviation() -> None:
    found = Abbreviations.of_texts(TITLES)
    assert found.leading_words(["Amyotrophic lateral sclerosis"]) == ("ALS",)  # G12.21
    assert found.leading_words(["Chronic kidney disease, stage 5", "End stage renal disease"]) == ("ESRD",)
    # HCPCS M1187 is about patients with the disease: its own title has the letters already.
    assert found.leading_words(["Patients with a diagnosis of end stage renal disease (esrd)"]) == ()


@pytest.mark.parametrize(
    ("title", "initials"),
    [
        ("Left bundle-branch block, unspecified", ("LBB", "LBBB")),
        ("Paroxysmal atrial fibrillation", ("PAF",)),
        ("Type 2 diabetes mellitus without complications", ("T2D", "T2DM", "T2DMW")),
        ("Chronic lymphocytic leukemia of B-cell type in remission", ("CLL", "CLLB", "CLLBC")),
        ("Pulmonary embolism", ()),  # two letters spell too many names
        ("Other acute ischemic heart diseases", ()),  # "Other" qualifies; it names nothing
    ],
)
def test_a_name_gives_the_initials_clinicians_abbreviate_it_by(title: str, initials: tuple[str, ...]) -> None:
    assert initialisms([title]) == initials
