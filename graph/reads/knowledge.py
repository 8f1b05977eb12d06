"""Named reads of curated knowledge: a code's monograph and links, and concepts such as conditions."""

from dataclasses import dataclass, field
from typing import Any, LiteralString

from graph.driver import Graph
from graph.queries import knowledge as q


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    name: str
    synonyms: tuple[str, ...]
    description: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """A curated link to a shared concept (or, for `key`-only links, to a code uid) with its note."""

    concept: Concept | None
    key: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class CodeKnowledge:
    monograph: dict[str, Any] | None = None
    indications: list[Link] = field(default_factory=list)
    risks: list[Link] = field(default_factory=list)
    benefits: list[Link] = field(default_factory=list)
    personnel: list[Link] = field(default_factory=list)
    settings: list[Link] = field(default_factory=list)
    treatment_alternatives: list[Link] = field(default_factory=list)
    code_alternatives: list[Link] = field(default_factory=list)
    drugs: list[Link] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    related_from: list[Link] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ConditionRow:
    concept: Concept
    codes: list[str]
    procedures: list[str]


def code_knowledge(graph: Graph, uids: list[str]) -> dict[str, CodeKnowledge]:
    found = {}
    for row in graph.read(q.CODE_KNOWLEDGE, uids=uids):
        found[row["uid"]] = CodeKnowledge(
            monograph=row["monographs"][0] if row["monographs"] else None,
            indications=_links(row["indications"]),
            risks=_links(row["risks"]),
            benefits=_links(row["benefits"]),
            personnel=_links(row["personnel"]),
            settings=_links(row["settings"]),
            treatment_alternatives=_links(row["treatmentAlternatives"]),
            code_alternatives=_links(row["codeAlternatives"]),
            drugs=_links(row["drugs"]),
            related=_links(row["related"]),
            related_from=_links(row["relatedFrom"]),
        )
    return found


def lineage_conditions(graph: Graph, uids: list[str]) -> dict[str, list[str]]:
    """The keys of the conditions coded as each code or an ancestor: the code's own first, then each level's
    up the hierarchy, by key within a level; each once."""
    found: dict[str, list[str]] = {}
    for row in sorted(
        graph.read_collected(q.LINEAGE_CONDITIONS, uids=uids),
        key=lambda row: (row["uid"], row["distance"], row["key"]),
    ):
        keys = found.setdefault(row["uid"], [])
        if row["key"] not in keys:
            keys.append(row["key"])
    return found


def conditions_by_key(graph: Graph, keys: list[str]) -> dict[str, ConditionRow]:
    return {
        row["concept"]["key"]: ConditionRow(
            concept=concept(row["concept"]),
            codes=sorted(row["codes"]),
            procedures=sorted(row["procedures"]),
        )
        for row in graph.read(q.CONDITIONS_BY_KEY, keys=keys)
    }


# The concept kinds other than Condition (conditions_by_key reads what their pages show) by their label.
_BY_KEY: dict[str, LiteralString] = {
    "Risk": q.RISKS_BY_KEY,
    "Benefit": q.BENEFITS_BY_KEY,
    "PersonnelRole": q.ROLES_BY_KEY,
    "Setting": q.SETTINGS_BY_KEY,
    "Treatment": q.TREATMENTS_BY_KEY,
    "Drug": q.DRUGS_BY_KEY,
}


def concepts_by_ref(graph: Graph, refs: list[str]) -> dict[str, Concept]:
    """Concepts by "<Label>:<key>" (Risk:bleeding), one read per label asked for; unknown labels find none."""
    wanted: dict[str, list[str]] = {}
    for ref in refs:
        kind, _, key = ref.partition(":")
        wanted.setdefault(kind, []).append(key)
    found: dict[str, Concept] = {}
    for kind, keys in wanted.items():
        if kind == "Condition":
            found |= {f"{kind}:{key}": row.concept for key, row in conditions_by_key(graph, keys).items()}
        elif kind in _BY_KEY:
            rows = graph.read(_BY_KEY[kind], keys=keys)
            found |= {f"{kind}:{row['concept']['key']}": concept(row["concept"]) for row in rows}
    return found


def drug_codes(graph: Graph, keys: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in graph.read(q.DRUG_CODES, keys=keys):
        found.setdefault(row["key"], []).append(row["code"])
    return found


def billable_codes_of_conditions(graph: Graph, keys: list[str]) -> dict[str, dict[str, list[str]]]:
    """By condition key: each code it is coded as, with the uids of its billable codes in code order."""
    found: dict[str, dict[str, list[str]]] = {}
    for row in graph.read(q.BILLABLE_CODES_OF_CONDITIONS, keys=keys):
        found.setdefault(row["key"], {}).setdefault(row["coded"], []).append(row["uid"])
    return found


def condition_keys(graph: Graph) -> list[str]:
    return [row["key"] for row in graph.read(q.CONDITION_KEYS)]


def concept(props: dict[str, Any]) -> Concept:
    return Concept(
        key=props["key"],
        name=props["name"],
        synonyms=tuple(props.get("synonyms") or ()),
        description=props.get("description"),
    )


def _links(rows: list[dict[str, Any]]) -> list[Link]:
    """Links in their curated order; a link to a concept carries its name, a link to a code only its uid."""
    ordered = sorted(rows, key=lambda row: (row.get("rank") or 0, row["key"]))
    return [
        Link(concept=concept(row) if "name" in row else None, key=row["key"], note=row.get("note"))
        for row in ordered
    ]
