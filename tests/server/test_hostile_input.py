"""Hostile input over HTTP, on the session's loaded graph: every argument of the public API, fuzzed.

Each case is one request to `/graphql` of the real app (starlette TestClient on `create_app`). The contract,
checked on every response: never a 5xx; a refusal is a clear 4xx with a JSON body and a code, or a GraphQL
error whose code says what was wrong (BAD_USER_INPUT for a value, QUERY_TOO_COMPLEX for a limit); and at the
end the graph holds exactly what it held before (`graph.reads.graph_state.fingerprint`).

Hypothesis runs derandomized (the same cases on every run, so CI is deterministic); EXAMPLES sets the counts.
Arguments travel as variables (what clients do with user text) and, for strings, also inlined in the document
as GraphQL string literals, so the lexer sees them too.
"""

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st
from starlette.testclient import TestClient

from graph.driver import Graph
from graph.reads.codes import compact_code
from graph.reads.graph_state import fingerprint
from schema.cost import MAX_EXPANDED_FIELDS
from server.app import create_app
from server.settings import Settings, SettingsError
from tests.conftest import wait_until_following

EXAMPLES = 250  # per fuzzed test: about 3,600 requests in all, under 90 s on a 2-core machine
FUZZ = fuzzing(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CASES = {"count": 0}  # every request sent by this module, reported at the end

# Codes an argument may earn; anything else (INTERNAL_ERROR above all) fails the case.
INPUT_CODES = {"BAD_USER_INPUT"}
LIMIT_CODES = {"QUERY_TOO_COMPLEX"}
HTTP_CODES = {"BAD_REQUEST", "PAYLOAD_TOO_LARGE", "METHOD_NOT_ALLOWED", "NOT_FOUND"}

# fmt: off
HOSTILE = [
    "", " ", "\t\n\r", "\x00", "a\x00b", "I82\x00.401", "\x1b[31m", "\x7f",
    # Lucene / Tantivy query syntax
    "*", "?", "~", "a~", "vein~2", "*:*", "title:*", "uid:ICD10CM*", "+a -b", "a AND b OR c NOT d", "NOT",
    "(", ")", "((a)", "[a TO z]", "{a TO z}", '"', '""', '"unterminated', "\\", "\\\\", "a\\", "/re.*x/",
    "a^10", "&&", "||", "!", ":", "code:37188", "I82.4*", "I82.4?", "*I82", "%", "_",
    # Cypher and friends
    "' OR 1=1 --", '") RETURN 1 //', "'}) MATCH (n) DETACH DELETE n //", "MATCH (n) DETACH DELETE n",
    "CALL db.labels()", "$query", "${x}", "{{7*7}}", "`", "``", "a`b", "/*", "*/", "//", "\\u0027",
    "<script>alert(1)</script>", "%00", "%s%s%s%n", "../../etc/passwd", "I82.401'; DROP",
    # Unicode: bidi, zero-width, combining, emoji, other scripts, compatibility forms
    "\u202eI82.401", "\u200b", "\u200dI82", "e\u0301" * 50, "Z\u0351\u0352\u0353\u0354" * 30, "👩‍⚕️🩺",
    "🦠" * 100, "\ufeffI82.401", "\uffff", "日本語", "שָלוֹם", "مرحبا", "İ", "ß", "ﬁ",
    "\U0001d540\U0001d7e0\U0001d7da", "\uff29\uff38\uff12",  # double-struck and full-width "I82", "IX2"
    # Real codes and words, in odd shapes
    "I82.401", "i82401", " I82 401 ", "I82.4-", "I80-I89", "37188", "06CM3ZZ", "J2997", "DVT", "vein",
    "C7A-C7A", "ICD10CM:I82.401", "CPT:37188", "deep-vein-thrombosis", "Deep Vein Thrombosis",
    # Sizes around and far over the limits
    "a" * 40, "a" * 41, "a" * 200, "a" * 201, "a " * 100, "x" * 10_000, "I82." * 1000, "*" * 5000,
    "(" * 5000, "\\" * 5000, "~" * 5000, "\x00" * 5000, "é" * 20_000,
]
SYNTAX = '*?~:()[]{}"\'\\/^!&|+-.,;=<>$`%#@ \t\n\x00aIN82'  # one character each
WORDS = ["I82", "I82.4", "vein", "deep", "thrombosis", "37188", "06C", "*", "~2", "AND", "OR", "NOT", "(n)",
         "MATCH", "RETURN", "--", "//", '"', "TO"]
EDGE_INTS = [0, -1, 1, 2, 3, 4, 8, 20, 21, 100, 101, 500, 501, 2**31 - 1, -(2**31), 2**31, -(2**31) - 1,
             2**53, 2**63, -(2**63), 10**30]
# fmt: on

surrogates = st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=3)
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=64),
    st.text(alphabet=SYNTAX, max_size=40),
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    st.from_regex(r"[A-Za-z0-9]{1,8}([.\-][A-Za-z0-9*]{0,5})?[*~?\-]?", fullmatch=True),
    st.text(min_size=190, max_size=260),
    st.tuples(st.text(max_size=8), surrogates, st.text(max_size=8)).map("".join),
)
ints = st.one_of(
    st.sampled_from(EDGE_INTS),
    st.sampled_from([3.0, 500.0, 1e9, -0.0, 2.5, float("nan"), float("inf")]),  # JSON numbers an Int may get
    st.integers(min_value=-(2**31), max_value=2**31 - 1),
    st.integers(),
    st.floats(),
    st.none(),
    st.booleans(),
    st.text(max_size=4),
)
any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)
systems = st.sampled_from(["CPT", "HCPCS", "ICD10CM", "ICD10PCS", "ICD9CM"])
system_values = st.one_of(systems, st.sampled_from(["cpt", "ICD10", "", "ICD10CM ", "NONE"]), texts, any_json)


