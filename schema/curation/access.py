"""Who may write: the API key of `Authorization: Bearer <key>`, and the editor's name for the audit trail.

The request's credentials are checked once, when its context is made (`server.graphql_app.context_for`);
resolvers that write call `check_editor`, which refuses with the right error code. Reads stay public.
"""

import hashlib
import hmac
from dataclasses import dataclass

from pydantic import SecretStr

from schema.errors import BadUserInput, Forbidden, Unauthenticated

EDITOR_HEADER = "X-Medgraph-Editor"
DEFAULT_EDITOR = "api-key"
MAX_EDITOR_NAME = 80


@dataclass(frozen=True, slots=True)
class Editor:
    """A request holding the API key; `name` is as sent in X-Medgraph-Editor, checked when a write uses it."""

    name: str


def editor_for(
    api_key: SecretStr | None, authorization: str | None, editor_name: str | None
) -> Editor | None:
    """The editor of a request whose `Authorization` header holds the API key; None for any other request."""
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
    return Editor(name=DEFAULT_EDITOR if editor_name is None else editor_name)


def check_editor(editor: Editor | None, writes_enabled: bool) -> str:
    """The name to record for a write; refused without a configured key, the right key or a fit name."""
    if not writes_enabled:
        raise Forbidden("Writes are disabled on this server: no API key is configured (MEDGRAPH_API_KEY).")
    if editor is None:
        raise Unauthenticated("Curation needs the API key, sent as `Authorization: Bearer <key>`.")
    name = editor.name.strip()
    if not name or len(name) > MAX_EDITOR_NAME or not name.isprintable():
        raise BadUserInput(f"{EDITOR_HEADER} must be 1 to {MAX_EDITOR_NAME} printable characters")
    return name
