"""The plain-language glossary in the graph: `(:GlossaryTerm {key, plain, medical, also, kind})-[:MEANS]->(:Condition)`.

Loaded with the seeds (merge by key, delete the terms no longer in the file, replace each term's MEANS edges),
so loading the same file twice leaves the same graph.
"""

MERGE_GLOSSARY_TERMS = "UNWIND $rows AS r MERGE (g:GlossaryTerm {key: r.key}) SET g += r.props"
DELETE_GLOSSARY_TERMS_EXCEPT = "MATCH (g:GlossaryTerm) WHERE NOT g.key IN $keys DETACH DELETE g"
REPLACE_GLOSSARY_MEANINGS = """
UNWIND $rows AS r
MATCH (g:GlossaryTerm {key: r.key})
OPTIONAL MATCH (g)-[old:MEANS]->()
DELETE old
WITH DISTINCT g, r
UNWIND r.conditions AS key
MATCH (c:Condition {key: key})
CREATE (g)-[:MEANS]->(c)
"""
READ_GLOSSARY = """
MATCH (g:GlossaryTerm)
OPTIONAL MATCH (g)-[:MEANS]->(c:Condition)
RETURN g.key AS key, g.plain AS plain, g.medical AS medical, g.kind AS kind, g.also AS also,
       c.key AS condition
ORDER BY key
"""
