"""A real Python GraphQL client, gql, against the real app over the loaded graph.

gql fetches the schema by introspection when it connects and validates every document against it before it
sends anything; with `serialize_variables` it also serializes variables by their schema types (enums here).
Every request its transport sends is recorded (httpx event hook), so a test can tell what went over the wire
and what was refused locally.
"""

import json
from collections.abc import Iterator
from enum import Enum
from typing import Any

import httpx
import pytest
from gql import Client, GraphQLRequest
from gql.client import SyncClientSession
from gql.transport.httpx import HTTPXTransport
from gql.utilities import update_schema_enum
from graphql import GraphQLError, GraphQLSchema

pytestmark = pytest.mark.engine

I82401 = "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"


class CodeSystem(Enum):
    """The schema's `enum CodeSystem`, as a Python client would model it (values unlike the names on purpose:
    what goes over the wire must be the GraphQL name, not the Python value)."""

    CPT = "cpt"
    HCPCS = "hcpcs"
    ICD10CM = "icd-10-cm"
    ICD10PCS = "icd-10-pcs"
    ICD9CM = "icd-9-cm"
    MSDRG = "ms-drg"


class Connected:
    """A gql session over HTTP, with the JSON bodies of the requests its transport sent."""

    def __init__(self, base_url: str, *, enums: bool = False) -> None:
        self.sent: list[dict[str, Any]] = []
        # gql's transport drives httpx2 when installed, httpx otherwise: both call the hook.
        transport = HTTPXTransport(
            url=f"{base_url}/graphql", timeout=60, event_hooks={"request": [self._record]}
        )
        self.client = Client(
            transport=transport,
            fetch_schema_from_transport=True,
            serialize_variables=enums,
            parse_results=enums,
        )
        self.enums = enums

    def _record(self, request: Any) -> None:
        self.sent.append(json.loads(request.content))

    def __enter__(self) -> SyncClientSession:
        session = self.client.connect_sync()
        assert isinstance(session, SyncClientSession)
        if self.enums:
            assert self.client.schema is not None
            update_schema_enum(self.client.schema, "CodeSystem", CodeSystem)
        return session

    def __exit__(self, *_: object) -> None:
        self.client.close_sync()


@pytest.fixture(scope="module")
def connected(base_url: str) -> Iterator[tuple[SyncClientSession, Connected]]:
    plain = Connected(base_url)
    with plain as session:
        yield session, plain


@pytest.fixture(scope="module")
def with_enums(base_url: str) -> Iterator[tuple[SyncClientSession, Connected]]:
    typed = Connected(base_url, enums=True)
    with typed as session:
        yield session, typed


def schema_of(connection: Connected) -> GraphQLSchema:
    assert connection.client.schema is not None
    return connection.client.schema


def test_the_schema_is_fetched_by_introspection_when_the_client_connects(
    connected: tuple[SyncClientSession, Connected],
) -> None:
    _, connection = connected
    assert "__schema" in connection.sent[0]["query"]
    schema = schema_of(connection)
    assert schema.query_type is not None
    assert {"code", "search"} <= set(schema.query_type.fields)
    assert schema.get_type("CodeSystem") is not None


def test_a_valid_query_runs_and_answers_the_real_title(
    connected: tuple[SyncClientSession, Connected],
) -> None:
    session, _ = connected
    request = GraphQLRequest('{ code(system: ICD10CM, code: "I82.401") { code title billable } }')
    result = session.execute(request)
    assert result == {"code": {"code": "I82.401", "title": I82401, "billable": True}}


def test_a_field_the_schema_has_not_is_refused_by_gql_before_anything_is_sent(
    base_url: str, connected: tuple[SyncClientSession, Connected]
) -> None:
    session, connection = connected
    document = '{ code(system: ICD10CM, code: "I82.401") { code nonexistentField } }'
    before = len(connection.sent)
    with pytest.raises(GraphQLError) as refused:
        session.execute(GraphQLRequest(document))
    # graphql-core's validation error itself, not gql's TransportQueryError for an answer with errors.
    assert type(refused.value) is GraphQLError
    assert refused.value.message == "Cannot query field 'nonexistentField' on type 'Code'."
    assert len(connection.sent) == before  # validated locally, against the fetched schema
    # The server, asked directly, refuses it for the same reason: the fetched schema is the served one.
    served = httpx.post(f"{base_url}/graphql", json={"query": document}, timeout=60).json()
    assert served["errors"][0]["message"] == refused.value.message


