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
    authorization = connection.headers.get("Authorization")
    if api_key is None or authorization is None:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    # Compared as digests: compare_digest takes constant time only for inputs of equal length, and a digest
    # does not reveal the key's length either.
    sent = hashlib.sha256(token.strip().encode()).digest()
    expected = hashlib.sha256(api_key.get_secret_value().encode()).digest()
    if not hmac.compare_digest(sent, expected):
        return None
    return Editor(name=connection.headers.get(EDITOR_HEADER, DEFAULT_EDITOR))
