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
# One row each: the embedded engine's cost is per record returned, so keys come back collected.
CODE_KEYS = """
MATCH (c:Code)
RETURN collect(c.uid + '|' + c.title + '|' + toString(c.billable) + '|' + c.kind) AS keys
"""
EDGE_KEYS = """
MATCH (a:Code)-[r]->(b)
RETURN collect(a.uid + '>' + type(r) + '>' + coalesce(b.uid, b.key)) AS keys
"""
