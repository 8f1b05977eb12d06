"""Who may write. The server layer checks a request's credentials once (server.auth) and hands the schema
an `Editor`, or None; resolvers that write call `check_editor`, which refuses with the right error code.
Reads stay public.
"""

from dataclasses import dataclass

from schema.errors import BadUserInput, Forbidden, Unauthenticated

MAX_EDITOR_NAME = 80


@dataclass(frozen=True, slots=True)
class Editor:
    """A request holding the API key; `name` is as sent in X-Medgraph-Editor, checked when a write uses it."""

    name: str


def check_editor(editor: Editor | None, writes_enabled: bool) -> str:
    """The name to record for a write; refused without a configured key, the right key or a fit name."""
    if not writes_enabled:
        raise Forbidden("Writes are disabled on this server: no API key is configured (MEDGRAPH_API_KEY).")
    if editor is None:
        raise Unauthenticated("Curation needs the API key, sent as `Authorization: Bearer <key>`.")
    name = editor.name.strip()
    if not name or len(name) > MAX_EDITOR_NAME or not name.isprintable():
        raise BadUserInput(f"X-Medgraph-Editor must be 1 to {MAX_EDITOR_NAME} printable characters")
    return name
