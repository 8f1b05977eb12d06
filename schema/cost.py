"""Query cost: what a document may ask for, bounded before any resolver (and so the database) runs.

Depth, alias and token limits bound how a document is written, not what it asks for: fragments that spread
each other twice grow exponentially (and so does the work of the depth and alias validators that expand them),
`children` inside `children` multiplies, and five aliased `neighborhood(depth: 3, limit: 500)` are five walks.
Two checks, both QUERY_TOO_COMPLEX:

- before validation, the document's fields with every fragment spread expanded (counted with each fragment's
  size computed once) must number at most MAX_EXPANDED_FIELDS;
- before execution, with the variables known, the estimated cost must be at most MAX_COST. Every field
  counts once per object it is resolved on; a list holds its page size (`first`, `last`, `limit`, or that
  of the field that returned its parent: search edges, children nodes, neighbourhood nodes), its declared
  default (a connection's 20 when neither `first` nor `last` is given) or, without one, FAN_OUT items;
  `neighborhood` adds 2 * depth * limit and `similar` 10 * first for the graph walks behind them. Values a
  resolver would refuse (a negative `first`) count as 1: the resolver says what is wrong.
"""

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

import orjson
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    is_list_type,
)
from strawberry.extensions import SchemaExtension

from graph.search.cursor import DEFAULT_PAGE_SIZE
from schema.errors import QueryTooComplex

MAX_EXPANDED_FIELDS = 2_000
MAX_COST = 50_000
FAN_OUT = 10
PAGE_ARGUMENTS = ("first", "last", "limit")
MAX_INT = 2**31 - 1  # GraphQL's Int; larger values are refused when variables are coerced
# The estimate of a document with its variables, as the same requests come again (every code page sends the
# same three documents): walking a page's document cost 2 to 3 ms of each computed page (pyinstrument).
COSTS_KEPT = 1_024
_costs: OrderedDict[tuple[int, str, str | None, bytes], float] = OrderedDict()


class QueryCost(SchemaExtension):
    """Refuse documents whose expanded size or estimated cost is over the limits (module docstring)."""

    def on_validate(self) -> Iterator[None]:
        document = self.execution_context.graphql_document
        if document is not None and self.execution_context.pre_execution_errors is None:
            fields = expanded_fields(document)
            if fields > MAX_EXPANDED_FIELDS:
                # Set before validation runs, so that the validators never expand the fragments themselves.
                self.execution_context.pre_execution_errors = [
                    _too_complex(
                        f"The query has {fields} fields once its fragments are expanded; "
                        f"at most {MAX_EXPANDED_FIELDS} are allowed."
                    )
                ]
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.result is None:
            cost = remembered_cost(
                context.schema._schema,
                context.graphql_document,
                context.query,
                context.operation_name,
                context.variables,
            )
            if cost > MAX_COST:
                # The estimate stops counting once over the limit, so what it reached is a lower bound.
                message = (
                    f"The query's estimated cost is at least {cost:,.0f}, over the limit of {MAX_COST:,}: "
                    "ask for fewer items per page (first, limit), fewer nested lists or fewer aliases."
                )
                context.result = ExecutionResult(
                    data=None, errors=[_too_complex(message, cost=round(cost), limit=MAX_COST)]
                )
        yield


