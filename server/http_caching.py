"""HTTP caching of reads for browsers and CDNs: `ETag`, `Cache-Control`, `304 Not Modified`.

An answer depends only on the request and on the state of the data (the graph's data version and the search
index that serves it: server.response_cache), so its entity tag is made of both: a load or a curation write
changes every tag. `max-age` is short because the app follows loads made elsewhere within about a second;
`stale-while-revalidate` lets a CDN keep serving while it asks again. Fingerprinted static assets (their URL
names their content) are cached for a year.
"""

import hashlib

MAX_AGE_SECONDS = 5
STALE_WHILE_REVALIDATE_SECONDS = 60
PUBLIC = f"public, max-age={MAX_AGE_SECONDS}, stale-while-revalidate={STALE_WHILE_REVALIDATE_SECONDS}"
IMMUTABLE = "public, max-age=31536000, immutable"
NO_STORE = "no-store"


def entity_tag(request_key: bytes, state: tuple[str | None, str | None]) -> str:
    """A weak tag: the same answer is sent plain, gzip- or brotli-encoded (server.compression), and a strong
    tag would have to differ per encoding; If-None-Match compares tags weakly anyway."""
    digest = hashlib.blake2b(request_key + b"\0" + "|".join(v or "" for v in state).encode(), digest_size=12)
    return f'W/"{digest.hexdigest()}"'


def not_modified(if_none_match: str | None, tag: str) -> bool:
    """Whether an `If-None-Match` header names `tag` (weak, strong or `*`), by RFC 9110's weak comparison."""
    if not if_none_match:
        return False
    opaque = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False