def test_an_argument_of_the_wrong_type_is_refused_locally_too(
    connected: tuple[SyncClientSession, Connected],
) -> None:
    session, connection = connected
    before = len(connection.sent)
    with pytest.raises(GraphQLError, match="Enum 'CodeSystem' cannot represent non-enum value"):
        session.execute(GraphQLRequest('{ code(system: "ICD10CM", code: "I82.401") { code } }'))
    assert len(connection.sent) == before


PAGE = """
query Page($after: String) {
  search(query: "deep vein thrombosis", first: 5, after: $after) {
    totalCount
    edges { cursor node { system code } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def test_search_pages_forward_by_end_cursor_with_distinct_codes_and_a_stable_total(
    connected: tuple[SyncClientSession, Connected],
) -> None:
    session, connection = connected
    pages: list[dict[str, Any]] = []
    after: str | None = None
    for _ in range(3):
        pages.append(session.execute(GraphQLRequest(PAGE, variable_values={"after": after}))["search"])
        assert pages[-1]["pageInfo"]["hasNextPage"] is True
        after = pages[-1]["pageInfo"]["endCursor"]
    codes = [(edge["node"]["system"], edge["node"]["code"]) for page in pages for edge in page["edges"]]
    assert [len(page["edges"]) for page in pages] == [5, 5, 5]
    assert len(set(codes)) == 15
    assert len({page["totalCount"] for page in pages}) == 1
    assert pages[0]["totalCount"] > 15
    # A page's endCursor is its last edge's cursor, and what the next request sent as `after`.
    assert all(page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"] for page in pages)
    assert [body["variables"]["after"] for body in connection.sent[-3:]] == [
        None,
        pages[0]["pageInfo"]["endCursor"],
        pages[1]["pageInfo"]["endCursor"],
    ]


CODE = """
query Code($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) { system code title }
}
"""
SEARCH = """
query Search($systems: [CodeSystem!]) {
  search(query: "deep vein thrombosis", systems: $systems, first: 5) { edges { node { system code } } }
}
"""


def test_an_enum_variable_is_sent_as_its_graphql_name_and_read_back_as_the_python_enum(
    with_enums: tuple[SyncClientSession, Connected],
) -> None:
    session, connection = with_enums
    result = session.execute(
        GraphQLRequest(CODE, variable_values={"system": CodeSystem.ICD10CM, "code": "I82.401"})
    )
    assert connection.sent[-1]["variables"] == {"system": "ICD10CM", "code": "I82.401"}
    assert result == {"code": {"system": CodeSystem.ICD10CM, "code": "I82.401", "title": I82401}}


def test_a_list_of_enum_variables_is_serialized_item_by_item(
    with_enums: tuple[SyncClientSession, Connected],
) -> None:
    session, connection = with_enums
    result = session.execute(GraphQLRequest(SEARCH, variable_values={"systems": [CodeSystem.ICD10PCS]}))
    assert connection.sent[-1]["variables"] == {"systems": ["ICD10PCS"]}
    systems = {edge["node"]["system"] for edge in result["search"]["edges"]}
    assert systems == {CodeSystem.ICD10PCS}


def test_an_enum_value_the_schema_has_not_is_refused_before_it_is_sent(
    with_enums: tuple[SyncClientSession, Connected], connected: tuple[SyncClientSession, Connected]
) -> None:
    typed, typed_connection = with_enums
    before = len(typed_connection.sent)
    with pytest.raises(GraphQLError, match="Enum 'CodeSystem' cannot represent value: 'ICD10CM'"):
        # Mapped to the Python enum, the name alone is not a value of it.
        typed.execute(GraphQLRequest(CODE, variable_values={"system": "ICD10CM", "code": "I82.401"}))
    assert len(typed_connection.sent) == before
    # Without the mapping, the names are the values: a name the enum has is sent, one it has not is refused.
    plain, plain_connection = connected
    sent = plain.execute(
        GraphQLRequest(CODE, variable_values={"system": "ICD10CM", "code": "I82.401"}),
        serialize_variables=True,
    )
    assert sent["code"]["system"] == "ICD10CM"
    before = len(plain_connection.sent)
    with pytest.raises(GraphQLError, match="Enum 'CodeSystem' cannot represent value: 'ICD10'"):
        plain.execute(
            GraphQLRequest(CODE, variable_values={"system": "ICD10", "code": "I82.401"}),
            serialize_variables=True,
        )
    assert len(plain_connection.sent) == before
