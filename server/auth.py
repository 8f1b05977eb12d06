"""Who a request is: the API key of `Authorization: Bearer <key>` and the editor's name for the audit trail.

Checked once per request, when its GraphQL context is made (server.graphql_app.context_for); the schema sees
only the outcome, an `Editor` or None, and refuses writes without one (schema.curation.access.check_editor).
"""

import hashlib
import hmac

from pydantic import SecretStr
from starlette.requests import HTTPConnection

from schema.curation.access import Editor

EDITOR_HEADER = "X-Medgraph-Editor"
DEFAULT_EDITOR = "api-key"


def editor_of(connection: HTTPConnection, api_key: SecretStr | None) -> Editor | None:
    """The editor of a request whose `Authorization` header holds the API key; None for any other request."""
    token = bearer_token(connection)
    if api_key is None or token is None or not key_matches(token, api_key):
        return None
    return Editor(name=connection.headers.get(EDITOR_HEADER, DEFAULT_EDITOR))


def bearer_token(connection: HTTPConnection) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; None without one."""
    scheme, _, token = connection.headers.get("Authorization", "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def key_matches(token: str, key: SecretStr) -> bool:
    # Compared as digests: compare_digest takes constant time only for inputs of equal length, and a digest
    # does not reveal the key's length either.
    sent = hashlib.sha256(token.strip().encode()).digest()
    expected = hashlib.sha256(key.get_secret_value().encode()).digest()
    return hmac.compare_digest(sent, expected)
