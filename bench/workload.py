"""The fixed workload: the searches of queries/search.txt and the code pages of queries/code_page.graphql."""

import re
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).resolve().parent / "queries"
_FRAGMENT_USE = re.compile(r"\.\.\.\s*([A-Za-z_]\w*)")


def operations(text: str) -> dict[str, str]:
    """Each operation of a GraphQL file as a document of its own, with the fragments it uses (a document
    with unused fragments or several operations would be parsed and validated whole on every request)."""
    blocks = [block.strip() for block in re.split(r"\n(?=query |fragment )", text) if block.strip()]
    fragments = {b.split()[1]: b for b in blocks if b.startswith("fragment ")}
    found = {}
    for block in blocks:
        if not block.startswith("query "):
            continue
        used: list[str] = []
        pending = _FRAGMENT_USE.findall(block)
        while pending:
            name = pending.pop(0)
            if name not in used:
                used.append(name)
                pending += _FRAGMENT_USE.findall(fragments[name])
        name = re.match(r"query\s+(\w+)", block).group(1)  # type: ignore[union-attr]
        found[name] = "\n\n".join([block, *(fragments[f] for f in used)]) + "\n"
    return found


PAGE_DOCUMENTS = operations((QUERIES / "code_page.graphql").read_text())
CODE_PAGE = PAGE_DOCUMENTS["CodePage"]

SEARCH = """
query Search($query: String!) {
  search(query: $query) { totalCount edges { node { code title } } }
}
"""
SEARCH_COUNT_ONLY = "query Count($query: String!) { search(query: $query) { totalCount } }"
# What the results page asks: facets, highlights, how each was found, cursors.
SEARCH_PAGE = (
    Path(__file__).resolve().parents[1] / "server" / "web" / "queries" / "search.graphql"
).read_text()

# The pages of the issues: the seed page's curated procedure, then a code of each official system.
PAGES: tuple[tuple[str, str], ...] = (
    ("CPT", "37188"), ("ICD10CM", "I82.401"), ("HCPCS", "J2997"), ("ICD10PCS", "0SRD0JZ"),
)  # fmt: skip
# Code pages of the throughput mix: every system, curated and plain.
MIX_PAGES: tuple[tuple[str, str], ...] = (
    ("CPT", "37188"), ("ICD10CM", "I82.401"), ("CPT", "37187"), ("CPT", "37191"), ("CPT", "93970"),
    ("HCPCS", "J1644"), ("HCPCS", "E0250"), ("HCPCS", "G0008"), ("ICD10CM", "I26.99"), ("ICD10CM", "E11.9"),
    ("ICD10CM", "S72.001A"), ("ICD10CM", "J18.9"), ("ICD10PCS", "06CM3ZZ"), ("ICD10PCS", "0DTJ4ZZ"),
    ("ICD10PCS", "0SRC0J9"), ("ICD10PCS", "02703ZZ"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SearchQuery:
    category: str
    text: str


def search_queries(path: Path = QUERIES / "search.txt") -> list[SearchQuery]:
    """`## name` starts a category; other `#` lines are comments; every other non-blank line is a query."""
    found: list[SearchQuery] = []
    category = "uncategorised"
    for line in path.read_text().splitlines():
        if line.startswith("## "):
            category = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            found.append(SearchQuery(category, line.strip()))
    return found


def uid(system: str, code: str) -> str:
    return f"{system}:{code}"
