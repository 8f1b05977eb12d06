"""The history part of `medgraph load`: run each parsed history load with progress, then print its counts."""

from rich.console import Console

from graph.driver import Graph
from graph.vocabulary.gems import GemsLoadSummary
from graph.vocabulary.history import HistoryLoadSummary
from graph.vocabulary.history_sources import Load, Summary
from graph.vocabulary.pcs_definitions import DefinitionsLoadSummary
from server.load_progress import RichProgress


def print_history(graph: Graph, loads: list[Load], console: Console) -> None:
    if not loads:
        return
    with RichProgress(console) as progress:
        summaries = [load(graph, progress) for load in loads]
    for summary in summaries:
        console.print(describe(summary))


def describe(s: Summary) -> str:
    """One line that accounts for every record of the file: linked, kept as data, or not in the release."""
    if isinstance(s, GemsLoadSummary):
        return (
            "; ".join(
                f"{g.file}: {g.rows:,} rows, {g.links:,} MAPS_TO edges, {g.no_map:,} without a map,"
                f" {g.unresolved:,} naming codes not in the releases"
                for g in s.gems
            )
            + f" ({s.seconds:.1f} s)"
        )
    if isinstance(s, DefinitionsLoadSummary):
        return (
            f"{s.source}: {s.terms:,} terms, {s.defined:,} of the {s.values:,} loaded ICD-10-PCS axis values"
            f" defined ({s.seconds:.1f} s)"
        )
    if isinstance(s, HistoryLoadSummary):
        return (
            f"{s.source}: {s.records:,} records, {s.links:,} REPLACES edges, {s.retired:,} previous"
            f" codes kept as data (not in the release), {s.unresolved:,} codes not in the release"
            f" ({s.seconds:.1f} s)"
        )
    return (
        f"{s.source}: {s.listed:,} listed, {s.exempt:,} codes exempt, {s.not_exempt:,} billable codes not"
        f" exempt, {s.unresolved:,} listed codes not in the release ({s.seconds:.1f} s)"
    )
