"""A GraphQL client on one keep-alive HTTP/1.1 connection, as a front-end's connection pool would hold.

Posts to `/graphql/`, as the web pages do (`/graphql` answers alike).

A client sends `Cache-Control: no-cache` unless made with `cached=True`: the app then computes every answer
instead of serving it from its response cache (server.response_cache), which is what most contenders measure.
"""

import http.client
import time
from typing import Any
from urllib.parse import urlsplit

import orjson

FLOOR = "{ __typename }"
HEADERS = {"content-type": "application/json", "accept": "application/json"}
FRESH = {"cache-control": "no-cache"}


class GraphQLError(RuntimeError):
    """A non-2xx answer, or a 2xx answer with GraphQL errors."""


def request_body(query: str, variables: dict[str, Any] | None = None, operation: str | None = None) -> bytes:
    body: dict[str, Any] = {"query": query, "variables": variables or {}}
    if operation is not None:
        body["operationName"] = operation
    return orjson.dumps(body)


class GraphQLClient:
    def __init__(self, url: str, timeout: float = 60.0, cached: bool = False) -> None:
        parts = urlsplit(url)
        self.url = url
        self.path = "/graphql/"
        self.headers = HEADERS if cached else HEADERS | FRESH
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self._timeout = timeout
        self._connection = http.client.HTTPConnection(self._host, self._port, timeout=timeout)

    def close(self) -> None:
        self._connection.close()

    def execute(
        self, query: str, variables: dict[str, Any] | None = None, operation: str | None = None
    ) -> dict[str, Any]:
        """The `data` of the answer; raises GraphQLError for anything else."""
        body = request_body(query, variables, operation)
        status, payload = self._post(body)
        if not 200 <= status < 300:
            raise GraphQLError(f"HTTP {status}: {payload[:300]!r}")
        answer = orjson.loads(payload)
        if answer.get("errors"):
            raise GraphQLError(str(answer["errors"])[:300])
        data: dict[str, Any] = answer["data"]
        return data

    def timed(
        self, query: str, variables: dict[str, Any] | None = None, operation: str | None = None
    ) -> tuple[float, dict[str, Any]]:
        """Seconds from sending the request to the parsed answer, and its data."""
        started = time.perf_counter()
        data = self.execute(query, variables, operation)
        return time.perf_counter() - started, data

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """A page or a static file on the same connection, as a browser asks for it (computed unless the
        client is `cached`), and its body as it came over the wire (still compressed, when asked so)."""
        return self._send("GET", path, None, {k: v for k, v in self.headers.items() if k != "content-type"}
                          | {"accept": "text/html,*/*"} | (headers or {}))  # fmt: skip

    def _post(self, body: bytes) -> tuple[int, bytes]:
        return self._send("POST", self.path, body, self.headers)

    def _send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        for attempt in (1, 2):
            try:
                self._connection.request(method, path, body, headers)
                response = self._connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                # The server may close an idle keep-alive connection; reconnect once.
                self._connection.close()
                self._connection = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
