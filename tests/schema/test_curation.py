"""Curation over HTTP, as editors use it: the API key, input checks, one transaction, the audit trail."""

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.driver import Graph
from graph.reads.graph_state import data_version
from server.app import create_app
from server.settings import Settings
from tests.conftest import settings_environ, wait_until_following
from tests.graph.test_curation import (
    PAGE,
    AuditFails,
    api_edges,
    edges_from,
    restore_seeded_graph,
    snapshot,
)

KEY = "curation-test-key-7f3a9c"
NOT_A_PROCEDURE = "ICD10CM:I82.401"

ADD_INDICATION = """
mutation ($code: String!, $condition: String!, $note: String!) {
  addIndication(code: {system: CPT, code: $code}, condition: $condition, note: $note) {
    changed dataVersion
    event { id at editor action subject details code { id } }
    code { indications { condition { key } note } }
  }
}
"""
REMOVE_INDICATION = """
mutation ($code: String!, $condition: String!) {
  removeIndication(code: {system: CPT, code: $code}, condition: $condition) { changed event { action } }
}
"""
ADD_RELATED = """
mutation ($system: CodeSystem!, $code: String!, $related: String!, $type: RelationType!) {
  addRelatedCode(code: {system: $system, code: $code}, related: {system: CPT, code: $related}, type: $type) {
    changed dataVersion event { action details }
    code { related { type inverse code { code } } }
  }
}
"""
REMOVE_RELATED = """
mutation ($related: String!, $type: RelationType!) {
  removeRelatedCode(code: {system: CPT, code: "37188"}, related: {system: CPT, code: $related}, type: $type) {
    changed
  }
}
"""
ADD_ALTERNATIVE = """
mutation ($alternative: AlternativeInput!, $note: String!) {
  addAlternative(code: {system: CPT, code: "37188"}, alternative: $alternative, note: $note) {
    changed event { details }
    code { alternatives { note code { code } treatment { key } } }
  }
}
"""
REMOVE_ALTERNATIVE = """
mutation ($alternative: AlternativeInput!) {
  removeAlternative(code: {system: CPT, code: "37188"}, alternative: $alternative) { changed }
}
"""
UPSERT_SECTION = """
mutation ($system: CodeSystem!, $code: String!, $section: MonographSectionInput!) {
  upsertMonographSection(code: {system: $system, code: $code}, section: $section) {
    changed event { action details }
    code { monograph { summary commonNames steps { number label text } } }
  }
}
"""
EVENTS = "query ($first: Int!) { curationEvents(first: $first) { id at editor action subject details } }"


def app_with(settings: Settings, api_key: str | None, graph_type: type[Graph] = Graph) -> Starlette:
    environ = settings_environ(settings)
    environ["MEDGRAPH_DATA_VERSION_POLL_SECONDS"] = str(settings.data_version_poll_seconds)
    if api_key is not None:
        environ["MEDGRAPH_API_KEY"] = api_key
    return create_app(Settings.from_environ(environ), graph_type)


@pytest.fixture(scope="module")
def client(settings: Settings, loaded_graph: Graph) -> Iterator[TestClient]:
    # The app follows the data version once, at start (then hourly): else it would rebuild the search index
    # after every write here. Tests refresh it where they need to.
    hourly = settings.model_copy(update={"data_version_poll_seconds": 3600.0})
    try:
        with TestClient(app_with(hourly, KEY)) as client:
            wait_until_following(client)
            yield client
    finally:
        restore_seeded_graph(loaded_graph, [PAGE])


