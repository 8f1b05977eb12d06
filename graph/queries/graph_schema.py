"""The graph's schema as the engine reports it: labels, relationship types and property keys (the names the
analyst console's editor completes)."""

LABELS = "CALL db.labels() YIELD label RETURN collect(label) AS names"
RELATIONSHIP_TYPES = (
    "CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS names"
)
PROPERTY_KEYS = "CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS names"

# The embedded engine's db.propertyKeys() names only the properties a type declares, and few are declared:
# there the keys are read from the data (graph.dialect). Distinct key lists first: most nodes of a kind share
# one, which halves the time of a scan of every node (about 1 s for the bundled data's 340,000).
NODE_PROPERTY_KEYS = """
MATCH (n)
WITH DISTINCT keys(n) AS keys
UNWIND keys AS key
RETURN collect(DISTINCT key) AS names
"""
RELATIONSHIP_PROPERTY_KEYS = """
MATCH ()-[r]->()
WITH DISTINCT keys(r) AS keys
UNWIND keys AS key
RETURN collect(DISTINCT key) AS names
"""
