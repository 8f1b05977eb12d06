"""Load the terms of one alphabetic index or table into the graph, whatever book they come from.

`(:IndexTerm)` nodes merged on their uid, `SUBTERM_OF` their parent, `INDEXES {column, incomplete, prefix}`
the code each target resolves to, `SEE` / `SEE_ALSO` the term a cross-reference names in the same source, and
for an ICD-10-PCS index `USE` the axis values (`:PcsValue`) its `use` texts name.
Every file is parsed before this runs; the load is idempotent and safe to re-run after a kill: terms are
merged, each term's edges replaced, terms the source no longer has removed. What does not resolve is counted.
"""

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from graph.driver import Graph
from graph.importers.index_records import IndexTarget, IndexTermRecord
from graph.loader.batches import run_batches
from graph.loader.progress import Progress
from graph.queries import index_terms as q
from graph.timestamps import utc_now
from graph.vocabulary.cross_references import TermFinder

# (code uid, incomplete: more characters are needed, prefix: a PCS table or code prefix the target names)
Resolution = tuple[str, bool, str | None]
Resolver = Callable[[IndexTarget], Resolution | None]
# A `use` text → the keys of the `:PcsValue` nodes it names (none: unresolved).
UseResolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class IndexLoadSummary:
    source: str
    terms: int
    subterm_links: int
    code_links: int
    incomplete_links: int
    unresolved_targets: int
    references: int  # see and see-also texts
    reference_links: int
    unresolved_references: int
    uses: int  # ICD-10-PCS `use` texts
    unresolved_uses: int  # texts that name no value of the loaded release
    seconds: float


def load_index_terms(
    graph: Graph,
    records: Sequence[IndexTermRecord],
    resolve: Resolver,
    progress: Progress,
    resolve_use: UseResolver | None = None,
) -> IndexLoadSummary:
    """Load the records of one source; `resolve` turns each target into the code to link, or None, and
    `resolve_use`, for a book that has `use` texts, each text into the values to link."""
    started = time.perf_counter()
    source = _one_source(records)
    existing = {row["uid"] for row in graph.read(q.INDEX_TERM_UIDS, source=source)}
    terms = [_term_row(r, order) for order, r in enumerate(records)]
    run_batches(graph, progress, f"{source} terms", terms, q.MERGE_INDEX_TERMS)
    stale = sorted(existing - {r.uid for r in records})
    if stale:
        progress.step(f"{source} removed terms", len(stale))
        graph.write(q.DELETE_INDEX_TERMS, uids=stale)
        progress.advance(len(stale))

    # A term that had edges before gets a row even when it now has none, so its old edges go.
    def rows(targets: dict[str, list[Any]]) -> list[dict[str, Any]]:
        return [
            {"uid": r.uid, "targets": targets[r.uid]} for r in records if targets[r.uid] or r.uid in existing
        ]

    parents = [{"uid": r.uid, "parent": r.parent} for r in records if r.parent]
    run_batches(graph, progress, f"{source} subterms", parents, q.REPLACE_SUBTERM_OF)

    links = {r.uid: [link for t in r.targets if (link := _link(t, resolve)) is not None] for r in records}
    run_batches(graph, progress, f"{source} codes", rows(links), q.REPLACE_INDEXES)

    finder = TermFinder(records)
    see = {r.uid: _named(finder, r.see) for r in records}
    see_also = {r.uid: _named(finder, r.see_also) for r in records}
    run_batches(graph, progress, f"{source} see", rows(see), q.REPLACE_SEE)
    run_batches(graph, progress, f"{source} see also", rows(see_also), q.REPLACE_SEE_ALSO)
    uses: dict[str, list[list[str]]] = {}
    if resolve_use is not None:
        uses = {r.uid: [resolve_use(text) for text in r.use] for r in records}
        values = {uid: sorted({key for keys in found for key in keys}) for uid, found in uses.items()}
        run_batches(graph, progress, f"{source} use", rows(values), q.REPLACE_USE)

    code_links = sum(len(found) for found in links.values())
    references = sum(len(r.see) + len(r.see_also) for r in records)
    reference_links = sum(len(found) for named in (see, see_also) for found in named.values())
    summary = IndexLoadSummary(
        source=source,
        terms=len(records),
        subterm_links=len(parents),
        code_links=code_links,
        incomplete_links=sum(1 for found in links.values() for link in found if link["incomplete"]),
        unresolved_targets=sum(len(r.targets) for r in records) - code_links,
        references=references,
        reference_links=reference_links,
        unresolved_references=references - reference_links,
        uses=sum(len(r.use) for r in records),
        unresolved_uses=sum(len(r.use) for r in records)
        - sum(1 for found in uses.values() for keys in found if keys),
        seconds=0.0,
    )
    _finish(graph, summary)
    return replace(summary, seconds=time.perf_counter() - started)


def _one_source(records: Sequence[IndexTermRecord]) -> str:
    sources = {r.source for r in records}
    if len(sources) != 1:
        raise ValueError(f"load one source at a time, not {sorted(sources)}")
    return sources.pop()


def _term_row(record: IndexTermRecord, order: int) -> dict[str, Any]:
    props = {
        "source": record.source,
        "title": record.title,
        "nemod": record.nemod,
        "level": record.level,
        "path": list(record.path),
        # The records come in the book's order, which is not plain string order: pages list terms by it.
        "order": order,
        # Main terms are looked up by the start of their title, whatever its case (an index-backed prefix).
        "lookupKey": lookup_key(record.title) if record.level == 0 else None,
        # The cross-references as printed, also those that name no term ("see also condition").
        "see": list(record.see) or None,
        "seeAlso": list(record.see_also) or None,
        "use": list(record.use) or None,
    }
    return {"uid": record.uid, "props": props}


def lookup_key(title: str) -> str:
    """How a main term's title is stored for look-up, and how a word typed to find it is folded."""
    return " ".join(title.split()).casefold()


def _link(target: IndexTarget, resolve: Resolver) -> dict[str, Any] | None:
    found = resolve(target)
    if found is None:
        return None
    uid, incomplete, prefix = found
    return {"uid": uid, "column": target.column, "incomplete": incomplete, "prefix": prefix}


def _named(finder: TermFinder, references: tuple[str, ...]) -> list[str]:
    return [term.uid for reference in references if (term := finder.find(reference)) is not None]


def _finish(graph: Graph, s: IndexLoadSummary) -> None:
    graph.write(
        q.FINISH_INDEX_LOAD,
        source=s.source,
        terms=s.terms,
        codeLinks=s.code_links,
        unresolvedTargets=s.unresolved_targets,
        references=s.references,
        unresolvedReferences=s.unresolved_references,
        uses=s.uses,
        unresolvedUses=s.unresolved_uses,
        now=utc_now(),
        dataVersion=uuid.uuid4().hex,
    )
