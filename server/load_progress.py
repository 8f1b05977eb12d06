"""Progress bars and the closing summary table of `medgraph load`, drawn with rich."""

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from graph.loader.codes import LoadSummary
from graph.vocabulary.index_terms import IndexLoadSummary


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:>8,.0f}/s", style="progress.data.speed")


class RichProgress:
    def __init__(self, console: Console) -> None:
        self._bars = Progress(
            TextColumn("{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> "RichProgress":
        self._bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bars.stop()

    def step(self, name: str, total: int) -> None:
        self._task = self._bars.add_task(name, total=total)

    def advance(self, count: int) -> None:
        if self._task is not None:
            self._bars.advance(self._task, count)


def summary_table(summaries: list[LoadSummary]) -> Table:
    table = Table(title="medgraph load")
    table.add_column("system")
    table.add_column("release")
    for column in ("codes", "billable", "edges", "added", "removed", "retitled", "seconds"):
        table.add_column(column, justify="right")
    for s in summaries:
        table.add_row(
            s.system.value,
            s.version,
            f"{s.codes:,}",
            f"{s.billable:,}",
            f"{s.edges:,}",
            f"{s.changes.added:,}",
            f"{s.changes.removed:,}",
            f"{s.changes.retitled:,}",
            f"{s.seconds:.1f}",
        )
    return table


def vocabulary_table(summaries: list[IndexLoadSummary]) -> Table:
    """Terms and links per source, and what did not resolve: nothing an index says is lost without a count."""
    table = Table(title="medgraph load: indexes and tables")
    table.add_column("source")
    columns = (
        "terms",
        "code links",
        "incomplete",
        "unresolved codes",
        "see/see also",
        "unresolved",
        "use",
        "unresolved use",
        "seconds",
    )
    for column in columns:
        table.add_column(column, justify="right")
    for s in summaries:
        table.add_row(
            s.source,
            f"{s.terms:,}",
            f"{s.code_links:,}",
            f"{s.incomplete_links:,}",
            f"{s.unresolved_targets:,}",
            f"{s.references:,}",
            f"{s.unresolved_references:,}",
            f"{s.uses:,}",
            f"{s.unresolved_uses:,}",
            f"{s.seconds:.1f}",
        )
    return table
