"""The search index (graph.search): user text never becomes query syntax; codes rank before words; pages are
stable. A small index of hand-made documents pins the rules; the full bundled data in the real engine pins
the behaviour users see."""

import base64
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tantivy

from graph.driver import Graph
from graph.reads.codes import codes_by_uid, head_row
from graph.search import (
    CodeDocument,
    SearchIndex,
    SearchIndexError,
    SearchInputError,
    SearchPage,
    read_documents,
)
from graph.search.cursor import cursor_at, decode_cursor, encode_cursor
from graph.search.documents import CuratedWords, document
from graph.search.fields import Field, build_schema, register_analyzers
from graph.search.highlight import Highlight, Highlighter, code_highlight, edit_distance
from graph.search.intent import intended_systems
from graph.search.parse import MAX_WORDS, parse_query
from graph.search.query import any_term, stem_cuts
from graph.search.ranking import ACTIVE_SHARE, BILLABLE_SHARE, CODING_SYSTEM_SHARE
from graph.search.storage import LAYOUT_VERSION

# Hostile text and the plain words it must be searched as: what a query parser would read as syntax is only
# ever a word, or nothing ("" stands for no word at all: an empty page).
AS_WORDS = {
    '"': "",
    '"unclosed': "unclosed",
    "\\": "",
    "\\\\x": "x,",  # a lone word in syntax is a word, not a code: so is one followed by a comma
    "*": "",
    "?": "",
    "~": "",
    "vein~2": "vein 2",
    ":": "",
    "title:x": "title x",
    "uid:ICD10CM:I82.401": "uid icd10cm i82 401",
    "(": "",
    ")": "",
    "(vein OR": "vein or",
    "AND OR NOT": "and or not",
    "NOT": "not",
    "vein AND NOT thrombosis": "vein and not thrombosis",
    "+vein -thrombosis": "vein thrombosis",
    "[a TO z]": "a to z",
    "{*}": "",
    "^2": "2,",
    "vein^100": "vein 100",
    "/.*/": "",
    "I82.*": "I82 ",  # the code I82 and everything under it; "I82" as a whole word
    "I82.4*": "I82.4",
    "I82.4-": "I82.4",
    "-": "",
    ".": "",
    "..": "",
    "I82..4": "I82 4",
    "'; DROP TABLE codes; --": "drop table codes ",
    "$uid": "(uid",
    "ünïcödé Sjögren": "unicode sjogren",
    "中文 字": "中文 字",
    "😀": "",
    "vein 😀 thrombosis": "vein thrombosis",
    "\x00": "",
    "vein\x00thrombosis": "vein thrombosis",
    "\u200b": "",
    "a" * 199: "a" * 199,
    "x" * 41: "x" * 41,
    " ".join(["vein"] * 30): "vein vein",
    "\t\n vein \r\n": "vein ",  # a trailing space: "vein" is a whole word, not a prefix
}
# Hostile text refused with a reason.
REFUSED = {
    "\ud800": "not valid Unicode",  # a lone surrogate: JSON can carry one
    "vein \udfff": "not valid Unicode",
    " ".join(f"w{i}" for i in range(60)): "229 characters long; at most 200",
}
HOSTILE = [*AS_WORDS, *REFUSED]


def doc(uid: str, title: str, **fields: Any) -> CodeDocument:
    system, _, code = uid.partition(":")
    return CodeDocument(
        uid=uid, system=system, code=code, code_compact=code.replace(".", ""), title=title, **fields
    )


DVT = ("Deep vein thrombosis", "DVT")
DOCUMENTS = [
    doc("ICD10CM:I82", "Other venous embolism and thrombosis", kind="category"),
    doc("ICD10CM:I82.4", "Acute embolism and thrombosis of deep veins of lower extremity", names=DVT),
    doc(
        "ICD10CM:I82.40",
        "Acute embolism and thrombosis of unspecified deep veins of lower extremity",
        related_names=DVT,
    ),
    doc(
        "ICD10CM:I82.401",
        "Acute embolism and thrombosis of unspecified deep veins of right lower extremity",
        billable=True,
        related_names=DVT,
    ),
    doc(
        "ICD10CM:I82.402",
        "Acute embolism and thrombosis of unspecified deep veins of left lower extremity",
        billable=True,
        related_names=DVT,
    ),
    doc(
        "ICD10CM:I81", "Portal vein thrombosis", billable=True, inclusion_terms=("Portal (vein) obstruction",)
    ),
    doc(
        "ICD10CM:I26.99",
        "Other pulmonary embolism without acute cor pulmonale",
        billable=True,
        names=("Pulmonary embolism", "PE"),
    ),
    # Header and billable code with the same title: the billable one first.
    doc("ICD10CM:Z99.8", "Dependence on other enabling machines and devices"),
    doc("ICD10CM:Z99.89", "Dependence on other enabling machines and devices", billable=True),
    doc("ICD10CM:E11.9", "Type 2 diabetes mellitus without complications", billable=True),
    doc("HCPCS:E1190", "Amputee wheelchair, detachable arms", billable=True),
    # Terminated and current codes with the same title (and billability): the current one first.
    doc("HCPCS:A4490", "Surgical stockings above knee length, each", active=False),
    doc("HCPCS:A4495", "Surgical stockings above knee length, each"),
    doc(
        "HCPCS:J2997",
        "Injection, alteplase recombinant, 1 mg",
        short_title="Alteplase recombinant",
        billable=True,
        names=("Alteplase", "tPA"),
    ),
    doc(
        "CPT:37188",
        "Catheter removal of vein blood clot, repeat treatment on a later day",
        billable=True,
        names=(*DVT, "Pulmonary embolism", "PE", "Mechanical thrombectomy"),
    ),
    doc("ICD10PCS:06C", "Lower Veins, Extirpation", kind="table"),
    doc("ICD10PCS:06CY3ZZ", "Extirpation of Matter from Lower Vein, Percutaneous Approach", billable=True),
    *(
        doc(
            f"ICD10PCS:06C{body}0ZZ",
            f"Extirpation of Matter from Sample{i} Vein, Open Approach",
            billable=True,
        )
        for i, body in enumerate("0123456789BCDFGHJMNPQRSTV")
    ),
]


