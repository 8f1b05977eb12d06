"""The sections of a code page, in the order the page shows them: the one list the template and the
"On this page" links both follow. Sections with nothing to say are left out."""

from typing import Any

# The seed page's sections (CPT 37188), in its order, then what the graph adds.
MONOGRAPH_SECTIONS = (
    ("name", "Name of the procedure"),
    ("summary", "Summary"),
    ("purpose", "Purpose"),
    ("indications", "Indications"),
    ("preparation", "Preparation"),
    ("procedure", "Procedure description"),
    ("duration", "Duration"),
    ("setting", "Setting"),
    ("personnel", "Personnel"),
    ("risks", "Risks and complications"),
    ("benefits", "Benefits"),
    ("recovery", "Recovery"),
    ("alternatives", "Alternatives"),
    ("experience", "Patient experience"),
)
GRAPH_SECTIONS = (("similar", "Similar codes"), ("neighbourhood", "Neighbourhood in the graph"))
CODING_SECTIONS = (
    ("characters", "The seven characters of {code}"),
    ("children", "Codes under {code}"),
    ("conditions", "Conditions coded with {code}"),
    ("index", "Index entries that lead here"),
    ("notes", "Coding notes"),
    ("related", "Related codes"),
    ("crosswalks", "Crosswalks to other code sets"),
    ("drugs", "Drugs it may use"),
    ("history", "Code history"),
)
# A generated explanation's summary, for a page without a monograph, and the prefix of its sections' ids.
OVERVIEW = ("overview", "Summary")
GENERATED_PREFIX = "explained-"
# Without a monograph the page leads with what the graph knows, then similar codes and the picture.
KNOWLEDGE_SECTIONS = ("indications", "setting", "personnel", "risks", "benefits", "alternatives")


def explained_sections(code: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(id, heading) of the generated explanation's sections; their ids never meet the page's own."""
    explanation = code.get("explanation")
    sections = explanation["sections"] if explanation else []
    return tuple((f"{GENERATED_PREFIX}{section['key']}", section["title"]) for section in sections)


def outline(code: dict[str, Any], has_notes: bool, has_related: bool) -> list[tuple[str, str]]:
    """(id, heading) of every section the page shows, in order."""
    monograph = code["monograph"]
    present = {
        "name": True,
        "summary": True,
        "purpose": True,
        "indications": bool(code["indications"]),
        "preparation": bool(monograph and monograph["preparation"]),
        "procedure": bool(monograph and monograph["steps"]),
        "duration": True,
        "setting": bool(code["settings"]),
        "personnel": bool(code["personnel"]),
        "risks": bool(code["risks"]),
        "benefits": bool(code["benefits"]),
        "recovery": bool(monograph and monograph["recovery"]),
        "alternatives": bool(code["alternatives"]),
        "experience": True,
        "characters": bool(code["axes"]),
        "children": bool(code["children"]["nodes"]),
        "conditions": bool(code["conditions"]),
        "notes": has_notes,
        "related": has_related,
        "crosswalks": any(mapping["code"] or mapping["noMap"] for mapping in code["mappings"]),
        "drugs": bool(code["drugs"]),
        "index": bool(code["indexEntries"]),
        "history": bool(code["history"]),
    }
    sections: tuple[tuple[str, str], ...]
    generated = explained_sections(code)
    if monograph:
        # The monograph is the page's explanation; the generated sections follow it, none of them a twin.
        sections = MONOGRAPH_SECTIONS + generated + GRAPH_SECTIONS + CODING_SECTIONS
    else:
        knowledge = tuple(s for s in MONOGRAPH_SECTIONS if s[0] in KNOWLEDGE_SECTIONS)
        overview = (OVERVIEW,) if code.get("explanation") else ()
        sections = overview + generated + knowledge + CODING_SECTIONS + GRAPH_SECTIONS
    return [(key, heading.format(code=code["code"])) for key, heading in sections if present.get(key, True)]
