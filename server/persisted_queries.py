"""Automatic persisted queries, as Apollo Client, urql and Relay speak them (`extensions.persistedQuery`).

A client first sends only the SHA-256 of its document; an unknown hash answers PERSISTED_QUERY_NOT_FOUND, and
the client sends the document with its hash once, which registers it; from then on the hash alone is enough,
by POST or GET (so a CDN can cache `GET /graphql?extensions=…&variables=…`). A document whose hash is not the
one sent is refused. The store is per process, bounded in documents and bytes, least recently used first out:
a forgotten document costs the client one round trip more, never a wrong answer.
"""

import hashlib
import re
from collections import OrderedDict
from typing import Any

from schema.errors import ErrorCode

MAX_DOCUMENTS = 2_000
MAX_BYTES = 8 * 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PersistedQueryError(Exception):
    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class PersistedQueries:
    def __init__(self, max_documents: int = MAX_DOCUMENTS, max_bytes: int = MAX_BYTES) -> None:
        self.max_documents = max_documents
        self.max_bytes = max_bytes
        self._documents: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._documents)

    def resolve(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The document a request runs: its own, or the persisted one its hash names. Raises
        PersistedQueryError when the hash is unknown, malformed or not the document's."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            return query
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            raise PersistedQueryError("persistedQuery must be {\"version\": 1, \"sha256Hash\": …}.",
                                      ErrorCode.BAD_REQUEST, 400)  # fmt: skip
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise PersistedQueryError(
                "sha256Hash must be 64 lower-case hexadecimal digits.", ErrorCode.BAD_REQUEST, 400
            )
        if query is None:
            known = self._documents.get(digest)
            if known is None:
                raise PersistedQueryError("PersistedQueryNotFound", ErrorCode.PERSISTED_QUERY_NOT_FOUND, 200)
            self._documents.move_to_end(digest)
            return known
        if hashlib.sha256(query.encode()).hexdigest() != digest:
            raise PersistedQueryError(
                "provided sha does not match query", ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 400
            )
        self._remember(digest, query)
        return query

    def _remember(self, digest: str, query: str) -> None:
        if digest in self._documents or len(query) > self.max_bytes // 100:
            return
        self._documents[digest] = query
        self._bytes += len(query)
        while len(self._documents) > self.max_documents or self._bytes > self.max_bytes:
            _, dropped = self._documents.popitem(last=False)
            self._bytes -= len(dropped)