@pytest.fixture(scope="module")
def small() -> SearchIndex:
    return SearchIndex.from_documents(DOCUMENTS)


def uids(page: SearchPage) -> list[str]:
    return [hit.uid for hit in page.hits]


def walk(index: SearchIndex, query: str, first: int, **filters: object) -> Iterator[str]:
    page = index.search(query, first=first, **filters)  # type: ignore[arg-type]
    yield from uids(page)
    while page.has_next_page:
        page = index.search(query, first=first, after=page.end_cursor, **filters)  # type: ignore[arg-type]
        yield from uids(page)


# --- what the user typed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "prefix"),
    [
        ("I82.401", "I82401", True),
        ("i82401", "I82401", True),
        (" I82.4 ", "I824", True),
        ("I82.4-", "I824", True),
        ("06CY3ZZ", "06CY3ZZ", True),
        ("J2997", "J2997", True),
        ("37188", "37188", True),
        ("I80-I89", "I80-I89", False),
        ("DVT", "DVT", True),
        ("thrombosis", None, False),
        ("deep vein", None, False),
        ("I82.4 right", None, False),
    ],
)
def test_text_is_read_as_a_code_when_it_can_be_one(text: str, key: str | None, prefix: bool) -> None:
    parsed = parse_query(text)
    assert (parsed.code_key, parsed.code_prefix) == (key, prefix)


def test_words_are_stemmed_typo_tolerant_and_the_last_one_is_a_prefix() -> None:
    words = parse_query("Veins of the pulmonary thromb").words
    assert [(w.raw, w.stem, w.prefix, w.fuzzy, w.optional) for w in words] == [
        ("veins", "vein", False, 0, False),  # edits apply to the stem: "vein" is too short for one
        ("of", "of", False, 0, True),
        ("the", "the", False, 0, True),
        ("pulmonary", "pulmonari", False, 2, False),
        ("thromb", "thromb", True, 1, False),
    ]
    (misspelt,) = parse_query("apendicitis").words  # stems short: two edits would reach "open"
    assert (misspelt.stem, misspelt.fuzzy) == ("apend", 1)
    assert [w.prefix for w in parse_query("deep vein ").words] == [False, False]
    assert [w.optional for w in parse_query("of the").words] == [False, False]
    assert len(parse_query(" ".join(f"w{i}" for i in range(40))).words) == MAX_WORDS


