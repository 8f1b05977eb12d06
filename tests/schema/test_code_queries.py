"""The GraphQL contract for codes, over the real loaded graph."""

import pytest
import simple_icd_10_cm as icd10cm

from schema.node import encode_id
from tests.schema.conftest import Api

PAGE = """
query Page($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    id system code title shortTitle titleSource kind billable active release
    parent { code } ancestors { code kind } children(first: 100) { nodes { code } }
    notes { kind text targets { code } }
    monograph { name title commonNames summary purpose preparation steps { number label text } duration
                recovery patientExperience source reviewedOn reviewStatus disclaimer }
    indications { condition { key name synonyms } note }
    risks { risk { key name } note } benefits { benefit { name } note }
    personnel { role { name } involvement } settings { setting { name } note }
    alternatives { note code { system code } treatment { key name } }
    related { type inverse code { system code } }
    drugs { key name codes { code } }
    mappings { source approximate outgoing code { system code } }
    conditions { key }
  }
}
"""


@pytest.mark.parametrize("typed", ["I82401", "i82.401", "I82.401", " i82 401 "])
def test_a_code_is_found_however_it_is_typed(api: Api, typed: str) -> None:
    data = api.data("query($c: String!) { code(system: ICD10CM, code: $c) { code title } }", c=typed)
    assert data["code"] == {
        "code": "I82.401",
        "title": "Acute embolism and thrombosis of unspecified deep veins of right lower extremity",
    }


def test_an_unknown_code_is_null_not_an_error(api: Api) -> None:
    assert api.data('{ code(system: ICD10CM, code: "Z99.999") { code } }') == {"code": None}


@pytest.mark.parametrize("typed", ["", "   ", "x" * 41])
def test_an_empty_or_overlong_code_is_bad_user_input(api: Api, typed: str) -> None:
    codes = api.error_codes("query($c: String!) { code(system: CPT, code: $c) { code } }", c=typed)
    assert codes == ["BAD_USER_INPUT"]


def test_hierarchy_parent_ancestors_nearest_first_children_in_code_order(api: Api) -> None:
    code = api.data(PAGE, system="ICD10CM", code="I82.40")["code"]
    assert code["parent"] == {"code": "I82.4"}
    assert [a["code"] for a in code["ancestors"]] == ["I82.4", "I82", "I80-I89", "9"]
    assert [a["kind"] for a in code["ancestors"]] == ["SUBCATEGORY", "CATEGORY", "BLOCK", "CHAPTER"]
    children = [c["code"] for c in code["children"]["nodes"]]
    assert children == sorted(children) and "I82.401" in children
    assert code["kind"] == "SUBCATEGORY" and code["billable"] is False


def test_notes_keep_their_text_and_resolve_the_codes_they_name(api: Api) -> None:
    notes = api.data(PAGE, system="ICD10CM", code="I82")["code"]["notes"]
    pulmonary = next(n for n in notes if n["text"] == "pulmonary (I26.-)")
    assert pulmonary["kind"] == "EXCLUDES2"
    assert pulmonary["targets"] == [{"code": "I26"}]
    assert any(n["kind"] == "CODE_FIRST" for n in notes)


