"""Similar codes: graph evidence first, each piece explained in words (docs/similar-codes.md: the numbers).

Evidence about a code, each piece a (candidate, weight, reason): explicit curated relations in both
directions (repeat-of, add-on, alternative, crosswalk), shared curated concepts weighted by how rare they
are, the place in the hierarchy (siblings, PCS codes one axis value apart, ICD-10-CM cousins), notes that
ask for another code, the condition or drug that codes it, then title terms among the hierarchy's
candidates. A candidate's evidence is merged: the same reason counts once, different reasons add up.
"""

import math
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from graph.driver import Graph
from graph.model import System
from graph.queries import similar as q

MAX_FIRST = 100

SYSTEM_LABELS: dict[str, str] = {
    System.CPT: "CPT",
    System.HCPCS: "HCPCS",
    System.ICD10CM: "ICD-10-CM",
    System.ICD10PCS: "ICD-10-PCS",
    System.ICD9CM: "ICD-9-CM",
    System.MSDRG: "MS-DRG",
}
KIND_LABELS: dict[str, str] = {"body_system": "body system", "code": "base code"}

# RELATED {type}: (weight, phrase of an edge from this code, phrase of an edge to this code).
RELATED_PHRASES: dict[str, tuple[float, str, str]] = {
    "repeat-of": (10.0, "Repeat of {ref} on a later day", "Repeated on a later day as {ref}"),
    "initial-of": (9.0, "Continued by {ref}", "Continues {ref}"),
    "add-on-to": (8.0, "Add-on to {ref}", "Add-on: {ref}"),
    "follow-up-of": (7.0, "Follow-up to {ref}", "Followed up by {ref}"),
    "alternative": (5.0, "Alternative: {ref}", "Alternative: {ref}"),
}
RELATED_OTHER = (4.0, "Related ({type}): {ref}", "Related ({type}): {ref}")
ALTERNATIVE = 5.0
CROSSWALK, CROSSWALK_APPROXIMATE = 6.0, 4.0

# Shared curated concepts, by relationship: (weight of sharing all of them, singular, plural). A candidate
# earns the IDF-weighted share of the code's own concepts of that kind that it has too.
SHARED: dict[str, tuple[float, str, str]] = {
    "INDICATED_FOR": (2.0, "indication", "indications"),
    "HAS_RISK": (1.0, "risk", "risks"),
    "USES_DRUG": (0.75, "drug", "drugs"),
    "PERFORMED_BY": (0.25, "care-team role", "care-team roles"),
    "PERFORMED_IN": (0.25, "setting", "settings"),
}
SHARED_NAMES_SHOWN = 5

SIBLING, COUSIN, TITLE_TERMS = 2.0, 0.75, 1.0
WIDE_PARENT = 1.0  # a PCS table or an HCPCS group: only codes one character apart are candidates
PCS_AXES = ("ROOT_OPERATION", "BODY_PART", "APPROACH", "DEVICE", "QUALIFIER")  # code positions 3..7
PCS_AXIS_WEIGHTS: dict[str, float] = {"BODY_PART": 1.5, "APPROACH": 0.5, "DEVICE": 0.25, "QUALIFIER": 0.25}

NOTE = 0.6
NOTE_PHRASES: dict[str, str] = {
    "CODE_FIRST": "code first",
    "CODE_ALSO": "code also",
    "USE_ADDITIONAL": "use additional code",
}
SAME_CONDITION, SAME_DRUG, DRUG_USER = 1.2, 3.0, 1.5

_PCS_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # ICD-10-PCS never uses I or O
_HCPCS_CHARACTERS = string.digits + string.ascii_uppercase
_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about what a code is; numbers (doses, sizes) are dropped too.
_STOP_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "other", "per", "the"}
    | {"to", "with", "without", "mg", "ml", "unit", "units"}
)


@dataclass(frozen=True, slots=True)
class SimilarCode:
    uid: str
    score: float
    reasons: tuple[str, ...]  # strongest first


@dataclass(frozen=True, slots=True)
class Evidence:
    uid: str
    weight: float
    reason: str


def similar_codes(graph: Graph, uids: list[str], first: int = 10) -> dict[str, list[SimilarCode]]:
    """The `first` codes most like each of `uids`, best first (an unknown uid gets []).

    One statement whatever the number of uids.
    """
    if not 1 <= first <= MAX_FIRST:
        raise ValueError(f"first must be between 1 and {MAX_FIRST}, not {first}")
    wanted = list(dict.fromkeys(uids))
    places = [
        {"uid": uid, "siblings": not near, "neighbours": near}
        for uid, near in ((uid, neighbour_uids(uid)) for uid in wanted)
    ]

    result: dict[str, list[SimilarCode]] = {uid: [] for uid in wanted}
    for row in graph.read(q.SIMILAR_EVIDENCE, rows=places):
        evidence = [*curated_evidence(row), *place_evidence(row), *notes_and_concepts_evidence(row)]
        result[row["uid"]] = rank(evidence, excluded={row["uid"], *row["ancestors"]}, first=first)
    return result


