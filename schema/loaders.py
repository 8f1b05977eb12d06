"""DataLoaders, made fresh for every request: each batches one kind of read over all the codes of a query."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from graph.driver import Graph
from graph.reads import codes, condition_monographs, history, index_lookup, index_terms, knowledge, pcs_axes
from graph.reads.codes import CodeRow, MappingRow
from graph.reads.condition_monographs import ConditionMonographRow
from graph.reads.history import CodeHistory
from graph.reads.index_lookup import IndexTermRow
from graph.reads.index_terms import IndexEntryRow
from graph.reads.knowledge import CodeKnowledge, Concept, ConditionRow
from graph.reads.pcs_axes import AxisRow
from graph.reads.similar import SimilarCode, similar_codes
from schema.batched_reads import ReadBatcher

K = TypeVar("K")
V = TypeVar("V")


def _batched(
    reads: ReadBatcher,
    read: Callable[[Graph, list[Any]], Mapping[Any, V]],
    default: Callable[[], V | None],
) -> Callable[[list[Any]], Awaitable[list[V | None]]]:
    """A batch function for `read`, which returns a mapping by key; keys it lacks get `default()`."""

    async def load(keys: list[Any]) -> list[V | None]:
        found = await reads.run(read, list(dict.fromkeys(keys)))
        return [found.get(key, default()) for key in keys]

    return load


@dataclass
class Loaders:
    code: DataLoader[str, CodeRow | None]
    parent: DataLoader[str, str | None]
    children: DataLoader[str, list[str]]
    ancestors: DataLoader[str, list[str]]
    note_targets: DataLoader[str, dict[tuple[str, str], list[str]]]
    mappings: DataLoader[str, list[MappingRow]]
    knowledge: DataLoader[str, CodeKnowledge]
    condition: DataLoader[str, ConditionRow | None]
    lineage_conditions: DataLoader[str, list[str]]  # keys of the conditions coded as a code or an ancestor
    concept: DataLoader[str, Concept | None]  # by "<Label>:<key>"
    condition_billable_codes: DataLoader[str, dict[str, list[str]]]
    drug_codes: DataLoader[str, list[str]]
    similar: DataLoader[tuple[str, int], list[SimilarCode]]
    index_entries: DataLoader[str, list[IndexEntryRow]]
    condition_monograph: DataLoader[str, ConditionMonographRow | None]
    index_term: DataLoader[str, IndexTermRow | None]
    subterms: DataLoader[str, list[str]]
    history: DataLoader[str, CodeHistory]
    axes: DataLoader[str, list[AxisRow]]

    @classmethod
    def create(cls, reads: ReadBatcher) -> "Loaders":
        def loader(read: Callable[[Graph, list[Any]], Mapping[Any, Any]], default: Callable[[], Any]) -> Any:
            return DataLoader(load_fn=_batched(reads, read, default))

        code: DataLoader[str, CodeRow | None] = loader(codes.codes_by_uid, lambda: None)
        return cls(
            code=code,
            parent=loader(codes.parents, lambda: None),
            children=loader(codes.children, list),
            ancestors=DataLoader(load_fn=_ancestors_priming(reads, code)),
            note_targets=loader(codes.note_targets, dict),
            mappings=loader(codes.mappings, list),
            knowledge=loader(knowledge.code_knowledge, CodeKnowledge),
            condition=loader(knowledge.conditions_by_key, lambda: None),
            lineage_conditions=loader(knowledge.lineage_conditions, list),
            concept=loader(knowledge.concepts_by_ref, lambda: None),
            condition_billable_codes=loader(knowledge.billable_codes_of_conditions, dict),
            drug_codes=loader(knowledge.drug_codes, list),
            similar=loader(_similar_by_first, list),
            index_entries=loader(index_terms.index_entries, list),
            condition_monograph=loader(condition_monographs.condition_monographs, lambda: None),
            index_term=loader(index_lookup.terms_by_uid, lambda: None),
            subterms=loader(index_lookup.subterms, list),
            history=loader(history.code_history, CodeHistory),
            axes=loader(pcs_axes.code_axes, list),
        )


def _ancestors_priming(
    reads: ReadBatcher, code: DataLoader[str, CodeRow | None]
) -> Callable[[list[str]], Awaitable[list[list[str]]]]:
    """The ancestors' batch, which hands the rows it reads to the code loader: the breadcrumb's codes, and
    then the targets of their notes, are a wave of reads earlier (one transaction fewer for an ICD-10-CM
    page)."""

    async def load(keys: list[str]) -> list[list[str]]:
        found = await reads.run(codes.ancestor_rows, list(dict.fromkeys(keys)))
        code.prime_many({row.uid: row for rows in found.values() for row in rows})
        return [[row.uid for row in found.get(key, [])] for key in keys]

    return load


def _similar_by_first(graph: Graph, keys: list[tuple[str, int]]) -> dict[tuple[str, int], list[SimilarCode]]:
    """Similar codes keyed by (uid, first): one batched read per distinct `first` of the request."""
    found: dict[tuple[str, int], list[SimilarCode]] = {}
    for first in sorted({first for _, first in keys}):
        uids = [uid for uid, wanted in keys if wanted == first]
        found.update({(uid, first): codes for uid, codes in similar_codes(graph, uids, first).items()})
    return found
