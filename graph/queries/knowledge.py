"""Reads of curated knowledge for the API, batched by code uid or by concept key.

Links come back as flat maps: the embedded engine drops the other keys of a map literal that nests a map
projection (`{concept: n {.key}, note: r.note}` returns only the projection), so none is nested.
"""

from typing import LiteralString

CODE_KNOWLEDGE = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN uid,
  [(c)-[:HAS_MONOGRAPH]->(m:Monograph) | m {.*}] AS monographs,
  [(c)-[r:INDICATED_FOR]->(n:Condition) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.note, rank: r.rank}] AS indications,
  [(c)-[r:HAS_RISK]->(n:Risk) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.note, rank: r.rank}] AS risks,
  [(c)-[r:HAS_BENEFIT]->(n:Benefit) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.note, rank: r.rank}] AS benefits,
  [(c)-[r:PERFORMED_BY]->(n:PersonnelRole) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.involvement, rank: r.rank}] AS personnel,
  [(c)-[r:PERFORMED_IN]->(n:Setting) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.note, rank: r.rank}] AS settings,
  [(c)-[r:HAS_ALTERNATIVE]->(n:Treatment) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: r.note, rank: r.rank}] AS treatmentAlternatives,
  [(c)-[r:HAS_ALTERNATIVE]->(n:Code) | {key: n.uid, note: r.note, rank: r.rank}] AS codeAlternatives,
  [(c)-[r:USES_DRUG]->(n:Drug) | {key: n.key, name: n.name, synonyms: n.synonyms, description: n.description, note: null, rank: r.rank}] AS drugs,
  [(c)-[r:RELATED]->(n:Code) | {key: n.uid, note: r.type, rank: r.rank}] AS related,
  [(c)<-[r:RELATED]-(n:Code) | {key: n.uid, note: r.type, rank: r.rank}] AS relatedFrom
"""

# The conditions coded as each code or one of its ancestors, and how far up: a code's conditions without
# reading its breadcrumb first and the knowledge of every level after it (two waves of a page's reads).
LINEAGE_CONDITIONS = """
UNWIND $uids AS uid
MATCH path = (c:Code {uid: uid})-[:CHILD_OF*0..10]->(a:Code)<-[:CODED_AS]-(k:Condition)
RETURN collect({uid: uid, key: k.key, distance: length(path)}) AS rows
"""

CONDITIONS_BY_KEY = """
UNWIND $keys AS key
MATCH (n:Condition {key: key})
RETURN n {.key, .name, .synonyms, .description} AS concept,
  [(n)-[:CODED_AS]->(c:Code) | c.uid] AS codes,
  [(n)<-[:INDICATED_FOR]-(p:Code) | p.uid] AS procedures
"""


def _concepts_by_key(label: LiteralString) -> LiteralString:
    """Concepts of one label by key. One statement per label, so that each is an index lookup: a label
    cannot be a parameter, and `MATCH (n {key: key})` would scan every node (node(id:) of any concept)."""
    return f"""
UNWIND $keys AS key
MATCH (n:{label} {{key: key}})
RETURN n {{.key, .name, .synonyms, .description}} AS concept
"""


RISKS_BY_KEY = _concepts_by_key("Risk")
BENEFITS_BY_KEY = _concepts_by_key("Benefit")
ROLES_BY_KEY = _concepts_by_key("PersonnelRole")
SETTINGS_BY_KEY = _concepts_by_key("Setting")
TREATMENTS_BY_KEY = _concepts_by_key("Treatment")
DRUGS_BY_KEY = _concepts_by_key("Drug")
CONDITION_KEYS = "MATCH (n:Condition) RETURN n.key AS key ORDER BY key"
# The billable codes under each code a condition is coded as: the code itself when billable, and every billable
# code below it (an ICD-10-CM category is at most four levels above its seven-character codes). One pattern
# from the condition down: written as a second MATCH from an unbound `b`, the embedded engine walked up from
# every code instead (61 s for deep vein thrombosis, against 0.06 s).
BILLABLE_CODES_OF_CONDITIONS = """
UNWIND $keys AS key
MATCH (:Condition {key: key})-[:CODED_AS]->(k:Code)<-[:CHILD_OF*0..5]-(b:Code)
WHERE b.billable = true
RETURN DISTINCT key, k.uid AS coded, b.uid AS uid
ORDER BY key, coded, uid
"""
DRUG_CODES = """
UNWIND $keys AS key
MATCH (n:Drug {key: key})-[:CODED_AS]->(c:Code)
RETURN key, c.uid AS code
ORDER BY key, code
"""
