"""Codes of every system, their hierarchy and notes, and what the knowledge graph says about them."""

import asyncio
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.reads import codes as code_reads
from graph.reads import neighborhood as neighborhood_reads
from graph.reads.code_systems import CodeSystemRow
from graph.reads.codes import CodeRow, MappingRow
from graph.reads.knowledge import CodeKnowledge, Link
from graph.reads.knowledge import Concept as ConceptRow
from graph.search.cursor import page_window
from graph.search.errors import SearchInputError
from schema.codes.mapping_words import mapping_meaning, scenario_lists
from schema.context import Info
from schema.dates import as_date, as_datetime
from schema.enums import CodeKind, CodeSystem, NoteKind, RelationType, TitleSource
from schema.errors import BadUserInput
from schema.knowledge.types import (
    Alternative,
    Benefit,
    BenefitLink,
    Condition,
    Drug,
    Indication,
    Monograph,
    PersonnelLink,
    PersonnelRole,
    Risk,
    RiskLink,
    Setting,
    SettingLink,
    Treatment,
    concept_of,
    monograph_of,
)
from schema.node import Node, encode_id
from schema.paging import PAGE_ARGUMENTS, Connection
from schema.selection import Selected
from schema.vocabulary.axes import PcsAxis
from schema.vocabulary.history import CodeChange, history_of
from schema.vocabulary.index import IndexEntry

if TYPE_CHECKING:
    from schema.codes.graph_types import Subgraph
    from schema.drg.types import CodeDrg
    from schema.explanations.types import Explanation


MAX_SIMILAR = 100
MAX_ROOTS = 500
MAX_CHILDREN = 100  # a page of them; the largest group (HCPCS J0000-J9999) has 1,188
CHILDREN_TAG = "children"  # a position in a code's children, in code order
MAX_DEPTH = 3
MAX_NODES = 500


@strawberry.type(description="A loaded release of one code system.")
class CodeSystemInfo:
    id: CodeSystem
    name: str
    version: str
    source: str = strawberry.field(description="The official file the release was loaded from.")
    loaded_at: datetime
    code_count: int
    billable_count: int

    @classmethod
    def from_row(cls, row: CodeSystemRow) -> "CodeSystemInfo":
        return cls(
            id=CodeSystem(row.id),
            name=row.name,
            version=row.version,
            source=row.source,
            loaded_at=as_datetime(row.loaded_at),
            code_count=row.code_count,
            billable_count=row.billable_count,
        )

    @strawberry.field(
        description="The top of the system's hierarchy, by code: ICD-10-CM chapters, ICD-10-PCS sections, "
        f"HCPCS letter ranges (codes without a parent). `first` is 1 to {MAX_ROOTS}, from `offset`."
    )
    async def roots(self, info: Info, first: int = 100, offset: int = 0) -> list["Code"] | None:
        if not 1 <= first <= MAX_ROOTS or offset < 0:
            raise BadUserInput(f"first must be between 1 and {MAX_ROOTS}, offset at least 0")
        uids = await info.context.run(code_reads.roots, self.id, first, offset)
        return await codes_for(info, uids)


async def codes_for(info: Info, uids: list[str]) -> list["Code"]:
    """Codes for these uids, in this order, in one batched read; uids no longer in the graph are left out."""
    if not uids:  # the request's loaders are made on first use, and cost more than many answers (a search)
        return []
    rows = await info.context.loaders.code.load_many(uids)
    return [Code.of(row) for row in rows if row is not None]


async def codes_by_uid(info: Info, uids: list[str]) -> dict[str, "Code"]:
    """codes_for by uid: for a parent that hands each of its entries the codes it names."""
    return {code.row.uid: code for code in await codes_for(info, uids)}


async def code_for(info: Info, uid: str | None) -> "Code | None":
    row = await info.context.loaders.code.load(uid) if uid else None
    return Code.of(row) if row else None


@strawberry.type(description="An instructional note of a code, with the codes it names.")
class CodeNote:
    kind: NoteKind
    text: str
    # Read with the notes (Code.notes): a resolver of its own would be a task for every note of a page.
    targets: list["Code"] = strawberry.field(
        description="Codes the note names, where they exist in the release."
    )


@strawberry.type(description="A curated relation to another code (e.g. repeat of, add-on to).")
class RelatedCode:
    type: RelationType
    inverse: bool = strawberry.field(description="True when the other code states the relation to this one.")
    code_uid: strawberry.Private[str]

    @strawberry.field
    async def code(self, info: Info) -> "Code | None":
        return await code_for(info, self.code_uid)


