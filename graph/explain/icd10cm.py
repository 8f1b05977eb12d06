"""ICD-10-CM codes explained from the tabular list, the Alphabetic Index and the glossary.

What the code means (its title in plain words, where it sits), the names it also goes by (inclusion terms,
index entries), what is coded elsewhere (Excludes1) or may be coded as well (Excludes2), how to code it
(billable or a heading, its 7th character, the side, code-first, use-additional and code-also notes, POA
exemption), and the conditions of the knowledge graph it expresses. Similar codes are the page's own section
(Code.similar): three more statements per page, for a list the page already shows. Nothing else: the
tabular list says nothing of risks, treatment or outlook, so neither does this.
"""

from graph.explain.cm_notes import AS_PRINTED, note_codes, note_items
from graph.explain.cm_seventh import seventh_items, seventh_meaning
from graph.explain.cm_title import plain_title
from graph.explain.model import Explanation, Item, Section
from graph.explain.notice import generated_notice
from graph.explain.plain_words import PlainWords
from graph.explain.sentences import listing, paragraph, quoted
from graph.reads.explain_icd10cm import CmFacts, CmReleases
from graph.reads.index_terms import IndexEntryRow

GLOSSARY = "medgraph plain-language glossary"
MAX_INDEX_ENTRIES = 12
MAX_WORDS = 40  # in a sentence: the property test over every code holds each explanation to it
CODES_SAID = 4  # in a sentence; more would make it too long to read
HEADINGS = {
    "chapter": "a chapter",
    "block": "a block (a range of categories)",
    "category": "a category",
    "subcategory": "a subcategory",
}
_SIDES = {"right": "the right side", "left": "the left side", "bilateral": "both sides"}


def explain_icd10cm(facts: CmFacts, releases: CmReleases, words: PlainWords) -> Explanation:
    tabular = f"{releases.tabular} tabular list (CDC/CMS)"
    index_sources = sorted({entry.source for entry in facts.index_entries})
    sources = (tabular, *(f"{source} (CDC)" for source in index_sources))
    if facts.code.properties.get("poaExempt") is True and releases.poa_exempt:
        sources = (*sources, f"ICD-10-CM POA exempt list {releases.poa_exempt} (CMS)")
    sections = (
        _meaning(facts, words, tabular),
        _names(facts, words, tabular, index_sources),
        Section(
            key="coded-elsewhere",
            title="What is coded elsewhere",
            text=paragraph(
                "Excludes1: the conditions below are not coded here; each has the code shown instead, "
                "and the two are never used together"
            ),
            items=note_items(facts.notes, "excludes1", words),
            source=f"{tabular}: Excludes1 notes of the code and the levels above it up to its category",
        ),
        Section(
            key="coded-as-well",
            title="What may be coded as well",
            text=paragraph(
                "Excludes2: the conditions below are not part of this code, but a patient may have both; "
                "then the code shown may be used as well"
            ),
            items=note_items(facts.notes, "excludes2", words),
            source=f"{tabular}: Excludes2 notes of the code and the levels above it up to its category",
        ),
        _how_to_code(facts, releases, tabular),
        Section(
            key="conditions",
            title="Conditions in the knowledge graph",
            text=paragraph(
                f"In medgraph's knowledge graph this code stands for {listing(list(facts.conditions))}"
            ),
            items=tuple(Item(text=name) for name in facts.conditions),
            source="medgraph knowledge graph: conditions coded as this code or a level above it",
        ),
    )
    return Explanation(
        summary=_summary(facts, words),
        sections=tuple(section for section in sections if section.items or _stands(section)),
        generated_from=sources,
        notice=generated_notice(sources),
    )


def _stands(section: Section) -> bool:
    """Sections whose text says something without a list."""
    return section.key in ("meaning", "how-to-code") and bool(section.text)


def _summary(facts: CmFacts, words: PlainWords) -> str:
    code = facts.code
    meaning = _seventh(facts)
    # A category without subcategories (G63) is a code of its own.
    heading = not code.billable and code.kind in HEADINGS
    return paragraph(
        f"{_name(facts)} is {HEADINGS[code.kind]} of ICD-10-CM diagnosis codes"
        if heading
        else f"{_name(facts)} is an ICD-10-CM diagnosis code",
        _stands_for(_plain_meaning(facts, words)),
        f"Its last character, {code.code[-1]}, adds: {words.rephrase(meaning)}" if meaning else "",
        "It is a complete code, used as it is on a claim"
        if code.billable
        else _heading(facts.billable_codes),
    )


def _heading(billable_codes: int) -> str:
    if billable_codes == 1:  # R99-R99: a block of one category that is a code itself
        return "It is a heading: a claim uses the one complete code under it"
    return f"It is a heading: a claim uses one of its {_count(billable_codes, 'complete code')}"


def _stands_for(phrase: str) -> str:
    """The sentence that gives the plain meaning; shorter for the longest titles, to stay readable."""
    sentence = f"In plain words it stands for: {phrase}"
    return sentence if len(sentence.split()) < MAX_WORDS else f"It means: {phrase}"