def test_a_prefix_reaches_back_over_what_stemming_cuts() -> None:
    assert stem_cuts("infecti") == ["infe", "infec", "infect"]
    assert stem_cuts("vein") == ["vei"]
    assert stem_cuts("i82") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \t\n", "empty"),
        ("x" * 201, "201 characters long; at most 200"),
        (None, "must be a string"),
        (42, "must be a string"),
        ("vein \ud800", "not valid Unicode"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(small: SearchIndex, text: object, message: str) -> None:
    with pytest.raises(SearchInputError, match=message):
        small.search(text)  # type: ignore[arg-type]
    with pytest.raises(SearchInputError, match=message):
        small.suggest(text)  # type: ignore[arg-type]


def answer(index: SearchIndex, text: str) -> tuple[int, list[str], list[str]]:
    """The total, first hits and suggestions for a text; an empty page for no words at all."""
    if not text:
        return 0, [], []
    page = index.search(text, first=5)
    return page.total_count, uids(page), [hit.uid for hit in index.suggest(text, first=5)]


def read_as(text: str) -> tuple[object, ...]:
    """What the parser makes of a text: its words (with their stems, prefix and typo tolerance), and the code
    it may be; "" has neither."""
    if not text:
        return (), None, False
    parsed = parse_query(text)
    return parsed.words, parsed.code_key, parsed.code_prefix


def searched_as_its_words(index: SearchIndex, text: str) -> None:
    """Hostile text is read exactly as its plain words are and gets their answer, or is refused with its
    reason."""
    if text in REFUSED:
        with pytest.raises(SearchInputError, match=REFUSED[text]):
            index.search(text, first=5)
        with pytest.raises(SearchInputError, match=REFUSED[text]):
            index.suggest(text, first=5)
    else:
        assert read_as(text) == read_as(AS_WORDS[text])
        assert answer(index, text) == answer(index, AS_WORDS[text])


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_never_query_syntax(small: SearchIndex, text: str) -> None:
    searched_as_its_words(small, text)


def test_ten_kilobytes_are_refused(small: SearchIndex) -> None:
    with pytest.raises(SearchInputError, match="10240 characters long"):
        small.search("vein " * 2048)


def test_query_syntax_is_searched_as_words(small: SearchIndex) -> None:
    assert uids(small.search("title:portal")) == ["ICD10CM:I81"]
    assert uids(small.search('"portal vein" AND NOT')) == ["ICD10CM:I81"]
    assert uids(small.search("vein~2 OR *")) == uids(small.search("vein 2 or"))


# --- ranking -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["I82.401", "i82401", "I82401", "i82.401"])
def test_an_exact_code_comes_first(small: SearchIndex, text: str) -> None:
    assert uids(small.search(text)) == ["ICD10CM:I82.401"]


def test_a_code_prefix_lists_the_code_then_its_descendants_in_code_order(small: SearchIndex) -> None:
    assert uids(small.search("I82.4")) == [
        "ICD10CM:I82.4",
        "ICD10CM:I82.40",
        "ICD10CM:I82.401",
        "ICD10CM:I82.402",
    ]
    assert uids(small.search("i82"))[:3] == ["ICD10CM:I82", "ICD10CM:I82.4", "ICD10CM:I82.40"]


def test_codes_extending_an_existing_code_stay_in_its_system(small: SearchIndex) -> None:
    assert uids(small.search("E11.9")) == ["ICD10CM:E11.9"]
    # No code is E11 here: every system's codes extend it, in uid order.
    assert uids(small.search("E11")) == ["HCPCS:E1190", "ICD10CM:E11.9"]


def test_words_find_title_synonyms_and_inherited_condition_names(small: SearchIndex) -> None:
    assert set(uids(small.search("DVT"))) == {
        "ICD10CM:I82.4",
        "ICD10CM:I82.40",
        "ICD10CM:I82.401",
        "ICD10CM:I82.402",
        "CPT:37188",
    }
    assert uids(small.search("DVT"))[:2] == ["CPT:37188", "ICD10CM:I82.4"]  # named, not inherited
    assert uids(small.search("tpa")) == ["HCPCS:J2997"]
    assert "ICD10CM:I81" in uids(small.search("portal veins "))


def test_billable_codes_rank_above_headers_and_current_above_terminated(small: SearchIndex) -> None:
    assert uids(small.search("enabling machines")) == ["ICD10CM:Z99.89", "ICD10CM:Z99.8"]
    assert uids(small.search("surgical stockings")) == ["HCPCS:A4495", "HCPCS:A4490"]


def test_typos_and_prefixes_match(small: SearchIndex) -> None:
    assert uids(small.search("portal thrombosys")) == ["ICD10CM:I81"]
    assert uids(small.search("altplase")) == ["HCPCS:J2997"]
    assert "ICD10CM:I82.401" in uids(small.search("deep vein thromb"))
    assert set(uids(small.search("extirpa lower vei"))) == {"ICD10PCS:06C", "ICD10PCS:06CY3ZZ"}


def test_when_no_code_has_every_word_all_but_one_will_do(small: SearchIndex) -> None:
    page = small.search("portal vein zebra")
    assert page.relaxed
    assert uids(page)[0] == "ICD10CM:I81"
    assert not small.search("portal vein").relaxed


# --- filters, facets, pages ----------------------------------------------------------------------------


def test_facets_count_every_system_and_total_counts_the_filtered_result(small: SearchIndex) -> None:
    page = small.search("vein", systems=["ICD10PCS"], first=3)
    assert page.facets == {"CPT": 1, "HCPCS": 0, "ICD10CM": 5, "ICD10PCS": 27}
    assert page.total_count == 27
    assert {uid.partition(":")[0] for uid in walk(small, "vein", 10, systems=["ICD10PCS"])} == {"ICD10PCS"}
    assert small.search("vein", systems=[]).total_count == 33


@pytest.mark.parametrize("text", ["vein", "portal vein zebra", "I82.4", "zebra"])
def test_facets_and_highlights_left_out_change_nothing_else(small: SearchIndex, text: str) -> None:
    full = small.search(text, systems=["ICD10CM"], first=3)
    lean = small.search(text, systems=["ICD10CM"], first=3, facets=False, highlights=False)
    assert (lean.facets, [hit.highlights for hit in lean.hits]) == ({}, [()] * len(lean.hits))
    assert [(h.uid, h.score, h.cursor) for h in lean.hits] == [(h.uid, h.score, h.cursor) for h in full.hits]
    assert (lean.total_count, lean.relaxed, lean.end_cursor, lean.has_next_page) == (
        full.total_count,
        full.relaxed,
        full.end_cursor,
        full.has_next_page,
    )


@pytest.mark.parametrize("text", ["portal vein zebra", "portal vein", "zebra vein"])
def test_without_facets_or_a_filter_the_page_itself_says_whether_every_word_matched(
    small: SearchIndex, text: str
) -> None:
    full = small.search(text, first=2)
    lean = small.search(text, first=2, facets=False, highlights=False, explain=False)
    assert [(h.uid, h.score) for h in lean.hits] == [(h.uid, h.score) for h in full.hits]
    assert (lean.total_count, lean.relaxed, lean.has_next_page) == (
        full.total_count,
        full.relaxed,
        full.has_next_page,
    )


def test_billable_only_applies_to_results_and_facets(small: SearchIndex) -> None:
    assert uids(small.search("deep veins")) == [
        "ICD10CM:I82.4",
        "CPT:37188",
        "ICD10CM:I82.401",  # billable codes above their header I82.40, whose words score alike
        "ICD10CM:I82.402",
        "ICD10CM:I82.40",
    ]
    page = small.search("deep veins", billable_only=True)
    assert uids(page) == ["CPT:37188", "ICD10CM:I82.401", "ICD10CM:I82.402"]
    assert page.facets == {"CPT": 1, "HCPCS": 0, "ICD10CM": 2, "ICD10PCS": 0}


def test_pages_have_no_duplicates_and_no_gaps(small: SearchIndex) -> None:
    everything = uids(small.search("vein", first=100))
    assert len(everything) == small.search("vein").total_count == 33
    for first in (1, 4, 7):
        assert list(walk(small, "vein", first)) == everything
    # Equal scores fall back to uid order.
    sample = [uid for uid in everything if uid.startswith("ICD10PCS:06C") and uid.endswith("0ZZ")]
    assert sample == sorted(sample)


def test_cursors_are_opaque_and_checked(small: SearchIndex) -> None:
    page = small.search("vein", first=2)
    assert page.end_cursor == page.hits[-1].cursor
    assert uids(small.search("vein", first=1, after=page.hits[0].cursor)) == uids(page)[1:]
    forged = [
        "",
        "not a cursor",
        "!!!!",
        base64.urlsafe_b64encode(b"none:-1").decode(),
        base64.urlsafe_b64encode(b"none:007").decode(),
        base64.urlsafe_b64encode(b"none:99999999").decode(),
        base64.urlsafe_b64encode(b"other:1").decode(),
        f"{page.end_cursor}A",
        "x" * 100,
    ]
    for cursor in forged:
        with pytest.raises(SearchInputError):
            small.search("vein", after=cursor)
    with pytest.raises(SearchInputError, match="older version"):
        decode_cursor(encode_cursor("v1", 3), "v2")
    past_the_end = encode_cursor("none", 9_999_999)
    assert small.search("vein", after=past_the_end).hits == ()


def test_a_cursor_of_a_list_names_any_other_position_of_it(small: SearchIndex) -> None:
    everything = uids(small.search("vein", first=100))
    page = small.search("vein", first=2)
    assert uids(small.search("vein", first=2, after=cursor_at(page.end_cursor, 4))) == everything[5:7]
    with pytest.raises(SearchInputError):
        cursor_at("not a cursor", 4)


def test_pages_go_backwards_as_relay_does_with_last_and_before(small: SearchIndex) -> None:
    everything = list(walk(small, "vein", first=100))
    tail = small.search("vein", last=3)
    assert uids(tail) == everything[-3:]
    assert (tail.has_previous_page, tail.has_next_page) == (True, False)
    assert tail.start_cursor == tail.hits[0].cursor
    before = small.search("vein", last=2, before=tail.start_cursor)
    assert uids(before) == everything[-5:-3]
    head = small.search("vein", last=5, before=small.search("vein", first=2).end_cursor)
    assert uids(head) == everything[:1] and not head.has_previous_page
    second = small.search("vein", first=2, after=head.end_cursor)
    assert uids(second) == everything[1:3] and second.has_previous_page
    between = small.search("vein", first=10, after=head.end_cursor, before=tail.start_cursor)
    assert uids(between) == everything[1:-3][:10]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"first": 2, "last": 2}, "first or last"),
        ({"last": 0}, "last must be"),
        ({"last": 101}, "last must be"),
    ],
)
def test_a_page_is_asked_for_from_one_end(
    small: SearchIndex, arguments: dict[str, int], message: str
) -> None:
    with pytest.raises(SearchInputError, match=message):
        small.search("vein", **arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"first": 0}, "first must be between 1 and 100"),
        ({"first": 101}, "first must be between 1 and 100"),
        ({"first": True}, "first must be between 1 and 100"),
        ({"systems": ["ICD9"]}, "Unknown code system 'ICD9'"),
        ({"systems": "ICD10CM"}, "systems must be a list"),
    ],
)
def test_bad_arguments_are_refused(small: SearchIndex, arguments: dict[str, object], message: str) -> None:
    with pytest.raises(SearchInputError, match=message):
        small.search("vein", **arguments)  # type: ignore[arg-type]


