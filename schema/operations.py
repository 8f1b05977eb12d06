"""A document with several operations must name the one to run (GraphQL spec, GetOperation): Strawberry would
silently run the first. The refusal depends on the request's operation name, not on the text alone, so it is
made when execution starts, after the parsed and validated text was kept (schema.documents)."""

from collections.abc import Iterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import PreExecutionError

MESSAGE = "Must provide operation name if query contains multiple operations."


class OneOperation(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        # The name the request sent: `operation_name` falls back to the first operation's.
        named = context._provided_operation_name is not None
        if document is not None and not named:
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            if len(operations) > 1:
                context.result = PreExecutionError(data=None, errors=[GraphQLError(MESSAGE)])
        yield
