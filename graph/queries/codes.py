"""Reads of codes for the API; each takes a batch of uids (`$uids`) so one round trip serves a whole page."""

CODES_BY_UID = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN c {.*} AS code
"""
# `WITH … WHERE` after the lookup, so that the engine finds the code by its compact index, not by system.
CODE_BY_COMPACT = """
MATCH (c:Code {codeCompact: $compact})
WITH c
WHERE c.system = $system
RETURN c {.*} AS code
"""
# The top of a system's hierarchy: its codes without a parent (chapters, sections, letter ranges …).
ROOTS = """
MATCH (c:Code {system: $system})
WHERE NOT (c)-[:CHILD_OF]->()
RETURN c.uid AS uid, c.code AS code
ORDER BY code
SKIP $offset
LIMIT $first
"""
PARENTS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF]->(p:Code)
RETURN uid, p.uid AS parent
"""
CHILDREN = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})<-[:CHILD_OF]-(k:Code)
RETURN uid, k.uid AS child, k.code AS code
ORDER BY uid, code
"""
ANCESTORS = """
UNWIND $uids AS uid
MATCH path = (c:Code {uid: uid})-[:CHILD_OF*1..10]->(a:Code)
RETURN uid, a.uid AS ancestor, length(path) AS distance
ORDER BY uid, distance
"""
NOTE_TARGETS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t:Code)
RETURN uid, type(r) AS type, r.note AS note, t.uid AS target, t.code AS code
ORDER BY uid, type, note, code
"""
# Both directions; the GEMs flags (combination, scenario, choiceList) are null on curated crosswalks.
MAPPINGS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[r:MAPS_TO]-(other:Code)
RETURN uid, other.uid AS other, other.system AS system, other.code AS code, r.source AS source,
       r.approximate AS approximate, r.combination AS combination, r.scenario AS scenario,
       r.choiceList AS choiceList, startNode(r) = c AS outgoing
ORDER BY uid, scenario, choiceList, code
"""
# The target system a GEM gives the code no map to (graph/queries/gems.py).
NO_MAPS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
WHERE c.gemsNoMap IS NOT NULL
RETURN uid, c.gemsNoMap AS system
"""