def _seventh(facts: CmFacts) -> str | None:
    return seventh_meaning(facts.code.code, facts.seventh) if facts.code.kind == "extension" else None


def _plain_meaning(facts: CmFacts, words: PlainWords) -> str:
    """The title in plain words; for a code with a 7th character, the title of the code it extends (the
    character is said on its own)."""
    extended = _seventh(facts) is not None and facts.ancestors
    return plain_title(facts.ancestors[0].title if extended else facts.code.title, words)


def _name(facts: CmFacts) -> str:
    return f"Chapter {facts.code.code}" if facts.code.kind == "chapter" else facts.code.code


def _meaning(facts: CmFacts, words: PlainWords, tabular: str) -> Section:
    code = facts.code
    category = next((level for level in facts.ancestors if level.kind == "category"), None)
    chapter = next((level for level in facts.ancestors if level.kind == "chapter"), None)
    return Section(
        key="meaning",
        title="What the code means",
        text=paragraph(
            f"The official title is {quoted(code.title)}",
            f"In plain words: {_plain_meaning(facts, words)}",
            f"It belongs to category {category.code}, {quoted(category.title)}" if category else "",
            f"It is in the chapter {quoted(chapter.title)}" if chapter else "",
        ),
        source=f"{tabular}: title and hierarchy; {GLOSSARY}",
    )


def _names(facts: CmFacts, words: PlainWords, tabular: str, index_sources: list[str]) -> Section:
    included = [
        Item(text=_capital(plain_title(note.text, words)))
        for note in facts.notes
        if note.kind in ("includes", "inclusion_term")
    ]
    entries = [Item(text=_entry(entry)) for entry in facts.index_entries[:MAX_INDEX_ENTRIES]]
    more = len(facts.index_entries) - len(entries)
    return Section(
        key="also-known-as",
        title="Also known as",
        text=paragraph(
            "The tabular list counts these under the code as well" if included else "",
            f"The Alphabetic Index leads to it from {_count(len(facts.index_entries), 'entry', 'entries')}"
            + (f"; the first {len(entries)} are listed" if more else "")
            if entries
            else "",
        ),
        items=tuple(dict.fromkeys((*included, *entries))),
        source="; ".join([f"{tabular}: includes and inclusion terms", *index_sources]),
    )


def _how_to_code(facts: CmFacts, releases: CmReleases, tabular: str) -> Section:
    code = facts.code
    meaning = _seventh(facts)
    first = note_items(facts.notes, "code_first", AS_PRINTED)
    additional = note_items(facts.notes, "use_additional", AS_PRINTED)
    also = note_items(facts.notes, "code_also", AS_PRINTED)
    side = next((side for word, side in _SIDES.items() if word in code.title.lower().split()), None)
    poa = code.properties.get("poaExempt")
    text = paragraph(
        "It is billable: a complete code, valid on a claim as it is"
        if code.billable
        else f"It is not billable: a heading over {_count(facts.billable_codes, 'billable code')}",
        f"Its 7th character, {code.code[-1]}, means: {meaning}" if meaning else "",
        "Codes under it take a 7th character, as listed below" if facts.seventh and not meaning else "",
        f"The title names the side: {side}" if side else "",
        f"Code first: list the code of the underlying condition first ({_codes(facts, 'code_first')})"
        if first
        else "",
        f"Use additional code: add a code that tells more ({_codes(facts, 'use_additional')})"
        if additional
        else "",
        f"Code also: another condition may need its own code ({_codes(facts, 'code_also')})" if also else "",
        "It is exempt from Present On Admission (POA) reporting"
        if poa is True and releases.poa_exempt
        else "",
        "A hospital reports for it whether it was present on admission (POA)" if poa is False else "",
    )
    return Section(
        key="how-to-code",
        title="How to code it",
        text=text,
        items=(
            *(seventh_items(facts.seventh) if facts.seventh and not meaning else ()),
            *_labelled("Code first", first),
            *_labelled("Use additional code", additional),
            *_labelled("Code also", also),
        ),
        source=f"{tabular}: billable level, 7th characters, code first, use additional code, code also"
        + (f"; ICD-10-CM POA exempt list {releases.poa_exempt}" if releases.poa_exempt else ""),
    )


def _labelled(label: str, items: tuple[Item, ...]) -> list[Item]:
    return [Item(text=f"{label}: {item.text[:1].lower()}{item.text[1:]}", code=item.code) for item in items]


def _entry(entry: IndexEntryRow) -> str:
    """An index line as the book prints it: "Thrombosis, thrombotic — vein — deep (DVT)"."""
    line = " — ".join(entry.path) + (f" {entry.nemod}" if entry.nemod else "")
    return f"{line} (see {', '.join(entry.see)})" if entry.see else line


def _codes(facts: CmFacts, kind: str) -> str:
    """The codes the notes name, the first few in the sentence (the list below has them all)."""
    codes = note_codes(facts.notes, kind)
    if len(codes) <= CODES_SAID:
        return listing(codes, "or")
    return f"{', '.join(codes[: CODES_SAID - 1])} and {len(codes) - CODES_SAID + 1} more, listed below"


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n:,} {one if n == 1 else many or f'{one}s'}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
