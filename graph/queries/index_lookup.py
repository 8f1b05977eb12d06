"""Reads that look words up in the official indexes and tables as a reader of the book would (graph.reads.index_lookup).

Main terms are found by the start of their folded title (`lookupKey`, an index range scan), then ordered by
the book: the sources in the order asked, each in its printed order (`order`). Every statement is bounded by
its `$limit`, or by the size of one term's family in the data.
"""

# How many main terms of these sources start with the prefix (a letter, or the word typed).
COUNT_MAIN_TERMS = """
MATCH (t:IndexTerm)
WHERE t.lookupKey STARTS WITH $prefix AND t.source IN $sources
RETURN count(t) AS total
"""

# One page of them, as the books print them.
MAIN_TERMS = """
MATCH (t:IndexTerm)
WHERE t.lookupKey STARTS WITH $prefix AND t.source IN $sources
WITH t
ORDER BY [i IN range(0, size($sources) - 1) WHERE $sources[i] = t.source][0], t.order
SKIP $skip
LIMIT $limit
RETURN t.uid AS uid
"""

# A term as a page shows it: its codes with their table columns, and the terms its references name.
TERMS = """
UNWIND $uids AS uid
MATCH (t:IndexTerm {uid: uid})
RETURN uid, t.source AS source, t.title AS title, t.nemod AS nemod, t.level AS level, t.path AS path,
       t.see AS seeText, t.seeAlso AS seeAlsoText, t.use AS useText,
       [(t)-[r:INDEXES]->(c:Code) | {uid: c.uid, column: r.column, incomplete: r.incomplete, prefix: r.prefix}]
         AS codes,
       [(t)-[:SEE]->(named:IndexTerm) | named.uid] AS see,
       [(t)-[:SEE_ALSO]->(named:IndexTerm) | named.uid] AS seeAlso,
       COUNT { (t)<-[:SUBTERM_OF]-(:IndexTerm) } AS subtermCount
"""

# The first subterms of each term in the book's order; the most a term of the FY2025 books has is 899.
SUBTERMS = """
UNWIND $uids AS uid
MATCH (:IndexTerm {uid: uid})<-[:SUBTERM_OF]-(s:IndexTerm)
WITH uid, s
ORDER BY s.order
WITH uid, collect(s.uid) AS subterms
RETURN uid, subterms[..$limit] AS subterms
"""

# The sites of the Neoplasm Table are the subterms of its one main term ("Neoplasm, neoplastic"): 593 rows,
# so their titles are matched as they are read rather than through an index.
NEOPLASM_SITES = """
MATCH (m:IndexTerm)<-[:SUBTERM_OF]-(site:IndexTerm)
WHERE m.lookupKey = $main AND m.source = $source AND toLower(site.title) STARTS WITH $prefix
RETURN site.uid AS uid
ORDER BY site.order
LIMIT $limit
"""
