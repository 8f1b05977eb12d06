"""What the app's lifespan opens for the life of the process and every request reads (lifespan state).

Starlette hands each request a shallow copy of the mapping the lifespan yields, as `request.state`; these
accessors give its entries their types.
"""

from typing import TypedDict

from starlette.requests import HTTPConnection

from graph.analyst import AnalystConsole
from graph.driver import Graph
from graph.search.service import SearchService
from server.data_follower import DataFollower


class LifespanState(TypedDict):
    graph: Graph
    search: SearchService
    follower: DataFollower
    analyst: AnalystConsole | None  # the analyst console's own read-only driver; None when it has no user


def graph_of(connection: HTTPConnection) -> Graph:
    graph: Graph = connection.state.graph
    return graph


def search_of(connection: HTTPConnection) -> SearchService:
    search: SearchService = connection.state.search
    return search


def follower_of(connection: HTTPConnection) -> DataFollower:
    follower: DataFollower = connection.state.follower
    return follower
