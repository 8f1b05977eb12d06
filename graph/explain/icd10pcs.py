"""ICD-10-PCS codes explained from CMS's Tables, Definitions and Index, character by character.

What is done (the 3rd character and CMS's definition of it), to what (the 4th, with the body parts CMS's key
counts as it), how (the 5th: the approach, or what the section puts there), with what (the 6th and 7th), where
the code sits, the index words that lead to it, and the codes that differ from it only in how or with what.
Every section's axis titles come from the code's own section, so imaging, administration or obstetrics codes
read as theirs, not as surgery.
"""

import re

from graph.explain.model import Explanation, Item, Section
from graph.explain.notice import generated_notice
from graph.explain.pcs_operations import PLAIN_DEFINITIONS
from graph.explain.pcs_wording import APPROACHES, axis_noun, body_part, is_none, plain
from graph.explain.sentences import lower_first, paragraph, sentence
from graph.reads.pcs_axes import AxisRow
from graph.reads.pcs_explain import PcsFacts

TABLES = "CMS ICD-10-PCS Tables"
DEFINITIONS = "CMS ICD-10-PCS Definitions"
# Axis titles that name a place on the body: the summary says "done on the …" for them.
BODY_AXES = frozenset({"Body Part", "Body Region", "Body System / Region", "Treatment Site"})
MAX_WORDS = 40
_CLAUSES = re.compile(r"(?<=[.;])\s+")


def explain_pcs(facts: PcsFacts) -> Explanation:
    axes = {axis.position: axis for axis in facts.axes}
    sources: tuple[str, ...] = (f"ICD-10-PCS {facts.release} (CMS) tables and definitions",)
    if facts.index:
        sources = (*sources, facts.index.source)
    sections = (
        _what(axes[3]),
        _to_what(axes[4]),
        _how(axes[5]),
        _with_what(axes[6], axes[7]),
        _where(facts, axes),
        _index(facts),
        _similar(facts, axes),
    )
    return Explanation(
        summary=_summary(facts, axes),
        sections=tuple(section for section in sections if section.text),
        generated_from=sources,
        notice=generated_notice(sources),
    )


def _summary(facts: PcsFacts, axes: dict[int, AxisRow]) -> str:
    operation, target, approach = axes[3], axes[4], axes[5]
    how = APPROACHES.get(approach.label, "") if approach.title == "Approach" else ""
    if target.title in BODY_AXES and not is_none(target.label):
        place = f"It is done on the {body_part(target.label)}{f', {how}' if how else ''}"
    else:
        place = f"It is done {how}" if how else _is(target)
    return paragraph(
        f"{facts.code} is an ICD-10-PCS code in the {plain(axes[1].label)} section: {plain(facts.title)}",
        _short(f"{plain(operation.label)} means {_plainly(operation.definition)}")
        if operation.definition
        else "",
        place,
    )


def _what(operation: AxisRow) -> Section:
    plainly = PLAIN_DEFINITIONS.get(operation.definition or "")
    return Section(
        key="what",
        title="What is done",
        text=paragraph(
            f"The {axis_noun(operation.title)} is {plain(operation.label)}: {plainly}"
            if plainly
            else _is(operation),
            _short(f"CMS defines it as {lower_first(operation.definition or '')}") if plainly else "",
            *_clauses(operation.explanation),
            f"CMS gives as examples: {lower_first('; '.join(operation.includes))}"
            if operation.includes
            else "",
        ),
        source=f"{DEFINITIONS}: {operation.title.lower()} {operation.label}"
        if operation.definition
        else f"{TABLES}: 3rd character ({operation.title})",
    )


def _to_what(target: AxisRow) -> Section:
    named = body_part(target.label)
    return Section(
        key="to-what",
        title="To what",
        text=paragraph(
            _is(target),
            *_clauses(target.explanation),
            f"CMS's body part key counts these as the {named} too" if target.includes else "",
        ),
        items=tuple(Item(text=name) for name in target.includes),
        source=f"{TABLES}: 4th character ({target.title})"
        + (f"; {DEFINITIONS}: body part key" if target.includes else ""),
    )


