"""Reads that inspect what a load wrote, for the tests of loads (linted as the app's Cypher is)."""

CODE_BY_UID = "MATCH (c:Code {uid: $uid}) RETURN c {.*} AS code"
ANCESTOR_UIDS = """
MATCH path = (c:Code {uid: $uid})-[:CHILD_OF*1..10]->(a:Code)
RETURN a.uid AS uid
ORDER BY length(path)
"""
NOTE_TARGETS = """
MATCH (c:Code {uid: $uid})-[r]->(t:Code)
WHERE type(r) = $type
RETURN t.uid AS uid, r.note AS note
ORDER BY uid
"""
AXIS_MEANINGS = """
MATCH (c:Code {uid: $uid})-[r:ROOT_OPERATION|BODY_PART|APPROACH|DEVICE|QUALIFIER]->(v:PcsValue)
RETURN type(r) AS axis, v.meaning AS meaning
"""
SYSTEM_CODE_COUNT = "MATCH (c:Code) WHERE c.system = $system RETURN count(c) AS n"
INACTIVE_CODE_COUNT = "MATCH (c:Code) WHERE c.system = $system AND c.active = false RETURN count(c) AS n"
KIND_COUNT = "MATCH (c:Code) WHERE c.system = $system AND c.kind = $kind RETURN count(c) AS n"
SYSTEM_RECORDED = "MATCH (s:CodeSystem {id: $system}) RETURN count(s) AS n"
DELETE_SYSTEM = """
MATCH (c:Code)
WHERE c.system = $system
DETACH DELETE c
WITH count(*) AS deleted
MATCH (s:CodeSystem {id: $system})
DELETE s
"""

# The index terms of one source, and where the terms of a path lead (graph.vocabulary).
INDEX_TERM_COUNTS = """
MATCH (t:IndexTerm) WHERE t.source = $source
OPTIONAL MATCH (t)-[r:INDEXES]->()
RETURN count(DISTINCT t) AS terms, count(r) AS links
"""
INDEX_TERM_CODES = """
MATCH (t:IndexTerm)-[:INDEXES]->(c:Code)
WHERE t.source = $source AND t.path = $path
RETURN c.uid AS uid
"""
INDEX_TERM_SEE = """
MATCH (t:IndexTerm)-[:SEE]->(named:IndexTerm)
WHERE t.source = $source AND t.path = $path
RETURN named.path AS path
"""
VOCABULARY_RECORD = """
MATCH (v:Vocabulary {source: $source})
RETURN v.terms AS terms, v.codeLinks AS codeLinks, v.unresolvedTargets AS unresolvedTargets
"""
INDEX_TERM_COLUMNS = """
MATCH (t:IndexTerm)-[r:INDEXES]->(c:Code)
WHERE t.source = $source AND t.path = $path
RETURN r.column AS column, c.code AS code
"""
REPLACES_COUNTS = """
MATCH (:Code)-[r:REPLACES]->(:Code)
RETURN r.source AS source, count(r) AS edges
ORDER BY source
"""
HISTORY_COUNTS = """
MATCH (ch:CodeChange)
RETURN count(ch) AS changes, sum(size(ch.retired)) AS retired
"""
POA_COUNTS = """
MATCH (c:ICD10CM)
WHERE c.poaExempt IS NOT NULL
RETURN c.poaExempt AS exempt, count(c) AS codes
ORDER BY exempt
"""
HISTORY_SOURCE_RECORD = """
MATCH (s:HistorySource {source: $source})
RETURN s.release AS release, s.records AS records, s.links AS links, s.unresolved AS unresolved
"""
PCS_DEFINED_COUNTS = """
MATCH (v:PcsValue)
RETURN count(v) AS values, count(v.definition) AS definitions, sum(size(coalesce(v.includes, []))) AS includes
"""
INDEX_TERM_LEADS = """
MATCH (t:IndexTerm)-[r:INDEXES]->(c:Code)
WHERE t.source = $source AND t.path = $path
RETURN c.uid AS uid, r.incomplete AS incomplete, r.prefix AS prefix
ORDER BY prefix
"""
INDEX_TERM_USES = """
MATCH (t:IndexTerm)-[:USE]->(v:PcsValue)
WHERE t.source = $source AND t.path = $path
RETURN v.key AS key, v.meaning AS meaning
ORDER BY key
"""
# The edges a load of one source writes, by type.
INDEX_SOURCE_EDGES = """
MATCH (t:IndexTerm)-[r]->()
WHERE t.source = $source
RETURN type(r) AS rel, count(r) AS edges
ORDER BY rel
"""
VOCABULARY_USES = """
MATCH (v:Vocabulary {source: $source})
RETURN v.uses AS uses, v.unresolvedUses AS unresolvedUses
"""
# The GEMs crosswalks (graph/vocabulary/gems.py): edges from one system to another, and codes without a map.
GEM_EDGE_COUNT = """
MATCH (a:Code)-[r:MAPS_TO]->(b:Code)
WHERE r.source = 'CMS GEMs' AND a.system = $source AND b.system = $target
RETURN count(r) AS n
"""
GEM_NO_MAP_COUNT = "MATCH (c:Code) WHERE c.system = $source AND c.gemsNoMap = $target RETURN count(c) AS n"
ACTIVE_BILLABLE_CODES = """
MATCH (c:Code)
WHERE c.system = $system AND c.billable = true AND c.active = true
RETURN c.code AS code
ORDER BY code
"""
MDC_COUNT = "MATCH (m:Code:MSDRG:MDC) RETURN count(m) AS n"
DRG_PATH = """
MATCH path = (d:Code {uid: $uid})-[:CHILD_OF*1..3]->(top:Code)
WHERE NOT (top)-[:CHILD_OF]->()
RETURN [n IN nodes(path) | n.code] AS codes, labels(top) AS labels
"""
