"""A coding note's text with the codes and ranges it names turned into links to the codes the graph resolved.

The graph resolves each mention of a note to codes of the release (graph.importers.icd10cm_xml): a code to
itself, a range to its block ("P70-P74") or, when no block spans it exactly, to the fewest chapters, blocks
and codes that make it up ("P04-P96" → P04, P05-P08, … P90-P96). The text still says the range, so a range
whose block or chapter the graph has links whole, and one made of several parts links each end to the part
that holds it; a code links only to a code the graph resolved, never to a guess.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from graph.model import ICD10CM_CODE
from server.web.systems import code_url

# A range between two codes: `A00-B99`, `O00--O9A`, `S06.1- to S06.6-` (a code's `.-` / `-` is left as text).
_RANGE_JOIN = r"(?:\.?-)?\s*(?:-{1,2}|\bto\b)\s*"
# The range a chapter's (or a heading block's) title ends with: "Certain infectious … (A00-B99)".
_TITLE_RANGE = re.compile(rf"\(({ICD10CM_CODE})-({ICD10CM_CODE})\)\s*$")
# A code or a range the text names. One pattern for every note: which of its mentions the graph resolved is
# looked up per mention (a block's code is its range, "P70-P74"). A pattern made of each note's own targets
# was compiled for every note the regex cache had not seen: about 100 µs a note, 4.7 ms an ICD-10-CM page;
# with one pattern a note takes 10 µs.
_MENTION = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<first>{ICD10CM_CODE})(?:(?P<join>{_RANGE_JOIN})(?P<last>{ICD10CM_CODE}))?"
    rf"(?![A-Za-z0-9])"
)


@dataclass(frozen=True, slots=True)
class _Target:
    """A resolved code and the codes it spans: itself, or from `low` to `high` for a block or a chapter."""

    code: Mapping[str, Any]
    low: str
    high: str
    exact: bool

    def holds(self, mention: str) -> bool:
        if self.exact:
            # A code holds the codes below it: "B76.0-B76.9", which the graph resolved to category B76.
            return len(mention) > len(self.low) and mention.startswith(self.low)
        return self.low[:3] <= mention[:3] <= self.high[:3]


def link_codes(text: str, targets: Iterable[Mapping[str, Any]]) -> Markup:
    """The note's text, escaped, with each code and range it names linked; lines of one note (the texts of
    one 7th character) are joined with "; " as the tabular prints them side by side."""
    text = "; ".join(line.strip() for line in text.splitlines() if line.strip())
    spans = [_span(target) for target in targets]
    if not spans:
        return escape(text)
    parts: list[Markup] = []
    position = 0
    for match in _MENTION.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(_linked(match, spans))
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def _linked(match: re.Match[str], spans: list[_Target]) -> Markup:
    first, last = match["first"], match["last"]
    if last is None:
        return _link(first, _holder(first, spans))
    # A block's code is its range ("P70-P74"), so its span is (low, high) too: one lookup finds either.
    whole = next((s for s in spans if not s.exact and (s.low, s.high) == (first, last)), None)
    if whole is not None:
        return _link(match[0], whole)
    return _link(first, _holder(first, spans)) + escape(match["join"]) + _link(last, _holder(last, spans))


def _holder(mention: str, spans: list[_Target]) -> _Target | None:
    exact = next((s for s in spans if s.code["code"] == mention), None)
    if exact is not None:
        return exact
    # The nearest part holding it: of nested ranges (a block in its chapter) the one starting last, then
    # ending first.
    holding = sorted((span for span in spans if span.holds(mention)), key=lambda s: s.high)
    holding.sort(key=lambda s: s.low, reverse=True)
    return holding[0] if holding else None


def _link(text: str, target: _Target | None) -> Markup:
    if target is None:
        return escape(text)
    code = target.code
    return Markup('<a href="%s" title="%s">%s</a>') % (
        code_url(code["system"], code["code"]),
        code.get("title") or "",
        text,
    )


def _span(target: Mapping[str, Any]) -> _Target:
    code = str(target["code"])
    low, _, high = code.partition("-")
    if high and re.fullmatch(ICD10CM_CODE, low) and re.fullmatch(ICD10CM_CODE, high):
        return _Target(target, low, high, exact=False)
    titled = _TITLE_RANGE.search(str(target.get("title") or ""))
    if titled and not re.fullmatch(ICD10CM_CODE, code):
        return _Target(target, titled[1], titled[2], exact=False)  # a chapter, keyed by its number
    return _Target(target, code, code, exact=True)
