"""The GraphQL schema: domain query types composed into one `Query`, with limits and error codes."""

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from schema.codes.queries import CodeQueries
from schema.codes.types import Code
from schema.errors import ErrorCodes
from schema.knowledge.queries import KnowledgeQueries
from schema.knowledge.types import Condition
from schema.search.queries import SearchQueries

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 2000


@strawberry.type
class Query(CodeQueries, SearchQueries, KnowledgeQueries):
    pass


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        types=[Code, Condition],
        extensions=[
            lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
            lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            ErrorCodes,
        ],
    )


schema = build_schema()