def forged_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode(errors="surrogatepass")).decode().rstrip("=")


ids = st.one_of(
    texts,
    st.builds(forged_id, st.sampled_from(["Code", "Condition", "Risk", "", "code", "Code:Code"]), texts),
    st.builds(lambda raw: base64.b64encode(raw).decode(), st.binary(max_size=48)),
    st.sampled_from(
        [forged_id("Code", "CPT:37188") + "=", forged_id("Code", "CPT:37188") + "===", "====", "=a"]
    ),
)


def forged_cursor(tag: str, position: int) -> str:
    return base64.urlsafe_b64encode(f"{tag}:{position}".encode()).decode().rstrip("=")


cursors = st.builds(
    forged_cursor, st.text("0123456789abcdef", max_size=14), st.integers() | st.sampled_from(EDGE_INTS)
)


# -------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module", autouse=True)
def graph_unchanged(loaded_graph: Graph) -> Iterator[None]:
    """Reads never change the graph: checked once every case of this module has run, whichever ran."""
    before = fingerprint(loaded_graph)
    yield
    assert fingerprint(loaded_graph) == before, "a request of this module changed the graph"
    print(f"\nhostile input: {CASES['count']} requests, no 5xx")  # shown with -s


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    # The app reads the graph's data version once, at start (and then hourly), so that the app's transaction
    # count moves only with the requests of a test.
    hourly = settings.model_copy(update={"data_version_poll_seconds": 3600.0})
    with TestClient(create_app(hourly)) as client:
        wait_until_following(client)
        yield client


@pytest.fixture(scope="module")
def real_cursor(client: TestClient) -> str:
    body = client.post(
        "/graphql", json={"query": '{ search(query: "vein", first: 2) { pageInfo { endCursor } } }'}
    )
    cursor: str = body.json()["data"]["search"]["pageInfo"]["endCursor"]
    return cursor


# --------------------------------------------------------------------------------------------------- helpers


def send(client: TestClient, document: str, variables: dict[str, Any] | None = None) -> Any:
    """POST one operation; the body is encoded here so that NaN, huge ints and lone surrogates get through."""
    CASES["count"] += 1
    body = {"query": document, "variables": variables or {}}
    try:
        content = json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate: sent as the JSON escape \\ud800, which is valid JSON
        content = json.dumps(body).encode()
    return client.post("/graphql", content=content, headers={"content-type": "application/json"})


