import asyncio
from typing import Any

import pytest

from graph.driver import Graph
from graph.search.service import SearchService
from schema import schema
from schema.context import Context


class Api:
    """Runs GraphQL documents against the real loaded graph, in process, as the web pages do."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.search = SearchService(graph, folder=None)

    def execute(self, document: str, **variables: Any) -> Any:
        context = Context(graph=self.graph, search=self.search)
        return asyncio.run(schema.execute(document, variable_values=variables, context_value=context))

    def data(self, document: str, **variables: Any) -> dict[str, Any]:
        result = self.execute(document, **variables)
        assert result.errors is None, result.errors
        assert result.data is not None
        return result.data

    def error_codes(self, document: str, **variables: Any) -> list[str]:
        result = self.execute(document, **variables)
        assert result.errors, "expected errors"
        return [error.extensions["code"] for error in result.errors]


@pytest.fixture(scope="session")
def api(loaded_graph: Graph) -> Api:
    return Api(loaded_graph)
