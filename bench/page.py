"""The code page, side by side: the web page itself (`GET /codes/…`, computed: every query it runs and its
HTML), the full page query over GraphQL (every section, similar(first: 30) and the neighbourhood) vs the
minimal raw Cypher that fetches the same data vs the GraphQL floor, for CPT 37188 (the seed page) and a
code of each official system (bench.workload.PAGES). The page's three parts over GraphQL on their own, and
the sections alone in raw Cypher, show where the time goes.

.venv/bin/python -m bench.page                                   # a fresh stack of its own
.venv/bin/python -m bench.page --url http://127.0.0.1:8020 --home /tmp/devhome
"""

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from bench import cypher as q
from bench.client import FLOOR, GraphQLClient
from bench.common import header
from bench.processes import cpu_seconds
from bench.stack import Stack, add_stack_arguments, open_stack
from bench.stats import Summary, latency_table, load_average
from bench.workload import PAGE_DOCUMENTS, PAGES, uid
from graph.driver import Graph
from graph.reads.neighborhood import CHILDREN_PER_NODE
from graph.reads.similar import similar_codes

FLOOR_NAME = "GraphQL floor `{ __typename }` (HTTP)"
WEB = "web page `GET /codes/…` (HTTP)"
FULL = "GraphQL full page (HTTP)"
CACHED = "GraphQL full page, response cache (HTTP)"
SECTIONS = "GraphQL sections only (HTTP)"
SIMILAR = "GraphQL similar(first: 30) only (HTTP)"
NEIGHBORHOOD = "GraphQL neighborhood only (HTTP)"
RAW_FULL = "raw Cypher full page (driver)"
RAW_SECTIONS = "raw Cypher sections only (driver)"
NEIGHBOURS_LIMIT = 60  # server.web.code_page.NEIGHBOURHOOD_LIMIT
SIMILAR_FIRST = 30  # as the web page asks (server.web.code_page.SIMILAR_COUNT)


def raw_sections(graph: Graph, code_uid: str) -> dict[str, Any]:
    (row,) = graph.read(q.PAGE_SECTIONS, uid=code_uid)
    row["children"].sort(key=lambda child: child["code"])
    return row


def raw_full_page(graph: Graph, code_uid: str) -> dict[str, Any]:
    """The sections and the neighbourhood in one read transaction (three statements), then similar codes
    (graph.reads.similar: three statements and its scoring) and one statement for the codes they name."""

    def read(tx: ManagedTransaction) -> dict[str, Any]:
        page = tx.run(q.PAGE_SECTIONS, uid=code_uid).single(strict=True).data()
        page["children"].sort(key=lambda child: child["code"])
        near = tx.run(q.PAGE_NEIGHBOURS, uid=code_uid, children=CHILDREN_PER_NODE).single(strict=True).data()
        ids = list(dict.fromkeys(
            [near["id"]] + [m["id"] for m in near["outgoing"] + near["incoming"] + near["children"]]
        ))[:NEIGHBOURS_LIMIT]  # fmt: skip
        page["neighbours"] = near
        page["edges"] = tx.run(q.PAGE_NEIGHBOUR_EDGES, ids=ids).single(strict=True)["edges"]
        return page

    page = graph.read_tx(read)
    similar = similar_codes(graph, [code_uid], SIMILAR_FIRST)[code_uid]
    (codes,) = graph.read(q.PAGE_CODES, uids=[s.uid for s in similar])
    page["similar"] = [(s.score, s.reasons) for s in similar]
    page["similarCodes"] = codes["codes"]
    return page


def contenders(
    stack: Stack, client: GraphQLClient, cached: GraphQLClient, system: str, code: str
) -> dict[str, Callable[[], Any]]:
    variables = {"system": system, "code": code}
    code_uid = uid(system, code)
    return {
        FLOOR_NAME: lambda: client.execute(FLOOR),
        WEB: lambda: web_page(client, system, code),
        FULL: lambda: client.execute(PAGE_DOCUMENTS["CodePage"], variables),
        CACHED: lambda: cached.execute(PAGE_DOCUMENTS["CodePage"], variables),
        SECTIONS: lambda: client.execute(PAGE_DOCUMENTS["Sections"], variables),
        SIMILAR: lambda: client.execute(PAGE_DOCUMENTS["Similar"], variables),
        NEIGHBORHOOD: lambda: client.execute(PAGE_DOCUMENTS["Neighborhood"], variables),
        RAW_FULL: lambda: raw_full_page(stack.graph, code_uid),
        RAW_SECTIONS: lambda: raw_sections(stack.graph, code_uid),
    }


def web_page(client: GraphQLClient, system: str, code: str) -> bytes:
    status, body = client.get(f"/codes/{system}/{code}")
    if status != 200:
        raise RuntimeError(f"/codes/{system}/{code} answered HTTP {status}")
    return body


def cpu_probe(stack: Stack, name: str) -> Callable[[], float] | None:
    """The CPU seconds serving a contender: the app's for GraphQL, the engine's and this process's for raw."""
    app, engine = stack.app_pid, stack.engine_pid
    if name.startswith("raw"):
        return (lambda: cpu_seconds(engine) + time.process_time()) if engine is not None else None
    return (lambda: cpu_seconds(app)) if app is not None else None


