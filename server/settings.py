"""Settings: one typed object built from the environment (`MEDGRAPH_*` plus the standard `NEO4J_*`).

Nothing else in the project reads the environment. Unknown `MEDGRAPH_*` names and malformed values are refused
with one line that names the variable, so a typo never silently falls back to a default.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from graph.config import EngineConfig, GraphConfig
from graph.engine.analyst_user import ANALYST_USER as ANALYST_ENGINE_USER

EMBEDDED_DATABASE = "medgraph"
EMBEDDED_USER = "root"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class SettingsError(ValueError):
    """A setting is unknown or malformed; the message is one line naming the variable."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    neo4j_uri: str | None = Field(default=None, pattern=r"^(bolt|neo4j)(\+s|\+ssc)?://\S+$")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str | None = Field(default=None, pattern=r"^[A-Za-z][A-Za-z0-9.\-]{0,62}$")
    host: str = Field(default="127.0.0.1", min_length=1)
    port: int = Field(default=8000, ge=1, le=65535)
    home: Path = Path(".medgraph")
    api_key: SecretStr | None = None
    engine_bolt_port: int = Field(default=7688, ge=1, le=65535)
    engine_http_port: int = Field(default=2481, ge=1, le=65535)
    engine_password: SecretStr = SecretStr("medgraph-embedded")
    engine_heap: str = Field(default="2g", pattern=r"^[0-9]+[mg]$")
    # The embedded engine's read-only user for the analyst console (graph.engine.analyst_user).
    engine_analyst_password: SecretStr = SecretStr("medgraph-analyst")
    # The analyst console (/analyst): open without a key only when the app listens on loopback.
    analyst_key: SecretStr | None = None
    # On Neo4j, the console's own user (give it the built-in `reader` role); unset there: no console.
    analyst_user: str | None = None
    analyst_password: SecretStr | None = None
    query_timeout: float = Field(default=10.0, gt=0, le=300)
    # How often each replica reads the graph's data version to follow loads and writes made elsewhere.
    data_version_poll_seconds: float = Field(default=1.0, gt=0, le=3600)
    dev: bool = True
    introspection: bool | None = None  # unset: allowed in dev, refused in production (docs/security.md)
    # Browser origins allowed to call the API cross-site, comma-separated; unset: no CORS headers at all.
    cors_origins: str = Field(default="", pattern=r"^(\*|https?://[^\s,/]+(,\s*https?://[^\s,/]+)*)?$")
    log_level: str = Field(default="info", pattern=r"^(debug|info|warning|error)$")
    # A folder holding `data/` and `seeds/`, for an installation outside a checkout (graph/bundle.py).
    bundle_dir: Path | None = None

    @property
    def embedded(self) -> bool:
        """True when no external Neo4j is configured and the embedded engine serves the graph."""
        return self.neo4j_uri is None

    @property
    def introspection_enabled(self) -> bool:
        return self.dev if self.introspection is None else self.introspection

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    def engine_config(self) -> EngineConfig:
        return EngineConfig(
            home=self.home.resolve() / "engine",
            bolt_port=self.engine_bolt_port,
            http_port=self.engine_http_port,
            password=self.engine_password.get_secret_value(),
            heap=self.engine_heap,
            database=self.neo4j_database or EMBEDDED_DATABASE,
            analyst_password=self.engine_analyst_password.get_secret_value(),
        )

    def analyst_graph_config(self) -> GraphConfig | None:
        """How the analyst console reaches the graph, as its own read-only user; None when it has none."""
        app = self.graph_config()
        if self.neo4j_uri is None:
            user, password = ANALYST_ENGINE_USER, self.engine_analyst_password.get_secret_value()
        elif self.analyst_user and self.analyst_password is not None:
            user, password = self.analyst_user, self.analyst_password.get_secret_value()
        else:
            return None
        return GraphConfig(uri=app.uri, user=user, password=password, database=app.database,
                           query_timeout=app.query_timeout)  # fmt: skip

    @property
    def on_loopback(self) -> bool:
        return self.host in LOOPBACK_HOSTS

    def graph_config(self) -> GraphConfig:
        if self.neo4j_uri is None:
            engine = self.engine_config()
            return GraphConfig(
                uri=f"bolt://127.0.0.1:{engine.bolt_port}",
                user=EMBEDDED_USER,
                password=engine.password,
                database=engine.database,
                query_timeout=self.query_timeout,
                http_url=f"http://127.0.0.1:{engine.http_port}",
            )
        return GraphConfig(
            uri=self.neo4j_uri,
            user=self.neo4j_user,
            password=self.neo4j_password.get_secret_value(),
            database=self.neo4j_database or "neo4j",
            query_timeout=self.query_timeout,
        )

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "Settings":
        values: dict[str, Any] = {}
        for name, raw in environ.items():
            if name in _NEO4J_NAMES:
                values[name.lower()] = raw
            elif name.startswith(_PREFIX):
                field = name[len(_PREFIX) :].lower()
                if field not in _PREFIXED_FIELDS:
                    known = ", ".join(sorted(_PREFIX + f.upper() for f in _PREFIXED_FIELDS))
                    raise SettingsError(f"{name}: unknown setting (known: {known})")
                values[field] = raw
        values = {k: v for k, v in values.items() if v != ""}
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else "?"
            raise SettingsError(f"{_env_name(field)}: {first['msg']} (got {values.get(field)!r})") from None


_PREFIX = "MEDGRAPH_"
_NEO4J_NAMES = frozenset({"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"})
_PREFIXED_FIELDS = frozenset(f for f in Settings.model_fields if not f.startswith("neo4j_"))


def _env_name(field: str) -> str:
    return field.upper() if field.startswith("neo4j_") else _PREFIX + field.upper()
