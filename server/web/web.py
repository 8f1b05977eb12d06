"""What every page handler needs: the public schema and the documents it runs against it."""

from dataclasses import dataclass, field
from typing import Any

import strawberry
from starlette.requests import Request

from server.web.condition_names import ConditionNames
from server.web.documents import Documents
from server.web.execute import execute
from server.web.rendering import ENVIRONMENT


@dataclass
class Web:
    schema: strawberry.Schema
    documents: Documents = field(init=False)
    condition_names: ConditionNames = field(default_factory=ConditionNames)

    def __post_init__(self) -> None:
        self.documents = Documents(self.schema)
        # The search boxes' script sends this document to /graphql as queries/suggest.graphql has it.
        ENVIRONMENT.globals["suggest_document"] = _compact(self.documents["suggest"].text)

    async def query(self, request: Request, document: str, **variables: Any) -> dict[str, Any]:
        return await execute(self.schema, request, self.documents[document], **variables)

    def available(self, document: str) -> bool:
        return self.documents[document].available


def _compact(document: str) -> str:
    """A document without its comments and extra whitespace, to carry in an HTML attribute."""
    lines = (line.split("#", 1)[0].strip() for line in document.splitlines())
    return " ".join(line for line in lines if line)
