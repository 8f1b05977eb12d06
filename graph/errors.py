"""Errors of the graph package. Driver exceptions become these at the package boundary.

GraphError
 ├── DatabaseUnavailable      the engine cannot be reached (down, starting, wrong address or credentials)
 ├── QueryTimeout             a query ran past its time limit
 ├── QueryFailed              the engine refused a statement (a bug on our side, or a constraint)
 └── EngineError              the embedded engine could not be started, stopped or found
      └── EngineAlreadyRunning
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
