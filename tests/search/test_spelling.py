"""Visible typo correction (graph.search.spelling) over a small vocabulary of real title words."""

from itertools import pairwise

from graph.search.parse import parse_query
from graph.search.spelling import Correction, Vocabulary, correction, max_edits

WORDS = Vocabulary(
    [("pneumonia", 120), ("pneumococcal", 30), ("pneumothorax", 25), ("puerperal", 40), ("pne", 1),
     ("hemorrhage", 300), ("vein", 400), ("veins", 200), ("acute", 900), ("bronchitis", 20),
     ("schizophrenia", 15), ("i82", 10), ("all", 50)]
)  # fmt: skip


def test_a_word_no_code_has_becomes_the_nearest_word_and_the_query_keeps_its_other_words() -> None:
    assert correction(parse_query("Acute Bronchitus"), WORDS) == Correction(
        "Acute bronchitis", (("bronchitus", "bronchitis"),)
    )
    assert correction(parse_query("pnuemonia"), WORDS) == Correction(
        "pneumonia", (("pnuemonia", "pneumonia"),)
    )


def test_known_words_short_words_numbers_and_the_start_of_a_known_word_are_left_alone() -> None:
    for text in ("acute vein", "als", "i83", "pneumo", "veins "):
        assert correction(parse_query(text), WORDS) is None, text


def test_long_words_may_be_misspelled_by_more_letters() -> None:
    assert [max_edits(word) for word in ("pnue", "migrane", "hemmorage")] == [1, 2, 3]
    fixed = correction(parse_query("skitzophrenia"), WORDS)
    assert fixed is not None and fixed.text == "schizophrenia"
    assert correction(parse_query("hemmorage"), WORDS) == Correction(
        "hemorrhage", (("hemmorage", "hemorrhage"),)
    )


def test_while_typing_the_start_of_common_words_wins_over_a_rare_whole_word() -> None:
    # "pne" is a word one edit away, but "pneu" starts far more words: suggestions go on with pneumonia.
    assert correction(parse_query("pnue"), WORDS, typing=True) == Correction(
        "pneumonia", (("pnue", "pneumonia"),)
    )
    # A search takes the finished word as a word.
    assert correction(parse_query("pnue"), WORDS) == Correction("pne", (("pnue", "pne"),))


def test_a_word_nothing_is_near_is_not_corrected() -> None:
    assert correction(parse_query("zzzzzzzz"), WORDS) is None


def test_the_other_words_of_the_query_choose_among_near_corrections() -> None:
    # Both are two edits from "stoans"; straps is commoner, but only stones is found with "kidney".
    words = Vocabulary([("kidney", 500), ("straps", 90), ("stones", 12)])
    with_kidney = {"stones"}
    fixed = correction(parse_query("kidney stoans"), words, together=lambda word, _: word in with_kidney)
    assert fixed == Correction("kidney stones", (("stoans", "stones"),))
    assert correction(parse_query("kidney stoans"), words) == Correction(
        "kidney straps", (("stoans", "straps"),)
    )


def test_nearer_words_are_listed_first_and_each_list_starts_the_next() -> None:
    words = Vocabulary([("stones", 12), ("stoned", 3), ("straps", 90), ("stains", 40)])
    word = parse_query("stoens").words[0]
    lists = list(words.nearer_first(word, typing=False))
    assert [complete for _, complete in lists] == [False, True]
    assert lists[0][0] == ["stones"]  # one swap away
    assert lists[1][0] == ["stones", "stains", "stoned"]  # then two edits, commoner first (straps is three)
    assert all(later[: len(earlier)] == earlier for (earlier, _), (later, _) in pairwise(lists))


def test_a_farther_word_is_looked_for_only_when_the_nearer_ones_do_not_fit_the_other_words() -> None:
    words = Vocabulary([("kidney", 500), ("stoats", 90), ("stones", 12)])
    asked: list[str] = []

    def together(word: str, _others: object) -> bool:
        asked.append(word)
        return word == "stones"

    # "stoats" is one edit from "stoans" and does not fit; "stones", two edits away, does.
    fixed = correction(parse_query("kidney stoans"), words, together=together)
    assert fixed == Correction("kidney stones", (("stoans", "stones"),))
    assert asked == ["stoats", "stones"]
    # When a near word fits, the words two edits away are never looked at.
    asked.clear()
    fixed = correction(parse_query("kidney stonse"), words, together=together)
    assert fixed == Correction("kidney stones", (("stonse", "stones"),)) and asked == ["stones"]