def test_the_37188_page_holds_every_section_of_the_seed_page(api: Api) -> None:
    code = api.data(PAGE, system="CPT", code="37188")["code"]
    assert code["titleSource"] == "MEDGRAPH"  # our plain-language title, not the AMA descriptor
    assert code["release"] is None
    monograph = code["monograph"]
    assert "Mechanical thrombectomy" in monograph["commonNames"]
    assert monograph["reviewStatus"] == (
        "editorial review and independent second review; not reviewed by a clinician"
    )
    for section in (
        "summary",
        "purpose",
        "duration",
        "patientExperience",
        "source",
        "reviewedOn",
        "disclaimer",
    ):
        assert monograph[section], section
    assert len(monograph["preparation"]) >= 3
    assert [s["number"] for s in monograph["steps"]] == list(range(1, len(monograph["steps"]) + 1))
    assert len(monograph["steps"]) == 6
    assert len(monograph["recovery"]) >= 4
    assert {i["condition"]["key"] for i in code["indications"]} >= {
        "deep-vein-thrombosis",
        "pulmonary-embolism",
    }
    assert (
        "DVT"
        in next(i for i in code["indications"] if i["condition"]["key"] == "deep-vein-thrombosis")[
            "condition"
        ]["synonyms"]
    )
    assert len(code["risks"]) >= 5
    assert len(code["benefits"]) >= 3
    assert any("sedation" in (p["involvement"] or "") for p in code["personnel"])
    assert code["settings"]
    assert len(code["alternatives"]) >= 3
    assert any(
        a["treatment"] and a["treatment"]["key"] == "anticoagulation-therapy" for a in code["alternatives"]
    )
    assert {"type": "REPEAT_OF", "inverse": False, "code": {"system": "CPT", "code": "37187"}} in code[
        "related"
    ]
    assert {"system": "ICD10PCS", "code": "06CY3ZZ"} in [m["code"] for m in code["mappings"] if m["outgoing"]]


def test_a_crosswalk_is_seen_from_both_ends(api: Api) -> None:
    mappings = api.data(PAGE, system="ICD10PCS", code="06CY3ZZ")["code"]["mappings"]
    assert {"system": "CPT", "code": "37188"} in [m["code"] for m in mappings if not m["outgoing"]]


def test_a_code_without_a_monograph_still_shows_what_the_graph_knows(api: Api) -> None:
    code = api.data(PAGE, system="ICD10CM", code="I82.401")["code"]
    assert code["monograph"] is None
    assert code["indications"] == [] and code["risks"] == []
    assert code["parent"] == {"code": "I82.40"}
    assert {"key": "deep-vein-thrombosis"} in code["conditions"]


def test_retired_hcpcs_codes_are_found_and_say_so(api: Api) -> None:
    query = '{ code(system: HCPCS, code: "A4397") { title active billable terminationDate } }'
    code = api.data(query)["code"]
    assert code == {
        "title": "Irrigation supply; sleeve, each",
        "active": False,
        "billable": False,
        "terminationDate": "2021-12-31",
    }


def test_node_fetches_codes_and_conditions_by_global_id(api: Api) -> None:
    code_id = api.data('{ code(system: CPT, code: "37188") { id } }')["code"]["id"]
    assert api.data("query($id: ID!) { node(id: $id) { ... on Code { code } } }", id=code_id) == {
        "node": {"code": "37188"}
    }
    condition_id = api.data('{ condition(key: "pulmonary-embolism") { id } }')["condition"]["id"]
    node = api.data("query($id: ID!) { node(id: $id) { id ... on Condition { name } } }", id=condition_id)
    assert node["node"]["name"] == "Pulmonary embolism"


def test_nodes_fetch_many_objects_in_the_order_asked_with_null_for_an_unknown_id(api: Api) -> None:
    ids = api.data(
        '{ a: code(system: ICD10CM, code: "I82.401") { id } b: condition(key: "pulmonary-embolism") { id } }'
    )
    unknown = encode_id("Code", "ICD10CM:NOPE")
    document = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Code { code } ... on Condition { key } } }"
    nodes = api.data(document, ids=[ids["b"]["id"], unknown, ids["a"]["id"]])["nodes"]
    assert nodes == [
        {"id": ids["b"]["id"], "key": "pulmonary-embolism"},
        None,
        {"id": ids["a"]["id"], "code": "I82.401"},
    ]


