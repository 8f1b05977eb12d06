"""Which condition a name on a search result stands for, so that "Linked to: lung clot" links to its page.

Search hits carry the curated names they matched as text (graph.search.highlight: NAME, RELATED_NAME), not the
condition's key. The conditions are few (hundreds) and change only with the data, so their names and synonyms
are read once per data version (the search index's) rather than per results page. A name two conditions share
links to neither.
"""

from collections.abc import Awaitable, Callable
from typing import Any

Read = Callable[[], Awaitable[list[dict[str, Any]]]]


class ConditionNames:
    def __init__(self) -> None:
        self._version: str | None = None
        self._keys: dict[str, str] = {}

    async def keys(self, version: str | None, read: Read) -> dict[str, str]:
        """Condition keys by casefolded name and synonym, for the data `version` (read again when it moves;
        never kept for an unknown version)."""
        if version is not None and version == self._version:
            return self._keys
        keys = condition_keys(await read())
        if version is not None:
            self._version, self._keys = version, keys
        return keys


def condition_keys(conditions: list[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for condition in conditions:
        for name in (condition["name"], *condition["synonyms"]):
            found.setdefault(name.casefold(), set()).add(condition["key"])
    return {name: next(iter(keys)) for name, keys in found.items() if len(keys) == 1}