def rank(evidence: Iterable[Evidence], excluded: set[str], first: int) -> list[SimilarCode]:
    """Merge per candidate (a reason stated twice counts once, at its highest weight), best first."""
    by_uid: dict[str, dict[str, float]] = {}
    for item in evidence:
        if item.uid in excluded:
            continue
        reasons = by_uid.setdefault(item.uid, {})
        reasons[item.reason] = max(item.weight, reasons.get(item.reason, 0.0))
    # Scored first, reasons ordered only for the few kept: a curated CPT code has hundreds of candidates.
    scores = sorted(((-round(sum(sorted(reasons.values())), 3), uid) for uid, reasons in by_uid.items()))
    return [
        SimilarCode(
            uid=uid,
            score=-negative,
            reasons=tuple(sorted(by_uid[uid], key=lambda reason: (-by_uid[uid][reason], reason))),
        )
        for negative, uid in scores[:first]
    ]


def neighbour_uids(uid: str) -> list[str]:
    """Candidates under a wide parent, spelled from the code: PCS codes one axis value apart in the same
    table, HCPCS codes differing in the last character. Empty when the parent's children are few enough
    to read (every other system and level)."""
    system, _, code = uid.partition(":")
    if system == System.ICD10PCS and len(code) == 7:
        return [
            f"{system}:{code[:i]}{ch}{code[i + 1 :]}"
            for i in range(3, 7)
            for ch in _PCS_CHARACTERS
            if ch != code[i]
        ]
    if system == System.HCPCS and len(code) in (2, 5):  # modifiers and codes
        return [f"{system}:{code[:-1]}{ch}" for ch in _HCPCS_CHARACTERS if ch != code[-1]]
    return []


def curated_evidence(row: dict[str, Any]) -> Iterator[Evidence]:
    yield from _link_evidence(row["links"])
    yield from _shared_evidence(row["shared"], population=row["curated"])


def place_evidence(row: dict[str, Any]) -> Iterator[Evidence]:
    code, parent, grandparent = row["code"], row["parent"], row["grandparent"]
    if parent is not None:
        for sibling in _candidates(row["siblings"], code):
            yield Evidence(sibling["uid"], SIBLING, _same(parent))
            yield from _title_evidence(code["title"], parent["title"], sibling)
        for near in _candidates(row["neighbours"], code):
            yield from _neighbour_evidence(code, parent, row["axes"], near)
    if grandparent is not None:
        for cousin in _candidates(row["cousins"], code):
            yield Evidence(cousin["uid"], COUSIN, _same(grandparent))
            yield from _title_evidence(code["title"], grandparent["title"], cousin)


def notes_and_concepts_evidence(row: dict[str, Any]) -> Iterator[Evidence]:
    for note in row["notes"]:
        phrase = f"{NOTE_PHRASES[note['rel']]} {note['code']}"
        holder = (
            "" if note["holder"] == row["uid"] else f" on {_kind(note['holderKind'])} {note['holderCode']}"
        )
        yield Evidence(note["uid"], NOTE, f"Note{holder}: {phrase}")
    for condition in row["conditions"]:
        # Relative to a condition coded as one code, so that the weight stays at most SAME_CONDITION however
        # many conditions the seeds hold: it never outranks a sibling (2.0) or an explicit relation.
        population = row["conditionLinks"]
        weight = SAME_CONDITION * idf(condition["df"], population) / idf(1, population)
        for other in condition["codes"]:
            yield Evidence(other["uid"], weight, f"Codes the same condition: {condition['name']}")
    for drug in row["drugs"]:
        for other in drug["codes"]:
            yield Evidence(other["uid"], SAME_DRUG, f"Codes the same drug: {drug['name']}")
        for user in drug["users"]:
            yield Evidence(user["uid"], DRUG_USER, f"Procedure that uses {drug['name']}")


def idf(df: int, population: int) -> float:
    """BM25's inverse document frequency: a concept few codes share says more than one most codes share."""
    population = max(population, df)
    return math.log(1 + (population - df + 0.5) / (df + 0.5))


def _link_evidence(links: list[dict[str, Any]]) -> Iterator[Evidence]:
    # Both ends of a pair often state their link (37188 repeat-of 37187, 37187 initial-of 37188): the
    # code's own statement speaks for the pair, so a RELATED edge in is read only when none goes out.
    related_out = {link["uid"] for link in links if link["rel"] == "RELATED" and link["outgoing"]}
    for link in links:
        ref = _ref(link)
        if link["rel"] == "MAPS_TO":
            if link["approximate"]:
                yield Evidence(link["uid"], CROSSWALK_APPROXIMATE, f"Crosswalk (approximate): {ref}")
            else:
                yield Evidence(link["uid"], CROSSWALK, f"Crosswalk: {ref}")
        elif link["rel"] == "HAS_ALTERNATIVE":
            yield Evidence(link["uid"], ALTERNATIVE, f"Alternative: {ref}")
        elif link["outgoing"] or link["uid"] not in related_out:
            weight, out, into = RELATED_PHRASES.get(link["type"], RELATED_OTHER)
            phrase = out if link["outgoing"] else into
            yield Evidence(link["uid"], weight, phrase.format(ref=ref, type=link["type"]))