@strawberry.type(
    description="A crosswalk between codes of two systems, with the flags of its source (the CMS GEMs' as "
    "published) in plain words."
)
class CodeMapping:
    source: str | None
    approximate: bool
    outgoing: bool = strawberry.field(
        description="True when this code maps to the other; false when mapped from it."
    )
    system: CodeSystem = strawberry.field(description="The system of the other code.")
    no_map: bool = strawberry.field(
        description="True when the source says this code has no equivalent in `system`; `code` is then null."
    )
    combination: bool = strawberry.field(
        description="True when the code takes several codes together: one of each choice list of a scenario."
    )
    scenario: int | None = strawberry.field(description="Of a combination: one way of coding it (1 to 9).")
    choice_list: int | None = strawberry.field(
        description="Of a combination: the list this code is one choice of, within the scenario."
    )
    choice_lists: int | None = strawberry.field(
        description="Of a combination: how many lists the scenario has."
    )
    meaning: str = strawberry.field(description="What the flags say, in plain words.")
    code_uid: strawberry.Private[str | None]

    @classmethod
    def of(cls, row: MappingRow, lists: int | None) -> "CodeMapping":
        return cls(
            source=row.source,
            approximate=row.approximate,
            outgoing=row.outgoing,
            system=CodeSystem(row.system),
            no_map=row.no_map,
            combination=row.combination,
            scenario=row.scenario,
            choice_list=row.choice_list,
            choice_lists=lists,
            meaning=mapping_meaning(row, lists),
            code_uid=row.uid,
        )

    @strawberry.field
    async def code(self, info: Info) -> "Code | None":
        return await code_for(info, self.code_uid)