def test_nodes_take_at_most_a_hundred_ids(api: Api) -> None:
    ids = [encode_id("Code", f"ICD10CM:I82.40{n % 10}") for n in range(101)]
    assert api.error_codes("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=ids) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("forged", ["", "!!!", "Q29kZTo", "Zm9vOmJhcg", "x" * 500])
def test_a_forged_global_id_is_bad_user_input(api: Api, forged: str) -> None:
    assert api.error_codes("query($id: ID!) { node(id: $id) { id } }", id=forged) == ["BAD_USER_INPUT"]


def test_a_condition_lists_its_icd10cm_codes_and_the_procedures_for_it(api: Api) -> None:
    query = '{ condition(key: "deep-vein-thrombosis") { name codes { system code } procedures { code } } }'
    condition = api.data(query)["condition"]
    assert condition["name"] == "Deep vein thrombosis"
    assert {c["system"] for c in condition["codes"]} == {"ICD10CM"}
    assert {"system": "ICD10CM", "code": "I82.4"} in condition["codes"]
    assert {"code": "37188"} in condition["procedures"]
    assert api.data('{ condition(key: "no-such-thing") { name } }') == {"condition": None}


def test_drugs_link_to_their_hcpcs_codes(api: Api) -> None:
    drugs = api.data(PAGE, system="CPT", code="37188")["code"]["drugs"]
    alteplase = next(d for d in drugs if d["key"] == "alteplase")
    assert alteplase["codes"] == [{"code": "J2997"}]


def test_round_trips_do_not_grow_with_the_number_of_items(api: Api) -> None:
    def transactions(document: str, **variables: str) -> int:
        before = api.graph.transactions
        api.data(document, **variables)
        return api.graph.transactions - before

    one_page = transactions(PAGE, system="CPT", code="37188")
    fragment = PAGE.split("code(system: $system, code: $code)", 1)[1].rsplit("}", 1)[0]
    every_procedure = "query($key: String!) { condition(key: $key) { procedures " + fragment + "} }"
    procedures = len(
        api.data('{ condition(key: "deep-vein-thrombosis") { procedures { code } } }')["condition"][
            "procedures"
        ]
    )
    assert procedures >= 17
    # A wave of the page's reads is one transaction (schema.batched_reads): a full page for each of the
    # condition's procedures costs a wave more than one page; one read per item would cost at least one round
    # trip per procedure for each of the page's dozen fields.
    assert one_page <= 5
    assert transactions(every_procedure, key="deep-vein-thrombosis") <= 6


def test_a_breadcrumbs_notes_and_the_conditions_codes_take_four_waves_of_reads(api: Api) -> None:
    """The code; its ancestors, which bring their rows, and the conditions of its lineage; the targets of the
    ancestors' notes and the conditions; their codes. Read level by level, it took five."""
    document = """query($system: CodeSystem!, $code: String!) { code(system: $system, code: $code) {
      ancestors { code notes { targets { code } } } conditions { key codes { code } } } }"""
    before = api.graph.transactions
    code = api.data(document, system="ICD10CM", code="I82.401")["code"]
    assert api.graph.transactions - before <= 4
    assert [level["code"] for level in code["ancestors"]] == ["I82.40", "I82.4", "I82", "I80-I89", "9"]
    assert [condition["key"] for condition in code["conditions"]] == ["deep-vein-thrombosis"]
    assert any(target for level in code["ancestors"] for note in level["notes"] for target in note["targets"])


def test_similar_codes_come_with_scores_and_reasons(api: Api) -> None:
    similar = api.data(
        '{ code(system: CPT, code: "37188") { similar(first: 5) { code { code } score reasons } } }'
    )["code"]["similar"]
    assert similar[0]["code"] == {"code": "37187"}
    assert any("Repeat of" in reason for reason in similar[0]["reasons"])
    scores = [s["score"] for s in similar]
    assert scores == sorted(scores, reverse=True) and len(similar) == 5


def test_the_neighbourhood_is_drawable_and_its_ids_are_the_nodes_global_ids(api: Api) -> None:
    query = (
        '{ code(system: CPT, code: "37188") { id '
        "neighborhood(limit: 30) { nodes { id kind key code } edges { source target type } } } }"
    )
    code = api.data(query)["code"]
    picture = code["neighborhood"]
    ids = {n["id"] for n in picture["nodes"]}
    assert code["id"] in ids and encode_id("Condition", "deep-vein-thrombosis") in ids
    assert len(ids) <= 30
    assert all(e["source"] in ids and e["target"] in ids for e in picture["edges"])
    assert {"INDICATED_FOR", "HAS_RISK"} <= {e["type"] for e in picture["edges"]}
    kinds = {n["kind"] for n in picture["nodes"]}
    assert {"CODE", "CONDITION", "RISK"} <= kinds
    assert all(
        (n["kind"] == "CODE") == (n["key"] is None) == (n["code"] is not None) for n in picture["nodes"]
    )

    # Every code and concept of the picture is a Node: nodes(ids:) answers each with its own id.
    concept = "... on Concept { key } ... on Code { code }"
    fetched = api.data(
        f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id {concept} }} }}",
        ids=[n["id"] for n in picture["nodes"] if n["kind"] != "PCS_VALUE"],
    )["nodes"]
    drawn = [n for n in picture["nodes"] if n["kind"] != "PCS_VALUE"]
    assert [f["id"] for f in fetched] == [n["id"] for n in drawn]
    assert [f.get("key") or f.get("code") for f in fetched] == [n["key"] or n["code"] for n in drawn]
    assert {f["__typename"] for f in fetched} >= {"Code", "Condition", "Risk"}


