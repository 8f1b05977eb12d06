from graph.explain.sentences import listing, lower_first, paragraph, plain_date, sentence


def test_a_sentence_is_capitalised_spaced_once_and_closed() -> None:
    assert sentence("  it  stands for 1 mg ") == "It stands for 1 mg."
    assert sentence("Is it?") == "Is it?"
    assert sentence(" ") == ""


def test_a_paragraph_drops_empty_parts() -> None:
    assert paragraph("one", "", "two.") == "One. Two."


def test_lists_read_as_in_a_sentence() -> None:
    assert [listing([]), listing(["a"]), listing(["a", "b"]), listing(["a", "b", "c"], "or")] == [
        "",
        "a",
        "a and b",
        "a, b or c",
    ]


def test_dates_in_words_from_iso_or_cms_form() -> None:
    assert plain_date("2025-10-01") == "October 1, 2025"
    assert plain_date("20011231") == "December 31, 2001"
    assert plain_date("soon") == "soon"


def test_abbreviations_keep_their_capitals() -> None:
    assert lower_first("Injection, x") == "injection, x"
    assert lower_first("CT scan") == "CT scan"
