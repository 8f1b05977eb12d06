"""The GraphQL enums of the codes, in a module of their own: every schema package imports them from here,
so none has to import another for an enum (tests/schema/test_enums.py keeps them in step with the graph's)."""

from enum import Enum

import strawberry

from graph.model import Label, Rel, System
from graph.reads.neighborhood import DRAWN_KINDS
from graph.search.highlight import HighlightField as HighlightField

# The graph's own enums, published under their GraphQL names: the two can never differ.
CodeSystem = System
strawberry.enum(System, name="CodeSystem")
RelationshipType = Rel
strawberry.enum(Rel, name="RelationshipType", description="A relationship type of the graph, as stored.")
strawberry.enum(
    HighlightField, name="HighlightField", description="A field of a code that search highlights."
)


# The labels a neighbourhood draws, named as graph.model.Label names them: built from both, so none can drift.
GraphNodeKind = Enum("GraphNodeKind", {Label(kind).name: kind for kind in DRAWN_KINDS})  # type: ignore[misc]
strawberry.enum(
    GraphNodeKind,
    name="GraphNodeKind",
    description="What a node of a neighbourhood is: a code, or the kind of concept (its label).",
)


# The values of graph.importers.records.CodeKind, in upper case; the test keeps the two in step.
@strawberry.enum(description="Where a code sits in its system's hierarchy.")
class CodeKind(Enum):
    CHAPTER = "chapter"
    BLOCK = "block"
    CATEGORY = "category"
    SUBCATEGORY = "subcategory"
    CODE = "code"
    EXTENSION = "extension"
    SECTION = "section"
    BODY_SYSTEM = "body_system"
    TABLE = "table"
    MODIFIER = "modifier"
    GROUP = "group"


@strawberry.enum(description="The kind of an ICD-10-CM instructional note, as the CDC tabular list names it.")
class NoteKind(Enum):
    INCLUDES = "includes"
    INCLUSION_TERM = "inclusion_term"
    EXCLUDES1 = "excludes1"
    EXCLUDES2 = "excludes2"
    CODE_FIRST = "code_first"
    CODE_ALSO = "code_also"
    USE_ADDITIONAL = "use_additional"
    NOTE = "note"
    SEVEN_CHR_NOTE = "seven_chr_note"
    SEVEN_CHR_DEF = "seven_chr_def"


@strawberry.enum(description="Who wrote a code's title.")
class TitleSource(Enum):
    OFFICIAL = "official"
    MEDGRAPH = "medgraph"


# The values of graph.knowledge.seed_models.RelatedType (a Literal, for the seed files' validation); the
# test keeps the two in step.
@strawberry.enum(description="How two codes relate, as curated by medgraph.")
class RelationType(Enum):
    REPEAT_OF = "repeat-of"
    ADD_ON_TO = "add-on-to"
    INITIAL_OF = "initial-of"
    ALTERNATIVE = "alternative"
    FOLLOW_UP_OF = "follow-up-of"