def test_suggestions_follow_the_search_order(small: SearchIndex) -> None:
    assert [s.uid for s in small.suggest("I82.4", first=2)] == ["ICD10CM:I82.4", "ICD10CM:I82.40"]
    (alteplase,) = small.suggest("altep")
    assert (alteplase.uid, alteplase.code, alteplase.title) == (
        "HCPCS:J2997",
        "J2997",
        "Injection, alteplase recombinant, 1 mg",
    )
    with pytest.raises(SearchInputError, match="between 1 and 20"):
        small.suggest("vein", first=21)


# --- highlights ----------------------------------------------------------------------------------------


def test_highlights_mark_the_code_and_the_words_that_matched(small: SearchIndex) -> None:
    (hit,) = small.search("I82.40").hits[:1]
    assert hit.highlights[0] == Highlight("code", "I82.40", ((0, 6),))
    prefix_hit = small.search("I82.4").hits[1]
    assert prefix_hit.highlights[0] == Highlight("code", "I82.40", ((0, 5),))
    (portal,) = small.search("portal thrombosys").hits
    title = portal.highlights[0]
    assert title.segments() == [("Portal", True), (" vein ", False), ("thrombosis", True)]
    assert ("inclusionTerm", "Portal (vein) obstruction") in [(h.field, h.text) for h in portal.highlights]
    dvt = small.search("dvt").hits[0]
    assert dvt.highlights[0].field == "title" and dvt.highlights[0].spans == ()
    assert Highlight("name", "DVT", ((0, 3),)) in dvt.highlights


