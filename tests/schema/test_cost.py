"""schema.cost: an estimate is the same computed or remembered, and the memory of them is bounded."""

from graphql import parse

from schema import cost, schema

SEARCH = 'query S($first: Int) { search(query: "dvt", first: $first) { edges { node { code title } } } }'


def test_a_remembered_estimate_is_the_estimate_of_the_same_variables() -> None:
    document, graphql_schema = parse(SEARCH), schema._schema
    for first in (10, 100, 10):
        variables = {"first": first}
        assert cost.remembered_cost(graphql_schema, document, SEARCH, None, variables) == cost.estimated_cost(
            graphql_schema, document, None, variables
        )
    small = cost.remembered_cost(graphql_schema, document, SEARCH, None, {"first": 10})
    assert cost.remembered_cost(graphql_schema, document, SEARCH, None, {"first": 100}) > small


def test_at_most_costs_kept_estimates_are_remembered() -> None:
    document, graphql_schema = parse(SEARCH), schema._schema
    for first in range(1, cost.COSTS_KEPT + 50):
        cost.remembered_cost(graphql_schema, document, SEARCH, None, {"first": first})
    assert len(cost._costs) == cost.COSTS_KEPT


def test_variables_too_large_to_spell_are_estimated_all_the_same() -> None:
    document, graphql_schema = parse(SEARCH), schema._schema
    huge = {"first": 10**33}  # past GraphQL's Int and 64 bits: coercion refuses it after the estimate
    assert cost.remembered_cost(graphql_schema, document, SEARCH, None, huge) == cost.estimated_cost(
        graphql_schema, document, None, huge
    )
