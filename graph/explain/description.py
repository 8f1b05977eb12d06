"""The section generated explanations open their facts with: the official long and short titles, quoted."""

from graph.explain.model import Section
from graph.explain.sentences import paragraph, quoted
from graph.reads.codes import CodeRow


def official_description(code: CodeRow, source: str) -> Section:
    """The code's official description and short name, credited to `source` (the file they were read from)."""
    return Section(
        key="description",
        title="What the code describes",
        text=paragraph(
            f"The official description reads {quoted(code.title)}",
            f"Its short name is {quoted(code.short_title)}" if code.short_title else "",
        ),
        source=source,
    )
