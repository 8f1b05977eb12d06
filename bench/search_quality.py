"""Search quality: every case of bench/search_cases/ (or another folder) through medgraph's search and, in
the same run, through a plain BM25 baseline over the official titles (bench.bm25_baseline), with the issue's
targets.

.venv/bin/python -m bench.search_quality                  # a fresh engine of its own, every release loaded
.venv/bin/python -m bench.search_quality --home DIR       # a running engine's MEDGRAPH_HOME (ports from env)
.venv/bin/python -m bench.search_quality --cases bench/search_cases_holdout   # the held-out cases

Both search the same documents, read once from the graph: medgraph's in-process index (the search of the
GraphQL `search` field, without facets and highlights) and FTS5 over their code, title and short title.
Metrics per kind and overall: success@5, MRR@10 and nDCG@10 (bench.quality_metrics). The failing cases
(no accepted answer in medgraph's top 5) are listed with their top 5, to be studied.
"""

import argparse
import bisect
import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.bm25_baseline import Bm25Baseline
from bench.cases import CASES, HOLDOUT, KINDS, Case, compact, load_cases
from bench.common import header
from bench.loading import load_all
from bench.quality_metrics import mean, ndcg_at, reciprocal_rank, success_at
from bench.stack import attached_settings, engine_name, fresh_engine
from graph.driver import Graph
from graph.search import CodeDocument, SearchIndex, SearchInputError, read_documents

DEPTH = 10  # results ranked per query: MRR@10 and nDCG@10
SUCCESS_AT = 5
MEDGRAPH = "medgraph"
BASELINE = "BM25"
OVERALL_TARGET = 0.90
KIND_TARGET = 0.80
SHOWN = 5  # results shown for a failing case

Ranker = Callable[[str], list[str]]  # query text → uids, best first


@dataclass(frozen=True, slots=True)
class Scores:
    success: float
    mrr: float
    ndcg: float


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    uids: tuple[str, ...]  # the ranked results, best first
    scores: Scores


class Release:
    """The loaded codes, to count how many codes a case accepts (a prefix answer accepts a subtree)."""

    def __init__(self, documents: Sequence[CodeDocument]) -> None:
        self.titles = {d.uid: d.title for d in documents}
        by_system: dict[str, list[str]] = {}
        for d in documents:
            by_system.setdefault(d.system, []).append(compact(d.code_compact))
        self._codes = {system: sorted(codes) for system, codes in by_system.items()}

    def accepted_count(self, case: Case) -> int:
        # Answers of one case may overlap (`I82*` and `I82.4*`): count each code once.
        found: set[tuple[str, str]] = set()
        for answer in case.accept:
            for system in [answer.system] if answer.system else list(self._codes):
                codes = self._codes.get(system, [])
                start = bisect.bisect_left(codes, answer.code)
                end = bisect.bisect_left(codes, answer.code + "\uffff") if answer.prefix else start + 1
                found |= {(system, code) for code in codes[start:end] if answer.matches(system, code)}
        return len(found)


def evaluate(case: Case, uids: Sequence[str], accepted: int) -> Outcome:
    relevant = [case.accepts(*uid.split(":", 1)) for uid in uids]
    scores = Scores(
        success=success_at(relevant, SUCCESS_AT),
        mrr=reciprocal_rank(relevant, DEPTH),
        ndcg=ndcg_at(relevant, DEPTH, accepted),
    )
    return Outcome(case, tuple(uids), scores)


def averaged(outcomes: Sequence[Outcome]) -> Scores:
    return Scores(
        success=mean([o.scores.success for o in outcomes]),
        mrr=mean([o.scores.mrr for o in outcomes]),
        ndcg=mean([o.scores.ndcg for o in outcomes]),
    )


def medgraph_ranker(index: SearchIndex) -> Ranker:
    def rank(text: str) -> list[str]:
        try:
            page = index.search(text, first=DEPTH, facets=False, highlights=False)
        except SearchInputError:
            return []
        return [hit.uid for hit in page.hits]

    return rank


def run(cases: Sequence[Case], release: Release, rankers: dict[str, Ranker]) -> dict[str, list[Outcome]]:
    counts = [release.accepted_count(case) for case in cases]
    return {
        name: [evaluate(case, rank(case.query), count) for case, count in zip(cases, counts, strict=True)]
        for name, rank in rankers.items()
    }


