"""Writes and reads of code history (graph/vocabulary/history.py, graph/reads/history.py).

`(:Code)-[:REPLACES {effective, source}]->(:Code)`: the newer code took the older one's place. A conversion-table
row is also kept whole as `(:Code)-[:HAS_CHANGE]->(:CodeChange)`, with the previous codes the release no longer
has (`retired`), so that history can name them without inventing nodes. The edges leaving a code for one source
are replaced, not merged, so a re-run or a newer file leaves exactly what the file says.
"""

# Terminated HCPCS codes and the codes their cross-references (XREF1…5) name as replacements.
HCPCS_CROSS_REFERENCES = """
MATCH (c:HCPCS)
WHERE c.active = false AND c.cross_reference_1 IS NOT NULL
RETURN c.code AS code, c.terminationDate AS terminated,
       [x IN [c.cross_reference_1, c.cross_reference_2, c.cross_reference_3, c.cross_reference_4,
              c.cross_reference_5] WHERE x IS NOT NULL] AS replacements
"""

# rows: {code: uid, changes: [{uid, props}]}
MERGE_CODE_CHANGES = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.code})
UNWIND r.changes AS x
MERGE (ch:CodeChange {uid: x.uid})
SET ch += x.props
MERGE (c)-[:HAS_CHANGE]->(ch)
"""

CHANGE_UIDS = "MATCH (ch:CodeChange) WHERE ch.source = $source RETURN ch.uid AS uid"

# Changes of a source that its file no longer has.
DELETE_CHANGES = """
UNWIND $uids AS uid
MATCH (ch:CodeChange {uid: uid})
DETACH DELETE ch
"""

# rows: {code: uid, source, replaces: [{uid, effective}]}
REPLACE_REPLACES = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.code})
OPTIONAL MATCH (c)-[old:REPLACES]->()
WHERE old.source = r.source
DELETE old
WITH DISTINCT c, r
UNWIND r.replaces AS x
MATCH (p:Code {uid: x.uid})
CREATE (c)-[:REPLACES {effective: x.effective, source: r.source}]->(p)
"""

REPLACING_CODES = """
MATCH (c:Code)-[r:REPLACES]->()
WHERE r.source = $source
RETURN DISTINCT c.uid AS uid
"""

# REPLACES edges of a source leaving codes its file no longer names.
DELETE_REPLACES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[old:REPLACES]->()
WHERE old.source = $source
DELETE old
"""

# rows: {uid, exempt: true | false | null}; null removes the property.
SET_POA_EXEMPT = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
SET c.poaExempt = r.exempt
"""

LOADED_HISTORY_SOURCES = "MATCH (s:HistorySource) RETURN s.source AS source"

# A finished load of a history source: its release and counts; a new data version for derived views.
FINISH_HISTORY_LOAD = """
MERGE (s:HistorySource {source: $source})
SET s.release = $release, s.records = $records, s.links = $links, s.unresolved = $unresolved, s.loadedAt = $now
WITH s
MERGE (d:DataVersion {key: 'graph'})
SET d.version = $dataVersion, d.changedAt = $now
"""

# The history of codes: their own changes, and the codes that replaced them. Every pattern starts from the
# code found by its uid: written from the other end, `(n:Code)-[:REPLACES]->(c)`, the embedded engine walked
# all 207,000 codes for each one (0.5 to 1 s a code page).
CODE_HISTORY = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN c.uid AS uid, c.poaExempt AS poaExempt,
       [(c)-[:HAS_CHANGE]->(ch:CodeChange) |
        {effective: ch.effective, source: ch.source, previousText: ch.previousText, retired: ch.retired}]
         AS changes,
       [(c)-[r:REPLACES]->(p:Code) | {effective: r.effective, source: r.source, uid: p.uid}] AS replaces,
       [(c)<-[r:REPLACES]-(n:Code) | {effective: r.effective, source: r.source, uid: n.uid}] AS replacedBy
"""
