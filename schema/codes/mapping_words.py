"""A crosswalk's flags in plain words (`CodeMapping.meaning`), as the CMS GEMs documentation explains them."""

from graph.model import SYSTEM_NAMES, System
from graph.reads.codes import MappingRow


def scenario_lists(rows: list[MappingRow]) -> dict[tuple[bool, int | None], int]:
    """(direction, scenario) → how many choice lists the scenario has, for the combinations among `rows`."""
    lists: dict[tuple[bool, int | None], int] = {}
    for row in rows:
        if row.scenario is not None and row.choice_list is not None:
            key = (row.outgoing, row.scenario)
            lists[key] = max(lists.get(key, 0), row.choice_list)
    return lists


def mapping_meaning(row: MappingRow, lists: int | None) -> str:
    if row.no_map:
        return f"No {SYSTEM_NAMES[System(row.system)]} code is equivalent: the {row.source} map it to none."
    closeness = (
        "approximate: the closest code, not the same meaning"
        if row.approximate
        else "equivalent: the same meaning"
    )
    if row.scenario is None or lists is None:
        return closeness[0].upper() + closeness[1:] + "."
    return (
        f"Part of a combination (scenario {row.scenario}, list {row.choice_list} of {lists}): code one code"
        f" of each of the {lists} lists together; {closeness}."
    )