def report(
    graph: Graph, engine: str, figures: dict[str, float] | None = None, cases_folder: Path = CASES
) -> str:
    started = time.perf_counter()
    documents = read_documents(graph)
    index = SearchIndex.from_documents(documents)
    baseline = Bm25Baseline(documents)
    release = Release(documents)
    setup = time.perf_counter() - started
    del documents
    cases = load_cases(cases_folder)
    try:
        began = time.perf_counter()
        outcomes = run(
            cases,
            release,
            {MEDGRAPH: medgraph_ranker(index), BASELINE: lambda text: baseline.search(text, DEPTH)},
        )
        seconds = time.perf_counter() - began
    finally:
        baseline.close()
    table, targets, met = tables(outcomes)
    if figures is not None:
        overall = averaged(outcomes[MEDGRAPH])
        figures |= {"quality_success5": overall.success, "quality_mrr10": overall.mrr, "quality_met": met}
    out = [
        header("Search quality: medgraph vs a plain BM25 baseline (SQLite FTS5, porter)", engine),
        f"- {len(cases)} cases ({cases_folder.parent.name}/{cases_folder.name}/), each through both "
        f"searches; top {DEPTH} ranked",
        f"- setup (read the documents, build both indexes): {setup:.1f} s; the cases: {seconds:.1f} s",
        "- success@5: an accepted answer in the top 5; MRR@10 and nDCG@10 over the top 10 (binary gains, the "
        "ideal ranking puts every accepted code first)",
        "",
        table,
        "",
        targets,
        "",
        failures(outcomes[MEDGRAPH], release.titles),
    ]
    return "\n".join(out) + "\n"


def tables(outcomes: dict[str, list[Outcome]]) -> tuple[str, str, float]:
    """The metrics table, the targets table, and 1.0 when every target is met (else 0.0)."""
    groups = [(kind, [i for i, o in enumerate(outcomes[MEDGRAPH]) if o.case.kind == kind]) for kind in KINDS]
    groups.append(("overall", list(range(len(outcomes[MEDGRAPH])))))
    names = [MEDGRAPH, BASELINE]
    lines = [
        "| kind (cases) | "
        + " | ".join(f"{m} {n}" for m in ("success@5", "MRR@10", "nDCG@10") for n in names)
        + " |",
        "|---|" + "---:|" * 6,
    ]
    scores: dict[tuple[str, str], Scores] = {}
    for kind, positions in groups:
        for name in names:
            scores[(kind, name)] = averaged([outcomes[name][i] for i in positions])
        cells = [
            getattr(scores[(kind, name)], metric) for metric in ("success", "mrr", "ndcg") for name in names
        ]
        label = f"**{kind}**" if kind == "overall" else kind
        lines.append(f"| {label} ({len(positions)}) | " + " | ".join(f"{cell:.3f}" for cell in cells) + " |")
    checks = [
        (
            "success@5 overall",
            f"≥ {OVERALL_TARGET:.2f}",
            scores[("overall", MEDGRAPH)].success >= OVERALL_TARGET,
            "overall",
        )
    ]
    for kind in KINDS:
        checks.append(
            (
                f"success@5 {kind}",
                f"≥ {KIND_TARGET:.2f}",
                scores[(kind, MEDGRAPH)].success >= KIND_TARGET,
                kind,
            )
        )
    for kind in KINDS:
        ours, theirs = scores[(kind, MEDGRAPH)].success, scores[(kind, BASELINE)].success
        checks.append(
            (
                f"ahead of BM25 in {kind}",
                "success@5 above BM25's",
                ours > theirs or ours == theirs == 1.0,
                kind,
            )
        )
    target_lines = ["| target | goal | medgraph | BM25 | |", "|---|---|---:|---:|---|"]
    for name, goal, met, kind in checks:
        ours, theirs = scores[(kind, MEDGRAPH)].success, scores[(kind, BASELINE)].success
        target_lines.append(
            f"| {name} | {goal} | {ours:.3f} | {theirs:.3f} | {'PASS' if met else '**MISS**'} |"
        )
    every = 1.0 if all(check[2] for check in checks) else 0.0
    return "\n".join(lines), "\n".join(target_lines), every


def failures(outcomes: Sequence[Outcome], titles: dict[str, str]) -> str:
    failing = [o for o in outcomes if not o.scores.success]
    lines = [f"Failing cases ({len(failing)}: no accepted answer in medgraph's top {SHOWN}):", ""]
    for outcome in failing:
        case = outcome.case
        expected = ", ".join(str(answer) for answer in case.accept)
        lines.append(f"- {case.kind}: `{case.query}` → expected {expected}")
        for uid in outcome.uids[:SHOWN]:
            lines.append(f"  - {uid} {titles.get(uid, '')[:90]}")
        if not outcome.uids:
            lines.append("  - (nothing)")
    return "\n".join(lines)


@contextlib.contextmanager
def graph_of(home: Path | None) -> Iterator[tuple[Graph, str]]:
    """A driver for the engine of `home` (running, loaded), or for a fresh engine with everything loaded."""
    if home is not None:
        graph = Graph(attached_settings(home).graph_config())
        try:
            yield graph, engine_name(graph)
        finally:
            graph.close()
        return
    with fresh_engine() as (settings, _pid, graph, _app):
        print(f"loading every bundled release and the seeds into {settings.home} …", file=sys.stderr)
        load_all(graph)
        yield graph, engine_name(graph)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_quality", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--home", type=Path, help="a running engine's MEDGRAPH_HOME; default: a fresh one")
    parser.add_argument(
        "--cases",
        type=Path,
        default=CASES,
        help=f"a folder of case files (default {CASES.name}/; {HOLDOUT.name}/ holds the held-out cases)",
    )
    args = parser.parse_args(argv)
    with graph_of(args.home) as (graph, engine):
        sys.stdout.write(report(graph, engine, cases_folder=args.cases))


if __name__ == "__main__":
    main()
