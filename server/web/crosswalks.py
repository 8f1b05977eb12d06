"""The code page's crosswalk section: mappings grouped by direction, system and flags, in plain words.

A combination of the CMS GEMs is one group per scenario: "code both of these" when each of its choice lists
holds one code, else one list per choice ("code one of each list"). A GEM's "no map" is a group of its own.
"""

from typing import Any

from server.web.systems import System

_COUNT_WORDS = {2: "both", 3: "all three", 4: "all four"}


def crosswalks(mappings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{label, codes, choices, note}] in the order the groups first appear."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    scenarios: dict[tuple[Any, ...], dict[int, list[dict[str, Any]]]] = {}
    key: tuple[Any, ...]
    for m in mappings:
        system, source = System(m["system"]).label, m["source"]
        direction = "Maps to" if m["outgoing"] else "Mapped from"
        if m["noMap"]:
            label = f"No {system} equivalent ({source})"
            groups[("none", system)] = {"label": label, "codes": [], "choices": [], "note": m["meaning"]}
        elif m["code"] and m["scenario"]:
            key = ("together", direction, system, source, m["scenario"], m["approximate"])
            groups.setdefault(key, {"label": "", "codes": [], "choices": [], "note": None})
            scenarios.setdefault(key, {}).setdefault(m["choiceList"], []).append(m["code"])
        elif m["code"]:
            details = ", ".join(
                part for part in ("approximate" if m["approximate"] else "exact", source) if part
            )
            key = ("single", direction, system, details)
            label = f"{direction} {system} ({details})"
            groups.setdefault(key, {"label": label, "codes": [], "choices": [], "note": None})[
                "codes"
            ].append(m["code"])
    for key, lists in scenarios.items():
        groups[key].update(_together(key, [lists[n] for n in sorted(lists)]))
    return list(groups.values())


def _together(key: tuple[Any, ...], lists: list[list[dict[str, Any]]]) -> dict[str, Any]:
    _, direction, system, source, scenario, approximate = key
    closeness = "approximate" if approximate else "exact"
    head = f"{direction} {system} together ({closeness}, {source}, combination scenario {scenario})"
    if all(len(choices) == 1 for choices in lists):
        count = _COUNT_WORDS.get(len(lists), f"all {len(lists)}")
        return {"label": f"{head}: code {count} of these", "codes": [c[0] for c in lists]}
    return {"label": f"{head}: code one of each list", "choices": lists}