@pytest.mark.parametrize(
    "field",
    ["similar(first: 0) { score }", "similar(first: 101) { score }", "neighborhood(depth: 4) { truncated }"],
)
def test_out_of_range_sizes_are_bad_user_input(api: Api, field: str) -> None:
    assert api.error_codes('{ code(system: CPT, code: "37188") { ' + field + " } }") == ["BAD_USER_INPUT"]


def test_a_document_sent_again_is_answered_alike_from_the_parsed_and_validated_store(api: Api) -> None:
    valid = '{ code(system: CPT, code: "37188") { code } }'
    invalid = '{ code(system: CPT, code: "37188") { nonsense } }'
    assert api.data(valid) == api.data(valid) == {"code": {"code": "37188"}}
    first, again = api.execute(invalid), api.execute(invalid)
    assert [e.message for e in first.errors] == [e.message for e in again.errors]
    assert "nonsense" in first.errors[0].message
    assert api.error_codes("{ code(") == api.error_codes("{ code(") == ["GRAPHQL_PARSE_FAILED"]


def test_a_code_system_starts_at_the_top_of_its_hierarchy(api: Api) -> None:
    document = """query($s: CodeSystem!, $first: Int!, $offset: Int!) {
      codeSystem(id: $s) { id roots(first: $first, offset: $offset) { code kind } } }"""
    cm = api.data(document, s="ICD10CM", first=500, offset=0)["codeSystem"]
    assert cm["id"] == "ICD10CM"
    assert [root["code"] for root in cm["roots"]][:3] == ["1", "10", "11"]
    assert {root["kind"] for root in cm["roots"]} == {"CHAPTER"}
    assert len(cm["roots"]) == 22
    pcs = api.data(document, s="ICD10PCS", first=2, offset=1)["codeSystem"]["roots"]
    assert pcs == [{"code": "1", "kind": "SECTION"}, {"code": "2", "kind": "SECTION"}]
    hcpcs = api.data(document, s="HCPCS", first=1, offset=0)["codeSystem"]["roots"]
    assert hcpcs == [{"code": "A0000-A9999", "kind": "GROUP"}]


