"""Plain fields are completed in one step, with the answers and errors graphql-core gives for them."""

from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema import schema
from schema.plain_fields import PlainFieldsExecutor, plain_fields
from server.web.documents import Documents
from tests.schema.conftest import Api


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    count: int | None
    colour: Colour
    tags: list[str]
    notes: list[str | None] | None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


# Values as the schema promises them, then each promise broken once.
ITEMS: list[Any] = [
    Item(name="a", count=1, colour=Colour.RED, tags=["x", "y"], notes=["n", None]),
    Item(name="b", count=None, colour=Colour.BLUE, tags=[], notes=None),
    Item(name=None, count=2, colour=Colour.RED, tags=[], notes=None),  # type: ignore[arg-type]
    Item(name="c", count="many", colour=Colour.RED, tags=[], notes=None),  # type: ignore[arg-type]
    Item(name="d", count=3, colour="green", tags=[], notes=None),  # type: ignore[arg-type]
    Item(name="e", count=4, colour=Colour.BLUE, tags=["x", None], notes=None),  # type: ignore[list-item]
]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return ITEMS


DOCUMENT = "{ items { name count colour tags notes shout } }"


def _answer(
    executor: type[StrawberryGraphQLCoreExecutionContext],
    extensions: list[type[SchemaExtension]] | None = None,
) -> tuple[Any, list[tuple[str, Any]]]:
    small = strawberry.Schema(query=Query, execution_context_class=executor, extensions=extensions or [])
    result = small.execute_sync(DOCUMENT)
    return result.data, [(error.message, error.path) for error in result.errors or []]


def test_the_fields_without_a_resolver_or_arguments_are_the_plain_ones() -> None:
    small = strawberry.Schema(query=Query)
    plain = {name for type_name, name in plain_fields(small._schema) if type_name == "Item"}
    assert plain == {"name", "count", "colour", "tags", "notes"}


def test_plain_fields_answer_as_graphql_core_does_errors_included() -> None:
    data, errors = _answer(PlainFieldsExecutor)
    assert (data, errors) == _answer(StrawberryGraphQLCoreExecutionContext)
    assert data["items"][:2] == [
        {"name": "a", "count": 1, "colour": "RED", "tags": ["x", "y"], "notes": ["n", None], "shout": "A"},
        {"name": "b", "count": None, "colour": "BLUE", "tags": [], "notes": None, "shout": "B"},
    ]
    assert [path for _, path in errors] == [
        ["items", 2, "name"],
        ["items", 3, "count"],
        ["items", 4, "colour"],
        ["items", 5, "tags", 1],
    ]


def test_an_extension_that_wraps_resolvers_still_sees_every_field() -> None:
    seen: list[str] = []

    class Tracer(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    answer = _answer(PlainFieldsExecutor, [Tracer])
    assert answer == _answer(PlainFieldsExecutor) and seen.count("name") == len(ITEMS)
    traced, seen[:] = list(seen), []
    _answer(StrawberryGraphQLCoreExecutionContext, [Tracer])
    assert traced == seen


@pytest.mark.parametrize(
    ("system", "code"),
    [("CPT", "37188"), ("ICD10CM", "I82.401"), ("HCPCS", "J2997"), ("ICD10PCS", "0SRD0JZ"), ("MSDRG", "001")],
)
def test_a_code_page_reads_the_same_through_either_executor(
    api: Api, monkeypatch: pytest.MonkeyPatch, system: str, code: str
) -> None:
    documents = Documents(schema)
    page = documents["code"].text

    def answer() -> Any:
        return api.data(page, system=system, code=code, childrenFirst=100)

    fast = answer()
    monkeypatch.setattr(schema, "execution_context_class", StrawberryGraphQLCoreExecutionContext)
    assert answer() == fast
    assert fast["code"]["code"] == code


def test_the_served_schema_completes_plain_fields_itself() -> None:
    assert schema.execution_context_class is PlainFieldsExecutor
    plain = plain_fields(schema._schema)
    assert ("Code", "title") in plain and ("CodeNote", "text") in plain
    assert ("Code", "children") not in plain  # a resolver with arguments
