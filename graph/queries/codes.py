"""Reads of codes for the API; each takes a batch of uids (`$uids`) so one round trip serves a whole page.

The reads of many rows return them collected in one record (`AS rows`): a record costs the driver about 10 µs of
Python to receive, so 140 codes come back in 0.5 ms of client CPU instead of 2. Their order is the caller's.
"""

CODES_BY_UID = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN collect(c {.*}) AS rows
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
RETURN collect({uid: uid, child: k.uid, code: k.code}) AS rows
"""
# With the ancestors' own rows: a page shows its breadcrumb's codes and notes without another wave of reads.
# `properties(a)`, not `a {.*}`: inside a map literal the embedded engine returns the projection alone, without
# the map's other keys.
ANCESTORS = """
UNWIND $uids AS uid
MATCH path = (c:Code {uid: uid})-[:CHILD_OF*1..10]->(a:Code)
RETURN collect({uid: uid, ancestor: properties(a), distance: length(path)}) AS rows
"""
NOTE_TARGETS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t:Code)
RETURN collect({uid: uid, type: type(r), note: r.note, target: t.uid, code: t.code}) AS rows
"""
# Both directions; the GEMs flags (combination, scenario, choiceList) are null on curated crosswalks.
MAPPINGS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[r:MAPS_TO]-(other:Code)
RETURN collect({
  uid: uid, other: other.uid, system: other.system, code: other.code, source: r.source,
  approximate: r.approximate, combination: r.combination, scenario: r.scenario, choiceList: r.choiceList,
  outgoing: startNode(r) = c
}) AS rows
"""
# The target system a GEM gives the code no map to (graph/queries/gems.py).
NO_MAPS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
WHERE c.gemsNoMap IS NOT NULL
RETURN uid, c.gemsNoMap AS system
"""