def test_code_highlight_skips_the_dot() -> None:
    assert code_highlight("I82.401", "I824") == Highlight("code", "I82.401", ((0, 5),))
    assert code_highlight("06CY3ZZ", "06C") == Highlight("code", "06CY3ZZ", ((0, 3),))


def test_word_spans_follow_stems_prefixes_and_typos() -> None:
    highlighter = Highlighter(parse_query("veins infecti"))
    assert highlighter.spans("Vein infection, infectious") == ((0, 4), (5, 14), (16, 26))
    assert Highlighter(parse_query("thrombosys pnuemonia")).spans("Thrombosis, pneumonia") == (
        (0, 10),
        (12, 21),
    )
    assert edit_distance("thrombosys", "thrombosis", 2) == 1
    assert edit_distance("pnuemonia", "pneumonia", 2) == 1  # a transposition is one edit
    assert edit_distance("abc", "xyzw", 1) == 2


def test_an_empty_index_finds_nothing() -> None:
    empty = SearchIndex.from_documents([])
    assert empty.search("vein") == SearchPage(
        total_count=0,
        hits=(),
        facets={},
        start_cursor=None,
        end_cursor=None,
        has_previous_page=False,
        has_next_page=False,
        relaxed=False,
    )
    assert empty.suggest("I82") == []


# --- documents and persistence -------------------------------------------------------------------------


def test_descendants_inherit_the_words_of_coded_conditions() -> None:
    words = CuratedWords()
    words.add_coded("ICD10CM:I82.4", ["Deep vein thrombosis", "DVT"])
    words.add_direct("ICD10CM:I82.4", ["DVT", "Blood clot"])
    row = {"system": "ICD10CM", "title": "T", "kind": "code", "billable": True, "active": True}
    row |= {"shortTitle": None, "plainTitle": None, "inclusionTerms": None}
    header = document({**row, "uid": "ICD10CM:I82.4", "code": "I82.4", "codeCompact": "I824"}, words)
    child = document({**row, "uid": "ICD10CM:I82.401", "code": "I82.401", "codeCompact": "I82401"}, words)
    cousin = document({**row, "uid": "ICD10CM:I82.5", "code": "I82.5", "codeCompact": "I825"}, words)
    assert (header.names, header.related_names) == (("Deep vein thrombosis", "DVT", "Blood clot"), ())
    assert (child.names, child.related_names) == ((), ("Deep vein thrombosis", "DVT"))
    assert (cousin.names, cousin.related_names) == ((), ())


def test_a_persisted_index_is_reused_for_its_data_version(tmp_path: Path) -> None:
    built = SearchIndex.from_documents(DOCUMENTS, path=tmp_path, data_version="abc123")
    assert not built.stats.reused
    (folder,) = tmp_path.iterdir()
    reopened = SearchIndex.open(folder, "abc123")
    assert reopened.stats.reused
    assert uids(reopened.search("I82.4")) == uids(built.search("I82.4"))
    cursor = built.search("vein", first=1).end_cursor
    assert uids(reopened.search("vein", first=1, after=cursor)) == uids(built.search("vein", first=2))[1:]
    SearchIndex.from_documents(DOCUMENTS[:3], path=tmp_path, data_version="def456")
    assert [p.name for p in tmp_path.iterdir()] == [f"v{LAYOUT_VERSION}-def456"]
    with pytest.raises(SearchIndexError, match="cannot open the search index"):
        SearchIndex.open(tmp_path / "v1-missing", "missing")


