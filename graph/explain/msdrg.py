"""MS-DRG codes explained from the release's DRG list: what the group is, its type, and its family.

A DRG page is read by coders and by patients who find the number on a hospital bill, so it says what a DRG
is for, which MDC the DRG belongs to, whether it is medical or surgical, and how its siblings split the same
stays. Every fact comes from the loaded MS-DRG code system (graph.importers.msdrg).
"""

from graph.explain.model import Explanation, Item, Section
from graph.explain.notice import generated_notice
from graph.explain.sentences import listing, lower_first, paragraph
from graph.importers.msdrg import DRG_TYPE, MDC, family_stem
from graph.reads.codes import CodeRow

_TYPES = {
    "medical": "a medical DRG: stays are grouped to it by their diagnoses, without an operating-room "
    "procedure that decides the group",
    "surgical": "a surgical DRG: stays are grouped to it by an operating-room procedure they include",
}
_WHAT = (
    "Medicare pays a hospital for an inpatient stay by its MS-DRG",
    "the grouper gives each stay one DRG from its principal diagnosis, its secondary diagnoses, its "
    "procedures, the patient's age and sex, and how the stay ended (the discharge status)",
)
_LEVELS = (
    "A DRG “with CC” or “with MCC” takes the stays with a secondary diagnosis of that level (a complication "
    "or comorbidity, or a major one) that the principal diagnosis does not exclude"
)


def explain_drg(code: CodeRow, chapter: CodeRow | None, family: list[CodeRow]) -> Explanation:
    """`chapter`: the MDC (or the pre-MDC or no-MDC group) it sits in; `family`: it and its siblings in
    number order, empty where it has none."""
    release = f"MS-DRG {code.properties.get('release') or ''}".strip() + " (CMS)"
    mdc = code.properties.get(MDC)
    kind = _TYPES.get(str(code.properties.get(DRG_TYPE) or ""))
    where = ""
    if chapter and mdc:
        where = f"It belongs to MDC {mdc}, {chapter.title}"
    elif chapter:
        where = f"It is in no single MDC: it is one of the {lower_first(chapter.title)}"
    sections = (
        Section(
            key="what", title="What a DRG is", text=paragraph(*_WHAT), source=f"{release}: grouper logic"
        ),
        Section(
            key="type",
            title="Medical or surgical",
            text=paragraph(f"It is {kind}") if kind else "",
            source=f"{release}: DRG list, type",
        ),
        Section(
            key="where", title="Where it sits", text=paragraph(where), source=f"{release}: DRG list, MDC"
        ),
        _family(code, family, release),
    )
    sources = (release,)
    return Explanation(
        summary=paragraph(
            f"DRG {code.code} is a Medicare Severity Diagnosis Related Group: {code.title}", where
        ),
        sections=tuple(s for s in sections if s.text),
        generated_from=sources,
        notice=generated_notice(sources),
    )


def _in_sentence(title: str) -> str:
    """A Title Case DRG title as words in a sentence: "Heart Failure and Shock" → "heart failure and shock";
    abbreviations stay as written ("HIV", "O.R.", "ECMO")."""
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in title.split(" "))


def _family(code: CodeRow, family: list[CodeRow], release: str) -> Section:
    if len(family) < 2:
        return Section(key="family", title="Its family", text="", source=release)
    split = [f"{row.code} ({row.title[len(family_stem(row.title)) :].strip()})" for row in family]
    stem = _in_sentence(family_stem(code.title))
    return Section(
        key="family",
        title="Its family",
        text=paragraph(
            f"It is one of {len(family)} DRGs for {stem} that the grouper tells apart as their titles say: "
            f"{listing(split)}",
            _LEVELS,
        ),
        items=tuple(Item(text=f"{r.code} {r.title}", code=r.uid) for r in family if r.uid != code.uid),
        source=f"{release}: DRG list, titles",
    )
