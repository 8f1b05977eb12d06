"""Code.explanation: the plain-language explanation generated from the official data, with its sources."""

from typing import TYPE_CHECKING

import strawberry

from graph.explain import model
from graph.explain.generate import generate_explanation
from graph.model import System
from graph.reads.codes import CodeRow
from graph.reads.index_terms import IndexEntryRow
from schema.code_ref import CodeRef
from schema.context import Info
from schema.selection import Selected

if TYPE_CHECKING:
    from schema.codes.types import Code


@strawberry.type(description="One entry of an explanation section's list, with the code it names.")
class ExplanationItem:
    text: str
    # Read with the explanation (explanation_for): a resolver of its own would be a task for every entry.
    code: CodeRef | None = strawberry.field(description="The code the entry names, where the graph holds it.")


@strawberry.type(description="One section of an explanation, laid out like the sections of a curated page.")
class ExplanationSection:
    key: str = strawberry.field(description="Stable name of the section (kind, description, coverage …).")
    title: str
    text: str
    items: list[ExplanationItem]
    source: str = strawberry.field(
        description="The official file and fields the section's sentences rephrase."
    )


@strawberry.type(description="A plain-language explanation of a code, generated from the official code set.")
class Explanation:
    summary: str = strawberry.field(description="Two or three sentences a patient understands.")
    sections: list[ExplanationSection]
    generated_from: list[str] = strawberry.field(description="The official code sets and releases used.")
    notice: str = strawberry.field(description="Where the text comes from, and that it is not advice.")
    curated: bool = strawberry.field(
        description="True when a curated monograph is the page's explanation; the sections then fill in only "
        "what the monograph lacks."
    )


async def cited_index_entries(info: Info, code: CodeRow) -> list[IndexEntryRow]:
    """The index lines an ICD-10-CM explanation cites, through the loader of the code's Index section: a page
    that shows both reads them once."""
    if code.system != System.ICD10CM:
        return []
    return await info.context.loaders.index_entries.load(code.uid)


async def explanation_for(
    info: Info, code: CodeRow, monograph_summary: str | None, index_entries: list[IndexEntryRow]
) -> Explanation | None:
    row = code if code.complete else await info.context.loaders.code.load(code.uid) or code
    generated = await info.context.run(generate_explanation, row, index_entries)
    if generated is None:
        return None
    named: dict[str, Code] = {}
    if Selected(info)("sections", "items", "code"):
        from schema.codes.types import codes_by_uid

        uids = [item.code for section in generated.sections for item in section.items if item.code]
        named = await codes_by_uid(info, uids)
    return _of(generated, monograph_summary, named)


def _of(found: model.Explanation, monograph_summary: str | None, named: dict[str, "Code"]) -> Explanation:
    return Explanation(
        summary=monograph_summary or found.summary,
        sections=[
            ExplanationSection(
                key=section.key,
                title=section.title,
                text=section.text,
                items=[
                    ExplanationItem(text=item.text, code=named.get(item.code) if item.code else None)
                    for item in section.items
                ],
                source=section.source,
            )
            for section in found.sections
        ],
        generated_from=list(found.generated_from),
        notice=found.notice,
        curated=monograph_summary is not None,
    )