# --- the bundled data in the real engine ---------------------------------------------------------------


@pytest.fixture(scope="module")
def titles(loaded_graph: Graph) -> dict[str, CodeDocument]:
    """Every code of the bundled data, by uid, as the index reads it."""
    return {d.uid: d for d in read_documents(loaded_graph)}


@pytest.fixture(scope="module")
def bundled(titles: dict[str, CodeDocument]) -> SearchIndex:
    return SearchIndex.from_documents(titles.values())


@pytest.mark.parametrize(
    ("text", "uid"),
    [
        ("I82.401", "ICD10CM:I82.401"),
        ("i82401", "ICD10CM:I82.401"),
        ("I82401", "ICD10CM:I82.401"),
        ("06CY3ZZ", "ICD10PCS:06CY3ZZ"),
        ("06cy3zz", "ICD10PCS:06CY3ZZ"),
        ("J2997", "HCPCS:J2997"),
        ("37188", "CPT:37188"),
    ],
)
def test_bundled_exact_code_first(bundled: SearchIndex, text: str, uid: str) -> None:
    assert bundled.search(text).hits[0].uid == uid


def test_bundled_code_prefix_then_descendants_in_code_order(bundled: SearchIndex) -> None:
    found = list(walk(bundled, "I82.4", 100))
    assert found[0] == "ICD10CM:I82.4"
    assert found[1:4] == ["ICD10CM:I82.40", "ICD10CM:I82.401", "ICD10CM:I82.402"]
    assert found[1:] == sorted(found[1:])
    assert all(uid.startswith("ICD10CM:I82.4") for uid in found)
    assert len(found) == 51
    table = bundled.search("06C", first=3)
    assert uids(table) == ["ICD10PCS:06C", "ICD10PCS:06C00ZZ", "ICD10PCS:06C03ZZ"]


def test_bundled_words(bundled: SearchIndex, titles: dict[str, CodeDocument]) -> None:
    thrombosis = bundled.search("vein thrombosis")
    assert any(uid.startswith("ICD10CM:I82.") for uid in uids(thrombosis))
    assert bundled.search("portal veins thrombosis ").hits[0].uid == "ICD10CM:I81"  # veins → vein
    misspelt = bundled.search("apendicitis", first=3)
    assert misspelt.total_count < 1_000
    assert all(uid.startswith(("ICD10CM:K35", "ICD10CM:K36", "ICD10CM:K37")) for uid in uids(misspelt))
    typo = uids(bundled.search("thrombosys"))
    assert typo and all("thrombosis" in titles[uid].title.lower() for uid in typo)
    typed = uids(bundled.search("deep vein thromb"))
    assert "ICD10CM:I82.4" in typed
    assert all("deep" in titles[uid].title.lower() or titles[uid].names for uid in typed)


def test_bundled_conditions_find_their_codes_and_procedures(bundled: SearchIndex) -> None:
    dvt = list(walk(bundled, "DVT", 100))
    assert {"ICD10CM:I82.4", "ICD10CM:I82.401", "CPT:37187", "CPT:37188"} <= set(dvt)
    # The condition's own codes lead; the procedures that treat it follow, by the weaker related names.
    top = uids(bundled.search("DVT", first=10))
    assert top[0].startswith("ICD10CM:I82") and sum(uid.startswith("ICD10CM:I82") for uid in top) >= 5
    pe = list(walk(bundled, "PE", 100))
    assert {"ICD10CM:I26", "CPT:37188"} <= set(pe)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("GERD", "ICD10CM:K21"),
        ("UTI", "ICD10CM:N39.0"),
        ("CHF", "ICD10CM:I50"),
        ("COPD", "ICD10CM:J44"),
        ("heart attack", "ICD10CM:I21"),
        ("high blood pressure", "ICD10CM:I10"),
        ("T2DM", "ICD10CM:E11"),
        ("afib", "ICD10CM:I48"),
        ("BPH", "ICD10CM:N40"),
    ],
)
def test_bundled_abbreviations_and_lay_names_find_their_codes_first(
    bundled: SearchIndex, text: str, category: str
) -> None:
    first = uids(bundled.search(text, first=3))[0]
    assert first == category or first.startswith(category + "."), uids(bundled.search(text, first=3))


def test_bundled_facets_billable_only_and_pages(
    bundled: SearchIndex, titles: dict[str, CodeDocument]
) -> None:
    page = bundled.search("vein thrombosis", systems=["CPT"])
    assert page.total_count == page.facets["CPT"] > 0
    assert page.facets["ICD10CM"] > 100
    everything = list(walk(bundled, "vein thrombosis", 17))
    assert len(everything) == len(set(everything)) == bundled.search("vein thrombosis").total_count
    assert everything == list(walk(bundled, "vein thrombosis", 100))
    billable = list(walk(bundled, "vein thrombosis", 50, billable_only=True))
    assert billable and all(titles[uid].billable for uid in billable)
    assert len(billable) < len(everything)