def codes_of(response: Any, allowed: set[str]) -> list[str]:
    """The error codes of a response that keeps the contract (see the module docstring)."""
    assert response.status_code < 500, response.text[:500]
    body = response.json()
    errors = body.get("errors") or []
    if response.status_code >= 400:
        assert errors, body
        assert {error["extensions"]["code"] for error in errors} <= HTTP_CODES, body
    else:
        assert "data" in body, body
    codes = [error["extensions"]["code"] for error in errors]
    for error in errors:
        assert error["message"] and error["message"] != "Internal error.", error
    assert set(codes) <= allowed | HTTP_CODES, body
    return codes


def literal(text: str) -> str:
    """`text` as a GraphQL string literal (JSON's escapes are GraphQL's)."""
    return json.dumps(text)


SEARCH = """query($q: String!, $systems: [CodeSystem!], $billable: Boolean, $first: Int, $after: String) {
  search(query: $q, systems: $systems, billableOnly: $billable, first: $first, after: $after) {
    totalCount relaxed pageInfo { hasNextPage endCursor } facets { system count }
    edges { cursor score node { id system code title } highlights { field ranges { start end } } }
  }
}"""
SUGGEST = "query($prefix: String!, $first: Int) { suggest(prefix: $prefix, first: $first) { id code title } }"
CODE = "query($system: CodeSystem!, $code: String!) { code(system: $system, code: $code) { id code title } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on Code { code } ... on Condition { key } } }"
CONDITION = "query($key: String!) { condition(key: $key) { key name codes { code } } }"
SIMILAR = """query($system: CodeSystem!, $code: String!, $first: Int) {
  code(system: $system, code: $code) { similar(first: $first) { score reasons code { code } } }
}"""
NEIGHBORHOOD = """query($system: CodeSystem!, $code: String!, $depth: Int, $limit: Int) {
  code(system: $system, code: $code) { neighborhood(depth: $depth, limit: $limit) { truncated nodes { id } } }
}"""


# ---------------------------------------------------------------------------------------------- the fuzzing


@FUZZ
@given(
    query=texts,
    chosen=st.one_of(st.none(), st.lists(system_values, max_size=5), system_values),
    billable=st.one_of(st.booleans(), st.none(), ints),
    first=ints,
    after=st.one_of(st.none(), texts, cursors),
)
def test_search_takes_any_arguments_without_a_server_error(
    client: TestClient, query: str, chosen: Any, billable: Any, first: Any, after: Any
) -> None:
    variables = {"q": query, "systems": chosen, "billable": billable, "first": first, "after": after}
    response = send(client, SEARCH, variables)
    codes = codes_of(response, INPUT_CODES | LIMIT_CODES)
    if not codes:  # then `first` was an int from 1 to 100
        search = response.json()["data"]["search"]
        assert len(search["edges"]) <= min(first, search["totalCount"])


@FUZZ
@given(query=texts, first=st.one_of(st.integers(min_value=1, max_value=100), ints))
def test_search_text_inlined_in_the_document_is_only_ever_a_string(
    client: TestClient, query: str, first: Any
) -> None:
    first_arg = f", first: {first}" if isinstance(first, int) and not isinstance(first, bool) else ""
    document = (
        f"{{ search(query: {literal(query)}{first_arg}) {{ totalCount edges {{ node {{ code }} }} }} }}"
    )
    # A lone surrogate escape (\\ud800) is a GraphQL syntax error; a 64-bit int literal fails validation.
    codes_of(
        send(client, document),
        INPUT_CODES | LIMIT_CODES | {"GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"},
    )


@FUZZ
@given(
    query=texts, first=ints, forged=cursors, replay=st.sampled_from(["as is", "extended", "cut", "recased"])
)
def test_forged_and_replayed_cursors_are_refused_or_page_sanely(
    client: TestClient, real_cursor: str, query: str, first: Any, forged: str, replay: str
) -> None:
    replayed = {
        "as is": real_cursor,  # a real cursor with another query: a position in another list, still a page
        "extended": real_cursor + "A",
        "cut": real_cursor[:-1],
        "recased": real_cursor.swapcase(),
    }[replay]
    for cursor in (forged, replayed):
        variables = {"q": query, "first": first, "after": cursor}
        codes_of(send(client, SEARCH, variables), INPUT_CODES | LIMIT_CODES)


