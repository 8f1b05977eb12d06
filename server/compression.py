"""Compressed transfers: brotli where the client accepts it, gzip otherwise, through `brotli-asgi`.

Pages, API answers and static assets compress to a fraction of their size (a code page's HTML and the graph
script are mostly repeated markup and identifiers). Answers under `MINIMUM_BYTES` go as they are: the framing
would cost more than it saves. Quality 4 is brotli's speed/size middle: a code page compresses in well under a
millisecond, where the highest qualities take tens of milliseconds for a few percent less.
"""

from brotli_asgi import BrotliMiddleware
from starlette.middleware import Middleware

MINIMUM_BYTES = 500
QUALITY = 4


def compression() -> Middleware:
    return Middleware(BrotliMiddleware, quality=QUALITY, minimum_size=MINIMUM_BYTES, gzip_fallback=True)
