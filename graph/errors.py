"""Errors of the graph package. Driver exceptions become these at the package boundary (graph.driver).

GraphError
 ├── DatabaseUnavailable      the engine cannot be reached (down, starting, wrong address or credentials)
 ├── QueryTimeout             a query ran past its time limit
 ├── QueryFailed              the engine refused a statement (a bug on our side, or a constraint)
 ├── EngineError              the embedded engine could not be started, stopped or found
 │    └── EngineAlreadyRunning
 ├── AnalystQueryRefused     an analyst's statement was refused or failed (graph.analyst); `code` says how
 └── CurationRefused          a curation edit does not fit the graph or the vocabulary (graph.curation); the
                              message is meant for the editor

The subpackages keep trees of their own, each in its errors.py: graph.importers (ImportFormatError),
graph.search (SearchError), graph.knowledge (KnowledgeError).
"""


class GraphError(Exception):
    pass


class DatabaseUnavailable(GraphError):
    pass


class QueryTimeout(GraphError):
    pass


class QueryFailed(GraphError):
    pass


class EngineError(GraphError):
    pass


class EngineAlreadyRunning(EngineError):
    pass


class CurationRefused(GraphError):
    """The edit does not fit the graph or the vocabulary; the message says why and is shown to the editor."""


class AnalystQueryRefused(GraphError):
    """An analyst console statement did not run: `code` is READ_ONLY, SYNTAX_ERROR, QUERY_FAILED, TIMEOUT or
    UNAVAILABLE, and the message is the engine's own words, meant for the analyst."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
