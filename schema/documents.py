"""Each distinct query text is parsed and validated once per schema, not once per request.

Clients send the same few documents again and again with other variables, and parsing plus validation (with
the depth, alias and cost rules) is most of the CPU of a small request. What validation says depends only on
the text and the schema, never on variables, so both results are kept by text, least recently used first
out. The depth and alias limiters of Strawberry make new rule classes for every request, which is why its own
`ValidationCache` (keyed by the rule classes too) never hits here.

A text that does not parse is not kept: each request parses it again and gets the same syntax error.
"""

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError
from strawberry.extensions import SchemaExtension

MAX_DOCUMENTS = 256


@dataclass(slots=True)
class _Checked:
    document: DocumentNode
    errors: list[GraphQLError] | None = None  # None until validated


class DocumentStore:
    """The parsed and validated documents of one schema."""

    def __init__(self, size: int = MAX_DOCUMENTS) -> None:
        self.size = size
        self._entries: OrderedDict[str, _Checked] = OrderedDict()

    def get(self, text: str) -> _Checked | None:
        entry = self._entries.get(text)
        if entry is not None:
            self._entries.move_to_end(text)
        return entry

    def add(self, text: str, document: DocumentNode) -> _Checked:
        entry = self._entries[text] = _Checked(document)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return entry


class ParsedOnce(SchemaExtension):
    """Serve the parse and the validation of a known text from `store`. Listed first among the extensions,
    so that a refusal another extension makes while validating (QueryCost) is kept with the text as well."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.entry: _Checked | None = None

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        self.entry = self.store.get(text) if text else None
        if self.entry is not None:
            context.graphql_document = self.entry.document  # Strawberry skips parsing a given document
        yield
        if self.entry is None and text and context.graphql_document is not None:
            self.entry = self.store.add(text, context.graphql_document)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        known = self.entry.errors if self.entry is not None else None
        if known is not None and context.pre_execution_errors is None:
            context.pre_execution_errors = known  # [] when valid: Strawberry then skips validation
        yield
        if self.entry is not None and self.entry.errors is None:
            self.entry.errors = list(context.pre_execution_errors or [])
