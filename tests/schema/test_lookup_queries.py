"""`indexLookup`, `drugTable` and `neoplasmTable` over GraphQL, on the real loaded indexes and tables."""

import pytest

from tests.schema.conftest import Api

pytestmark = pytest.mark.engine

LOOKUP = """
query Lookup($term: String!, $sources: [IndexSource!], $first: Int, $after: String) {
  indexLookup(term: $term, sources: $sources, first: $first, after: $after) {
    totalCount
    edges { cursor node { path title source release codes { code } seeText see { path codes { code } } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
SUBTERMS = """
query Subterms($term: String!) {
  indexLookup(term: $term, sources: [ICD10CM_INDEX], first: 1) {
    edges { node { title subtermCount subterms(first: 3) { path level } } }
  }
}
"""
TABLE_ROW = (
    "source columns rows { term { path nemod level } cells { column targets { code { code } incomplete } } }"
)
DRUGS = f"query Drugs($q: String!) {{ drugTable(substance: $q) {{ {TABLE_ROW} }} }}"
NEOPLASMS = f"query Neoplasms($q: String!) {{ neoplasmTable(site: $q) {{ {TABLE_ROW} }} }}"


def test_shingles_is_a_main_term_that_sends_the_reader_to_herpes_zoster(api: Api) -> None:
    found = api.data(LOOKUP, term="shingles")["indexLookup"]
    assert found["totalCount"] == 1
    (edge,) = found["edges"]
    assert edge["node"] == {
        "path": ["Shingles"],
        "title": "Shingles",
        "source": "ICD10CM_INDEX",
        "release": "ICD-10-CM Index FY2025",
        "codes": [],
        "seeText": ["Herpes, zoster"],
        "see": [{"path": ["Herpes, herpesvirus, herpetic", "zoster"], "codes": [{"code": "B02.9"}]}],
    }


def test_appendectomy_is_a_pcs_main_term_with_its_prefixes_and_the_terms_it_names(api: Api) -> None:
    document = """query Lookup($term: String!) { indexLookup(term: $term, sources: [ICD10PCS_INDEX]) {
      totalCount edges { node { path source release seeText useText codes { code }
        targets { prefix incomplete code { code } } see { path targets { prefix } } } } } }"""
    found = api.data(document, term="appendectomy")["indexLookup"]
    assert found["totalCount"] == 1
    assert found["edges"][0]["node"] == {
        "path": ["Appendectomy"],
        "source": "ICD10PCS_INDEX",
        "release": "ICD-10-PCS Index FY2025",
        "seeText": ["Excision, Appendix", "Resection, Appendix"],
        "useText": [],
        "codes": [{"code": "0DB"}, {"code": "0DT"}],
        "targets": [
            {"prefix": "0DBJ", "incomplete": True, "code": {"code": "0DB"}},
            {"prefix": "0DTJ", "incomplete": True, "code": {"code": "0DT"}},
        ],
        "see": [
            {"path": ["Excision", "Appendix"], "targets": [{"prefix": "0DBJ"}]},
            {"path": ["Resection", "Appendix"], "targets": [{"prefix": "0DTJ"}]},
        ],
    }


def test_a_pcs_use_reference_is_kept_as_printed(api: Api) -> None:
    document = """{ indexLookup(term: "Abdominal esophagus", sources: [ICD10PCS_INDEX]) {
      edges { node { title useText codes { code } } } } }"""
    (edge,) = api.data(document)["indexLookup"]["edges"]
    assert edge["node"] == {"title": "Abdominal esophagus", "useText": ["Esophagus, Lower"], "codes": []}


def test_a_main_term_lists_its_first_subterms_in_the_books_order(api: Api) -> None:
    (edge,) = api.data(SUBTERMS, term="Herpes, herpesvirus")["indexLookup"]["edges"]
    assert (edge["node"]["title"], edge["node"]["subtermCount"]) == ("Herpes, herpesvirus, herpetic", 39)
    assert [s["path"][-1] for s in edge["node"]["subterms"]] == ["anogenital", "blepharitis", "circinatus"]
    assert {s["level"] for s in edge["node"]["subterms"]} == {1}


def test_a_letter_browses_its_main_terms_page_by_page_without_gaps(api: Api) -> None:
    first = api.data(LOOKUP, term="q", sources=["ICD10CM_INDEX"], first=3)["indexLookup"]
    assert [e["node"]["title"] for e in first["edges"]] == [
        "Q fever",
        "Quadricuspid aortic valve",
        "Quadrilateral fever",
    ]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = api.data(
        LOOKUP, term="Q", sources=["ICD10CM_INDEX"], first=100, after=first["pageInfo"]["endCursor"]
    )
    titles = [e["node"]["title"] for e in rest["indexLookup"]["edges"]]
    assert len(titles) == first["totalCount"] - 3
    assert rest["indexLookup"]["pageInfo"] == {
        "hasNextPage": False,
        "endCursor": rest["indexLookup"]["edges"][-1]["cursor"],
    }


def test_the_books_come_in_the_order_asked_each_in_its_printed_order(api: Api) -> None:
    def titles(sources: list[str]) -> list[str]:
        edges = api.data(LOOKUP, term="arsen", sources=sources)["indexLookup"]["edges"]
        return [e["node"]["title"] for e in edges]

    drugs, index = ["Arsenate of lead", "Arsenic, arsenicals NEC"], ["Arsenical pigmentation", "Arsenism"]
    assert titles(["ICD10CM_DRUG_TABLE", "ICD10CM_INDEX"]) == drugs + index
    assert titles(["ICD10CM_INDEX", "ICD10CM_DRUG_TABLE"]) == index + drugs


def test_a_drug_row_has_one_cell_per_column_of_the_table(api: Api) -> None:
    table = api.data(DRUGS, q="Acetaminophen")["drugTable"]
    assert table["source"] == "ICD10CM_DRUG_TABLE"
    (row,) = table["rows"]
    assert row["term"] == {"path": ["Acetaminophen"], "nemod": None, "level": 0}
    assert [(c["column"], [t["code"]["code"] for t in c["targets"]]) for c in row["cells"]] == [
        ("Poisoning Accidental (unintentional)", ["T39.1X1"]),
        ("Poisoning Intentional self-harm", ["T39.1X2"]),
        ("Poisoning Assault", ["T39.1X3"]),
        ("Poisoning Undetermined", ["T39.1X4"]),
        ("Adverse effect", ["T39.1X5"]),
        ("Underdosing", ["T39.1X6"]),
    ]
    assert table["columns"] == [cell["column"] for cell in row["cells"]]


def test_a_neoplasm_site_row_and_the_rows_under_it(api: Api) -> None:
    table = api.data(NEOPLASMS, q="breast")["neoplasmTable"]
    assert table["columns"] == [
        "Malignant Primary", "Malignant Secondary", "Ca in situ", "Benign", "Uncertain Behavior",
        "Unspecified Behavior",
    ]  # fmt: skip
    breast = table["rows"][0]
    assert breast["term"]["path"] == ["Neoplasm, neoplastic", "breast"]
    assert [[(t["code"]["code"], t["incomplete"]) for t in c["targets"]] for c in breast["cells"]] == [
        [("C50.9", True)], [("C79.81", False)], [("D05", True)], [("D24", True)], [("D48.6", True)],
        [("D49.3", False)],
    ]  # fmt: skip
    assert [row["term"]["path"][-1] for row in table["rows"][1:4]] == [
        "areola",
        "axillary tail",
        "central portion",
    ]
    assert len(table["rows"]) == 22


def test_a_word_no_term_starts_with_finds_nothing(api: Api) -> None:
    found = api.data(LOOKUP, term="zzzzq")["indexLookup"]
    assert found == {"totalCount": 0, "edges": [], "pageInfo": {"hasNextPage": False, "endCursor": None}}
    assert api.data(DRUGS, q="zzzzq")["drugTable"]["rows"] == []


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        (LOOKUP, {"term": " "}),
        (LOOKUP, {"term": "a" * 101}),
        (LOOKUP, {"term": "a", "first": 101}),
        (LOOKUP, {"term": "a", "first": 0}),
        (LOOKUP, {"term": "a", "after": "not-a-cursor"}),
        (DRUGS, {"q": ""}),
        (NEOPLASMS, {"q": "x" * 101}),
    ],
)
def test_bad_input_is_a_clear_error(api: Api, document: str, variables: dict[str, object]) -> None:
    assert api.error_codes(document, **variables) == ["BAD_USER_INPUT"]


def test_a_short_word_shows_the_first_rows_of_the_table_and_says_there_are_more(api: Api) -> None:
    document = '{ drugTable(substance: "a") { complete rows { term { title } } } }'
    table = api.data(document)["drugTable"]
    assert (table["complete"], len(table["rows"]), table["rows"][0]["term"]["title"]) == (False, 300, "ABOB")
    assert api.data(DRUGS.replace("columns", "columns complete"), q="breast")["drugTable"]["rows"] == []


def test_subterms_nested_in_subterms_of_a_full_page_are_too_complex(api: Api) -> None:
    document = """{ indexLookup(term: "a", first: 100) {
      edges { node { subterms(first: 100) { subterms(first: 100) { title } } } } } }"""
    assert api.error_codes(document) == ["QUERY_TOO_COMPLEX"]


def test_too_many_subterms_is_a_clear_error(api: Api) -> None:
    document = '{ indexLookup(term: "herpes") { edges { node { title subterms(first: 101) { title } } } } }'
    result = api.execute(document)
    edges = result.data["indexLookup"]["edges"]
    # Partial results: each term's subterms are refused on their own; the terms themselves are answered.
    assert edges and all(edge["node"]["title"] and edge["node"]["subterms"] is None for edge in edges)
    assert [error.extensions["code"] for error in result.errors] == ["BAD_USER_INPUT"] * len(edges)
