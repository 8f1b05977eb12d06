"""The GraphQL documents the pages send, read once from `queries/*.graphql` and checked against the schema.

A document the schema cannot answer yet (a field still being built) is kept but marked unavailable, with the
reason; the page that needs it says so instead of failing.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

import strawberry
from graphql import GraphQLError, parse, validate

QUERIES = Path(__file__).parent / "queries"
log = logging.getLogger("medgraph.web")


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    problems: tuple[str, ...] = ()

    @property
    def available(self) -> bool:
        return not self.problems


class Documents:
    def __init__(self, schema: strawberry.Schema, folder: Path = QUERIES) -> None:
        self._documents = {path.stem: _checked(schema, path) for path in sorted(folder.glob("*.graphql"))}

    def __getitem__(self, name: str) -> Document:
        return self._documents[name]


def _checked(schema: strawberry.Schema, path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    try:
        problems = tuple(error.message for error in validate(schema._schema, parse(text)))
    except GraphQLError as exc:
        problems = (exc.message,)
    if problems:
        log.warning("web query %s is not usable with this schema: %s", path.name, "; ".join(problems))
    return Document(path.stem, text, problems)
