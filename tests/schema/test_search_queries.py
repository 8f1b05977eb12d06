"""`search` and `suggest` over GraphQL, on the real loaded graph (the index itself: tests/search)."""

import pytest

from tests.schema.conftest import Api

SEARCH = """
query Search($q: String!, $systems: [CodeSystem!], $billable: Boolean, $first: Int, $after: String) {
  search(query: $q, systems: $systems, billableOnly: $billable, first: $first, after: $after) {
    totalCount
    edges { cursor score node { system code title billable } highlights { field text ranges { start end } } }
    pageInfo { hasNextPage endCursor }
    facets { system count }
  }
}
"""


def test_a_typed_code_comes_first_then_its_descendants(api: Api) -> None:
    edges = api.data(SEARCH, q="i82.40")["search"]["edges"]
    codes = [e["node"]["code"] for e in edges]
    assert codes[0] == "I82.40"
    assert codes[1:4] == ["I82.401", "I82.402", "I82.403"]


@pytest.mark.parametrize(
    ("typed", "system", "code"),
    [("37188", "CPT", "37188"), ("06cy3zz", "ICD10PCS", "06CY3ZZ"), ("J2997", "HCPCS", "J2997")],
)
def test_codes_of_every_system_are_found_by_code(api: Api, typed: str, system: str, code: str) -> None:
    first = api.data(SEARCH, q=typed)["search"]["edges"][0]["node"]
    assert (first["system"], first["code"]) == (system, code)


def test_words_find_codes_with_highlights_and_facets(api: Api) -> None:
    search = api.data(SEARCH, q="pulmonary embolism")["search"]
    assert search["totalCount"] > 10
    assert any(e["node"]["code"].startswith("I26") for e in search["edges"])
    highlight = search["edges"][0]["highlights"][0]
    marked = [highlight["text"][r["start"] : r["end"]].lower() for r in highlight["ranges"]]
    assert any(m.startswith("embol") or m.startswith("pulmonar") for m in marked)
    facets = {f["system"]: f["count"] for f in search["facets"]}
    assert facets["ICD10CM"] > 0


def test_an_abbreviation_finds_the_condition_and_the_procedures_for_it(api: Api) -> None:
    edges = api.data(SEARCH, q="DVT", first=50)["search"]["edges"]
    systems = {e["node"]["system"] for e in edges}
    assert {"ICD10CM", "CPT"} <= systems


def test_the_systems_filter_and_billable_only_restrict_the_results(api: Api) -> None:
    search = api.data(SEARCH, q="thrombosis", systems=["ICD10CM"], billable=True)["search"]
    assert search["edges"]
    assert all(e["node"]["system"] == "ICD10CM" and e["node"]["billable"] for e in search["edges"])


