"""Who may use the analyst console: anyone on a loopback-only app without a key, else the holder of the key.

The key travels as `Authorization: Bearer <key>` (scripts) or as the `key` field of the page's form
(browsers); both are compared in constant time (server.auth.key_matches).
"""

from starlette.requests import HTTPConnection

from server.auth import bearer_token, key_matches
from server.settings import Settings


def allowed(connection: HTTPConnection, settings: Settings, form_key: str | None = None) -> bool:
    key = settings.analyst_key
    if key is None:
        return settings.on_loopback
    token = bearer_token(connection) or form_key
    return token is not None and key_matches(token, key)


REFUSAL = (
    "the analyst console needs MEDGRAPH_ANALYST_KEY (Authorization: Bearer <key>) when the app does not "
    "listen on loopback only"
)
