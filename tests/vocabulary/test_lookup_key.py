"""How main terms are keyed for look-up (graph.vocabulary.index_terms.lookup_key)."""

from graph.vocabulary.index_terms import lookup_key


def test_a_title_and_the_word_typed_to_find_it_fold_alike() -> None:
    assert lookup_key("Herpes, herpesvirus, herpetic") == "herpes, herpesvirus, herpetic"
    assert lookup_key("  SHINGLES ") == lookup_key("Shingles") == "shingles"


def test_runs_of_spaces_fold_to_one_and_german_sharp_s_to_ss() -> None:
    assert lookup_key("Abduction   contracture,\thip") == "abduction contracture, hip"
    assert lookup_key("Straße") == "strasse"
