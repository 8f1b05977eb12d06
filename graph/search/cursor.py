"""Opaque page cursors: the position of a hit in its result list, tagged with the index it came from.

An index is immutable and its order total (score, then uid order), so a position names the same hit on every
page request, and pages have neither duplicates nor gaps. Replicas that built the index from the same data
version agree on positions, so a cursor works on any of them; a cursor from another data version is refused
rather than silently shifted.
"""

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.search.errors import SearchInputError

_PLAIN = re.compile(r"([0-9a-z]{1,32}):([0-9]{1,7})")
_MAX_CURSOR_CHARS = 64
DEFAULT_PAGE_SIZE = 20


def encode_cursor(tag: str, position: int) -> str:
    return base64.urlsafe_b64encode(f"{tag}:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: object, tag: str) -> int:
    """The position a cursor names; SearchInputError when it is garbled, forged or from another index."""
    found, position = _decoded(cursor)
    if found != tag:
        raise SearchInputError("The cursor belongs to an older version of the data: search again.")
    return position


def cursor_at(cursor: object, position: int) -> str:
    """A cursor of the same list as `cursor` at another position: the links to numbered pages. Whether the
    list is still current is checked when the cursor comes back (decode_cursor)."""
    tag, _ = _decoded(cursor)
    return encode_cursor(tag, max(0, position))


def _decoded(cursor: object) -> tuple[str, int]:
    if not isinstance(cursor, str) or not cursor or len(cursor) > _MAX_CURSOR_CHARS:
        raise SearchInputError("The cursor is not one this search returned.")
    try:
        plain = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError) as exc:
        raise SearchInputError("The cursor is not one this search returned.") from exc
    match = _PLAIN.fullmatch(plain)
    if match is None or encode_cursor(match[1], int(match[2])) != cursor:
        raise SearchInputError("The cursor is not one this search returned.")
    return match[1], int(match[2])


@dataclass(frozen=True, slots=True)
class Window:
    """The positions one page covers: `size` of them from `start`."""

    start: int
    size: int


def page_window(
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    *,
    tag: str,
    maximum: int,
    total: Callable[[], int],
) -> Window:
    """The page Relay's arguments ask for: `first` after `after`, or `last` before `before` (both cursors are
    exclusive bounds). `total` is called only when the page ends at the end of the list (`last` without
    `before`). Neither size given means the first DEFAULT_PAGE_SIZE; both is refused, as are sizes outside 1
    to `maximum` and cursors from another list (SearchInputError)."""
    if first is not None and last is not None:
        raise SearchInputError("Give first or last, not both.")
    # Positions, not keys: the list is immutable for its tag (module docstring), so a cursor's neighbours are
    # the same on every request.
    start = 0 if after is None else decode_cursor(after, tag) + 1
    end = None if before is None else decode_cursor(before, tag)
    if last is None:
        size = page_size("first", DEFAULT_PAGE_SIZE if first is None else first, maximum)
        return Window(start, size if end is None else max(0, min(size, end - start)))
    size = page_size("last", last, maximum)
    end = total() if end is None else end
    begin = max(start, end - size)
    return Window(begin, max(0, end - begin))


def page_size(name: str, value: object, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= maximum:
        raise SearchInputError(f"{name} must be between 1 and {maximum}.")
    return value
