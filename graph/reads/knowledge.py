"""Named reads of curated knowledge: a code's monograph and links, and concepts such as conditions."""

from dataclasses import dataclass, field
from typing import Any

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
    coded_conditions: list[str] = field(default_factory=list)


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
            coded_conditions=sorted(row["codedConditions"]),
        )
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
