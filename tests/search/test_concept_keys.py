"""Concept keys (graph.search.concept_keys): a name as the set of its word stems, and the query's own key."""

import pytest

from graph.search import CodeDocument, SearchIndex
from graph.search.concept_keys import concept_key, concept_keys, query_key
from graph.search.index_words import IndexWords
from graph.search.parse import parse_query


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # ICD-10-CM Alphabetic Index lines (FY2025), as search documents carry them
        ("Hemorrhage, hemorrhagic (concealed)", "hemorrhag"),
        ("Infection, bladder (see Cystitis)", "bladder infect"),
        ("Stuffy nose", "nose stuffi"),
        ("Fracture, traumatic, arm", "arm fractur traumat"),
        # an inclusion term and a curated name
        ("Herpes labialis", "herp labiali"),
        ("Blood clot in the leg", "blood clot leg"),
    ],
)
def test_a_name_is_its_word_stems_without_order_stop_words_or_modifiers(name: str, key: str) -> None:
    assert concept_key(name) == key


def test_a_name_of_only_modifiers_or_stop_words_has_no_key() -> None:
    assert concept_key("(acute) (chronic)") is None
    assert concept_key("of the") is None


def test_names_with_the_same_words_give_one_key() -> None:
    assert concept_keys(["Infection, bladder", "Bladder infection", "Stuffy nose"]) == (
        "bladder infect",
        "nose stuffi",
    )


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("bladder infection", "bladder infect"),
        ("infection of the bladder", "bladder infect"),
        ("Hemorrhage", "hemorrhag"),
        ("stuffy nose ", "nose stuffi"),
    ],
)
def test_the_query_key_matches_the_key_of_the_name_it_says(typed: str, key: str) -> None:
    assert query_key(parse_query(typed)) == key


def _document(uid: str, title: str, **more: tuple[str, ...]) -> CodeDocument:
    system, _, code = uid.partition(":")
    return CodeDocument(uid, system, code, code.replace(".", ""), title, billable=True, **more)  # type: ignore[arg-type]


def test_an_index_line_said_in_other_words_order_leads_to_the_codes_of_its_reference() -> None:
    # "Infection, bladder — see Cystitis": the see words reach N30.90; a title with both words names a kind.
    index = SearchIndex.from_documents(
        [
            _document("ICD10CM:O03.38", "Urinary tract infection following incomplete spontaneous abortion"),
            _document("ICD10CM:N39.0", "Urinary tract infection, site not specified"),
            _document("ICD10CM:O23.10", "Infections of bladder in pregnancy, unspecified trimester"),
            _document(
                "ICD10CM:N30.90",
                "Cystitis, unspecified without hematuria",
                index_terms=("Infection, bladder (see Cystitis)", "Cystitis (exudative) (hemorrhagic)"),
                concept_names=("Infection, bladder", "Cystitis (exudative) (hemorrhagic)"),
            ),
        ]
    )
    page = index.search("bladder infection", facets=False, highlights=False, explain=False)
    assert page.hits[0].uid == "ICD10CM:N30.90"


def test_a_see_reference_names_the_code_of_the_term_it_names_not_those_of_its_subterms() -> None:
    # FY2025 ICD-10-CM Index: "Infection, bladder — see Cystitis"; "Cystitis (exudative) … N30.90", and its
    # subterm "amebic A06.81".
    index = IndexWords(
        paths={
            "bladder": ["Infection", "bladder"],
            "cystitis": ["Cystitis (exudative)"],
            "amebic": ["Cystitis (exudative)", "amebic"],
        },
        links=[
            ("cystitis", "ICD10CM:N30.90", "ICD10CM", None),
            ("amebic", "ICD10CM:A06.81", "ICD10CM", None),
        ],
        subterms=[("amebic", "cystitis")],
        see=[("bladder", "cystitis")],
    )
    assert index.concepts_for_code("ICD10CM:N30.90", "ICD10CM", "N3090") == (
        "Cystitis (exudative)",
        "Infection, bladder",
    )
    assert index.concepts_for_code("ICD10CM:A06.81", "ICD10CM", "A0681") == ("Cystitis (exudative), amebic",)
    # Both carry the reference among their index entries, for the words and for "via index".
    assert "Infection, bladder (see Cystitis (exudative))" in index.for_code(
        "ICD10CM:A06.81", "ICD10CM", "A0681"
    )


def test_a_term_that_lists_the_forms_of_its_word_names_the_concept_in_each() -> None:
    # FY2025 ICD-10-CM Index: "Arthritis, arthritic (acute) (chronic) (nonpyogenic) (subacute) M19.90";
    # "arthritis" and "arthritic" stem apart.
    index = IndexWords(
        paths={"arthritis": ["Arthritis, arthritic (acute) (chronic)"]},
        links=[("arthritis", "ICD10CM:M19.90", "ICD10CM", None)],
        subterms=[],
        see=[],
    )
    names = index.concepts_for_code("ICD10CM:M19.90", "ICD10CM", "M1990")
    assert names == ("Arthritis", "arthritic (acute) (chronic)")
    assert query_key(parse_query("arthritis")) in concept_keys(names)
