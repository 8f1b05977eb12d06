"""`medgraph load pcs-definitions --source FILE`: the terms of a Definitions XML for the loaded ICD-10-PCS
axis values, without reloading the codes (a code release load takes its release's bundled Definitions itself).

The values are read from the graph and matched as the release load matches them (graph.importers.
pcs_value_definitions); every value is written, so a term the file no longer has is removed."""

import time
from dataclasses import dataclass

from graph.driver import Graph
from graph.importers.pcs_definitions_xml import PcsDefinitions
from graph.importers.pcs_value_definitions import define_values
from graph.importers.records import PcsValueRecord
from graph.loader.batches import run_batches
from graph.loader.progress import Progress
from graph.queries import pcs_definitions as q
from graph.queries.pcs_values import PCS_OUTLINE, PCS_VALUES
from graph.vocabulary.history import record_finished_load

SOURCE = "ICD-10-PCS Definitions"


@dataclass(frozen=True, slots=True)
class DefinitionsLoadSummary:
    source: str
    terms: int  # in the file
    values: int  # loaded axis values
    defined: int  # values that got a term
    seconds: float


def load_pcs_definitions(
    graph: Graph, definitions: PcsDefinitions, file_name: str, progress: Progress
) -> DefinitionsLoadSummary:
    started = time.perf_counter()
    values = [
        PcsValueRecord(
            key=row["key"],
            section=row["section"],
            body_system=row["bodySystem"],
            position=row["position"],
            axis=row["axis"],
            value=row["value"],
            meaning=row["meaning"],
        )
        for row in graph.read(PCS_VALUES)
    ]
    names = {row["code"]: row["title"] for row in graph.read(PCS_OUTLINE)}
    defined = define_values(values, definitions, names)
    rows = [
        {"key": v.key, "definition": v.definition, "explanation": v.explanation, "includes": list(v.includes)}
        for v in defined.values
    ]
    run_batches(graph, progress, "ICD-10-PCS definitions", rows, q.SET_PCS_DEFINITIONS)
    record_finished_load(
        graph, SOURCE, file_name, len(definitions.terms), defined.defined, len(values) - defined.defined
    )
    return DefinitionsLoadSummary(
        source=f"{SOURCE} FY{definitions.version}",
        terms=len(definitions.terms),
        values=len(values),
        defined=defined.defined,
        seconds=time.perf_counter() - started,
    )