def _shared_evidence(shared: list[dict[str, Any]], population: int) -> Iterator[Evidence]:
    own: dict[str, float] = {}  # relationship -> IDF of all the code's own concepts of that kind
    found: dict[tuple[str, str], list[tuple[float, str]]] = {}  # (candidate, relationship) -> [(IDF, name)]
    for concept in shared:
        rarity = idf(len(concept["others"]) + 1, population)
        own[concept["rel"]] = own.get(concept["rel"], 0.0) + rarity
        for other in concept["others"]:  # uids: a shared concept's codes are many (a setting has hundreds)
            found.setdefault((other, concept["rel"]), []).append((rarity, concept["name"]))
    for (uid, rel), concepts in found.items():  # in any order: rank() merges by candidate
        weight, singular, plural = SHARED[rel]
        concepts.sort(key=lambda item: (-item[0], item[1]))  # rarest first
        names = [name for _, name in concepts]
        shown = ", ".join(names[:SHARED_NAMES_SHOWN]) + (" …" if len(names) > SHARED_NAMES_SHOWN else "")
        noun = singular if len(names) == 1 else plural
        share = sum(rarity for rarity, _ in concepts) / own[rel]
        yield Evidence(uid, weight * share, f"Shares {len(names)} {noun}: {shown}")


def _neighbour_evidence(
    code: dict[str, Any], parent: dict[str, Any], axes: list[dict[str, Any]], near: dict[str, Any]
) -> Iterator[Evidence]:
    if code["system"] != System.ICD10PCS:
        where = f"{_kind(parent['kind'])} {parent['code']}"
        yield Evidence(near["uid"], WIDE_PARENT, f"Neighbouring code ({near['code'][:-1]}…) in {where}")
        yield from _title_evidence(code["title"], parent["title"], near)
        return
    yield Evidence(near["uid"], WIDE_PARENT, _same(parent))
    meanings = {axis["rel"]: axis for axis in axes}
    shared = [rel for i, rel in enumerate(PCS_AXES, start=2) if code["code"][i] == near["code"][i]]
    spoken = [
        f"{meanings[rel]['axis'].lower()} ({meanings[rel]['meaning']})"
        for rel in shared
        if rel in meanings and not _absent(meanings[rel])
    ]
    # Sharing "No Device" or "No Qualifier" says nothing the two have in common: weighed, it tied 0SRD06Z
    # (another device, no qualifier either) with 0SRD0J9 (the same device, cemented) for 0SRD0JZ.
    weight = sum(PCS_AXIS_WEIGHTS.get(rel, 0.0) for rel in shared if not _absent(meanings.get(rel)))
    if spoken:
        yield Evidence(near["uid"], weight, f"Same {_join(spoken)}")


def _absent(axis: dict[str, Any] | None) -> bool:
    """An axis value that says the code has none ("No Device", "No Qualifier")."""
    return axis is not None and str(axis["meaning"]).startswith("No ")


def _title_evidence(title: str, common_title: str, candidate: dict[str, Any]) -> Iterator[Evidence]:
    """Words the two titles share beyond what their common ancestor's title already says."""
    common = set(_terms(common_title))
    own = [term for term in dict.fromkeys(_terms(title)) if term not in common]
    theirs = set(_terms(candidate["title"]))
    shared = [term for term in own if term in theirs]
    if shared:
        weight = TITLE_TERMS * len(shared) / len(own)
        yield Evidence(candidate["uid"], weight, f"Title terms in common: {', '.join(shared)}")


def _terms(title: str) -> list[str]:
    return [word for word in _WORD.findall(title.lower()) if word not in _STOP_WORDS and not word.isdigit()]


def _same(node: dict[str, Any]) -> str:
    # Block titles end with their range ("… (I80-I89)"), which the reason already names.
    title = node["title"].removesuffix(f" ({node['code']})")
    return f"Same {_kind(node['kind'])} {node['code']} ({title})"


def _kind(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def _ref(code: dict[str, Any]) -> str:
    return f"{SYSTEM_LABELS.get(code['system'], code['system'])} {code['code']}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _candidates(codes: list[dict[str, Any]], code: dict[str, Any]) -> list[dict[str, Any]]:
    # A terminated HCPCS code is still a page, but no suggestion for a code in use; for a terminated code
    # its terminated siblings are what it is like (G6020's G6024 and G6025 were retired with it).
    if code.get("active") is False:
        return codes
    return [other for other in codes if other.get("active") is not False]
