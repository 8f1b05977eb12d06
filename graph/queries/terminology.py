"""Reads for the FHIR terminology facade (server.fhir) that the API's reads do not already give.

Each collects its answer into one row: the embedded engine streams rows one record at a time. `$headers` are the
kinds of codes that organise a system but are not codes of it (chapters, blocks, PCS tables …).
"""

DESCENDANT_CONCEPTS = """
MATCH (d:Code)-[:CHILD_OF*1..8]->(a:Code {uid: $uid})
WHERE NOT d.kind IN $headers
RETURN collect(DISTINCT d.uid) AS uids
"""
SYSTEM_HEADERS = """
MATCH (c:Code)
WHERE c.system = $system AND c.kind IN $headers
RETURN collect(c.uid) AS uids
"""