@FUZZ
@given(prefix=texts, first=ints)
def test_suggest_takes_any_arguments_without_a_server_error(
    client: TestClient, prefix: str, first: Any
) -> None:
    response = send(client, SUGGEST, {"prefix": prefix, "first": first})
    if not codes_of(response, INPUT_CODES | LIMIT_CODES):
        assert len(response.json()["data"]["suggest"]) <= 20


@FUZZ
@given(system=system_values, code=texts)
def test_code_takes_any_system_and_code_without_a_server_error(
    client: TestClient, system: Any, code: str
) -> None:
    response = send(client, CODE, {"system": system, "code": code})
    if not codes_of(response, INPUT_CODES) and response.json()["data"]["code"]:
        assert compact_code(response.json()["data"]["code"]["code"]) == compact_code(code)


@FUZZ
@given(system=systems, code=texts)
def test_code_inlined_in_the_document_is_only_ever_a_string(
    client: TestClient, system: str, code: str
) -> None:
    document = f"{{ code(system: {system}, code: {literal(code)}) {{ code }} }}"
    codes_of(send(client, document), INPUT_CODES | {"GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"})


@FUZZ
@given(node_id=ids)
def test_node_takes_any_id_without_a_server_error(client: TestClient, node_id: str) -> None:
    codes = codes_of(send(client, NODE, {"id": node_id}), INPUT_CODES)
    assert codes in ([], ["BAD_USER_INPUT"], ["BAD_REQUEST"])  # BAD_REQUEST: an unpaired surrogate


@FUZZ
@given(key=texts)
def test_condition_takes_any_key_without_a_server_error(client: TestClient, key: str) -> None:
    response = send(client, CONDITION, {"key": key})
    if not codes_of(response, INPUT_CODES) and response.json()["data"]["condition"]:
        assert response.json()["data"]["condition"]["key"] == key.strip().lower()[:100]


@FUZZ
@given(code=st.sampled_from(["37188", "I82.401", "06CM3ZZ", "J2997", "I82", "no-such"]), first=ints)
def test_similar_takes_any_first_without_a_server_error(client: TestClient, code: str, first: Any) -> None:
    system = {"37188": "CPT", "J2997": "HCPCS", "06CM3ZZ": "ICD10PCS"}.get(code, "ICD10CM")
    response = send(client, SIMILAR, {"system": system, "code": code, "first": first})
    codes = codes_of(response, INPUT_CODES | LIMIT_CODES)
    if not codes and response.json()["data"]["code"]:
        assert len(response.json()["data"]["code"]["similar"]) <= first


@fuzzing(FUZZ, max_examples=EXAMPLES // 3)  # each valid case walks the graph: fewer, still every edge value
@given(code=st.sampled_from(["37188", "I82.401", "I82", "no-such"]), depth=ints, limit=ints)
def test_neighborhood_takes_any_depth_and_limit_without_a_server_error(
    client: TestClient, code: str, depth: Any, limit: Any
) -> None:
    system = "CPT" if code == "37188" else "ICD10CM"
    variables = {"system": system, "code": code, "depth": depth, "limit": limit}
    response = send(client, NEIGHBORHOOD, variables)
    codes = codes_of(response, INPUT_CODES | LIMIT_CODES)
    if not codes and response.json()["data"]["code"]:
        assert len(response.json()["data"]["code"]["neighborhood"]["nodes"]) <= limit


# ------------------------------------------------------------------------------------------ hostile strings


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text)[:30])
def test_every_hostile_string_in_every_string_argument(client: TestClient, text: str) -> None:
    cases = [
        (SEARCH, {"q": text}),
        (SEARCH, {"q": "vein", "after": text}),
        (SUGGEST, {"prefix": text}),
        (CODE, {"system": "ICD10CM", "code": text}),
        (NODE, {"id": text}),
        (NODE, {"id": forged_id("Code", text)}),
        (NODE, {"id": forged_id("Condition", text)}),
        (CONDITION, {"key": text}),
    ]
    for document, variables in cases:
        codes_of(send(client, document, variables), INPUT_CODES)


