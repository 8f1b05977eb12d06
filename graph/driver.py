"""The one way the project talks to the database: managed transactions, parameters only.

Every query is a literal from `graph.queries`; values travel as parameters. Transaction functions read
their results fully, so the driver may retry them (the embedded engine raises transient conflicts under
batched MERGE, which managed transactions retry). Driver exceptions become `graph.errors` here.
"""

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors

from graph.config import GraphConfig
from graph.errors import DatabaseUnavailable, GraphError, QueryFailed, QueryTimeout

log = logging.getLogger("medgraph.graph")

T = TypeVar("T")
Row = dict[str, Any]
RETRY_WINDOW_DIVISOR = 2.5
INITIAL_RETRY_DELAY = 0.2

_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.AuthError,
    OSError,
)

# Matched on the server's status codes, never on message text. A transaction past its timeout is
# TransactionTimedOut (…ClientConfiguration when the driver set the limit); the driver reports a
# transaction the server terminated as a ClientError with the code Terminated.
_TIMED_OUT = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
        "Neo.ClientError.Transaction.Terminated",
    }
)
_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"


@dataclass(frozen=True, slots=True)
class Statement:
    query: LiteralString
    params: dict[str, Any]


class Graph:
    """A driver for the life of the app (or of a CLI command); close it when done."""

    def __init__(self, config: GraphConfig, on_error: Callable[[GraphError], None] | None = None) -> None:
        self.config = config
        self._on_error = on_error
        self._driver = GraphDatabase.driver(
            config.uri,
            auth=(config.user, config.password),
            connection_timeout=min(5.0, config.query_timeout),
            connection_acquisition_timeout=config.query_timeout,
            # Retries of an unreachable server (or a transient conflict) back off 0.2 s, 0.4 s, 0.8 s … (±20%)
            # and stop once this window has passed: the last back-off then ends well inside the query timeout,
            # so a request to a dead engine whose host refuses the connection is refused within it
            # (tests/server/test_faults.py). A host that drops packets adds connection_timeout per attempt.
            max_transaction_retry_time=config.query_timeout / RETRY_WINDOW_DIVISOR,
            initial_retry_delay=INITIAL_RETRY_DELAY,
            liveness_check_timeout=30.0,
            max_connection_pool_size=32,
        )
        self.transactions = 0  # transactions opened: one round trip or more each; tests count them

    def close(self) -> None:
        # Closing says GOODBYE on every pooled connection; one whose last send broke off (seen as BufferError
        # from the driver's outbox) cannot, and its socket is dropped all the same. Nothing is lost: log it.
        try:
            self._driver.close()
        except (BufferError, OSError) as exc:
            log.warning("the driver closed with an error: %r", exc)
            # The pool hands out its connections before closing them, so a second close finds it empty and
            # marks the driver closed: a later use fails as "Driver closed" instead of connecting again.
            self._driver.close()

    def server_agent(self) -> str:
        with self._translate():
            return self._driver.get_server_info().agent

    def read(self, query: LiteralString, **params: Any) -> list[Row]:
        return self.read_tx(lambda tx: rows(tx, query, params))

    def read_collected(self, query: LiteralString, **params: Any) -> list[Any]:
        """The list a statement returns in its one row and column (`RETURN collect(…) AS …`): many rows in
        one record, which the driver receives once instead of once a row (about 10 µs of Python each)."""

        def work(tx: ManagedTransaction) -> list[Any]:
            return list(tx.run(query, params).single(strict=True)[0])

        return self.read_tx(work)

    def write(self, query: LiteralString, **params: Any) -> list[Row]:
        return self.write_tx(lambda tx: rows(tx, query, params))

    def write_all(self, statements: Sequence[Statement], timeout: float | None = None) -> None:
        """Run several statements in one write transaction: all of them happen, or none."""

        def work(tx: ManagedTransaction) -> None:
            for statement in statements:
                tx.run(statement.query, statement.params).consume()

        self.write_tx(work, timeout=timeout)

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self._translate(), self._session() as session:
            return session.execute_read(unit_of_work(timeout=self.config.query_timeout)(work))

    def read_together(self, reads: Sequence[Callable[["Graph"], T]]) -> list[T]:
        """Several reads in one read transaction, in order: one session and one BEGIN/COMMIT for them all.
        Each is given the graph as seen from inside the transaction, so its own reads run there too."""
        return self.read_tx(lambda tx: [read(_InTransaction(self, tx)) for read in reads])

    def write_tx(self, work: Callable[[ManagedTransaction], T], timeout: float | None = None) -> T:
        """A write transaction; loads pass a longer timeout than the one for reads."""
        with self._translate(), self._session() as session:
            return session.execute_write(unit_of_work(timeout=timeout or self.config.query_timeout)(work))

    def _session(self) -> neo4j.Session:
        self.transactions += 1
        return self._driver.session(database=self.config.database)

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except (*_UNAVAILABLE, neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            error = self._ours(exc)
            if self._on_error is not None:
                self._on_error(error)
            raise error from exc

    def _ours(self, exc: BaseException) -> GraphError:
        message = _first_line(exc)
        if isinstance(exc, _UNAVAILABLE):
            return DatabaseUnavailable(f"database at {self.config.uri} is unavailable: {message}")
        if isinstance(exc, neo4j_errors.Neo4jError):
            if exc.code in _TIMED_OUT:
                return QueryTimeout(message)
            if exc.code == _DATABASE_NOT_FOUND:
                return DatabaseUnavailable(message)
            return QueryFailed(message)
        return DatabaseUnavailable(message)


class _InTransaction(Graph):
    """The graph from inside one open read transaction (Graph.read_together): reads run in it, writes are
    refused, and it has no driver of its own to close."""

    def __init__(self, outer: Graph, tx: ManagedTransaction) -> None:  # Graph.__init__ would open a driver
        self.config = outer.config
        self.transactions = 0
        self._tx = tx

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        return work(self._tx)

    def write_tx(self, work: Callable[[ManagedTransaction], T], timeout: float | None = None) -> T:
        raise TypeError("a read transaction cannot write")


def rows(tx: ManagedTransaction, query: LiteralString, params: dict[str, Any]) -> list[Row]:
    """The statement's rows, read fully, as dicts of the values the driver decoded.

    Our statements return plain values (maps, lists, scalars; nodes are projected, `c {.*}`), so a row is its
    record's mapping as it is. `Record.data()` would rebuild every nested value in Python, 15 µs for a code's
    row, for the same result; only the analyst console returns nodes, and it reads them (graph.analyst).
    """
    return [dict(record) for record in tx.run(query, params)]


def _first_line(exc: BaseException) -> str:
    # A server error's `message` is the engine's own words; a driver error's is its GQL status description
    # ("50N42: Unexpected error has occurred"), which hides what happened ("Driver closed"): use str() there.
    server_message = exc.message if isinstance(exc, neo4j_errors.Neo4jError) else None
    text = server_message or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0][:300]
