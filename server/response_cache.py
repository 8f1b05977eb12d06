"""A cache of `/graphql` responses and web pages, keyed by the request and valid for one state of the data.

Every answer of a read depends only on the request (its document, variables and operation name, sent as a
POST body or a GET query string) and on the data: the graph's data version and the search index that serves
it. The cache holds the JSON of successful answers for the current state and forgets everything when the state
moves: when the app's own curation write commits (`invalidate`), and when the graph's data version or the
search index's version changes (`follow`, called by the task that polls the graph for loads made elsewhere).

A request that starts before a change may finish after it; its answer is stored only if no change happened
meanwhile (the `generation` it started with is still current), so a stale answer is never kept.

Not cached: requests that carry credentials (an editor's reads and every write), requests that ask for a
fresh answer (`Cache-Control: no-cache` or `no-store`), answers with errors (a timeout may pass) and answers
larger than a tenth of the cache. The size is bounded in bytes, least recently used first out.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.requests import Request

from server.auth import EDITOR_HEADER

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_FRESH = ("no-cache", "no-store")


@dataclass(frozen=True, slots=True)
class Lookup:
    key: bytes
    generation: int  # the state the answer will be computed on


class ResponseCache:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[bytes, bytes] = OrderedDict()
        self._bytes = 0
        self._state: tuple[str | None, str | None] | None = None
        self.generation = 0
        self.hits = 0
        self.misses = 0  # every method runs on the event loop: no lock

    @property
    def size(self) -> int:
        return len(self._entries)

    @property
    def following(self) -> tuple[str | None, str | None] | None:
        """The (data version, search index version) the entries were computed on; None before the first."""
        return self._state

    async def lookup(self, request: Request) -> Lookup | None:
        """The cache key of a `/graphql` request whose answer may be cached; None when it may not."""
        if not _may_be_cached(request):
            return None
        if request.method == "GET":
            if "query" not in request.query_params and "extensions" not in request.query_params:
                return None  # GraphiQL, or an error (a persisted query names itself in `extensions`)
            request_bytes = b"GET\0" + request.url.query.encode()
        elif request.method == "POST":
            content_type = request.headers.get("content-type", "").encode()
            request_bytes = b"POST\0" + content_type + b"\0" + await request.body()
        else:
            return None
        return self._keyed(request_bytes)

    def lookup_page(self, request: Request) -> Lookup | None:
        """The cache key of a web page (GET or HEAD of its path and query); None when it may not be cached."""
        if request.method not in ("GET", "HEAD") or not _may_be_cached(request):
            return None
        return self._keyed(b"PAGE\0" + request.url.path.encode() + b"?" + request.url.query.encode())

    def _keyed(self, request_bytes: bytes) -> Lookup:
        return Lookup(hashlib.blake2b(request_bytes, digest_size=20).digest(), self.generation)

    def get(self, lookup: Lookup) -> bytes | None:
        body = self._entries.get(lookup.key)
        if body is None:
            self.misses += 1
            return None
        self._entries.move_to_end(lookup.key)
        self.hits += 1
        return body

    def put(self, lookup: Lookup, body: bytes) -> None:
        if len(body) > self.max_bytes // 10:
            return
        if lookup.generation != self.generation or lookup.key in self._entries:
            return
        self._entries[lookup.key] = body
        self._bytes += len(body)
        while self._bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped)

    def invalidate(self) -> None:
        """Forget every answer: the data changed. Until the next `follow` names the new state, no state is
        followed, so no entity tag (server.http_caching) can name an answer of the old one."""
        self.generation += 1
        self._entries.clear()
        self._bytes = 0
        self._state = None

    def follow(self, data_version: str | None, index_version: str | None) -> None:
        """Invalidate when the graph's data version or the search index's version is not the one followed."""
        state = (data_version, index_version)
        if state != self._state:
            self.invalidate()
            self._state = state


def _may_be_cached(request: Request) -> bool:
    headers = request.headers
    if "authorization" in headers or EDITOR_HEADER.lower() in headers:
        return False
    return not any(directive in headers.get("cache-control", "").lower() for directive in _FRESH)
