"""What a resolver's own field selects, for resolvers that can skip work nobody asked for."""

from strawberry.types.nodes import SelectedField, Selection

from schema.context import Info


class Selected:
    """The selection of the field being resolved; `info.selected_fields` converts the whole subtree, so it is
    read once per resolver call, not once per question."""

    def __init__(self, info: Info) -> None:
        self._fields = info.selected_fields

    def __call__(self, *path: str) -> bool:
        """True when the field selects `path` (e.g. "edges", "highlights"), through fragments and aliases. A
        field under @skip or @include counts as selected: its cost is paid when unsure."""
        return any(_selects(field.selections, path) for field in self._fields)


def _selects(selections: list[Selection], path: tuple[str, ...]) -> bool:
    for selection in selections:
        if not isinstance(selection, SelectedField):
            if _selects(selection.selections, path):  # a fragment: its fields are this level's
                return True
        elif selection.name == path[0] and (len(path) == 1 or _selects(selection.selections, path[1:])):
            return True
    return False
