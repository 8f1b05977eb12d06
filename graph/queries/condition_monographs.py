"""Reads of condition monographs: the prose, and the treatments in their curated order."""

# A treatment is a vocabulary node (key, name) or a code (uid); the reader tells them apart by `uid`.
CONDITION_MONOGRAPHS = """
UNWIND $keys AS key
MATCH (n:Condition {key: key})-[:HAS_MONOGRAPH]->(m:Monograph)
RETURN key, m {.*} AS monograph,
  [(n)-[t:TREATED_WITH]->(x) | {rank: t.rank, note: t.note, uid: x.uid, key: x.key, name: x.name,
    synonyms: x.synonyms, description: x.description}] AS treatments
"""
