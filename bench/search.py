"""Search, side by side: GraphQL over HTTP vs the in-process index alone vs the engine's full-text index vs
SQLite FTS5 vs the bare GraphQL floor, over the fixed queries of bench/queries/search.txt.

.venv/bin/python -m bench.search                                   # a fresh stack of its own
.venv/bin/python -m bench.search --url http://127.0.0.1:8020 --home /tmp/devhome

Contenders run interleaved (every query through every contender, in a rotating order, each round in a new
query order) so that a busy machine slows them alike. The engine and FTS5 get the words as a strict AND,
the last word as a prefix, no typo tolerance (the engine's fuzzy `~` takes seconds: DESIGN.md, "Search").
"""

import argparse
import random
import re
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench import cypher as q
from bench.client import FLOOR, GraphQLClient
from bench.common import header
from bench.processes import cpu_seconds
from bench.stack import Stack, add_stack_arguments, open_stack, search_index
from bench.stats import Summary, latency_table, load_average
from bench.workload import SEARCH, SEARCH_COUNT_ONLY, SEARCH_PAGE, SearchQuery, search_queries
from graph.dialect import detect_engine, fulltext_index_name
from graph.search import CodeDocument, SearchIndex, read_documents

PAGE = 20  # the API's default `first`
GRAPHQL = "GraphQL search (HTTP)"
CACHED = "GraphQL search, response cache (HTTP)"
COUNT_ONLY = "GraphQL search, totalCount only (HTTP)"
FACETED = "GraphQL search as the results page asks it: facets, highlights (HTTP)"
INDEX = "SearchIndex.search in process"
ENGINE = "engine full-text, 1 Cypher call"
FTS5 = "SQLite FTS5 in memory"
FLOOR_NAME = "GraphQL floor `{ __typename }` (HTTP)"

# Lucene's query syntax characters, escaped with a backslash so that user text is only ever words.
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_WORD = re.compile(r"\w+")

Contender = Callable[[str], int]  # query text → number of matches


def lucene_text(text: str) -> str:
    """Every whitespace-separated token escaped and required; the last one, when a plain word, as a prefix.
    Lower case, so that a typed AND, OR or NOT is a word, not an operator."""
    tokens = [_LUCENE_SPECIAL.sub(r"\\\1", token.lower()) for token in text.split()]
    if not tokens:
        return ""
    if _WORD.fullmatch(tokens[-1]):
        tokens[-1] += "*"
    return " AND ".join(tokens)


def fts5_match(text: str) -> str:
    """FTS5 MATCH text: every word quoted (so nothing is syntax), all required, the last one a prefix."""
    words = [f'"{word}"' for word in _WORD.findall(text.lower())]
    if words:
        words[-1] += "*"
    return " ".join(words)


