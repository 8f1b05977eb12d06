"""Writes of the index-term loader (graph/vocabulary/index_terms.py). Every statement is safe to run again.

Terms are merged on their uid; the edges leaving a term are replaced, not merged, so that a changed file
leaves exactly what it says and a re-run of a half-finished load ends where a clean load ends.
"""

# The sources whose load ran to its end (a killed load leaves no Vocabulary node, so it is loaded again).
LOADED_SOURCES = "MATCH (v:Vocabulary) RETURN v.source AS source"

INDEX_TERM_UIDS = "MATCH (t:IndexTerm) WHERE t.source = $source RETURN t.uid AS uid"

# The codes an index may point at, and whether each is complete (billable) as it stands.
SYSTEM_CODES = "MATCH (c:Code) WHERE c.system = $system RETURN c.code AS code, c.billable AS billable"

MERGE_INDEX_TERMS = """
UNWIND $rows AS r
MERGE (t:IndexTerm {uid: r.uid})
SET t += r.props
"""

DELETE_INDEX_TERMS = """
UNWIND $uids AS uid
MATCH (t:IndexTerm {uid: uid})
DETACH DELETE t
"""

# rows: {uid, parent}
REPLACE_SUBTERM_OF = """
UNWIND $rows AS r
MATCH (t:IndexTerm {uid: r.uid})
OPTIONAL MATCH (t)-[old:SUBTERM_OF]->()
DELETE old
WITH DISTINCT t, r
MATCH (p:IndexTerm {uid: r.parent})
CREATE (t)-[:SUBTERM_OF]->(p)
"""

# rows: {uid, targets: [{uid, column, incomplete, prefix}]}
REPLACE_INDEXES = """
UNWIND $rows AS r
MATCH (t:IndexTerm {uid: r.uid})
OPTIONAL MATCH (t)-[old:INDEXES]->()
DELETE old
WITH DISTINCT t, r
UNWIND r.targets AS x
MATCH (c:Code {uid: x.uid})
CREATE (t)-[:INDEXES {column: x.column, incomplete: x.incomplete, prefix: x.prefix}]->(c)
"""

# rows: {uid, targets: [term uid]}
REPLACE_SEE = """
UNWIND $rows AS r
MATCH (t:IndexTerm {uid: r.uid})
OPTIONAL MATCH (t)-[old:SEE]->()
DELETE old
WITH DISTINCT t, r
UNWIND r.targets AS uid
MATCH (named:IndexTerm {uid: uid})
CREATE (t)-[:SEE]->(named)
"""
REPLACE_SEE_ALSO = """
UNWIND $rows AS r
MATCH (t:IndexTerm {uid: r.uid})
OPTIONAL MATCH (t)-[old:SEE_ALSO]->()
DELETE old
WITH DISTINCT t, r
UNWIND r.targets AS uid
MATCH (named:IndexTerm {uid: uid})
CREATE (t)-[:SEE_ALSO]->(named)
"""

# rows: {uid, targets: [PcsValue key]}
REPLACE_USE = """
UNWIND $rows AS r
MATCH (t:IndexTerm {uid: r.uid})
OPTIONAL MATCH (t)-[old:USE]->()
DELETE old
WITH DISTINCT t, r
UNWIND r.targets AS key
MATCH (v:PcsValue {key: key})
CREATE (t)-[:USE]->(v)
"""

# The loaded release of a vocabulary with its counts; a new data version tells derived views (search) to follow.
FINISH_INDEX_LOAD = """
MERGE (v:Vocabulary {source: $source})
SET v.terms = $terms, v.codeLinks = $codeLinks, v.unresolvedTargets = $unresolvedTargets,
    v.references = $references, v.unresolvedReferences = $unresolvedReferences, v.uses = $uses,
    v.unresolvedUses = $unresolvedUses, v.loadedAt = $now
WITH v
MERGE (d:DataVersion {key: 'graph'})
SET d.version = $dataVersion, d.changedAt = $now
"""