def expanded_fields(document: DocumentNode) -> int:
    """Fields of the document's operations with their fragment spreads expanded; a cycle counts once."""
    fragments = _fragments(document)
    sizes: dict[str, int] = {}

    def size(selection_set: SelectionSetNode | None, visiting: frozenset[str]) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += 1 + size(selection.selection_set, visiting)
            elif isinstance(selection, InlineFragmentNode):
                total += size(selection.selection_set, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in sizes and name not in visiting and name in fragments:
                    sizes[name] = size(fragments[name].selection_set, visiting | {name})
                total += sizes.get(name, 1)
        return total

    return sum(
        size(definition.selection_set, frozenset())
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    )


def remembered_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    query: str | None,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> float:
    """estimated_cost, computed once for each text, operation and variables among the last COSTS_KEPT."""
    try:
        spelled = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:  # an integer past 64 bits: estimated, not kept (coercion refuses it next)
        spelled = None
    if query is None or spelled is None:
        return estimated_cost(schema, document, operation_name, variables)
    key = (id(schema), query, operation_name, spelled)
    cost = _costs.get(key)
    if cost is None:
        cost = _costs[key] = estimated_cost(schema, document, operation_name, variables)
        if len(_costs) > COSTS_KEPT:
            _costs.popitem(last=False)
    else:
        _costs.move_to_end(key)
    return cost


def estimated_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> float:
    """The cost of the operation that would run; 0 when there is none (execution then says why)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    if len(chosen) != 1:
        return 0.0
    root = schema.get_root_type(chosen[0].operation)
    if root is None:
        return 0.0
    values = dict(variables or {})
    for definition in chosen[0].variable_definitions or ():  # `$first: Int = 100` when $first is not sent
        default = definition.default_value
        if definition.variable.name.value not in values and isinstance(default, IntValueNode):
            values[definition.variable.name.value] = _int(default)
    return _Estimate(schema, _fragments(document), values).cost(
        chosen[0].selection_set, root, count=1.0, page=None
    )


class _Estimate:
    def __init__(
        self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any]
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.total = 0.0

    def cost(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLObjectType | GraphQLInterfaceType | Any,
        count: float,
        page: int | None,
        visiting: frozenset[str] = frozenset(),
    ) -> float:
        for selection in selection_set.selections if selection_set else ():
            if self.total > MAX_COST:  # over already: stop walking (and so bound the walk's own time)
                break
            if isinstance(selection, FieldNode):
                self._field(selection, parent, count, page, visiting)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                self.cost(selection.selection_set, inner, count, page, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None and fragment.name.value not in visiting:
                    inner = self.schema.get_type(fragment.type_condition.name.value)
                    self.cost(fragment.selection_set, inner, count, page, visiting | {fragment.name.value})
        return self.total

    def _field(
        self,
        node: FieldNode,
        parent: GraphQLObjectType | GraphQLInterfaceType | Any,
        count: float,
        page: int | None,
        visiting: frozenset[str],
    ) -> None:
        self.total += count
        name = node.name.value
        fields = getattr(parent, "fields", {})
        if name.startswith("__") or name not in fields:  # introspection, or an error validation reports
            return
        definition = fields[name]
        arguments = self._int_arguments(definition.args, node)
        sizes = [arguments[a] for a in PAGE_ARGUMENTS if arguments.get(a) is not None]
        # A connection asked for without `first` or `last` gives its default page.
        own_page = _count(sizes[0]) if sizes else (DEFAULT_PAGE_SIZE if "first" in arguments else None)
        self.total += count * _work(name, arguments)
        returned = get_nullable_type(definition.type)
        is_list = is_list_type(returned)
        size = 1
        if is_list:
            size = own_page or page or FAN_OUT
        if is_composite_type(get_named_type(returned)):
            # A page size reaches the lists of the object the paged field returns (search → edges).
            inner_page = None if is_list else own_page
            self.cost(node.selection_set, get_named_type(returned), count * size, inner_page, visiting)

    def _int_arguments(self, declared: Mapping[str, Any], node: FieldNode) -> dict[str, object]:
        """The field's arguments as given (a literal or a variable's value) or by default; ints matter."""
        arguments = {name: argument.default_value for name, argument in declared.items()}
        for argument in node.arguments or ():
            value = argument.value
            if isinstance(value, IntValueNode):
                arguments[argument.name.value] = _int(value)
            elif isinstance(value, VariableNode) and value.name.value in self.variables:
                arguments[argument.name.value] = self.variables[value.name.value]
        return arguments


def _work(name: str, arguments: Mapping[str, Any]) -> int:
    if name == "neighborhood":
        return 2 * _count(arguments.get("depth", 1)) * _count(arguments.get("limit", 100))
    if name == "similar":
        return 10 * _count(arguments.get("first", 10))
    return 0


def _count(value: object) -> int:
    """A size as graphql-core will coerce it (3.0 and 1e9 are Ints), from 1 to the largest Int."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return 1
    return min(value, MAX_INT)


def _int(literal: IntValueNode) -> int | None:
    return int(literal.value) if len(literal.value) <= 12 else None  # validation refuses longer ones


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _too_complex(message: str, **extensions: int) -> GraphQLError:
    """The refusal; `extensions` (the cost and the limit) travel beside the code for clients to read."""
    return GraphQLError(message, original_error=QueryTooComplex(message), extensions=extensions or None)