@pytest.mark.parametrize(("first", "offset"), [(0, 0), (501, 0), (10, -1)])
def test_a_page_of_roots_out_of_bounds_is_bad_input(api: Api, first: int, offset: int) -> None:
    document = "query($f: Int!, $o: Int!) { codeSystem(id: HCPCS) { roots(first: $f, offset: $o) { code } } }"
    assert api.error_codes(document, f=first, o=offset) == ["BAD_USER_INPUT"]


def test_a_code_lists_the_index_lines_that_lead_to_it(api: Api) -> None:
    document = """{ code(system: ICD10CM, code: "B02.9") {
      indexEntries { path source nemod incomplete see } } }"""
    entries = api.data(document)["code"]["indexEntries"]
    index = "ICD-10-CM Index FY2025"
    assert entries[0] == {
        "path": ["Herpes, herpesvirus, herpetic", "zoster"], "source": index, "nemod": None,
        "incomplete": False, "see": None,
    }  # fmt: skip
    shingles = next(e for e in entries if e["path"] == ["Shingles"])
    assert shingles["see"] == ["Herpes, herpesvirus, herpetic", "zoster"]


def test_a_pcs_code_lists_the_lines_whose_table_or_prefix_it_starts_with(api: Api) -> None:
    document = """query Entries($code: String!) { code(system: ICD10PCS, code: $code) {
      indexEntries { path source nemod column incomplete prefix see } } }"""
    entries = api.data(document, code="0DTJ4ZZ")["code"]["indexEntries"]
    # "Appendectomy see Excision, Appendix 0DBJ; see Resection, Appendix 0DTJ" (FY2025 PCS Index): listed
    # once, with the reference through which it leads here.
    assert [e for e in entries if e["path"] == ["Appendectomy"]] == [
        {
            "path": ["Appendectomy"], "source": "ICD-10-PCS Index FY2025", "nemod": None, "column": None,
            "incomplete": True, "prefix": "0DTJ", "see": ["Resection", "Appendix"],
        }
    ]  # fmt: skip
    assert {"path": ["Resection", "Appendix"], "prefix": "0DTJ", "see": None} in [
        {key: e[key] for key in ("path", "prefix", "see")} for e in entries
    ]
    # 0DT7 (Resection of the pylorus) is in the same table but does not start with 0DTJ.
    pylorus = api.data(document, code="0DT70ZZ")["code"]["indexEntries"]
    assert pylorus and not [e for e in pylorus if e["prefix"] == "0DTJ"]


def test_a_code_under_a_header_the_index_gives_inherits_its_lines(api: Api) -> None:
    document = '{ code(system: ICD10CM, code: "I82.401") { indexEntries { path nemod incomplete } } }'
    entries = api.data(document)["code"]["indexEntries"]
    assert {
        "path": ["Thrombosis, thrombotic", "vein", "deep"],
        "nemod": "(DVT)",
        "incomplete": True,
    } in entries
    assert all(entry["incomplete"] for entry in entries)


def test_children_come_a_page_at_a_time_both_ways_and_child_count_says_how_many(api: Api) -> None:
    page = "totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
    group = api.data(
        f"""{{ code(system: HCPCS, code: "J0000-J9999") {{
        childCount first: children(first: 3) {{ {page} }} default: children {{ {page} }}
        last: children(last: 2) {{ {page} }} }} }}"""
    )["code"]
    total = group["childCount"]
    assert total > 1000 and group["first"]["totalCount"] == total  # every drug code of the letter J
    assert len(group["default"]["nodes"]) == 20  # the default page
    first = [child["code"] for child in group["first"]["nodes"]]
    assert first == [child["code"] for child in group["default"]["nodes"]][:3] == sorted(first)
    assert group["first"]["pageInfo"]["hasNextPage"] and not group["first"]["pageInfo"]["hasPreviousPage"]
    assert group["last"]["pageInfo"]["hasPreviousPage"] and not group["last"]["pageInfo"]["hasNextPage"]

    after = group["first"]["pageInfo"]["endCursor"]
    second = api.data(
        f"""{{ code(system: HCPCS, code: "J0000-J9999") {{
        next: children(first: 3, after: "{after}") {{ {page} }} }} }}"""
    )["code"]["next"]
    assert second["pageInfo"]["hasPreviousPage"]
    back = api.data(
        f"""{{ code(system: HCPCS, code: "J0000-J9999") {{
        back: children(last: 3, before: "{second["pageInfo"]["startCursor"]}") {{ {page} }} }} }}"""
    )["code"]["back"]
    assert [child["code"] for child in back["nodes"]] == first
    assert first[-1] < second["nodes"][0]["code"]


