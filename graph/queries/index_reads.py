"""Reads of the official indexes for the API (graph.reads.index_terms); each takes a batch of code uids."""

# A line that names a header needing more characters ("Thrombosis, vein, deep" → I82.40-) leads to the codes
# under it too: the code's own lines and those of its ancestors that are incomplete.
INDEX_ENTRIES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF*0..6]->(a:Code)<-[r:INDEXES]-(t:IndexTerm)
WHERE a = c OR r.incomplete = true
RETURN uid, t.path AS path, t.source AS source, r.column AS column, t.nemod AS nemod, r.incomplete AS incomplete
"""
# "Shingles — see Herpes, zoster" leads to B02.9 through the term it names.
SEE_ENTRIES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF*0..6]->(a:Code)<-[r:INDEXES]-(t:IndexTerm)<-[:SEE]-(s:IndexTerm)
WHERE a = c OR r.incomplete = true
RETURN uid, s.path AS path, s.source AS source, r.column AS column, s.nemod AS nemod, r.incomplete AS incomplete,
       t.path AS see
"""
