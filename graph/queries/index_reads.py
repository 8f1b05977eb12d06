"""Reads of the official indexes for the API (graph.reads.index_terms); each takes a batch of code uids."""

# A line that names a header needing more characters ("Thrombosis, vein, deep" → I82.40-) leads to the codes
# under it too: the code's own lines and those of its ancestors that are incomplete. An ICD-10-PCS line that
# gives a table or a code prefix links to the table and keeps the `prefix`: it leads to the codes that start
# with it ("Resection, Appendix" 0DTJ → 0DTJ4ZZ, not 0DT7…).
INDEX_ENTRIES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF*0..6]->(a:Code)<-[r:INDEXES]-(t:IndexTerm)
WHERE a = c OR (r.incomplete = true AND (r.prefix IS NULL OR c.code STARTS WITH r.prefix))
RETURN uid, t.path AS path, t.source AS source, r.column AS column, t.nemod AS nemod, r.incomplete AS incomplete,
       r.prefix AS prefix
"""
# "Shingles — see Herpes, zoster" leads to B02.9 through the term it names.
SEE_ENTRIES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF*0..6]->(a:Code)<-[r:INDEXES]-(t:IndexTerm)<-[:SEE]-(s:IndexTerm)
WHERE a = c OR (r.incomplete = true AND (r.prefix IS NULL OR c.code STARTS WITH r.prefix))
RETURN uid, s.path AS path, s.source AS source, r.column AS column, s.nemod AS nemod, r.incomplete AS incomplete,
       r.prefix AS prefix, t.path AS see
"""
