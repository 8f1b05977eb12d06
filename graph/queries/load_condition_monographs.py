"""Writes of condition monographs (seeds/conditions/): `(:Condition)-[:HAS_MONOGRAPH]->(:Monograph)` and the
condition's treatments. All condition monograph edges are cleared first, so a removed file leaves nothing
behind; the monograph nodes themselves are pruned with the procedure monographs (DELETE_MONOGRAPHS_EXCEPT)."""

CLEAR_CONDITION_MONOGRAPH_EDGES = """
MATCH (:Condition)-[r:HAS_MONOGRAPH|TREATED_WITH]->()
DELETE r
"""
WRITE_CONDITION_MONOGRAPH = """
MATCH (n:Condition {key: $condition})
MERGE (m:Monograph {key: $key})
SET m += $props
CREATE (n)-[:HAS_MONOGRAPH]->(m)
"""
LINK_CONDITION_TREATMENTS = """
MATCH (n:Condition {key: $condition})
UNWIND $rows AS r
MATCH (t:Treatment {key: r.key})
CREATE (n)-[:TREATED_WITH {note: r.note, rank: r.rank}]->(t)
"""
LINK_CONDITION_TREATMENT_CODES = """
MATCH (n:Condition {key: $condition})
UNWIND $rows AS r
MATCH (c:Code {uid: r.key})
CREATE (n)-[:TREATED_WITH {note: r.note, rank: r.rank}]->(c)
"""