@strawberry.type(description="A medical code of any system.")
class Code(Node):
    row: strawberry.Private[CodeRow]

    # Plain data, set once from the row: a field without a resolver costs GraphQL a lookup, not a call
    # through Strawberry's resolver machinery (a page shows these of hundreds of codes).
    system: CodeSystem
    code: str = strawberry.field(description="The code as published (ICD-10-CM with its dot).")
    title: str = strawberry.field(
        description="The official title; for curated CPT codes without a licensed release, ours."
    )
    short_title: str | None
    title_source: TitleSource
    kind: CodeKind
    billable: bool = strawberry.field(
        description="Valid for billing: a leaf of its hierarchy and not retired."
    )
    active: bool = strawberry.field(
        description="False for a code its publisher has terminated (still listed, not billable)."
    )
    effective_date: date | None = strawberry.field(
        description="When the code's current record took effect: for HCPCS the date of its latest action "
        "(a change, or its termination), which is not the day it was added (see addedDate)."
    )
    added_date: date | None = strawberry.field(
        description="The day the code was added, as its publisher states it (HCPCS)."
    )
    termination_date: date | None
    release: str | None = strawberry.field(
        description="The release the code was loaded from; null for curated-only codes."
    )

    @classmethod
    def of(cls, row: CodeRow) -> "Code":
        return cls(
            id=encode_id("Code", row.uid),
            row=row,
            system=CodeSystem(row.system),
            code=row.code,
            title=row.title,
            short_title=row.short_title,
            title_source=TitleSource.OFFICIAL if row.official else TitleSource.MEDGRAPH,
            kind=CodeKind(row.kind),
            billable=row.billable,
            active=row.active,
            effective_date=as_date(row.effective_date),
            added_date=as_date(row.properties.get("added_date")),
            termination_date=as_date(row.termination_date),
            release=row.properties.get("release"),
        )

    @strawberry.field
    async def parent(self, info: Info) -> "Code | None":
        return await code_for(info, await info.context.loaders.parent.load(self.row.uid))

    @strawberry.field(description="Every level above the code, nearest first.")
    async def ancestors(self, info: Info) -> list["Code"]:
        return await codes_for(info, await info.context.loaders.ancestors.load(self.row.uid))

    @strawberry.field(
        description=f"The codes one level below, ordered by code, a page at a time: {PAGE_ARGUMENTS}, 1 to "
        f"{MAX_CHILDREN} of them. The query cost counts the page size per code, so children of children "
        "multiply (HCPCS J0000-J9999 alone has 1,188)."
    )
    async def children(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> "Connection[Code] | None":
        uids = await info.context.loaders.children.load(self.row.uid)
        try:
            window = page_window(
                first, after, last, before, tag=CHILDREN_TAG, maximum=MAX_CHILDREN, total=lambda: len(uids)
            )
        except SearchInputError as exc:
            raise BadUserInput(str(exc)) from None
        shown = await codes_for(info, uids[window.start : window.start + window.size])
        return Connection.of(window, len(uids), CHILDREN_TAG, shown)

    @strawberry.field(description="How many codes there are one level below.")
    async def child_count(self, info: Info) -> int:
        return len(await info.context.loaders.children.load(self.row.uid))

    @strawberry.field(
        description="Instructional notes as published on this code (inherited notes live on ancestors)."
    )
    async def notes(self, info: Info) -> list[CodeNote]:
        targets = await info.context.loaders.note_targets.load(self.row.uid)
        row = self.row if self.row.complete else await info.context.loaders.code.load(self.row.uid)
        notes = (row or self.row).notes_text()
        named: dict[str, Code] = {}
        if Selected(info)("targets"):
            named = await codes_by_uid(info, [uid for note in notes for uid in targets.get(note, [])])
        return [
            CodeNote(
                kind=NoteKind(kind),
                text=text,
                targets=[named[uid] for uid in targets.get((kind, text), []) if uid in named],
            )
            for kind, text in notes
        ]

    @strawberry.field(description="The plain-language explanation, when medgraph has written one.")
    async def monograph(self, info: Info) -> Monograph | None:
        knowledge = await self._knowledge(info)
        return monograph_of(knowledge.monograph) if knowledge.monograph else None

    @strawberry.field(
        description="The plain-language explanation generated from the official code set (null for CPT)."
    )
    async def explanation(
        self, info: Info
    ) -> Annotated["Explanation", strawberry.lazy("schema.explanations.types")] | None:
        from schema.explanations.types import cited_index_entries, explanation_for

        # Asked for together, the two arrive in one wave of reads, and the explanation is read in the next.
        knowledge, entries = await asyncio.gather(self._knowledge(info), cited_index_entries(info, self.row))
        summary = str(knowledge.monograph["summary"]) if knowledge.monograph else None
        return await explanation_for(info, self.row, summary, entries)

    @strawberry.field(
        description="For a billable ICD-10-CM code: its CC/MCC level and MDC as the MS-DRG grouper says."
    )
    def drg(self) -> Annotated["CodeDrg", strawberry.lazy("schema.drg.types")] | None:
        from schema.drg.types import code_drg_for

        return code_drg_for(self.row.system, self.row.code, self.row.billable)

    @strawberry.field(description="Conditions this procedure is indicated for.")
    async def indications(self, info: Info) -> list[Indication]:
        links = (await self._knowledge(info)).indications
        return [Indication(condition=concept_of(Condition, _concept(x)), note=x.note) for x in links]

    @strawberry.field
    async def risks(self, info: Info) -> list[RiskLink]:
        links = (await self._knowledge(info)).risks
        return [RiskLink(risk=concept_of(Risk, _concept(x)), note=x.note) for x in links]

    @strawberry.field
    async def benefits(self, info: Info) -> list[BenefitLink]:
        links = (await self._knowledge(info)).benefits
        return [BenefitLink(benefit=concept_of(Benefit, _concept(x)), note=x.note) for x in links]

    @strawberry.field
    async def personnel(self, info: Info) -> list[PersonnelLink]:
        links = (await self._knowledge(info)).personnel
        return [PersonnelLink(role=concept_of(PersonnelRole, _concept(x)), involvement=x.note) for x in links]

    @strawberry.field
    async def settings(self, info: Info) -> list[SettingLink]:
        links = (await self._knowledge(info)).settings
        return [SettingLink(setting=concept_of(Setting, _concept(x)), note=x.note) for x in links]

    @strawberry.field(
        description="Other ways to treat the problem: codes first, then treatments without a code."
    )
    async def alternatives(self, info: Info) -> list[Alternative]:
        knowledge = await self._knowledge(info)
        by_code = [x for x in knowledge.code_alternatives if x.key]
        codes = await codes_by_uid(info, [x.key for x in by_code if x.key])
        return [Alternative(note=x.note, code=codes.get(x.key or ""), treatment=None) for x in by_code] + [
            Alternative(note=x.note, code=None, treatment=concept_of(Treatment, _concept(x)))
            for x in knowledge.treatment_alternatives
        ]

    @strawberry.field(description="Drugs the procedure may use.")
    async def drugs(self, info: Info) -> list[Drug]:
        return [concept_of(Drug, _concept(x)) for x in (await self._knowledge(info)).drugs]

    @strawberry.field(
        description="Curated relations to other codes, both the ones this code states and their inverses."
    )
    async def related(self, info: Info) -> list[RelatedCode]:
        knowledge = await self._knowledge(info)
        return [
            RelatedCode(type=RelationType(x.note), inverse=False, code_uid=x.key)
            for x in knowledge.related
            if x.key
        ] + [
            RelatedCode(type=RelationType(x.note), inverse=True, code_uid=x.key)
            for x in knowledge.related_from
            if x.key
        ]

    @strawberry.field(
        description="Conditions of the knowledge graph this ICD-10-CM code expresses (or a parent of it)."
    )
    async def conditions(self, info: Info) -> list[Condition]:
        keys = await info.context.loaders.lineage_conditions.load(self.row.uid)
        rows = await info.context.loaders.condition.load_many(keys)
        return [concept_of(Condition, row.concept) for row in rows if row is not None]

    @strawberry.field(description="Crosswalks to codes of other systems, optionally of one system.")
    async def mappings(self, info: Info, system: CodeSystem | None = None) -> list[CodeMapping]:
        rows = [
            m
            for m in await info.context.loaders.mappings.load(self.row.uid)
            if system is None or m.system == system.value
        ]
        lists = scenario_lists(rows)
        return [CodeMapping.of(m, lists.get((m.outgoing, m.scenario))) for m in rows]

    @strawberry.field(
        description="Every line of the official indexes that leads to this code (the ICD-10-CM Alphabetic "
        "Index …), its own lines first, then the `see` references to them."
    )
    async def index_entries(self, info: Info) -> list[IndexEntry]:
        return [IndexEntry.of(row) for row in await info.context.loaders.index_entries.load(self.row.uid)]

    @strawberry.field(
        description="ICD-10-PCS codes: all seven characters, each with what its position is called in the "
        "section, what the character means, and CMS's definition, explanation and other names for it; empty "
        "for the section, body system and table headers and for other systems."
    )
    async def axes(self, info: Info) -> list[PcsAxis]:
        if self.row.system != CodeSystem.ICD10PCS.value or self.row.kind != CodeKind.CODE.value:
            return []
        return [PcsAxis.of(row) for row in await info.context.loaders.axes.load(self.row.uid)]

    @strawberry.field(
        description="The code's history, newest first: the codes it replaced and the codes that replaced it "
        "(ICD-10-CM conversion table, HCPCS cross-references)."
    )
    async def history(self, info: Info) -> list[CodeChange]:
        return [CodeChange.of(row) for row in (await history_of(info, self.row.uid)).changes]

    @strawberry.field(
        description="ICD-10-CM: true when the code is exempt from Present On Admission reporting (NCHS "
        "list), false for other billable codes; null for headers and other systems."
    )
    async def poa_exempt(self, info: Info) -> bool | None:
        return (await history_of(info, self.row.uid)).poa_exempt

    @strawberry.field(description="Codes like this one, by graph evidence, each with its score and reasons.")
    async def similar(self, info: Info, first: int = 10) -> list["SimilarCode"] | None:
        if not 1 <= first <= MAX_SIMILAR:
            raise BadUserInput(f"first must be between 1 and {MAX_SIMILAR}")
        found = await info.context.loaders.similar.load((self.row.uid, first))
        codes = await codes_by_uid(info, [s.uid for s in found])
        return [
            SimilarCode(code=codes[s.uid], score=s.score, reasons=list(s.reasons))
            for s in found
            if s.uid in codes
        ]

    @strawberry.field(description="The code's neighbourhood in the graph, for a picture.")
    async def neighborhood(
        self, info: Info, depth: int = 1, limit: int = 100
    ) -> Annotated["Subgraph", strawberry.lazy("schema.codes.graph_types")] | None:
        from schema.codes.graph_types import Subgraph

        if not 1 <= depth <= MAX_DEPTH or not 1 <= limit <= MAX_NODES:
            raise BadUserInput(f"depth must be 1 to {MAX_DEPTH} and limit 1 to {MAX_NODES}")
        found = await info.context.run(neighborhood_reads.neighborhood, self.row.uid, depth, limit)
        return Subgraph.of(found)

    async def _knowledge(self, info: Info) -> CodeKnowledge:
        return await info.context.loaders.knowledge.load(self.row.uid)


@strawberry.type(description="A code like another, with the evidence.")
class SimilarCode:
    code: Code
    score: float
    reasons: list[str]


def _concept(link: Link) -> ConceptRow:
    assert link.concept is not None, "links to shared concepts carry the concept"
    return link.concept