@pytest.mark.parametrize("text", HOSTILE)
def test_bundled_hostile_text(bundled: SearchIndex, text: str) -> None:
    searched_as_its_words(bundled, text)


def test_bundled_build_is_persisted_and_reused(loaded_graph: Graph, tmp_path: Path) -> None:
    built = SearchIndex.build(loaded_graph, tmp_path)
    again = SearchIndex.build(loaded_graph, tmp_path)
    assert (built.stats.reused, again.stats.reused) == (False, True)
    assert again.size == built.size > 180_000
    assert built.data_version is not None and again.data_version == built.data_version
    (folder,) = tmp_path.iterdir()
    (folder / "meta.json").write_text("damaged")
    rebuilt = SearchIndex.build(loaded_graph, tmp_path)
    assert (rebuilt.stats.reused, rebuilt.size) == (False, built.size)


def test_bundled_hits_keep_what_their_code_shows_but_its_notes(
    bundled: SearchIndex, loaded_graph: Graph
) -> None:
    hits = bundled.search("deep vein thrombosis", first=10).hits
    rows = codes_by_uid(loaded_graph, [hit.uid for hit in hits])
    for hit in hits:
        assert hit.head is not None
        kept, read = head_row(hit.head), rows[hit.uid]
        assert not kept.complete and read.complete
        assert replace(kept, properties={}, complete=True) == replace(read, properties={})
        assert kept.properties.get("release") == read.properties.get("release")


def test_bundled_index_words_reach_their_codes(bundled: SearchIndex) -> None:
    """Words only the ICD-10-CM Alphabetic Index knows: a `see` reference carries them to its term's codes."""
    shingles = [hit.uid for hit in bundled.search("shingles", first=20).hits]
    assert all(uid.startswith("ICD10CM:B02") for uid in shingles[:10])
    assert "ICD10CM:B02.9" in shingles
    bed_sore = [hit.uid for hit in bundled.search("bed sore", first=5).hits]
    assert all(uid.startswith("ICD10CM:L89") for uid in bed_sore)
    hives = [hit.uid for hit in bundled.search("hives", first=10).hits]
    assert {"ICD10CM:L50.0", "ICD10CM:L50.1"} <= set(hives)


def test_bundled_pcs_body_part_and_device_names_reach_their_codes(
    bundled: SearchIndex, titles: dict[str, CodeDocument]
) -> None:
    """Names only the body part and device keys know: "Hallux" is 1st Toe, a K-wire a fixation device."""
    hallux = [hit for hit in bundled.search("hallux", first=50).hits if hit.uid.startswith("ICD10PCS:")]
    assert len(hallux) >= 10
    assert all("1st Toe" in titles[hit.uid].title for hit in hallux)
    assert [h.text for h in hallux[0].highlights if h.field == "indexTerm"] == ["Hallux"]
    wire = [hit.uid for hit in bundled.search("kirschner wire", first=10).hits]
    assert len(wire) == 10 and all("Internal Fixation Device" in titles[uid].title for uid in wire)


def test_bundled_pcs_index_words_reach_the_codes_their_lead_names(
    bundled: SearchIndex, titles: dict[str, CodeDocument]
) -> None:
    """Words only the ICD-10-PCS Index knows: "Appendectomy see Resection, Appendix 0DTJ" (and Excision 0DBJ),
    "Tonsillectomy see Resection, Mouth and Throat 0CT" (a table of 51 codes, under the fan-out bound)."""
    appendix = {uid for uid in titles if uid.startswith(("ICD10PCS:0DTJ", "ICD10PCS:0DBJ"))}
    appendectomy = list(walk(bundled, "appendectomy", 100, systems=["ICD10PCS"]))
    assert len(appendix) == 16 and set(appendectomy[:16]) == appendix
    assert all(uid.startswith("ICD10PCS:0D") for uid in appendectomy)  # then typos: Appendicotomy (0D9J)
    # Every code of the two tables (excision and resection in the mouth and throat), the tonsils' among them.
    tonsillectomy = list(walk(bundled, "tonsillectomy", 100, systems=["ICD10PCS"]))
    assert {"ICD10PCS:0CTP0ZZ", "ICD10PCS:0CTPXZZ"} <= set(tonsillectomy)
    assert {uid for uid in titles if uid.startswith(("ICD10PCS:0CB", "ICD10PCS:0CT"))} <= set(tonsillectomy)
    assert all(uid.startswith("ICD10PCS:0C") for uid in tonsillectomy)  # and typos: Tonsillotomy (0C9)
    assert "Tonsillectomy" in titles["ICD10PCS:0CTP0ZZ"].index_terms


