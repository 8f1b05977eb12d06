"""Curation writes of the API (`graph.curation`): curated relationships, monograph sections, the audit trail.

Every edit reads a `*_STATE` first, inside its write transaction, and writes only what that state allows.
Edges the API writes carry `curatedBy` and `curatedAt`; the seeds loader's own edges have neither, which is how
each side knows which edges it owns (see `load_knowledge.CLEAR_CURATED_EDGES`).

The states match both ends with OPTIONAL MATCH and guard the pattern comprehension with CASE: the embedded
engine treats a null node in a pattern as unbound and would otherwise list the edges to *any* target.
"""

# --- (:Code)-[:RELATED {type}]->(:Code) ------------------------------------------------------------------

RELATED_STATE = """
OPTIONAL MATCH (c:Code {uid: $uid})
OPTIONAL MATCH (t:Code {uid: $target})
RETURN c IS NOT NULL AS sourceFound, coalesce(c:Procedure, false) AS procedure, t IS NOT NULL AS targetFound,
  CASE WHEN c IS NULL OR t IS NULL THEN [] ELSE [(c)-[r:RELATED]->(t) WHERE r.type = $type | {note: null, curatedBy: r.curatedBy}] END AS edges,
  CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:RELATED]->() } END AS edgeCount
"""
ADD_RELATED = """
MATCH (c:Code {uid: $uid})
MATCH (t:Code {uid: $target})
MERGE (c)-[r:RELATED {type: $type}]->(t)
ON CREATE SET r.rank = $rank
SET r.curatedBy = $editor, r.curatedAt = $at
RETURN count(r) AS written
"""
REMOVE_RELATED = """
MATCH (c:Code {uid: $uid})-[r:RELATED]->(t:Code {uid: $target})
WHERE r.type = $type AND r.curatedBy IS NOT NULL
DELETE r
RETURN count(*) AS removed
"""

# --- (:Code)-[:HAS_ALTERNATIVE {note}]->(:Code) ------------------------------------------------------------

CODE_ALTERNATIVE_STATE = """
OPTIONAL MATCH (c:Code {uid: $uid})
OPTIONAL MATCH (t:Code {uid: $target})
RETURN c IS NOT NULL AS sourceFound, coalesce(c:Procedure, false) AS procedure, t IS NOT NULL AS targetFound,
  CASE WHEN c IS NULL OR t IS NULL THEN [] ELSE [(c)-[r:HAS_ALTERNATIVE]->(t) | {note: r.note, curatedBy: r.curatedBy}] END AS edges,
  CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:HAS_ALTERNATIVE]->() } END AS edgeCount
"""
ADD_CODE_ALTERNATIVE = """
MATCH (c:Code {uid: $uid})
MATCH (t:Code {uid: $target})
MERGE (c)-[r:HAS_ALTERNATIVE]->(t)
ON CREATE SET r.rank = $rank
SET r.note = $note, r.curatedBy = $editor, r.curatedAt = $at
RETURN count(r) AS written
"""
REMOVE_CODE_ALTERNATIVE = """
MATCH (c:Code {uid: $uid})-[r:HAS_ALTERNATIVE]->(t:Code {uid: $target})
WHERE r.curatedBy IS NOT NULL
DELETE r
RETURN count(*) AS removed
"""

# --- (:Code)-[:HAS_ALTERNATIVE {note}]->(:Treatment) -------------------------------------------------------

TREATMENT_ALTERNATIVE_STATE = """
OPTIONAL MATCH (c:Code {uid: $uid})
OPTIONAL MATCH (t:Treatment {key: $target})
RETURN c IS NOT NULL AS sourceFound, coalesce(c:Procedure, false) AS procedure, t IS NOT NULL AS targetFound,
  CASE WHEN c IS NULL OR t IS NULL THEN [] ELSE [(c)-[r:HAS_ALTERNATIVE]->(t) | {note: r.note, curatedBy: r.curatedBy}] END AS edges,
  CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:HAS_ALTERNATIVE]->() } END AS edgeCount
"""
ADD_TREATMENT_ALTERNATIVE = """
MATCH (c:Code {uid: $uid})
MATCH (t:Treatment {key: $target})
MERGE (c)-[r:HAS_ALTERNATIVE]->(t)
ON CREATE SET r.rank = $rank
SET r.note = $note, r.curatedBy = $editor, r.curatedAt = $at
RETURN count(r) AS written
"""
REMOVE_TREATMENT_ALTERNATIVE = """
MATCH (c:Code {uid: $uid})-[r:HAS_ALTERNATIVE]->(t:Treatment {key: $target})
WHERE r.curatedBy IS NOT NULL
DELETE r
RETURN count(*) AS removed
"""

# --- (:Code)-[:INDICATED_FOR {note}]->(:Condition) ---------------------------------------------------------

INDICATION_STATE = """
OPTIONAL MATCH (c:Code {uid: $uid})
OPTIONAL MATCH (t:Condition {key: $target})
RETURN c IS NOT NULL AS sourceFound, coalesce(c:Procedure, false) AS procedure, t IS NOT NULL AS targetFound,
  CASE WHEN c IS NULL OR t IS NULL THEN [] ELSE [(c)-[r:INDICATED_FOR]->(t) | {note: r.note, curatedBy: r.curatedBy}] END AS edges,
  CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:INDICATED_FOR]->() } END AS edgeCount
"""
ADD_INDICATION = """
MATCH (c:Code {uid: $uid})
MATCH (t:Condition {key: $target})
MERGE (c)-[r:INDICATED_FOR]->(t)
ON CREATE SET r.rank = $rank
SET r.note = $note, r.curatedBy = $editor, r.curatedAt = $at
RETURN count(r) AS written
"""
REMOVE_INDICATION = """
MATCH (c:Code {uid: $uid})-[r:INDICATED_FOR]->(t:Condition {key: $target})
WHERE r.curatedBy IS NOT NULL
DELETE r
RETURN count(*) AS removed
"""

# --- monograph sections ------------------------------------------------------------------------------------

MONOGRAPH_STATE = """
OPTIONAL MATCH (c:Code {uid: $uid})
RETURN c IS NOT NULL AS codeFound,
  CASE WHEN c IS NULL THEN [] ELSE [(c)-[:HAS_MONOGRAPH]->(m:Monograph) | m {.*}] END AS monographs
"""
# `$props` holds only the properties of one section; its keys come from `graph.curation.Section`, not from
# the request.
SET_MONOGRAPH_SECTION = """
MATCH (c:Code {uid: $uid})-[:HAS_MONOGRAPH]->(m:Monograph)
SET m += $props
RETURN count(m) AS written
"""

# --- audit trail and data version --------------------------------------------------------------------------

# `details` is a JSON text: properties cannot hold maps, and an audit record is read whole, never queried by.
RECORD_EVENT = """
CREATE (e:CurationEvent {id: $id})
SET e.at = $at, e.editor = $editor, e.action = $action, e.subject = $subject, e.details = $details
"""
BUMP_DATA_VERSION = """
MERGE (v:DataVersion {key: 'graph'})
SET v.version = $dataVersion, v.changedAt = $at
"""
RECENT_EVENTS = """
MATCH (e:CurationEvent)
RETURN e.id AS id, e.at AS at, e.editor AS editor, e.action AS action, e.subject AS subject, e.details AS details
ORDER BY at DESC, id DESC
LIMIT $first
"""
