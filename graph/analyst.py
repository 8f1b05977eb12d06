"""Run an analyst's own Cypher statement: read-only, bounded, with the nodes and relationships it returned.

The console's statements are the one place where query text is not ours: it is the analyst's, sent as it is,
never concatenated into a statement of ours and never given our credentials. It runs over a driver of its own,
as the read-only analyst user (graph.engine.analyst_user; Neo4j's `reader` role), in a read transaction with a
timeout, and at most `max_rows` rows are read.
"""

import time
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.config import GraphConfig
from graph.errors import AnalystQueryRefused

DEFAULT_MAX_ROWS = 1000

_READ_ONLY = {"Neo.ClientError.Security.Forbidden", "Neo.ClientError.Statement.AccessMode"}
_SYNTAX = {"Neo.ClientError.Statement.SyntaxError"}
_TIMED_OUT = {
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.Terminated",
}
_WRITE_REFUSED = "the analyst console can only read: the engine refused this statement"


@dataclass(slots=True)
class AnalystResult:
    columns: list[str]
    rows: list[list[Any]]
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]
    ms: float
    truncated: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "columns": self.columns, "rows": self.rows, "nodes": self.nodes,
            "relationships": self.relationships, "ms": self.ms, "truncated": self.truncated,
        }  # fmt: skip


@dataclass(slots=True)
class _Collected:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    relationships: dict[str, dict[str, Any]] = field(default_factory=dict)

    def value(self, value: Any) -> Any:
        """A cell as JSON: a node or relationship as its id, labels or type, and properties (and kept)."""
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            return {
                "nodes": [self.node(n) for n in value.nodes],
                "relationships": [self.relationship(r) for r in value.relationships],
            }
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if value is None or isinstance(value, str | int | float | bool):
            return value
        return str(value)  # temporal, spatial and byte values: their text

    def node(self, node: Node) -> dict[str, Any]:
        serialised = {"id": node.element_id, "labels": sorted(node.labels), "properties": self._props(node)}
        self.nodes.setdefault(node.element_id, serialised)
        return serialised

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        start = rel.start_node.element_id if rel.start_node is not None else None
        end = rel.end_node.element_id if rel.end_node is not None else None
        serialised = {"id": rel.element_id, "type": rel.type, "start": start, "end": end,
                      "properties": self._props(rel)}  # fmt: skip
        self.relationships.setdefault(rel.element_id, serialised)
        for node in (rel.start_node, rel.end_node):
            if node is not None and node.labels:  # a bare endpoint carries no labels: not drawn on its own
                self.node(node)
        return serialised

    def _props(self, entity: Node | Relationship) -> dict[str, Any]:
        return {k: self.value(v) for k, v in entity.items()}


class AnalystConsole:
    """A driver of the console's own, for the life of the app; close it when done."""

    def __init__(self, config: GraphConfig, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        self.config = config
        self.max_rows = max_rows
        self._driver = GraphDatabase.driver(
            config.uri,
            auth=(config.user, config.password),
            connection_timeout=min(5.0, config.query_timeout),
            connection_acquisition_timeout=config.query_timeout,
            max_transaction_retry_time=0.0,  # an analyst's failed statement is reported, not retried
            max_connection_pool_size=4,
        )

    def close(self) -> None:
        self._driver.close()

    def run(self, query: str, parameters: dict[str, Any]) -> AnalystResult:
        started = time.perf_counter()
        # The analyst's text is the statement: it is theirs, not ours, and nothing is added to it.
        statement = query

        def work(tx: ManagedTransaction) -> AnalystResult:
            result = tx.run(statement, parameters)
            collected = _Collected()
            rows: list[list[Any]] = []
            truncated = False
            for record in result:
                if len(rows) == self.max_rows:
                    truncated = True
                    break
                rows.append([collected.value(v) for v in record.values()])
            columns = list(result.keys())
            return AnalystResult(
                columns=columns, rows=rows, nodes=list(collected.nodes.values()),
                relationships=list(collected.relationships.values()), ms=0.0, truncated=truncated,
            )  # fmt: skip

        try:
            with self._driver.session(
                database=self.config.database, default_access_mode=neo4j.READ_ACCESS
            ) as s:
                answer = s.execute_read(unit_of_work(timeout=self.config.query_timeout)(work))
        except neo4j_errors.Neo4jError as exc:
            raise _refusal(exc) from exc
        except (neo4j_errors.DriverError, OSError) as exc:
            raise AnalystQueryRefused("UNAVAILABLE", f"the graph is unavailable: {exc}") from exc
        answer.ms = round((time.perf_counter() - started) * 1000, 1)
        return answer


def _refusal(exc: neo4j_errors.Neo4jError) -> AnalystQueryRefused:
    text = (exc.message or str(exc)).strip()
    message = text.splitlines()[0][:500] if text else type(exc).__name__
    code = exc.code or ""
    if code in _READ_ONLY:
        return AnalystQueryRefused("READ_ONLY", f"{_WRITE_REFUSED} ({message})")
    if code in _SYNTAX:
        return AnalystQueryRefused("SYNTAX_ERROR", message)
    if code in _TIMED_OUT:
        return AnalystQueryRefused("TIMEOUT", message)
    return AnalystQueryRefused("QUERY_FAILED", message)
