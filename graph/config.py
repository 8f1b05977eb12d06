"""Plain configuration the graph package is handed; it never reads the environment itself."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GraphConfig:
    uri: str
    user: str
    password: str
    database: str
    query_timeout: float = 10.0
    # The embedded engine's HTTP API, for the few schema statements it takes only in SQL.
    http_url: str | None = None


@dataclass(frozen=True, slots=True)
class EngineConfig:
    home: Path
    bolt_port: int
    http_port: int
    password: str
    heap: str = "2g"
    database: str = "medgraph"
    # The read-only user of the analyst console (graph.engine.analyst_user); empty: no such user.
    analyst_password: str = ""

    @property
    def pid_file(self) -> Path:
        return self.home / "engine.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "engine.log"