def test_paging_walks_every_result_once(api: Api) -> None:
    seen: list[str] = []
    after = None
    total = None
    while True:
        search = api.data(SEARCH, q="femoral vein", first=25, after=after)["search"]
        total = search["totalCount"]
        seen += [f"{e['node']['system']}:{e['node']['code']}" for e in search["edges"]]
        if not search["pageInfo"]["hasNextPage"]:
            break
        after = search["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == total > 25


def test_pages_go_back_with_last_and_before_and_say_what_is_on_either_side(api: Api) -> None:
    document = """query($after: String, $before: String, $first: Int, $last: Int) {
      search(query: "femoral vein", first: $first, after: $after, last: $last, before: $before) {
        edges { node { code } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
    first = api.data(document, first=10)["search"]
    assert (first["pageInfo"]["hasPreviousPage"], first["pageInfo"]["hasNextPage"]) == (False, True)
    second = api.data(document, first=10, after=first["pageInfo"]["endCursor"])["search"]
    assert second["pageInfo"]["hasPreviousPage"]
    back = api.data(document, last=10, before=second["pageInfo"]["startCursor"])["search"]
    assert back["edges"] == first["edges"] and not back["pageInfo"]["hasPreviousPage"]
    assert api.error_codes(document, first=5, last=5) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "\\",
        "title:(",
        "a AND OR NOT",
        "*",
        "?~",
        "\x00",
        "'; MATCH (n) DETACH DELETE n //",
        "x" * 300,
        "",
    ],
)
def test_hostile_text_is_data_or_a_clear_bad_user_input(api: Api, hostile: str) -> None:
    result = api.execute(SEARCH, q=hostile)
    if result.errors:
        assert [e.extensions["code"] for e in result.errors] == ["BAD_USER_INPUT"]
    else:
        assert result.data["search"]["totalCount"] >= 0


@pytest.mark.parametrize(("first", "after"), [(0, None), (-1, None), (101, None), (10, "forged-cursor")])
def test_bad_paging_arguments_are_bad_user_input(api: Api, first: int, after: str | None) -> None:
    assert api.error_codes(SEARCH, q="vein", first=first, after=after) == ["BAD_USER_INPUT"]


def test_suggest_completes_codes_and_words(api: Api) -> None:
    assert api.data('{ suggest(prefix: "I82.40", first: 3) { code } }')["suggest"][0] == {"code": "I82.40"}
    words = api.data('{ suggest(prefix: "pulmonary embo") { title } }')["suggest"]
    assert "embol" in words[0]["title"].lower()
    assert sum("embol" in w["title"].lower() for w in words) > len(words) / 2


def test_what_a_query_leaves_out_is_not_computed_and_the_rest_is_the_same(api: Api) -> None:
    everything = api.data(SEARCH, q="pulmonary embolism", first=5)["search"]
    count_only = api.data('{ search(query: "pulmonary embolism") { totalCount } }')["search"]
    assert count_only == {"totalCount": everything["totalCount"]}
    before = api.graph.transactions
    api.data('{ search(query: "pulmonary embolism") { totalCount facets { count } } }')
    assert api.graph.transactions == before, "a count and facets need nothing from the graph"
    through_fragments = api.data(
        """
        query { search(query: "pulmonary embolism", first: 5) { ...Hits } }
        fragment Hits on SearchConnection { edges { ... on SearchEdge { marks: highlights { field } } } }
        """
    )["search"]["edges"]
    assert [edge["marks"] for edge in through_fragments] == [
        [{"field": h["field"]} for h in edge["highlights"]] for edge in everything["edges"]
    ]
    assert all(edge["marks"] for edge in through_fragments)


def test_hits_show_their_codes_from_the_index_and_read_notes_from_the_graph(api: Api) -> None:
    fields = "system code title shortTitle kind billable active titleSource effectiveDate release"
    hit = f'{{ search(query: "I82.401", first: 1) {{ edges {{ node {{ {fields} }} }} }} }}'
    before = api.graph.transactions
    from_index = api.data(hit)["search"]["edges"][0]["node"]
    assert api.graph.transactions == before, "the index keeps what a hit shows of its code"
    from_graph = api.data(f'{{ code(system: ICD10CM, code: "I82.401") {{ {fields} }} }}')["code"]
    assert from_index == from_graph
    notes = "notes { kind text targets { code } }"
    hit = f'{{ search(query: "I82.40", first: 1) {{ edges {{ node {{ {notes} }} }} }} }}'
    hit_notes = api.data(hit)["search"]["edges"][0]["node"]["notes"]
    assert (
        hit_notes == api.data(f'{{ code(system: ICD10CM, code: "I82.40") {{ {notes} }} }}')["code"]["notes"]
    )
    assert any(note["text"] == "DVT NOS" for note in hit_notes)


CORRECTED = """
query Corrected($q: String!, $exact: Boolean) {
  search(query: $q, exact: $exact, first: 5) {
    totalCount
    correctedQuery
    corrections { typed corrected }
    edges { node { code } }
  }
}
"""


def test_a_word_no_code_has_is_corrected_and_the_answer_says_so(api: Api) -> None:
    search = api.data(CORRECTED, q="pnuemonia")["search"]
    assert search["correctedQuery"] == "pneumonia"
    assert search["corrections"] == [{"typed": "pnuemonia", "corrected": "pneumonia"}]
    assert all(edge["node"]["code"].startswith("J1") for edge in search["edges"])


def test_only_unknown_words_are_corrected_and_the_rest_of_the_query_is_kept(api: Api) -> None:
    search = api.data(CORRECTED, q="acute bronchitus")["search"]
    assert search["correctedQuery"] == "acute bronchitis"
    assert search["corrections"] == [{"typed": "bronchitus", "corrected": "bronchitis"}]
    known = api.data(CORRECTED, q="pneumonia")["search"]
    assert (known["correctedQuery"], known["corrections"]) == (None, [])


def test_exact_searches_the_words_as_typed_without_correction(api: Api) -> None:
    search = api.data(CORRECTED, q="pnuemonia", exact=True)["search"]
    assert (search["correctedQuery"], search["corrections"], search["totalCount"]) == (None, [], 0)


def test_suggest_corrects_the_word_being_typed(api: Api) -> None:
    codes = api.data('{ suggest(prefix: "pnue", first: 5) { code title } }')["suggest"]
    assert codes and all("pneumonia" in code["title"].lower() for code in codes)


VIA = """
query Via($q: String!) {
  search(query: $q, first: 5) { edges { node { code } matchedVia { kind text path } } }
}
"""


def _via(api: Api, query: str) -> dict[str, dict[str, object]]:
    edges = api.data(VIA, q=query)["search"]["edges"]
    return {edge["node"]["code"]: edge["matchedVia"] for edge in edges}


def test_each_hit_says_how_it_was_found(api: Api) -> None:
    assert _via(api, "I82.401")["I82.401"] == {"kind": "CODE", "text": "I82.401", "path": []}
    embolism = _via(api, "pulmonary embolism")
    assert {via["kind"] for via in embolism.values()} == {"TITLE"}
    assert _via(api, "DVT")["I82.40"] == {"kind": "ABBREVIATION", "text": "DVT", "path": []}


def test_an_index_term_reached_through_see_gives_both_terms(api: Api) -> None:
    via = _via(api, "shingles")["B02.0"]
    assert via == {
        "kind": "INDEX_TERM",
        "text": "Shingles (see Herpes, herpesvirus, herpetic, zoster)",
        "path": ["Shingles", "Herpes, herpesvirus, herpetic, zoster"],
    }