def same_data(graphql: dict[str, Any], raw: dict[str, Any]) -> list[str]:
    """Where the raw Cypher's page differs from the GraphQL page, by the codes and keys each section names."""
    page = graphql["code"]
    codes = lambda items: sorted(f"{i['system']}:{i['code']}" for i in items)  # noqa: E731
    checks = {
        "ancestors": (codes(page["ancestors"]), codes(raw["ancestors"])),
        "children": (codes(page["children"]["nodes"]), codes(raw["children"])),
        "indications": (
            sorted(i["condition"]["key"] for i in page["indications"]),
            sorted(i["key"] for i in raw["indications"]),
        ),
        "risks": (sorted(i["risk"]["key"] for i in page["risks"]), sorted(i["key"] for i in raw["risks"])),
        "drugs": (sorted(d["key"] for d in page["drugs"]), sorted(d["key"] for d in raw["drugs"])),
        "related": (codes(r["code"] for r in page["related"]), codes(raw["related"])),
        "mappings": (codes(m["code"] for m in page["mappings"]), codes(raw["mappings"])),
        "conditions": (
            sorted(c["key"] for c in page["conditions"]),
            sorted(c["key"] for c in raw["conditions"]),
        ),
        "monograph": (bool(page["monograph"]), bool(raw["monographs"])),
        "similar": (codes(s["code"] for s in page["similar"]), codes(raw["similarCodes"])),
        "neighbourhood edges": (
            len(page["neighborhood"]["edges"]),
            len({tuple(e.values()) for e in raw["edges"]}),
        ),
    }
    return [f"{name}: GraphQL {a} vs raw {b}" for name, (a, b) in checks.items() if a != b]


def report(stack: Stack, repeats: int, warmup: int = 5, figures: dict[str, float] | None = None) -> str:
    before = load_average()
    client, cached = GraphQLClient(stack.url), GraphQLClient(stack.url, cached=True)
    seconds: dict[tuple[str, str], list[float]] = defaultdict(list)
    cpu: dict[tuple[str, str], list[float]] = defaultdict(list)
    checks: list[str] = []
    sizes: dict[str, int] = {}
    try:
        for system, code in PAGES:
            page = client.execute(PAGE_DOCUMENTS["CodePage"], {"system": system, "code": code})
            sizes[code] = len(str(page))
            differences = same_data(page, raw_full_page(stack.graph, uid(system, code)))
            checks.append(f"{system} {code}: " + ("same data" if not differences else "; ".join(differences)))
        for round_number in range(warmup + repeats):
            for system, code in PAGES:
                runs = contenders(stack, client, cached, system, code)
                names = list(runs)
                shift = round_number % len(names)
                for name in names[shift:] + names[:shift]:
                    probe = cpu_probe(stack, name)
                    cpu_before = probe() if probe is not None else 0.0
                    began = time.perf_counter()
                    runs[name]()
                    elapsed = time.perf_counter() - began
                    if round_number >= warmup:
                        seconds[(code, name)].append(elapsed)
                        if probe is not None:
                            cpu[(code, name)].append(probe() - cpu_before)
    finally:
        client.close()
        cached.close()
    out = [
        header("Code page: GraphQL vs raw Cypher vs floor", stack.engine),
        f"- {repeats} timed rounds after {warmup} warm-up rounds, contenders interleaved; one keep-alive "
        "HTTP connection per client; raw Cypher through graph.driver (managed read transactions)",
        "- every HTTP contender but the response cache's sends `Cache-Control: no-cache`: the app computes "
        "its answer; the response cache's was filled by the warm-up rounds",
        "- CPU ms/req: mean CPU of the serving processes per request (the app for GraphQL; the engine and "
        "this process for raw Cypher), from /proc",
        f"- {before} before, {load_average()} after",
        "- raw vs GraphQL, checked before timing: " + " | ".join(checks),
    ]
    for system, code in PAGES:
        names = list(contenders(stack, client, cached, system, code))
        summaries = [Summary.of(name, seconds[(code, name)], cpu[(code, name)]) for name in names]
        out += ["", f"### {system} {code} (full page: {sizes[code]:,} characters of data)", ""]
        out.append(latency_table(summaries, summaries[0]))
        if figures is not None:
            by_name = {summary.name: summary for summary in summaries}
            figures |= {
                f"page_{code}_median_ms": by_name[FULL].median_ms,
                f"page_{code}_p99_ms": by_name[FULL].p99_ms,
                f"page_{code}_web_median_ms": by_name[WEB].median_ms,
                f"page_{code}_web_p99_ms": by_name[WEB].p99_ms,
                f"page_{code}_cached_median_ms": by_name[CACHED].median_ms,
                f"page_{code}_floor_median_ms": by_name[FLOOR_NAME].median_ms,
            }
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.page", description=__doc__.split("\n\n")[0])
    add_stack_arguments(parser)
    parser.add_argument("--repeats", type=int, default=40, help="timed rounds (default 40)")
    args = parser.parse_args(argv)
    with open_stack(args.url, args.home) as stack:
        sys.stdout.write(report(stack, args.repeats))


if __name__ == "__main__":
    main()
