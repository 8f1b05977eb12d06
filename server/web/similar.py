"""The code page's similar codes: codes of the page's own system first, each other system as its own group.

The API ranks every candidate together, so a drug code's own neighbours (J2993, J2995 for J2997) can come
after the procedures that use the drug; a reader comparing codes wants the same kind of code first. A code the
page's crosswalk section already lists is left out here rather than shown twice.
"""

from collections.abc import Iterable
from typing import Any

from server.web.systems import System

# How many of each group the page shows: the own system's list is the one readers came for.
OWN_SHOWN, OTHERS_SHOWN = 10, 5


def similar_groups(
    similar: list[dict[str, Any]], system: str, shown_elsewhere: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """[{system, label, items}] with the page's system first, then the others in the order they rank."""
    skipped = set(shown_elsewhere)
    groups: dict[str, list[dict[str, Any]]] = {system: []}
    for item in similar:
        code = item["code"]
        if (code["system"], code["code"]) not in skipped:
            groups.setdefault(code["system"], []).append(item)
    return [
        {
            "system": name,
            "label": f"{System(name).label} codes",
            "items": items[: OWN_SHOWN if name == system else OTHERS_SHOWN],
        }
        for name, items in groups.items()
        if items
    ]
