"""`CodeRef`, the type `Code` for the modules that schema.codes.types itself imports (knowledge, vocabulary,
explanations): one lazy reference, resolved when the schema is built, so that no import cycle is needed."""

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from schema.codes.types import Code

CodeRef = Annotated["Code", strawberry.lazy("schema.codes.types")]
