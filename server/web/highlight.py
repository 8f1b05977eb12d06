"""Search highlights as HTML: the text escaped, each matched range wrapped in <mark>."""

from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape


def mark_ranges(text: str, ranges: Iterable[Mapping[str, int]]) -> Markup:
    """Escape `text` and wrap the character ranges `[start, end)` in <mark>, merging overlaps.

    Ranges come from the API; out-of-bounds or empty ones are clipped or dropped rather than trusted.
    """
    spans = sorted((max(0, r["start"]), min(len(text), r["end"])) for r in ranges if r["end"] > r["start"])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    parts: list[Markup] = []
    position = 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(Markup("<mark>%s</mark>") % text[start:end])
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)