@pytest.mark.parametrize(
    ("syntax", "plain"),
    [
        ("uid:ICD10CM*", "uid icd10cm "),
        ("title:*", "title "),
        ("vein~2", "vein 2 "),
        ("+vein -deep", "vein deep "),
        ('"deep vein" OR (pulmonary AND embolism)', "deep vein or pulmonary and embolism "),
        ("I82.4*", "I82.4"),
    ],
)
def test_query_syntax_is_searched_as_the_words_it_holds(client: TestClient, syntax: str, plain: str) -> None:
    """Had the text reached a query parser, `uid:ICD10CM*` would match every ICD-10-CM code."""
    as_syntax = send(client, SEARCH, {"q": syntax, "first": 5}).json()["data"]["search"]
    as_words = send(client, SEARCH, {"q": plain, "first": 5}).json()["data"]["search"]
    assert as_syntax["totalCount"] == as_words["totalCount"] < 70_000
    assert [e["node"]["code"] for e in as_syntax["edges"]] == [e["node"]["code"] for e in as_words["edges"]]


@pytest.mark.parametrize("syntax", ["*", "*:*", "?", "**", "~"])
def test_wildcards_alone_match_nothing(client: TestClient, syntax: str) -> None:
    assert send(client, SEARCH, {"q": syntax}).json()["data"]["search"]["totalCount"] == 0


def huge_cases(huge: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (SEARCH, {"q": huge}),
        (SEARCH, {"q": "vein", "after": huge}),
        (SUGGEST, {"prefix": huge}),
        (CODE, {"system": "ICD10CM", "code": huge}),
        (NODE, {"id": huge}),
        (CONDITION, {"key": huge}),
    ]


@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_a_100_kb_string_is_a_413_before_it_is_read(client: TestClient, size: int) -> None:
    for document, variables in huge_cases("I" * size):
        assert codes_of(send(client, document, variables), set()) == ["PAYLOAD_TOO_LARGE"]


