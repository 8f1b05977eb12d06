"""The GraphQL schema: domain query types composed into one `Query`, with limits and error codes."""

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.types import ExecutionContext

from schema.codes.queries import CodeQueries
from schema.codes.types import Code
from schema.cost import QueryCost
from schema.curation.mutations import Mutation
from schema.curation.queries import CurationQueries
from schema.documents import DocumentStore, ParsedOnce
from schema.drg.queries import DrgQueries
from schema.errors import ErrorCode, ErrorCodes, error_code
from schema.knowledge.queries import KnowledgeQueries
from schema.knowledge.types import Condition
from schema.operations import OneOperation
from schema.plain_fields import PlainFieldsExecutor
from schema.search.queries import SearchQueries
from schema.vocabulary.lookup import LookupQueries

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 2000


@strawberry.type
class Query(CodeQueries, SearchQueries, KnowledgeQueries, CurationQueries, LookupQueries, DrgQueries):
    pass


class _Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Strawberry logs every error with its traceback. A client's own mistakes (bad input, limits, invalid
        # documents) are answered, not logged, so that hostile input cannot flood the logs; ErrorCodes logs
        # internal errors, and database errors are logged here as Strawberry would.
        logged = [
            error for error in errors if error_code(error) in ("DATABASE_UNAVAILABLE", "DATABASE_TIMEOUT")
        ]
        super().process_errors(logged, execution_context)


def build_schema(introspection: bool = True, documents: DocumentStore | None = None) -> strawberry.Schema:
    """The schema with its limits; without `introspection`, `__schema` and `__type` are refused. `documents`
    keeps the texts it has parsed and validated (a store of its own unless one is given)."""
    refusals: list[type[SchemaExtension]] = [] if introspection else [DisableIntrospection]
    documents = documents if documents is not None else DocumentStore()
    return _Schema(
        query=Query,
        mutation=Mutation,
        types=[Code, Condition, ErrorCode],
        execution_context_class=PlainFieldsExecutor,
        extensions=[
            lambda: ParsedOnce(documents),
            lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
            lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            QueryCost,
            OneOperation,
            *refusals,
            ErrorCodes,
        ],
    )


schema = build_schema()