def fts5_index(documents: Sequence[CodeDocument]) -> sqlite3.Connection:
    """The same documents' titles (title and short title) in an in-memory FTS5 table, Porter-stemmed."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE codes USING fts5("
        "code UNINDEXED, title, short_title, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO codes (code, title, short_title) VALUES (?, ?, ?)",
        ((d.code, d.title, d.short_title or "") for d in documents),
    )
    connection.execute("INSERT INTO codes (codes) VALUES ('optimize')")
    return connection


@dataclass
class Contenders:
    stack: Stack
    index: SearchIndex
    fts: sqlite3.Connection
    client: GraphQLClient
    cached_client: GraphQLClient
    fulltext_index: str

    def cpu(self) -> dict[str, Callable[[], float] | None]:
        """How to read the CPU seconds spent serving each contender: the app's for HTTP, this process's
        for the in-process ones, the engine's and this process's (the driver) for the engine's index."""
        app = self.stack.app_pid
        http = (lambda: cpu_seconds(app)) if app is not None else None
        engine = self.stack.engine_pid
        return {
            FLOOR_NAME: http,
            GRAPHQL: http,
            CACHED: http,
            COUNT_ONLY: http,
            FACETED: http,
            INDEX: time.process_time,
            ENGINE: (lambda: cpu_seconds(engine) + time.process_time()) if engine is not None else None,
            FTS5: time.process_time,
        }

    def all(self) -> dict[str, Contender]:
        return {
            FLOOR_NAME: self.floor,
            GRAPHQL: self.graphql,
            CACHED: self.graphql_cached,
            COUNT_ONLY: self.graphql_count,
            FACETED: self.graphql_faceted,
            INDEX: self.in_process,
            ENGINE: self.engine,
            FTS5: self.sqlite,
        }

    def floor(self, text: str) -> int:
        self.client.execute(FLOOR)
        return 1

    def graphql(self, text: str) -> int:
        data = self.client.execute(SEARCH, {"query": text})
        return int(data["search"]["totalCount"])

    def graphql_cached(self, text: str) -> int:
        return int(self.cached_client.execute(SEARCH, {"query": text})["search"]["totalCount"])

    def graphql_count(self, text: str) -> int:
        return int(self.client.execute(SEARCH_COUNT_ONLY, {"query": text})["search"]["totalCount"])

    def graphql_faceted(self, text: str) -> int:
        return int(self.client.execute(SEARCH_PAGE, {"query": text})["search"]["totalCount"])

    def in_process(self, text: str) -> int:
        # What the GraphQL contender's selection asks of the index: no facets, no highlights.
        return self.index.search(text, first=PAGE, facets=False, highlights=False).total_count

    def engine(self, text: str) -> int:
        lucene = lucene_text(text)
        if not lucene:
            return 0
        rows = self.stack.graph.read(q.FULLTEXT_SEARCH, index=self.fulltext_index, q=lucene, first=PAGE)
        return int(rows[0]["total"])

    def sqlite(self, text: str) -> int:
        match = fts5_match(text)
        if not match:
            return 0
        rows = self.fts.execute(
            "SELECT code, title, count(*) OVER () FROM codes WHERE codes MATCH ? ORDER BY rank LIMIT ?",
            (match, PAGE),
        ).fetchall()
        return int(rows[0][2]) if rows else 0


@dataclass
class Measured:
    seconds: dict[str, list[float]]
    cpu: dict[str, list[float]]  # CPU seconds spent serving each request, where it can be read
    by_category: dict[tuple[str, str], list[float]]
    answered: dict[str, int]  # queries with at least one match
    errors: dict[str, dict[str, str]]  # contender → query text → error
    setup: dict[str, float]


def measure(stack: Stack, queries: Sequence[SearchQuery], rounds: int) -> Measured:
    setup: dict[str, float] = {}
    started = time.perf_counter()
    index = search_index(stack)
    setup["open the in-process index (s)"] = time.perf_counter() - started
    started = time.perf_counter()
    documents = read_documents(stack.graph)
    setup["read the documents for FTS5 (s)"] = time.perf_counter() - started
    started = time.perf_counter()
    fts = fts5_index(documents)
    setup["build FTS5 over their titles (s)"] = time.perf_counter() - started
    del documents
    client, cached_client = GraphQLClient(stack.url), GraphQLClient(stack.url, cached=True)
    fulltext = fulltext_index_name(detect_engine(stack.graph))
    contenders = Contenders(stack, index, fts, client, cached_client, fulltext)
    runs = contenders.all()
    probes = contenders.cpu()
    names = list(runs)
    seconds: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    by_category: dict[tuple[str, str], list[float]] = defaultdict(list)
    answered: dict[str, int] = dict.fromkeys(names, 0)
    errors: dict[str, dict[str, str]] = defaultdict(dict)
    try:
        for query in queries:  # warm-up: every contender sees every query once, untimed
            for name, run in runs.items():
                try:
                    answered[name] += run(query.text) > 0
                except Exception as exc:
                    errors[name][query.text] = str(exc)[:120]
        for round_number in range(rounds):
            order = list(queries)
            random.Random(round_number).shuffle(order)
            for position, query in enumerate(order):
                shift = position % len(names)
                for name in names[shift:] + names[:shift]:
                    if query.text in errors.get(name, {}):
                        continue
                    probe = probes[name]
                    cpu_before = probe() if probe is not None else 0.0
                    began = time.perf_counter()
                    runs[name](query.text)
                    elapsed = time.perf_counter() - began
                    if probe is not None:
                        cpu[name].append(probe() - cpu_before)
                    seconds[name].append(elapsed)
                    by_category[(name, query.category)].append(elapsed)
    finally:
        client.close()
        cached_client.close()
        fts.close()
    return Measured(seconds, cpu, by_category, answered, errors, setup)


