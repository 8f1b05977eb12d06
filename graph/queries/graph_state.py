"""Questions about the graph as a whole."""

COUNT_CODES = "MATCH (c:Code) RETURN count(c) AS codes"
DATA_VERSION = "MATCH (v:DataVersion {key: 'graph'}) RETURN v.version AS version"

# A fingerprint of the graph's content (not of when it was loaded): counts and a digest of every key.
LABEL_COUNTS = """
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS n
ORDER BY label
"""
RELATIONSHIP_COUNTS = """
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS n
ORDER BY type
"""
CODE_KEYS = """
MATCH (c:Code)
RETURN c.uid AS uid, c.title AS title, c.billable AS billable, c.kind AS kind
ORDER BY uid
"""
EDGE_KEYS = """
MATCH (a:Code)-[r]->(b)
RETURN a.uid AS source, type(r) AS type, coalesce(b.uid, b.key) AS target
ORDER BY source, type, target
"""