@pytest.mark.parametrize("character", ["I", "é", "\u202e", "🦠", "*"])
def test_strings_just_under_the_body_limit_are_refused_by_the_resolvers(
    client: TestClient, character: str
) -> None:
    """60 kB of text over POST, and 30 kB over GET (HTTP clients and servers cap the length of a URL).

    Each string argument has a length limit and is refused by it, except a condition's key, which is cut to
    100 characters (no key is longer) and so finds nothing."""
    for document, variables in huge_cases(character * (60_000 // len(character.encode()))):
        refused_by_its_limit(send(client, document, variables), document)
    for document, variables in huge_cases(character * (30_000 // len(quote(character)))):
        CASES["count"] += 1
        got = client.get("/graphql", params={"query": document, "variables": json.dumps(variables)})
        refused_by_its_limit(got, document)


def refused_by_its_limit(response: Any, document: str) -> None:
    if document == CONDITION:
        assert codes_of(response, set()) == []
        assert response.json()["data"] == {"condition": None}
    else:
        assert codes_of(response, INPUT_CODES) == ["BAD_USER_INPUT"], response.text[:300]


# ------------------------------------------------------------------------------------------- query abuse

CODE_ROOT = '{ code(system: ICD10CM, code: "I82.401") { %s } }'
NEIGHBORHOOD_FIELDS = (
    "neighborhood(depth: 3, limit: 500) { nodes { id label kind } edges { source target type } }"
)
ABUSE = {
    "deep nesting": CODE_ROOT % ("parent { " * 14 + "code" + " }" * 14),
    "deep nesting through fragments": CODE_ROOT % "...P0"
    + "".join(f" fragment P{i} on Code {{ parent {{ ...P{i + 1} }} }}" for i in range(14))
    + " fragment P14 on Code { code }",
    "nesting past the parser": "{ " + "code { " * 600 + "x" + " }" * 600 + " }",
    "alias flood": "{ "
    + " ".join(f'a{i}: code(system: CPT, code: "37188") {{ code }}' for i in range(31))
    + " }",
    "alias flood of __typename": "{ " + " ".join(f"a{i}: __typename" for i in range(500)) + " }",
    "token flood": "{ " + "__typename " * 2500 + "}",
    "fragment bomb": "{ ...F0 } "
    + "".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} " for i in range(40))
    + "fragment F40 on Query { codeSystems { id } }",
    "fragments fanning out fields": "{ ...G0 } "
    + "".join(
        f"fragment G{i} on Query {{ a: codeSystems {{ id }} ...G{i + 1} ...G{i + 1} }} " for i in range(12)
    )
    + "fragment G12 on Query { codeSystems { id } }",
    "thirty huge neighbourhoods": "{ "
    + " ".join(f'n{i}: code(system: CPT, code: "37188") {{ {NEIGHBORHOOD_FIELDS} }}' for i in range(30))
    + " }",
    "one absurd neighbourhood": CODE_ROOT % "neighborhood(depth: 50, limit: 100000) { nodes { id } }",
    "neighbourhoods of every child": CODE_ROOT.replace("I82.401", "I82")
    % f"children {{ nodes {{ {NEIGHBORHOOD_FIELDS} }} }}",
    "children of children of children of children": CODE_ROOT.replace("I82.401", "I")
    % ("children { nodes { " * 4 + "code title" + " } }" * 4),
    # 68,419 codes (1.3 MB) before children were a connection whose page size the cost counts.
    "three levels of ICD-10-PCS children": '{ code(system: ICD10PCS, code: "0") { children(first: 100) '
    "{ nodes { children(first: 100) { edges { node { children(first: 100) { nodes { code } } } } } } } } }",
    "a search page of a million": '{ search(query: "vein", first: 1000000) { edges { node { code } } } }',
    "similar codes by the million": CODE_ROOT % "similar(first: 1000000) { score code { code } }",
}


def refused_before_the_database(client: TestClient, body: bytes, status: int = 200) -> list[str]:
    """The codes of a refusal, checking that the app opened no database transaction for it."""
    graph: Graph = client.app_state["graph"]
    transactions = graph.transactions
    CASES["count"] += 1
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert graph.transactions == transactions, "the request reached the database"
    assert response.status_code == status, response.text[:500]
    assert response.json().get("data") is None, response.text[:500]
    return codes_of(response, LIMIT_CODES)


@pytest.mark.parametrize("document", ABUSE.values(), ids=ABUSE.keys())
def test_query_abuse_is_too_complex_before_the_database(client: TestClient, document: str) -> None:
    codes = refused_before_the_database(client, json.dumps({"query": document}).encode())
    assert codes == ["QUERY_TOO_COMPLEX"]


def test_a_fragment_bomb_is_refused_by_its_expanded_size(client: TestClient) -> None:
    body = json.dumps({"query": ABUSE["fragment bomb"]}).encode()
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert "fragments are expanded" in response.json()["errors"][0]["message"]
    assert f"at most {MAX_EXPANDED_FIELDS}" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("limit", [100_000, 1e9, 2**31 - 1])
def test_huge_sizes_in_variables_are_too_complex_before_the_database(
    client: TestClient, limit: float
) -> None:
    variables = {"system": "CPT", "code": "37188", "depth": 3, "limit": limit}
    body = json.dumps({"query": NEIGHBORHOOD, "variables": variables}).encode()
    assert refused_before_the_database(client, body) == ["QUERY_TOO_COMPLEX"]


@pytest.mark.parametrize("count", [2, 100])
def test_batched_operations_are_refused_before_the_database(client: TestClient, count: int) -> None:
    batch = [{"query": '{ code(system: CPT, code: "37188") { code } }'}] * count
    codes = refused_before_the_database(client, json.dumps(batch).encode(), status=400)
    assert codes == ["BAD_REQUEST"]


def test_the_largest_pages_the_front_end_asks_for_are_within_the_limits(client: TestClient) -> None:
    """The limits refuse abuse, not the app's own pages at their largest (web queries, maximum sizes)."""
    documents = sorted(Path(__file__).parents[2].glob("server/web/queries/*.graphql"))
    assert documents, "the web front-end's GraphQL documents have moved: update this test"
    largest = {"system": "CPT", "code": "37188", "query": "vein", "first": 100, "depth": 3, "limit": 500}
    largest |= {"prefix": "vein", "key": "deep-vein-thrombosis", "billableOnly": True}
    for path in documents:
        response = send(client, path.read_text(), largest)
        assert "QUERY_TOO_COMPLEX" not in codes_of(response, INPUT_CODES), path.name
    for document in (
        CODE_ROOT % NEIGHBORHOOD_FIELDS,
        CODE_ROOT.replace("I82.401", "I82") % "children(first: 100) { nodes { code } }",
    ):
        assert codes_of(send(client, document), set()) == []


@pytest.fixture(scope="module")
def production(settings: Settings) -> Iterator[TestClient]:
    """The app as `MEDGRAPH_DEV=false` serves it."""
    served = settings.model_copy(update={"dev": False, "data_version_poll_seconds": 3600.0})
    with TestClient(create_app(served)) as client:
        yield client


@pytest.mark.parametrize(
    "document",
    [
        "{ __schema { types { name } } }",
        '{ __type(name: "Code") { fields { name } } }',
        '{ code(system: CPT, code: "37188") { code } __schema { queryType { name } } }',
        "query IntrospectionQuery { __schema { queryType { name } mutationType { name } } }",
    ],
)
def test_introspection_is_refused_in_production(production: TestClient, document: str) -> None:
    response = production.post("/graphql", json={"query": document})
    assert response.status_code == 200
    assert response.json()["data"] is None
    errors = response.json()["errors"]
    assert {error["extensions"]["code"] for error in errors} == {"GRAPHQL_VALIDATION_FAILED"}
    assert all("introspection has been disabled" in error["message"] for error in errors)


def test_typename_is_not_introspection(production: TestClient) -> None:
    assert production.post("/graphql", json={"query": "{ __typename }"}).json() == {
        "data": {"__typename": "Query"}
    }


def test_graphiql_is_served_in_production_without_asking_for_the_schema(production: TestClient) -> None:
    response = production.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    # Introspection is refused there, so GraphiQL (static/graphiql.js) is given no schema to ask for.
    assert 'data-introspection="false"' in response.text
    assert "script-src 'self';" in response.headers["content-security-policy"]


def test_introspection_works_in_dev(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": '{ __type(name: "Code") { name } }'})
    assert response.json() == {"data": {"__type": {"name": "Code"}}}


@pytest.mark.parametrize(
    ("environ", "allowed"),
    [
        ({}, True),
        ({"MEDGRAPH_DEV": "false"}, False),
        ({"MEDGRAPH_DEV": "false", "MEDGRAPH_INTROSPECTION": "true"}, True),
        ({"MEDGRAPH_INTROSPECTION": "false"}, False),
    ],
)
def test_introspection_follows_dev_mode_unless_set(environ: dict[str, str], allowed: bool) -> None:
    assert Settings.from_environ(environ).introspection_enabled is allowed


# ------------------------------------------------------------------------------------------------------ HTTP

JSON = "application/json"
BAD_BODIES = [
    (b"{not json", JSON),
    (b"", JSON),
    (b'{"query": }', JSON),
    (b'{"query": "{ __typename }"', JSON),
    (b"\xff\xfe\x00{", JSON),
    (b'{"query": "\xff\xfe"}', JSON),
    (b"[" * 30_000 + b"]" * 30_000, JSON),
    (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, JSON),
    (b'"{ __typename }"', JSON),
    (b"123", JSON),
    (b"null", JSON),
    (b"true", JSON),
    (b"[]", JSON),
    (b'{"query": 5}', JSON),
    (b'{"query": ["{ __typename }"]}', JSON),
    (b'{"query": "{ __typename }", "variables": []}', JSON),
    (b'{"query": "{ __typename }", "variables": "{}"}', JSON),
    (b'{"query": "{ __typename }", "extensions": 1}', JSON),
    (b'{"query": "{ __typename }", "variables": {"x": 1' + b"0" * 5000 + b"}}", JSON),
    (b'{"query": "{ code(system: CPT, code: \\"\\ud800\\") { code } }"}', JSON),
    (
        b'{"query": "query($c: String!) { code(system: CPT, code: $c) { code } }", '
        b'"variables": {"c": "\\udfff"}}',
        JSON,
    ),
    (b"{}", JSON),
    (b'{"query": null}', JSON),
    (b'{"query": "{ __typename }", "operationName": "Nope"}', JSON),
    (b'{"query": "{ __typename }"}', "text/plain"),
    (b"query={ __typename }", "application/x-www-form-urlencoded"),
    (b"--b\r\n\r\n--b--", "multipart/form-data; boundary=b"),
    (b"<query>{ __typename }</query>", "application/xml"),
    (b"{ __typename }", "application/graphql"),
    (b'{"query": "{ __typename }"}', ""),
]


@pytest.mark.parametrize(("content", "content_type"), BAD_BODIES, ids=lambda value: repr(value)[:40])
def test_malformed_requests_are_a_json_400_before_the_database(
    client: TestClient, content: bytes, content_type: str
) -> None:
    graph: Graph = client.app_state["graph"]
    transactions = graph.transactions
    CASES["count"] += 1
    response = client.post("/graphql", content=content, headers={"content-type": content_type})
    assert graph.transactions == transactions
    assert response.status_code == 400, response.text[:300]
    assert response.headers["content-type"] == JSON
    assert response.headers["x-content-type-options"] == "nosniff"
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST" and error["message"]


WRITE = (
    'mutation { addIndication(code: {system: CPT, code: "37188"}, condition: "x", note: "n") { __typename } }'
)


@pytest.mark.parametrize(
    "params",
    [
        {"query": WRITE},
        {"query": "mutation { __typename }"},
        {"query": "query Q { __typename } mutation M { __typename }", "operationName": "M"},
        {"query": "{ __typename }", "variables": "{bad"},
        {"query": "{ __typename }", "variables": "[1]"},
        {"variables": "{}"},
    ],
)
def test_get_refuses_mutations_and_malformed_parameters(client: TestClient, params: dict[str, str]) -> None:
    CASES["count"] += 1
    response = client.get("/graphql", params=params, headers={"Accept": JSON})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_other_methods_are_405(client: TestClient, method: str) -> None:
    response = client.request(method, "/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 405
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


def test_a_streamed_body_over_the_limit_is_a_413_without_a_declared_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "{ __typename }", "padding": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = client.post("/graphql", content=chunks(), headers={"content-type": JSON})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def test_cors_is_off_by_default(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/healthz", headers=origin).headers
    preflight = client.options("/graphql", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 405


def test_cors_allows_the_configured_origins_only(settings: Settings) -> None:
    origins = "https://app.example.org, http://localhost:3000"
    client = TestClient(create_app(settings.model_copy(update={"cors_origins": origins})))
    for origin in ("https://app.example.org", "http://localhost:3000"):
        preflight = client.options(
            "/graphql",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type, authorization"},
        )  # fmt: skip
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == origin
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert (
            client.get("/healthz", headers={"Origin": origin}).headers["access-control-allow-origin"]
            == origin
        )
    stranger = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert client.options("/graphql", headers=stranger).status_code == 400
    assert "access-control-allow-origin" not in client.get("/healthz", headers=stranger).headers


@pytest.mark.parametrize(
    ("value", "origins"),
    [
        ("https://a.example", ["https://a.example"]),
        ("https://a.example, http://b:8080", ["https://a.example", "http://b:8080"]),
        ("*", ["*"]),
    ],
)
def test_cors_origins_setting_is_a_comma_separated_list(value: str, origins: list[str]) -> None:
    assert Settings.from_environ({"MEDGRAPH_CORS_ORIGINS": value}).cors_origin_list == origins


@pytest.mark.parametrize(
    "value", ["a.example", "https://a.example/path", "https://a.example,,x", "javascript:x"]
)
def test_a_malformed_cors_origin_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(SettingsError, match="MEDGRAPH_CORS_ORIGINS"):
        Settings.from_environ({"MEDGRAPH_CORS_ORIGINS": value})