def _how(approach: AxisRow) -> Section:
    how = APPROACHES.get(approach.label) if approach.title == "Approach" else None
    return Section(
        key="how",
        title="How",
        text=paragraph(
            f"It is done {how}" if how else "",
            _is(approach) if not how else "",
            # The longest definition (with percutaneous endoscopic assistance) is a sentence of 40 words: it
            # stays in the table of characters, the plain words say it here.
            _short(f"CMS defines the {plain(approach.label)} approach as {lower_first(approach.definition)}")
            if how and approach.definition
            else "",
        ),
        source=f"{DEFINITIONS}: approach {approach.label}"
        if how
        else f"{TABLES}: 5th character ({approach.title})",
    )


def _with_what(device: AxisRow, qualifier: AxisRow) -> Section:
    return Section(
        key="with-what",
        title="With what",
        text=paragraph(
            *_six_and_seven(device, qualifier),
            # The device key is one list for the whole of ICD-10-PCS, not per body system: it says so.
            f"CMS's device key lists these products as {plain(device.label)}, "
            "wherever in the body they are used"
            if device.includes
            else "",
        ),
        items=tuple(Item(text=name) for name in device.includes),
        source=f"{TABLES}: 6th character ({device.title}), 7th character ({qualifier.title})"
        + (f"; {DEFINITIONS}: device key" if device.includes else ""),
    )


def _six_and_seven(device: AxisRow, qualifier: AxisRow) -> list[str]:
    """Imaging and other sections title both the 6th and 7th character "Qualifier": of two alike, the one
    that names nothing is left out, and "no qualifier" is said once."""
    if device.title != qualifier.title:
        return [_is(device), _is(qualifier)]
    named = [axis for axis in (device, qualifier) if not is_none(axis.label)]
    return [_is(axis) for axis in named] or [_is(qualifier)]


def _where(facts: PcsFacts, axes: dict[int, AxisRow]) -> Section:
    section, system = axes[1], axes[2]
    return Section(
        key="where",
        title="Where it sits in ICD-10-PCS",
        text=paragraph(
            f"It is in section {section.character}, {plain(section.label)}; body system {system.character}, "
            f"{plain(system.label)}; and table {facts.table.code}, {plain(facts.table.title)}",
            f"All codes of the table start with {facts.table.code}",
        ),
        items=(
            Item(text=f"Section {section.character}: {section.label}", code=f"ICD10PCS:{section.character}"),
            Item(text=f"Body system {facts.code[:2]}: {system.label}", code=f"ICD10PCS:{facts.code[:2]}"),
            Item(text=f"Table {facts.table.code}: {facts.table.title}", code=facts.table.uid),
        ),
        source=TABLES,
    )


def _index(facts: PcsFacts) -> Section:
    if facts.index is None:
        return Section(key="words", title="The words people use for it", text="", source="")
    return Section(
        key="words",
        title="The words people use for it",
        text=paragraph("These entries of the ICD-10-PCS Index lead a coder to this code"),
        items=tuple(Item(text=term) for term in facts.index.terms),
        source=facts.index.source,
    )


def _similar(facts: PcsFacts, axes: dict[int, AxisRow]) -> Section:
    return Section(
        key="similar",
        title="Codes beside it in its table",
        text=paragraph(
            f"These codes of table {facts.table.code} share the same {axis_noun(axes[3].title)} and "
            f"{axis_noun(axes[4].title)}; they differ in the last three characters"
        )
        if facts.similar
        else "",
        items=tuple(Item(text=f"{other.code}: {other.title}", code=other.uid) for other in facts.similar),
        source=TABLES,
    )


def _is(axis: AxisRow) -> str:
    """One character's meaning in a sentence: "The approach is percutaneous", "The code names no device"."""
    noun = axis_noun(axis.title)
    if is_none(axis.label):
        return f"The code names no {noun}"
    named = body_part(axis.label) if axis.title in BODY_AXES else plain(axis.label)
    article = "the " if axis.title in BODY_AXES else ""
    named = f"The {noun} is {article}{named}"
    if not axis.definition:
        return sentence(named)
    definition = lower_first(axis.definition)
    return _short(f"{named}: {definition}") or paragraph(named, _short(f"CMS defines it as {definition}"))


def _short(text: str) -> str:
    """`text`, or nothing when it is too long to read as one sentence: the page's table still gives it."""
    return text if len(text.split()) < MAX_WORDS else ""


def _plainly(definition: str) -> str:
    return PLAIN_DEFINITIONS.get(definition) or lower_first(definition)


def _clauses(text: str | None) -> list[str]:
    """CMS's explanations join clauses with semicolons; each becomes a sentence of its own."""
    return [part.rstrip(";") for part in _CLAUSES.split(text or "") if part.strip()]
