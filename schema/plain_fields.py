"""Plain fields completed in one step: an attribute read and its scalar's or enum's output coercion.

Most fields of a page are plain: a dataclass attribute holding a string, a number, an enum or a list of them,
with no resolver, no arguments and no field extensions (Strawberry's "basic" fields). graphql-core runs each
through the whole field machinery: a resolve info, the resolver, `complete_value` wrapper by wrapper, and
three awaitable checks. A code page completes 500 to 1,600 fields, most of them plain. This executor completes
a plain field directly. Everything else goes to graphql-core, and so does a plain field whose value breaks the
schema's promise (a null where it promises a value, a value the type cannot coerce), which graphql-core then
reports as it always would.
"""

import contextlib
from collections.abc import Callable
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType, GraphQLCoreConverter
from strawberry.types.field import StrawberryField


class _NotPlain(Exception):
    """The value is one graphql-core must complete itself, to report what is wrong with it."""


class _Plain(NamedTuple):
    attribute: str
    complete: Callable[[Any], Any]


def _output(leaf: Any) -> Callable[[Any], Any]:
    """The leaf type's output coercion. Strawberry's enums find a member's name by walking all their values;
    here it is one lookup, and anything else goes to the type's own coercion."""
    coerce: Callable[[Any], Any] = leaf.coerce_output_value
    if not isinstance(leaf, CustomGraphQLEnumType):
        return coerce
    members, names = leaf.wrapped_cls, dict[Any, str]()
    for name, value in leaf.values.items():
        names.setdefault(value.value, name)

    def enum_name(value: Any) -> Any:
        return names.get(value.value) if isinstance(value, members) else coerce(value)

    return enum_name


def _coerce(leaf: Any, required: bool) -> Callable[[Any], Any]:
    coerce = _output(leaf)

    def complete(value: Any) -> Any:
        if value is None:
            if required:
                raise _NotPlain
            return None
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _NotPlain
        return coerced

    return complete


def _completion(type_: Any) -> Callable[[Any], Any] | None:
    """How a value of this output type is completed, when it is a leaf or a list of leaves; else None."""
    required = is_non_null_type(type_)
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if is_leaf_type(inner):
        return _coerce(inner, required)
    if not is_list_type(inner):
        return None
    assert isinstance(inner, GraphQLList)
    item = _completion(inner.of_type)
    if item is None:
        return None

    def complete_list(value: Any) -> Any:
        if value is None:
            if required:
                raise _NotPlain
            return None
        if not isinstance(value, list | tuple):
            raise _NotPlain
        return [item(each) for each in value]

    return complete_list


def _plain(field: GraphQLField) -> _Plain | None:
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or not definition.is_basic_field or field.args:
        return None
    if definition.default_resolver is not getattr:
        return None
    complete = _completion(field.type)
    return _Plain(definition.python_name, complete) if complete is not None else None


def plain_fields(schema: GraphQLSchema) -> dict[tuple[str, str], _Plain]:
    plain: dict[tuple[str, str], _Plain] = {}
    for type_ in schema.type_map.values():
        if isinstance(type_, GraphQLObjectType):
            for name, field in type_.fields.items():
                found = _plain(field)
                if found is not None:
                    plain[type_.name, name] = found
    return plain


# Built once per schema (tests build schemas of their own), on its first request.
_PLAIN: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], _Plain]] = WeakKeyDictionary()


class PlainFieldsExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain = _PLAIN.get(self.schema)
        if plain is None:
            plain = _PLAIN[self.schema] = plain_fields(self.schema)
        # An extension that wraps resolvers (a tracer, say) must see every field: then none is plain.
        wrapped = self.middleware_manager is not None and bool(self.middleware_manager.middlewares)
        self._plain = {} if wrapped else plain

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        plain = self._plain.get((parent_type.name, field_details_list[0].node.name.value))
        if plain is not None:
            # Whatever is wrong with the value, graphql-core completes it again below and reports it.
            with contextlib.suppress(Exception):
                return plain.complete(getattr(source, plain.attribute))
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