def report(stack: Stack, rounds: int, figures: dict[str, float] | None = None) -> str:
    queries = search_queries()
    before = load_average()
    measured = measure(stack, queries, rounds)
    after = load_average()
    summaries = [Summary.of(name, measured.seconds[name], measured.cpu[name]) for name in measured.answered]
    floor = summaries[0]
    if figures is not None:
        by_name = {summary.name: summary for summary in summaries}
        graphql, cached, faceted = by_name[GRAPHQL], by_name[CACHED], by_name[FACETED]
        figures |= {
            "search_median_ms": graphql.median_ms,
            "search_p99_ms": graphql.p99_ms,
            "search_faceted_median_ms": faceted.median_ms,
            "search_faceted_p99_ms": faceted.p99_ms,
            "search_cached_median_ms": cached.median_ms,
            "search_cached_p99_ms": cached.p99_ms,
            "search_floor_median_ms": floor.median_ms,
        }
    notes = {name: f"{measured.answered[name]}/{len(queries)} answered" for name in measured.answered}
    for name, found in measured.errors.items():
        notes[name] += f", {len(found)} failed"
    out = [
        header(
            "Search: GraphQL vs in-process index vs engine full-text vs SQLite FTS5 vs floor", stack.engine
        ),
        f"- {len(queries)} queries (bench/queries/search.txt), {rounds} timed rounds after one warm-up "
        f"round, contenders interleaved; first {PAGE} results; one keep-alive HTTP connection per client",
        "- every HTTP contender but the response cache's sends `Cache-Control: no-cache`: the app computes "
        "its answer; the response cache's was filled by the warm-up round",
        "- CPU ms/req: mean CPU time of the serving processes per request (the app for HTTP; this process "
        "for the in-process index and FTS5; the engine and the driver for the engine's index), read from "
        "/proc in clock ticks: less sensitive to a busy machine than the latencies",
        f"- {before} before, {after} after",
        "- setup: " + ", ".join(f"{k} {v:.2f}" for k, v in measured.setup.items()),
        "",
        latency_table(summaries, floor, notes),
        "",
        "Median ms by kind of query:",
        "",
        _category_table(measured, queries),
    ]
    for name, found in measured.errors.items():
        examples = "; ".join(f"{text!r}: {error}" for text, error in list(found.items())[:3])
        out += ["", f"{name} failed on {len(found)} queries, e.g. {examples}"]
    return "\n".join(out) + "\n"


def _category_table(measured: Measured, queries: Sequence[SearchQuery]) -> str:
    categories = list(dict.fromkeys(query.category for query in queries))
    names = list(measured.answered)
    lines = [
        "| kind (queries) | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for category in categories:
        count = sum(query.category == category for query in queries)
        cells = [Summary.of(name, measured.by_category[(name, category)]).median_ms for name in names]
        lines.append(f"| {category} ({count}) | " + " | ".join(f"{cell:.2f}" for cell in cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    add_stack_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over all queries (default 3)")
    args = parser.parse_args(argv)
    with open_stack(args.url, args.home) as stack:
        sys.stdout.write(report(stack, args.rounds))


if __name__ == "__main__":
    main()