def post(
    client: TestClient,
    document: str,
    key: str | None = KEY,
    editor: str | None = None,
    **variables: Any,
) -> dict[str, Any]:
    headers = {}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    if editor is not None:
        headers["X-Medgraph-Editor"] = editor
    response = client.post("/graphql", json={"query": document, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


def error(body: dict[str, Any]) -> tuple[str, str]:
    (only,) = body["errors"]
    return only["extensions"]["code"], only["message"]


def test_without_a_configured_key_every_write_is_forbidden(settings: Settings, loaded_graph: Graph) -> None:
    with TestClient(app_with(settings, None)) as client:
        before = snapshot(loaded_graph, PAGE)
        body = post(client, ADD_INDICATION, code="37188", condition="post-thrombotic-syndrome", note="n")
        assert error(body) == (
            "FORBIDDEN",
            "Writes are disabled on this server: no API key is configured (MEDGRAPH_API_KEY).",
        )
        assert error(post(client, EVENTS, first=5))[0] == "FORBIDDEN"
        assert snapshot(loaded_graph, PAGE) == before
        # Reads stay public.
        read = post(client, '{ code(system: CPT, code: "37188") { code } }', key=None)
        assert data(read) == {"code": {"code": "37188"}}


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-key", f"Basic {KEY}", f"Bearer {KEY}x", "Bearer"]
)
def test_a_missing_or_wrong_key_is_unauthenticated_and_writes_nothing(
    client: TestClient, loaded_graph: Graph, authorization: str | None
) -> None:
    before = snapshot(loaded_graph, PAGE)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = client.post(
        "/graphql",
        json={
            "query": ADD_INDICATION,
            "variables": {"code": "37188", "condition": "post-thrombotic-syndrome", "note": "n"},
        },
        headers=headers,
    )
    assert error(response.json()) == (
        "UNAUTHENTICATED",
        "Curation needs the API key, sent as `Authorization: Bearer <key>`.",
    )
    assert snapshot(loaded_graph, PAGE) == before
    assert data(post(client, '{ code(system: CPT, code: "37188") { code } }', key=None))["code"]


def test_the_right_key_writes_with_who_and_when_and_an_audit_event(
    client: TestClient, loaded_graph: Graph
) -> None:
    version = data_version(loaded_graph)
    body = post(
        client,
        ADD_INDICATION,
        editor="Dr. Ada Lovelace",
        code="37188",
        condition="post-thrombotic-syndrome",
        note="  Lasting leg swelling after a clot.  ",
    )
    result = data(body)["addIndication"]
    assert result["changed"] is True
    assert result["dataVersion"] == data_version(loaded_graph) != version
    event = result["event"]
    assert (event["editor"], event["action"], event["subject"]) == ("Dr. Ada Lovelace", "ADD_RELATION", PAGE)
    assert event["details"] == {
        "relationship": "INDICATED_FOR",
        "from": PAGE,
        "to": "post-thrombotic-syndrome",
        "target": "condition",
        "note": "Lasting leg swelling after a clot.",
    }
    assert event["code"]["id"]
    # The payload shows the page after the write, the new indication after the seeded ones.
    assert result["code"]["indications"][-1] == {
        "condition": {"key": "post-thrombotic-syndrome"},
        "note": "Lasting leg swelling after a clot.",
    }
    (edge,) = api_edges(loaded_graph, PAGE)
    assert (edge["type"], edge["target"], edge["curatedBy"], edge["curatedAt"]) == (
        "INDICATED_FOR",
        "post-thrombotic-syndrome",
        "Dr. Ada Lovelace",
        event["at"],
    )
    (latest,) = data(post(client, EVENTS, first=1))["curationEvents"]
    assert latest == {key: event[key] for key in ("id", "at", "editor", "action", "subject", "details")}

    removed = data(post(client, REMOVE_INDICATION, code="37188", condition="post-thrombotic-syndrome"))
    assert removed["removeIndication"] == {"changed": True, "event": {"action": "REMOVE_RELATION"}}
    assert api_edges(loaded_graph, PAGE) == []
    newest = data(post(client, EVENTS, first=2))["curationEvents"]
    assert [e["action"] for e in newest] == ["REMOVE_RELATION", "ADD_RELATION"]  # newest first


def test_adding_the_same_relation_twice_leaves_one_edge(client: TestClient, loaded_graph: Graph) -> None:
    variables = {"system": "CPT", "code": "37188", "related": "93970", "type": "FOLLOW_UP_OF"}
    first = data(post(client, ADD_RELATED, **variables))["addRelatedCode"]
    assert first["changed"] is True
    assert {"type": "FOLLOW_UP_OF", "inverse": False, "code": {"code": "93970"}} in first["code"]["related"]
    before = snapshot(loaded_graph, PAGE)
    again = data(post(client, ADD_RELATED, **variables))["addRelatedCode"]
    assert (again["changed"], again["event"], again["dataVersion"]) == (False, None, None)
    assert snapshot(loaded_graph, PAGE) == before
    assert [(e["type"], e["target"]) for e in api_edges(loaded_graph, PAGE)] == [("RELATED", "CPT:93970")]

    gone = data(post(client, REMOVE_RELATED, related="93970", type="FOLLOW_UP_OF"))
    assert gone == {"removeRelatedCode": {"changed": True}}
    assert api_edges(loaded_graph, PAGE) == []
    assert data(post(client, REMOVE_RELATED, related="93970", type="FOLLOW_UP_OF")) == {
        "removeRelatedCode": {"changed": False}
    }


def test_alternatives_point_at_a_code_or_at_a_treatment(client: TestClient, loaded_graph: Graph) -> None:
    treatment = {"treatment": "compression-therapy"}
    added = data(post(client, ADD_ALTERNATIVE, alternative=treatment, note="Stockings."))["addAlternative"]
    assert {"note": "Stockings.", "code": None, "treatment": {"key": "compression-therapy"}} in added["code"][
        "alternatives"
    ]
    changed = data(post(client, ADD_ALTERNATIVE, alternative=treatment, note="Firm stockings."))[
        "addAlternative"
    ]
    assert changed["changed"] is True
    assert changed["event"]["details"]["previousNote"] == "Stockings."
    code = {"code": {"system": "CPT", "code": "37191"}}
    added = data(post(client, ADD_ALTERNATIVE, alternative=code, note="A filter."))["addAlternative"]
    assert {"note": "A filter.", "code": {"code": "37191"}, "treatment": None} in added["code"][
        "alternatives"
    ]
    assert sorted((e["target"], e["note"]) for e in api_edges(loaded_graph, PAGE)) == [
        ("CPT:37191", "A filter."),
        ("compression-therapy", "Firm stockings."),
    ]
    for alternative in (treatment, code):
        assert data(post(client, REMOVE_ALTERNATIVE, alternative=alternative))["removeAlternative"]["changed"]
    assert api_edges(loaded_graph, PAGE) == []


def test_seeded_edges_are_changed_in_the_seed_files(client: TestClient, loaded_graph: Graph) -> None:
    before = snapshot(loaded_graph, PAGE)
    code, message = error(post(client, REMOVE_INDICATION, code="37188", condition="deep-vein-thrombosis"))
    assert (code, message) == (
        "BAD_USER_INPUT",
        "CPT:37188 INDICATED_FOR deep-vein-thrombosis comes from the seeds; remove it from "
        "seeds/procedures/cpt-37188.yaml and load the seeds again",
    )
    seeded_note = next(
        e["note"] for e in edges_from(loaded_graph, PAGE) if e["target"] == "deep-vein-thrombosis"
    )
    same = post(client, ADD_INDICATION, code="37188", condition="deep-vein-thrombosis", note=seeded_note)
    assert data(same)["addIndication"]["changed"] is False  # the graph says so already
    assert snapshot(loaded_graph, PAGE) == before


LONG_NOTE = "x" * 1001


@pytest.mark.parametrize(
    ("document", "variables", "message"),
    [
        (
            ADD_INDICATION,
            {"code": "00000", "condition": "deep-vein-thrombosis", "note": "n"},
            "unknown code CPT 00000",
        ),
        (
            ADD_INDICATION,
            {"code": "", "condition": "deep-vein-thrombosis", "note": "n"},
            "code must be 1 to 40 characters",
        ),
        (
            ADD_INDICATION,
            {"code": "37188", "condition": "no-such-condition", "note": "n"},
            "unknown condition no-such-condition",
        ),
        (
            ADD_INDICATION,
            {"code": "37188", "condition": "compression-therapy", "note": "n"},
            "unknown condition compression-therapy",
        ),
        (
            ADD_INDICATION,
            {"code": "37188", "condition": "Deep Vein Thrombosis", "note": "n"},
            "condition must be a key of the vocabulary, such as deep-vein-thrombosis",
        ),
        (
            ADD_INDICATION,
            {"code": "37188", "condition": "post-thrombotic-syndrome", "note": LONG_NOTE},
            "note has 1001 characters; at most 1000 are allowed",
        ),
        (
            ADD_INDICATION,
            {"code": "37188", "condition": "post-thrombotic-syndrome", "note": " "},
            "note must not be empty",
        ),
        (
            ADD_RELATED,
            {"system": "CPT", "code": "37188", "related": "37188", "type": "REPEAT_OF"},
            "a code cannot be related to itself",
        ),
        (
            ADD_RELATED,
            {"system": "ICD10CM", "code": "i82.401", "related": "37188", "type": "REPEAT_OF"},
            f"{NOT_A_PROCEDURE} is not a procedure code; curated relations start at a CPT, HCPCS or "
            "ICD-10-PCS code",
        ),
        (
            ADD_ALTERNATIVE,
            {"alternative": {"treatment": "no-such-treatment"}, "note": "n"},
            "unknown treatment no-such-treatment",
        ),
        (
            UPSERT_SECTION,
            {"system": "ICD10PCS", "code": "06CM3ZZ", "section": {"summary": "s"}},
            "ICD10PCS:06CM3ZZ has no monograph; only a monograph's sections can be edited",
        ),
        (
            UPSERT_SECTION,
            {
                "system": "CPT",
                "code": "37188",
                "section": {"steps": [{"label": "A", "text": "a"}, {"label": "a", "text": "b"}]},
            },
            "step label 'a' is used twice (steps 1 and 2)",
        ),
        (
            UPSERT_SECTION,
            {"system": "CPT", "code": "37188", "section": {"preparation": []}},
            "preparation must have 1 to 20 entries, not 0",
        ),
        (
            UPSERT_SECTION,
            {"system": "CPT", "code": "37188", "section": {"summary": "y" * 2001}},
            "summary has 2001 characters; at most 2000 are allowed",
        ),
        (EVENTS, {"first": 0}, "first must be between 1 and 100"),
        (EVENTS, {"first": 101}, "first must be between 1 and 100"),
    ],
)
def test_input_that_does_not_fit_is_bad_user_input_and_writes_nothing(
    client: TestClient, loaded_graph: Graph, document: str, variables: dict[str, Any], message: str
) -> None:
    before = snapshot(loaded_graph, PAGE)
    assert error(post(client, document, **variables)) == ("BAD_USER_INPUT", message)
    assert snapshot(loaded_graph, PAGE) == before


def test_an_unfit_editor_name_is_bad_user_input(client: TestClient, loaded_graph: Graph) -> None:
    before = snapshot(loaded_graph, PAGE)
    for name in ("x" * 81, " ", "tab\tname"):
        body = post(
            client, ADD_INDICATION, editor=name, code="37188", condition="post-thrombotic-syndrome", note="n"
        )
        assert error(body) == ("BAD_USER_INPUT", "X-Medgraph-Editor must be 1 to 80 printable characters")
    assert snapshot(loaded_graph, PAGE) == before


def test_a_relation_type_outside_the_enum_is_bad_user_input(client: TestClient, loaded_graph: Graph) -> None:
    before = snapshot(loaded_graph, PAGE)
    body = post(client, ADD_RELATED, system="CPT", code="37188", related="37187", type="SIBLING_OF")
    code, message = error(body)
    assert code == "BAD_USER_INPUT"
    assert "Value 'SIBLING_OF' does not exist in 'RelationType' enum" in message
    assert snapshot(loaded_graph, PAGE) == before


def test_a_monograph_section_is_replaced_and_search_follows(client: TestClient, loaded_graph: Graph) -> None:
    names = {"commonNames": ["Zorblax clot clearing", "Mechanical thrombectomy"]}
    result = data(post(client, UPSERT_SECTION, system="CPT", code="37188", section=names))[
        "upsertMonographSection"
    ]
    assert result["code"]["monograph"]["commonNames"] == names["commonNames"]
    assert result["event"]["action"] == "UPSERT_MONOGRAPH_SECTION"
    assert result["event"]["details"]["previous"] == [
        "Mechanical thrombectomy",
        "Venous thrombectomy",
        "Pharmacomechanical thrombectomy",
    ]
    again = data(post(client, UPSERT_SECTION, system="CPT", code="37188", section=names))
    assert again["upsertMonographSection"]["changed"] is False

    steps = {
        "steps": [
            {"label": "Numbing", "text": "The skin is numbed."},
            {"label": "Clot removal", "text": "Done."},
        ]
    }
    monograph = data(post(client, UPSERT_SECTION, system="CPT", code="37188", section=steps))[
        "upsertMonographSection"
    ]["code"]["monograph"]
    assert monograph["steps"] == [
        {"number": 1, "label": "Numbing", "text": "The skin is numbed."},
        {"number": 2, "label": "Clot removal", "text": "Done."},
    ]

    # The search index is a view tagged with the data version, which the write moved.
    search = client.app_state["search"]
    assert search.refresh() is True
    hits = data(post(client, '{ search(query: "zorblax") { edges { node { id code } } } }', key=None))
    assert [edge["node"]["code"] for edge in hits["search"]["edges"]] == ["37188"]


def test_one_section_per_edit(client: TestClient) -> None:
    both = {"summary": "s", "purpose": "p"}
    body = post(client, UPSERT_SECTION, system="CPT", code="37188", section=both)
    assert error(body)[0] == "GRAPHQL_VALIDATION_FAILED"  # @oneOf


def test_a_write_whose_second_statement_fails_leaves_no_partial_change(
    settings: Settings, loaded_graph: Graph
) -> None:
    before = snapshot(loaded_graph, PAGE)
    hourly = settings.model_copy(update={"data_version_poll_seconds": 3600.0})
    with TestClient(app_with(hourly, KEY, AuditFails)) as failing:
        body = post(failing, ADD_INDICATION, code="37188", condition="post-thrombotic-syndrome", note="n")
    assert error(body) == ("INTERNAL_ERROR", "Internal error.")
    assert snapshot(loaded_graph, PAGE) == before


def test_a_write_is_never_answered_from_the_response_cache_of_before(client: TestClient) -> None:
    read = {"query": '{ code(system: CPT, code: "37188") { indications { condition { key } } } }'}

    def indications(response: Any) -> set[str]:
        return {i["condition"]["key"] for i in response.json()["data"]["code"]["indications"]}

    first, cached = client.post("/graphql/", json=read), client.post("/graphql/", json=read)
    assert cached.headers["X-Cache"] == "hit"
    assert "post-thrombotic-syndrome" not in indications(first)
    data(post(client, ADD_INDICATION, code="37188", condition="post-thrombotic-syndrome", note="cache"))
    after = client.post("/graphql/", json=read)
    assert after.headers["X-Cache"] == "miss"
    assert indications(after) == indications(first) | {"post-thrombotic-syndrome"}
    data(post(client, REMOVE_INDICATION, code="37188", condition="post-thrombotic-syndrome"))
    assert indications(client.post("/graphql/", json=read)) == indications(first)
