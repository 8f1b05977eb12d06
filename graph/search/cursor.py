"""Opaque page cursors: the position of a hit in its result list, tagged with the index it came from.

An index is immutable and its order total (score, then uid order), so a position names the same hit on every
page request, and pages have neither duplicates nor gaps. Replicas that built the index from the same data
version agree on positions, so a cursor works on any of them; a cursor from another data version is refused
rather than silently shifted.
"""

import base64
import binascii
import re

from graph.search.errors import SearchInputError

_PLAIN = re.compile(r"([0-9a-z]{1,32}):([0-9]{1,7})")
_MAX_CURSOR_CHARS = 64


def encode_cursor(tag: str, position: int) -> str:
    return base64.urlsafe_b64encode(f"{tag}:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: object, tag: str) -> int:
    """The position a cursor names; SearchInputError when it is garbled, forged or from another index."""
    if not isinstance(cursor, str) or not cursor or len(cursor) > _MAX_CURSOR_CHARS:
        raise SearchInputError("The cursor is not one this search returned.")
    try:
        plain = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError) as exc:
        raise SearchInputError("The cursor is not one this search returned.") from exc
    match = _PLAIN.fullmatch(plain)
    if match is None or encode_cursor(match[1], int(match[2])) != cursor:
        raise SearchInputError("The cursor is not one this search returned.")
    if match[1] != tag:
        raise SearchInputError("The cursor belongs to an older version of the data: search again.")
    return int(match[2])
