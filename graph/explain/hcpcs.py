"""HCPCS Level II codes explained from the CMS workbook's own columns (kept on the code by the importer).

What kind of item or service (the code's range and BETOS category), the description, the billing unit,
Medicare coverage and pricing, the dates, and for a terminated code the codes CMS points to instead.
"""

from collections.abc import Mapping

from graph.explain import hcpcs_terms as terms
from graph.explain.description import official_description
from graph.explain.hcpcs_units import billing_unit
from graph.explain.model import Explanation, Item, Section
from graph.explain.notice import generated_notice
from graph.explain.sentences import listing, lower_first, paragraph, plain_date, quoted
from graph.reads.codes import CodeRow
from graph.reads.explain import Reference

WORKBOOK = "CMS HCPCS Level II workbook"
DATES_SOURCE = f"{WORKBOOK}: ADD DT, ACT EFF DT, TERM DT"


def explain_hcpcs(code: CodeRow, references: Mapping[str, Reference]) -> Explanation:
    """`references`: the codes the workbook's cross-reference columns name, by code (those in the graph)."""
    source = f"CMS HCPCS Level II, {code.properties.get('release') or 'unknown'} release"
    if code.kind == "modifier":
        summary, sections = _modifier(code)
    elif code.kind == "group":
        summary, sections = _group(code)
    else:
        summary, sections = _procedure(code, references)
    return Explanation(
        summary=summary, sections=sections, generated_from=(source,), notice=generated_notice((source,))
    )


def _procedure(code: CodeRow, references: Mapping[str, Reference]) -> tuple[str, tuple[Section, ...]]:
    props = code.properties
    kind = _range_of(code.code)
    unit = billing_unit(code.title)
    replaced = _cross_references(code, references)
    summary = paragraph(
        f"{code.code} is a HCPCS Level II code for {kind}"
        if kind
        else f"{code.code} is a HCPCS Level II code",
        f"It stands for: {lower_first(code.title)}",
        _status(code, replaced),
    )
    sections = [
        Section(
            key="kind",
            title="What kind of item or service",
            text=paragraph(
                f"Codes from {_range_bounds(code.code)} are for {kind}" if kind else "",
                f"Medicare's BETOS grouping puts it under {terms.BETOS[props['betos']]}"
                if props.get("betos") in terms.BETOS
                else "",
            ),
            source=f"{WORKBOOK}: code range, BETOS",
        ),
        official_description(code, f"{WORKBOOK}: LONG DESCRIPTION, SHORT DESCRIPTION"),
        Section(
            key="units",
            title="How it is counted",
            text=paragraph(f"Each unit of this code stands for {_one(unit)}") if unit else "",
            source=f"{WORKBOOK}: LONG DESCRIPTION",
        ),
        _coverage(code),
        Section(key="dates", title="Dates", text=_dates(code), source=DATES_SOURCE),
        Section(
            key="replacement",
            title="Use instead" if not code.active else "Cross-references",
            text=paragraph(
                "CMS points to these codes for this item or service"
                if not code.active
                else "CMS lists these codes as cross-references of this one"
            )
            if replaced
            else "",
            items=replaced,
            source=f"{WORKBOOK}: XREF1-XREF5",
        ),
    ]
    return summary, tuple(section for section in sections if section.text)


def _status(code: CodeRow, replaced: tuple[Item, ...]) -> str:
    if code.active:
        return ""
    ended = f"It was terminated on {plain_date(code.termination_date or '')}"
    if replaced:
        return f"{ended}; CMS points to {listing([item.text.split(':', 1)[0] for item in replaced])} instead"
    return ended


def _coverage(code: CodeRow) -> Section:
    props = code.properties
    pricing = [
        terms.PRICING[value]
        for n in range(1, 5)
        if (value := props.get(f"pricing_indicator_{n}")) in terms.PRICING
    ]
    services = [
        terms.TYPE_OF_SERVICE[value]
        for n in range(1, 6)
        if (value := props.get(f"type_of_service_{n}")) in terms.TYPE_OF_SERVICE
    ]
    multiple = props.get("multiple_pricing_indicator")
    text = paragraph(
        terms.COVERAGE.get(props.get("coverage") or "", ""),
        f"For pricing, {listing(list(dict.fromkeys(pricing)))}" if pricing else "",
        f"For pricing, {terms.MULTIPLE_PRICING[multiple]}" if multiple == "C" else "",
        "Medicare's types of service for it are listed below" if services else "",
    )
    return Section(
        key="coverage",
        title="Medicare coverage and pricing",
        text=text,
        items=tuple(Item(text=f"Type of service: {service}") for service in services),
        source=f"{WORKBOOK}: COV, PRICE1-PRICE4, MULT_PI, TOS1-TOS5",
    )


def _dates(code: CodeRow) -> str:
    added = code.properties.get("added_date")
    return paragraph(
        f"It was added to HCPCS on {plain_date(added)}" if added else "",
        f"Its current record took effect on {plain_date(code.effective_date)}"
        if code.active and code.effective_date and code.effective_date.replace("-", "") != added
        else "",
        f"It was terminated on {plain_date(code.termination_date)} and is no longer valid for billing"
        if code.termination_date and not code.active
        else "",
    )


def _cross_references(code: CodeRow, references: Mapping[str, Reference]) -> tuple[Item, ...]:
    named = [value for n in range(1, 6) if (value := code.properties.get(f"cross_reference_{n}"))]
    items = []
    for other in named:
        found = references.get(other)
        text = f"{other}: {found.title}" if found else other
        items.append(Item(text=text, code=found.uid if found else None))
    return tuple(items)


def _one(unit: str) -> str:
    """`per 1 mg` → `1 mg`, `per square centimeter` → `one square centimeter`, `up to 25 mg` as it is."""
    size = unit.removeprefix("per ")
    return size if not size[:1].isalpha() or unit.startswith("up to") else f"one {size}"


def _range_of(code: str) -> str:
    for first, last, meaning in terms.RANGES:
        if first <= code <= last:
            return meaning
    return ""


def _range_bounds(code: str) -> str:
    first, last = next((f, la) for f, la, _ in terms.RANGES if f <= code <= la)
    return f"{first} to {last}"


def _modifier(code: CodeRow) -> tuple[str, tuple[Section, ...]]:
    summary = paragraph(
        f"{code.code} is a HCPCS Level II modifier: two characters added after a code to tell more about the "
        "service",
        f"It means: {lower_first(code.title)}",
    )
    return summary, (
        Section(
            key="description",
            title="What the modifier says",
            text=paragraph(f"The official description reads {quoted(code.title)}"),
            source=f"{WORKBOOK}: LONG DESCRIPTION",
        ),
        Section(key="dates", title="Dates", text=_dates(code), source=DATES_SOURCE),
    )


def _group(code: CodeRow) -> tuple[str, tuple[Section, ...]]:
    if code.code == "Modifiers":
        return paragraph("This group holds the HCPCS Level II modifiers"), ()
    letter = code.code[0]
    ranges = [
        Item(text=f"{first} to {last}: {meaning}")
        for first, last, meaning in sorted(terms.RANGES)
        if first[0] == letter
    ]
    summary = paragraph(f"This group holds the HCPCS Level II codes starting with {letter}")
    return summary, (
        Section(
            key="kind",
            title="What kind of item or service",
            text=paragraph(f"The codes starting with {letter} are for these kinds of items and services"),
            items=tuple(ranges),
            source=f"{WORKBOOK}: code ranges",
        ),
    )
