"""ICD-10-PCS sections, body systems and tables explained from the order file's own outline.

A heading has no seven characters to explain: what it is, where it sits and how many codes it holds is what
the data says of it, and all a generated page may say.
"""

from graph.explain.model import Explanation, Item, Section
from graph.explain.notice import generated_notice
from graph.explain.sentences import paragraph
from graph.importers.records import CodeKind
from graph.reads.codes import CodeRow

ORDER_FILE = "CMS ICD-10-PCS order file"
_LEVEL = {
    CodeKind.SECTION: ("section", "the first character", "body systems"),
    CodeKind.BODY_SYSTEM: ("body system", "the first two characters", "tables"),
    CodeKind.TABLE: ("table", "the first three characters", "codes"),
}


def explain_pcs_heading(code: CodeRow, ancestors: list[CodeRow], below: int) -> Explanation | None:
    """`ancestors` nearest first; `below`: how many codes sit one level under the heading."""
    if code.kind not in _LEVEL:
        return None
    level, characters, held = _LEVEL[code.kind]
    source = f"ICD-10-PCS {code.properties.get('release') or ''} (CMS) order file".replace("  ", " ")
    summary = paragraph(
        f"{code.code} is an ICD-10-PCS {level}: {code.title}",
        f"It is a heading, not a code to report: every code that starts with {code.code} sits under it",
        f"It holds {below} {held}" if below else "",
    )
    sections = (
        Section(
            key="heading",
            title="What this heading is",
            text=paragraph(
                f"In ICD-10-PCS, {characters} of a code name its {level}",
                f"A code to report has seven characters; {code.code} names only {characters}",
            ),
            source=f"{ORDER_FILE}: header rows",
        ),
        Section(
            key="place",
            title="Where it sits in ICD-10-PCS",
            text=paragraph(f"{code.code} sits under {', '.join(a.code for a in reversed(ancestors))}")
            if ancestors
            else paragraph(f"{code.code} is one of the sections at the top of ICD-10-PCS"),
            source=f"{ORDER_FILE}: header rows",
            items=tuple(Item(text=f"{a.code}: {a.title}", code=a.uid) for a in reversed(ancestors)),
        ),
    )
    return Explanation(
        summary=summary, sections=sections, generated_from=(source,), notice=generated_notice((source,))
    )
