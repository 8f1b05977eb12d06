"""How a hit was found (graph.search.matched_via), from the stored fields of real codes."""

from graph.search.fields import Field
from graph.search.highlight import Highlighter
from graph.search.matched_via import MatchedVia, MatchKind, index_path, matched_via
from graph.search.parse import parse_query

B02_0 = {
    Field.CODE: ["B02.0"],
    Field.TITLE: ["Zoster encephalitis"],
    Field.INDEX_TERMS: [
        "Encephalitis, herpes zoster",
        "Shingles (see Herpes, herpesvirus, herpetic, zoster)",
    ],
}
I82_40 = {
    Field.CODE: ["I82.40"],
    Field.TITLE: ["Acute embolism and thrombosis of unspecified deep veins of lower extremity"],
    Field.NAMES: ["DVT", "Deep vein thrombosis", "Blood clot in the leg"],
}


def via(stored: dict[str, list[str]], query: str, *, is_code: bool = False) -> MatchedVia | None:
    return matched_via(stored, is_code, Highlighter(parse_query(query)))  # type: ignore[arg-type]


def test_the_field_value_with_most_of_the_words_explains_the_hit_the_title_first_on_a_tie() -> None:
    assert via(B02_0, "zoster encephalitis") == MatchedVia(MatchKind.TITLE, "Zoster encephalitis")
    assert via(B02_0, "shingles") == MatchedVia(
        MatchKind.INDEX_TERM,
        "Shingles (see Herpes, herpesvirus, herpetic, zoster)",
        ("Shingles", "Herpes, herpesvirus, herpetic, zoster"),
    )
    # The title says "deep veins … thrombosis" too: the code's own words explain it first.
    assert via(I82_40, "deep vein thrombosis") == MatchedVia(MatchKind.TITLE, I82_40[Field.TITLE][0])
    assert via(I82_40, "blood clot leg") == MatchedVia(MatchKind.CURATED_NAME, "Blood clot in the leg")


def test_a_short_capitalised_name_is_an_abbreviation_and_a_code_match_is_the_code() -> None:
    assert via(I82_40, "dvt") == MatchedVia(MatchKind.ABBREVIATION, "DVT")
    assert via(I82_40, "I82.40", is_code=True) == MatchedVia(MatchKind.CODE, "I82.40")
    assert via(I82_40, "fracture") is None


def test_an_index_path_is_one_entry_or_the_two_terms_of_a_see_reference() -> None:
    assert index_path("Thrombosis, vein, deep") == ("Thrombosis, vein, deep",)
    assert index_path("Shingles (see Herpes, zoster)") == ("Shingles", "Herpes, zoster")
