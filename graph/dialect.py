"""Every difference between Neo4j 5 and the embedded ArcadeDB engine lives here, and nowhere else.

Both speak the same Cypher over Bolt; they differ in full-text index DDL and names. ArcadeDB takes that DDL
only in SQL over its HTTP API, and names an index `Type[property,…]`. Its `db.propertyKeys()` names only the
properties a type declares, so the keys in use are read from the data instead.
"""

from enum import StrEnum
from typing import LiteralString

import httpx

from graph.config import GraphConfig
from graph.driver import Graph
from graph.errors import DatabaseUnavailable, QueryFailed
from graph.queries import graph_schema, schema_setup


class Engine(StrEnum):
    NEO4J = "neo4j"
    ARCADEDB = "arcadedb"


def detect_engine(graph: Graph) -> Engine:
    return Engine.ARCADEDB if "arcadedb" in graph.server_agent().lower() else Engine.NEO4J


def fulltext_index_name(engine: Engine) -> str:
    """The name analysts pass to `db.index.fulltext.queryNodes` for the code-title index."""
    return "Code[title]" if engine is Engine.ARCADEDB else "code_titles"


def property_key_queries(engine: Engine) -> tuple[LiteralString, ...]:
    """The statements whose `names` rows, together, are every property key in the graph."""
    if engine is Engine.ARCADEDB:
        return graph_schema.NODE_PROPERTY_KEYS, graph_schema.RELATIONSHIP_PROPERTY_KEYS
    return (graph_schema.PROPERTY_KEYS,)


def create_fulltext_index(graph: Graph, engine: Engine) -> None:
    if engine is Engine.NEO4J:
        graph.write(schema_setup.NEO4J_CODE_TITLE_FULLTEXT)
        return
    _arcadedb_sql(graph.config, "CREATE PROPERTY Code.title IF NOT EXISTS STRING")
    _arcadedb_sql(graph.config, "CREATE INDEX IF NOT EXISTS ON Code (title) FULL_TEXT")


def _arcadedb_sql(config: GraphConfig, command: str) -> None:
    if config.http_url is None:
        raise QueryFailed("the embedded engine's HTTP address is not configured")
    try:
        response = httpx.post(
            f"{config.http_url}/api/v1/command/{config.database}",
            json={"language": "sql", "command": command},
            auth=(config.user, config.password),
            timeout=config.query_timeout * 6,
        )
    except httpx.HTTPError as exc:
        raise DatabaseUnavailable(f"engine HTTP API at {config.http_url}: {exc}") from exc
    if response.status_code >= 400:
        raise QueryFailed(f"engine refused {command!r}: {response.text[:300]}")
