from typing import Protocol


class Progress(Protocol):
    """Where a loader reports how far it is; the CLI draws bars, tests pass `SilentProgress`."""

    def step(self, name: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


class SilentProgress:
    def step(self, name: str, total: int) -> None:
        pass

    def advance(self, count: int) -> None:
        pass