def test_a_page_of_children_is_at_most_100_codes(api: Api) -> None:
    result = api.execute(
        '{ code(system: HCPCS, code: "J0000-J9999") { code children(first: 101) { totalCount } } }'
    )
    assert result.data == {"code": {"code": "J0000-J9999", "children": None}}
    (error,) = result.errors or []
    assert (error.extensions or {})["code"] == "BAD_USER_INPUT"
    assert "first must be between 1 and 100" in error.message


def test_children_of_children_of_children_are_refused_with_their_cost_before_they_run(api: Api) -> None:
    # 68,419 codes in 4 s, anonymously, when children were a plain list and the cost model assumed 25 a code.
    nested = "children(first: 100) { nodes { code %s } }"
    document = '{ code(system: ICD10PCS, code: "0") { %s } }' % (nested % (nested % (nested % "")))
    result = api.execute(document)
    assert result.data is None
    (error,) = result.errors
    assert error.extensions["code"] == "QUERY_TOO_COMPLEX"
    assert error.message.startswith("The query's estimated cost is at least ")
    assert ", over the limit of 50,000: ask for fewer items per page" in error.message
    assert error.extensions["limit"] == 50_000
    assert error.extensions["cost"] > 50_000
    assert f"at least {error.extensions['cost']:,}" in error.message


def test_one_bad_argument_nulls_its_own_field_and_keeps_its_siblings(api: Api) -> None:
    document = """{ a: code(system: CPT, code: "37188") { code similar(first: 0) { score } title }
                    b: search(query: "") { totalCount } c: suggest(prefix: "vein") { code } }"""
    result = api.execute(document)
    assert result.data is not None
    assert result.data["a"] == {"code": "37188", "similar": None, "title": result.data["a"]["title"]}
    assert result.data["a"]["title"]
    assert result.data["b"] is None and result.data["c"]
    assert sorted((tuple(error.path or ()), error.extensions["code"]) for error in result.errors or []) == [
        (("a", "similar"), "BAD_USER_INPUT"),
        (("b",), "BAD_USER_INPUT"),
    ]


CODE_GROUPS = """query($key: String!) { condition(key: $key) { codeGroups {
    code { code billable } billableCount billableCodes(first: 500) { code billable }
} } }"""


def test_a_condition_groups_the_billable_codes_under_each_code_it_is_coded_as(api: Api) -> None:
    groups = api.data(CODE_GROUPS, key="deep-vein-thrombosis")["condition"]["codeGroups"]
    (dvt,) = [group for group in groups if group["code"]["code"] == "I82.4"]
    tabular = sorted(code for code in icd10cm.get_descendants("I82.4") if icd10cm.is_leaf(code))
    assert [code["code"] for code in dvt["billableCodes"]] == tabular
    assert dvt["billableCount"] == len(tabular) == 40
    assert all(code["billable"] for code in dvt["billableCodes"])


def test_a_billable_code_a_condition_is_coded_as_is_its_own_group(api: Api) -> None:
    groups = api.data(CODE_GROUPS, key="essential-hypertension")["condition"]["codeGroups"]
    assert groups == [
        {
            "code": {"code": "I10", "billable": True},
            "billableCount": 1,
            "billableCodes": [{"code": "I10", "billable": True}],
        }
    ]
