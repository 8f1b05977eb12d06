"""Neo4j's own linter over every Cypher statement of the app (`graph.queries`).

Runs tools/cypher-lint/lint.mjs (npm @neo4j-cypher/language-support, pinned) once for all the
statements below, against the labels and relationship types of `graph.model`. Warnings (unknown
label, relationship type or deprecated syntax) count as errors. The specification tests prove that
the linter does fail; the idiom tests pin the Neo4j 5 constructs the queries rely on.
"""

import functools
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import cypher as bench_cypher
from graph.model import Label, Rel
from graph.queries import all_queries, cypher_constants, query_parameters
from tests.graph import inspection_queries

ROOT = Path(__file__).resolve().parents[2]
LINTER = ROOT / "tools" / "cypher-lint"
INSTALL = "run `make test`, or `npm ci --prefix tools/cypher-lint --no-audit --no-fund` from the repo root"
ERROR, WARNING = 1, 2


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: int
    message: str
    line: int  # 0-based, as LSP
    character: int


@dataclass(frozen=True, slots=True)
class Linted:
    parameters: list[str]  # as Neo4j's parser finds them
    diagnostics: list[Diagnostic]


def run_linter(queries: dict[str, tuple[str, list[str]]], *, linter: Path = LINTER) -> dict[str, Linted]:
    """Lint `name → (text, declared parameters)` in one run of lint.mjs; fails, never skips."""
    if not (linter / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail(f"Neo4j's Cypher linter is not installed in {linter}/node_modules: {INSTALL}")
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node (v20 or later) is not on PATH; it runs Neo4j's Cypher linter: {INSTALL}")
    request = {
        "labels": [label.value for label in Label],
        "relationshipTypes": [rel.value for rel in Rel],
        "queries": [
            {"name": name, "text": text, "parameters": parameters}
            for name, (text, parameters) in queries.items()
        ],
    }
    completed = subprocess.run(
        [node, str(linter / "lint.mjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"lint.mjs exited with {completed.returncode}: {completed.stderr.strip()}")
    return {
        result["name"]: Linted(
            parameters=result["parameters"],
            diagnostics=[Diagnostic(**diagnostic) for diagnostic in result["diagnostics"]],
        )
        for result in json.loads(completed.stdout)
    }


NOT_PRESENT = (
    " is not present in the database. Make sure you didn't misspell it or that it is available when you run "
    "this statement in your application"
)

# Each proves that the linter reports a kind of mistake: text, declared parameters, and exactly what
# it reports as (severity, message).
SPECIFICATION: dict[str, tuple[str, list[str], list[tuple[int, str]]]] = {
    "syntax error": (
        "MATCH (n RETURN n",
        [],
        [
            (
                ERROR,
                "Invalid input 'RETURN': expected a graph pattern, a parameter, ')', ':', 'IS', 'WHERE' or "
                "'{'",
            )
        ],
    ),
    "misspelled label": (
        "MATCH (c:Cdoe) RETURN c",
        [],
        [(WARNING, "Label Cdoe" + NOT_PRESENT)],
    ),
    "unknown relationship type": (
        "MATCH (c:Code)-[:CHILD]->(p:Code) RETURN p",
        [],
        [(WARNING, "Relationship type CHILD" + NOT_PRESENT)],
    ),
    # Neo4j's linter checks names in reading positions only; lint.mjs checks the others.
    "misspelled label in MERGE": (
        "MERGE (c:Cdoe {uid: $uid})",
        ["uid"],
        [(WARNING, "medgraph: Label Cdoe is not in graph.model")],
    ),
    "misspelled relationship type in MERGE": (
        "MATCH (c:Code {uid: $a}) MATCH (p:Code {uid: $b}) MERGE (c)-[:CHILD]->(p)",
        ["a", "b"],
        [(WARNING, "medgraph: Relationship type CHILD is not in graph.model")],
    ),
    "misspelled label in SET": (
        "MATCH (c:Code) SET c:ICD10",
        [],
        [(WARNING, "medgraph: Label ICD10 is not in graph.model")],
    ),
    "misspelled label in a constraint": (
        "CREATE CONSTRAINT code_uid IF NOT EXISTS FOR (c:Cdoe) REQUIRE c.uid IS UNIQUE",
        [],
        [(WARNING, "medgraph: Label Cdoe is not in graph.model")],
    ),
    "undeclared parameter": (
        "MATCH (c:Code {uid: $uid}) RETURN c",
        [],
        [(ERROR, "Parameter $uid is not defined.")],
    ),
    # The library swallows crashes of its semantic analysis; this proves that the analysis runs.
    "undefined variable": ("MATCH (c:Code) RETURN d", [], [(ERROR, "Variable `d` not defined")]),
    "unknown function": (
        "RETURN toLowr('I82')",
        [],
        [(ERROR, "Function toLowr" + NOT_PRESENT)],
    ),
    "APOC is not in Neo4j 5 by default": (
        "RETURN apoc.text.join(['a', 'b'], ',') AS s",
        [],
        [(ERROR, "Function apoc.text.join" + NOT_PRESENT)],
    ),
    "unknown procedure output": (
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD nodes RETURN nodes",
        ["index", "q"],
        [(ERROR, "Unknown procedure output: `nodes`")],
    ),
    "deprecated CALL subquery importing with WITH": (
        "MATCH (c:Code) CALL { WITH c MATCH (c)-[:CHILD_OF]->(p:Code) RETURN p } RETURN c, p",
        [],
        [(WARNING, "CALL subquery without a variable scope clause is deprecated. Use CALL (c) { ... }")],
    ),
    "deprecated id()": (
        "MATCH (c:Code) RETURN id(c) AS id",
        [],
        [
            (WARNING, "Function id is deprecated."),
            (
                WARNING,
                "The query used a deprecated function. ('id' has been replaced by 'elementId or consider "
                "using an application-generated id')",
            ),
        ],
    ),
    "two statements": (
        "MATCH (c:Code) RETURN c; MATCH (p:Code) RETURN p",
        [],
        [(ERROR, "medgraph: a query must be exactly one statement, found 2")],
    ),
    "correct query with our labels": (
        "MATCH (c:Code:ICD10CM {uid: $uid})-[:CHILD_OF]->(p:Code) RETURN p.uid AS parent",
        ["uid"],
        [],
    ),
}

# Neo4j 5 constructs the app's queries use: each must lint clean.
IDIOMS: dict[str, str] = {
    "CALL (c) subquery": "MATCH (c:Code) CALL (c) { MATCH (c)-[:CHILD_OF]->(p:Code) RETURN p } RETURN c, p",
    "COUNT subquery": "MATCH (c:Code) RETURN c.uid AS uid, COUNT { (c)<-[:CHILD_OF]-() } AS children",
    "EXISTS subquery": "MATCH (c:Code) WHERE EXISTS { (c)<-[:CHILD_OF]-(:Code) } RETURN c",
    "map projection with pattern comprehension": (
        "MATCH (c:Code {uid: $uid}) "
        "RETURN c {.uid, .title, parents: [(c)-[:CHILD_OF]->(p:Code) | p {.uid, .title}]} AS code"
    ),
    "SHOW INDEXES": "SHOW INDEXES YIELD name, type, state WHERE type = 'FULLTEXT' RETURN name, state",
    "uniqueness constraint": "CREATE CONSTRAINT code_uid IF NOT EXISTS FOR (c:Code) REQUIRE c.uid IS UNIQUE",
    "full-text index": (
        "CREATE FULLTEXT INDEX code_titles IF NOT EXISTS FOR (n:Code) ON EACH [n.title, n.shortTitle]"
    ),
    "full-text query": (
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score "
        "WHERE node:ICD10CM RETURN node.uid AS uid, score ORDER BY score DESC SKIP $skip LIMIT $first"
    ),
    "batched MERGE": "UNWIND $rows AS r MERGE (c:Code {uid: r.uid}) SET c += r.props",
    "SET label": "MATCH (c:Code {uid: $uid}) SET c:ICD10CM",
    "quantified path pattern": "MATCH (:Code {uid: $uid})-[:CHILD_OF]->+(a:Code) RETURN collect(a.uid) AS up",
    "elementId": "MATCH (n) WHERE elementId(n) = $id RETURN n",
}

# `$` in strings, quoted names and comments is no parameter; names may be quoted or numbered.
PARAMETERS = (
    "MATCH (c:Code) // not $this\n"
    'WHERE c.title CONTAINS \'$no\' AND c.`$x` = "it\\"s $not" /* $nor */\n'
    "RETURN c, $a AS a, $`first name` AS b, $0 AS c, $ spaced AS d, $a AS e"
)


def sent_queries() -> dict[str, str]:
    """Every statement sent to an engine: the app's, and those only the tests and the benchmarks send."""
    outside = {"tests.inspection": inspection_queries, "bench.cypher": bench_cypher}
    found = all_queries()
    for prefix, module in outside.items():
        found |= {f"{prefix}.{name}": text for name, text in cypher_constants(module).items()}
    return found


def statements() -> dict[str, tuple[str, list[str]]]:
    """The sent queries and this module's statements: name → (text, declared parameters)."""
    found = {name: (text, query_parameters(text)) for name, text in sent_queries().items()}
    found |= {f"spec: {name}": (text, params) for name, (text, params, _) in SPECIFICATION.items()}
    found |= {f"idiom: {name}": (text, query_parameters(text)) for name, text in IDIOMS.items()}
    found["parameters"] = (PARAMETERS, query_parameters(PARAMETERS))
    return found


@functools.cache
def lint_results() -> dict[str, Linted]:
    """All `statements()`, linted in one run of the linter per test session."""
    return run_linter(statements())


def describe(name: str, text: str, diagnostic: Diagnostic) -> str:
    kind = "error" if diagnostic.severity == ERROR else "warning"
    lines = text.splitlines()
    source = lines[diagnostic.line].strip() if diagnostic.line < len(lines) else ""
    return (
        f"{name} line {diagnostic.line + 1} col {diagnostic.character + 1}: {kind}: {diagnostic.message}\n"
        f"    {source}"
    )


def test_every_query_of_the_app_is_valid_neo4j_5_cypher() -> None:
    results = lint_results()
    problems = [
        describe(name, text, diagnostic)
        for name, text in sent_queries().items()
        for diagnostic in results[name].diagnostics
        if diagnostic.severity in (ERROR, WARNING)
    ]
    if problems:
        pytest.fail(f"Neo4j's linter reports {len(problems)} problem(s):\n" + "\n".join(problems))


def test_the_app_has_queries() -> None:
    assert all_queries()["health.PING"] == "RETURN 1 AS ok"


@pytest.mark.parametrize("name", SPECIFICATION)
def test_linter_reports(name: str) -> None:
    expected = SPECIFICATION[name][2]
    diagnostics = lint_results()[f"spec: {name}"].diagnostics
    assert [(d.severity, d.message) for d in diagnostics] == expected


def test_linter_reports_where() -> None:
    (misspelled,) = lint_results()["spec: misspelled label"].diagnostics
    assert (misspelled.line, misspelled.character) == (0, 9)


@pytest.mark.parametrize("name", IDIOMS)
def test_neo4j_5_idiom_lints_clean(name: str) -> None:
    assert lint_results()[f"idiom: {name}"].diagnostics == []


def test_query_parameters_skip_strings_names_and_comments() -> None:
    assert query_parameters(PARAMETERS) == ["a", "first name", "0", "spaced"]


def test_query_parameters_agree_with_neo4j_parser() -> None:
    results = lint_results()
    disagree = {
        name: (query_parameters(text), results[name].parameters)
        for name, (text, _) in statements().items()
        if sorted(query_parameters(text)) != sorted(results[name].parameters)
    }
    assert disagree == {}, "query_parameters() vs Neo4j's parser"


def test_missing_linter_fails_with_install_hint(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"npm ci --prefix tools/cypher-lint"):
        run_linter({"ping": ("RETURN 1", [])}, linter=tmp_path)