def test_bundled_a_broad_pcs_lead_gives_its_words_to_its_table_only(titles: dict[str, CodeDocument]) -> None:
    """Roux-en-Y operation, see Bypass, Gastrointestinal System 0D1: 1,045 codes, over the fan-out bound."""
    assert "Roux-en-Y operation" in titles["ICD10PCS:0D1"].index_terms
    assert not any(term.startswith("Roux-en-Y") for term in titles["ICD10PCS:0D16079"].index_terms)


def test_bundled_index_entries_show_why_a_code_matched(bundled: SearchIndex) -> None:
    hit = bundled.search("bunion", first=5).hits[0]
    assert hit.uid == "ICD10CM:M21.61"
    assert [h.text for h in hit.highlights if h.field == "indexTerm"] == ["Bunion"]


def test_bundled_colonoscopy_lists_every_current_code_before_any_terminated_one(
    bundled: SearchIndex, titles: dict[str, CodeDocument]
) -> None:
    found = list(walk(bundled, "colonoscopy", 100))
    active = [titles[uid].active for uid in found]
    # With the ICD-10-PCS Index: Colonoscopy → 0DJD8ZZ, and Colposcopy → 0UJH8ZZ one typo away; the curated
    # colonoscopies with biopsy (0DBE8ZX) and polyp removal (0DBE8ZZ) by their names.
    assert {"ICD10PCS:0DJD8ZZ", "ICD10PCS:0UJH8ZZ", "ICD10PCS:0DBE8ZX", "ICD10PCS:0DBE8ZZ"} <= set(found)
    assert (len(found), active.count(False)) == (31, 12)
    # ICD-9-CM 45.23, titled "Colonoscopy" itself and retired since 2015, ranks by its words among the current
    # codes (the prior for current codes does not outweigh a whole-title match); the other systems keep every
    # current code before any terminated one.
    assert "ICD9CM:45.23" in found
    others = [titles[uid].active for uid in found if not uid.startswith("ICD9CM:")]
    assert others == sorted(others, reverse=True)


def test_a_code_typed_with_letters_is_looked_up_as_typed_not_corrected() -> None:
    # "xxxa" is no word, but "xxx" is one ("Karyotype 47, XXX"): correcting it would lose W19.XXXA.
    index = SearchIndex.from_documents(
        [
            doc("ICD10CM:W19.XXXA", "Unspecified fall, initial encounter", billable=True, kind="extension"),
            doc("ICD10CM:Q97.0", "Karyotype 47, XXX", billable=True),
        ]
    )
    found = index.search("w19.xxxa", first=5)
    assert [hit.uid for hit in found.hits] == ["ICD10CM:W19.XXXA"]
    assert found.correction is None
    assert index.search("karyotpe", first=5).correction is not None  # words are still corrected


@pytest.mark.parametrize(
    ("values", "expected"),
    [(["CPT"], ["a", "c"]), (["CPT", "HCPCS"], ["a", "b", "c"]), (["ICD9CM"], [])],
)
def test_any_term_finds_the_codes_holding_any_of_the_terms(values: list[str], expected: list[str]) -> None:
    schema = build_schema()
    index = tantivy.Index(schema)
    register_analyzers(index)
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    for uid, system in [("a", "CPT"), ("b", "HCPCS"), ("c", "CPT"), ("d", "ICD10CM")]:
        writer.add_document(tantivy.Document(**{Field.UID.value: uid, Field.SYSTEM.value: system}))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    found = searcher.search(any_term(schema, Field.SYSTEM, values), limit=10, count=True)
    assert sorted(searcher.doc(address)[Field.UID.value][0] for _, address in found.hits) == expected
    assert found.count == len(expected)


def test_a_prior_a_code_lacks_costs_it_its_share_of_the_full_score() -> None:
    # The same title four times: one code has every prior, each of the others lacks one. The priors are given
    # as penalties to the codes that lack them (graph.search.query.with_priors); each gap is its prior's share
    # of the same full score, so the gaps stand in the ratio of the shares. (Words that lean to no system:
    # the intent prior would favour the codes of the system they lean to.)
    title = "Knee joint"
    assert intended_systems(title.lower().split()) == ()
    index = SearchIndex.from_documents(
        [
            doc("HCPCS:E1390", title, billable=True),
            doc("HCPCS:E1391", title, billable=True, active=False),
            doc("HCPCS:E1392", title),
            doc("MSDRG:190", title, billable=True),
        ]
    )
    scores = {hit.uid: hit.score for hit in index.search(title.lower(), first=10).hits}
    top = scores.pop("HCPCS:E1390")
    gaps = {uid: top - score for uid, score in scores.items()}
    assert all(gap > 0 for gap in gaps.values())
    unit = gaps["HCPCS:E1392"] / BILLABLE_SHARE
    assert gaps["HCPCS:E1391"] == pytest.approx(ACTIVE_SHARE * unit)
    assert gaps["MSDRG:190"] == pytest.approx(CODING_SYSTEM_SHARE * unit)
