"""Writes of the GEMs crosswalks (graph/vocabulary/gems.py).

`(:Code)-[:MAPS_TO {source: 'CMS GEMs', approximate, noMap, combination, scenario, choiceList}]->(:Code)`, one
edge per published row, from the GEM's source code to its target; a source the GEM gives no map keeps the
target system in `gemsNoMap`. A load first clears the GEM data of every code it names, then creates the edges:
a re-run after a kill clears what the killed run wrote, and ends where a clean load ends. Edges are created in
batches of edges, not of source codes: one ICD-9-CM procedure (39.79) has 600 targets, and the embedded
engine buffers a whole statement's rows.
"""

# rows: {uid, noMap: target system or null}
CLEAR_GEM_MAPPINGS = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
SET c.gemsNoMap = r.noMap
WITH c
OPTIONAL MATCH (c)-[old:MAPS_TO]->()
WHERE old.source = 'CMS GEMs'
DELETE old
"""

# rows: {source, target (uids), approximate, combination, scenario, choiceList}
CREATE_GEM_MAPPINGS = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.source})
MATCH (t:Code {uid: r.target})
CREATE (c)-[:MAPS_TO {source: 'CMS GEMs', approximate: r.approximate, noMap: false, combination: r.combination, scenario: r.scenario, choiceList: r.choiceList}]->(t)
"""

# Codes that hold GEM data now: a re-run clears those the files no longer name.
GEM_SOURCE_CODES = """
MATCH (c:Code)-[r:MAPS_TO]->()
WHERE r.source = 'CMS GEMs'
RETURN DISTINCT c.uid AS uid
UNION
MATCH (c:Code)
WHERE c.gemsNoMap IS NOT NULL
RETURN c.uid AS uid
"""
