"""Writes of the official-code loader. Every statement takes a batch (`$rows`) and is safe to run again.

Nodes are created with all their labels at once: the embedded engine stores a node's label set as its type,
so adding labels to existing nodes is slow there. Codes are created only when the loader has read that they
are missing (the uid constraint refuses a duplicate), and updated otherwise. Edges of a code are replaced, not merged, so that a newer
release drops what the old one said, and a re-run of a half-finished load ends where a clean load ends.
"""

EXISTING_CODES = "MATCH (c:Code) WHERE c.system = $system RETURN c.uid AS uid, c.title AS title"

CREATE_ICD10CM_CODES = """
UNWIND $rows AS r
CREATE (c:Code:ICD10CM:Diagnosis {uid: r.uid})
SET c += r.props
"""
CREATE_ICD10PCS_CODES = """
UNWIND $rows AS r
CREATE (c:Code:ICD10PCS:Procedure {uid: r.uid})
SET c += r.props
"""
CREATE_HCPCS_CODES = """
UNWIND $rows AS r
CREATE (c:Code:HCPCS:Procedure {uid: r.uid})
SET c += r.props
"""
# ICD-9-CM has both volumes: each code gets the label of its own (property `volume`).
CREATE_ICD9CM_DIAGNOSES = """
UNWIND $rows AS r
CREATE (c:Code:ICD9CM:Diagnosis {uid: r.uid})
SET c += r.props
"""
CREATE_ICD9CM_PROCEDURES = """
UNWIND $rows AS r
CREATE (c:Code:ICD9CM:Procedure {uid: r.uid})
SET c += r.props
"""
# MS-DRG: the chapters are the Major Diagnostic Categories and get :MDC; families and DRGs do not.
CREATE_MSDRG_MDCS = """
UNWIND $rows AS r
CREATE (c:Code:MSDRG:MDC {uid: r.uid})
SET c += r.props
"""
CREATE_MSDRG_CODES = """
UNWIND $rows AS r
CREATE (c:Code:MSDRG {uid: r.uid})
SET c += r.props
"""
CREATE_CPT_CODES = """
UNWIND $rows AS r
CREATE (c:Code:CPT:Procedure {uid: r.uid})
SET c += r.props
"""

# Properties a release no longer has arrive as nulls, which `+=` removes.
UPDATE_CODES = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
SET c += r.props
"""

DELETE_CODES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
DETACH DELETE c
"""

REPLACE_PARENTS = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:CHILD_OF]->()
DELETE old
WITH DISTINCT c, r
MATCH (p:Code {uid: r.target})
CREATE (c)-[:CHILD_OF]->(p)
"""

# One statement per note kind that names codes; rows: {uid, targets: [{uid, note}]}.
CODES_WITH_NOTE_EDGES = """
MATCH (c:Code)-[e:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->()
WHERE c.system = $system
RETURN DISTINCT c.uid AS uid
"""
REPLACE_EXCLUDES1 = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:EXCLUDES1]->()
DELETE old
WITH DISTINCT c, r
UNWIND r.targets AS t
MATCH (target:Code {uid: t.uid})
CREATE (c)-[:EXCLUDES1 {note: t.note}]->(target)
"""
REPLACE_EXCLUDES2 = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:EXCLUDES2]->()
DELETE old
WITH DISTINCT c, r
UNWIND r.targets AS t
MATCH (target:Code {uid: t.uid})
CREATE (c)-[:EXCLUDES2 {note: t.note}]->(target)
"""
REPLACE_CODE_FIRST = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:CODE_FIRST]->()
DELETE old
WITH DISTINCT c, r
UNWIND r.targets AS t
MATCH (target:Code {uid: t.uid})
CREATE (c)-[:CODE_FIRST {note: t.note}]->(target)
"""
REPLACE_CODE_ALSO = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:CODE_ALSO]->()
DELETE old
WITH DISTINCT c, r
UNWIND r.targets AS t
MATCH (target:Code {uid: t.uid})
CREATE (c)-[:CODE_ALSO {note: t.note}]->(target)
"""
REPLACE_USE_ADDITIONAL = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:USE_ADDITIONAL]->()
DELETE old
WITH DISTINCT c, r
UNWIND r.targets AS t
MATCH (target:Code {uid: t.uid})
CREATE (c)-[:USE_ADDITIONAL {note: t.note}]->(target)
"""

MERGE_PCS_VALUES = """
UNWIND $rows AS r
MERGE (v:PcsValue {key: r.key})
SET v += r.props
"""
DELETE_PCS_VALUES_EXCEPT = """
MATCH (v:PcsValue)
WHERE NOT v.key IN $keys
DETACH DELETE v
"""

# One statement per axis; rows: {uid, target: value key}.
REPLACE_ROOT_OPERATION = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:ROOT_OPERATION]->()
DELETE old
WITH DISTINCT c, r
MATCH (v:PcsValue {key: r.target})
CREATE (c)-[:ROOT_OPERATION]->(v)
"""
REPLACE_BODY_PART = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:BODY_PART]->()
DELETE old
WITH DISTINCT c, r
MATCH (v:PcsValue {key: r.target})
CREATE (c)-[:BODY_PART]->(v)
"""
REPLACE_APPROACH = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:APPROACH]->()
DELETE old
WITH DISTINCT c, r
MATCH (v:PcsValue {key: r.target})
CREATE (c)-[:APPROACH]->(v)
"""
REPLACE_DEVICE = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:DEVICE]->()
DELETE old
WITH DISTINCT c, r
MATCH (v:PcsValue {key: r.target})
CREATE (c)-[:DEVICE]->(v)
"""
REPLACE_QUALIFIER = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
OPTIONAL MATCH (c)-[old:QUALIFIER]->()
DELETE old
WITH DISTINCT c, r
MATCH (v:PcsValue {key: r.target})
CREATE (c)-[:QUALIFIER]->(v)
"""

# A load in progress remembers what it found changed, so that a re-run after a kill reports the same.
PENDING_LOAD = """
MATCH (s:LoadState {system: $system, version: $version})
RETURN s.added AS added, s.removed AS removed, s.retitled AS retitled
"""
BEGIN_LOAD = """
MERGE (s:LoadState {system: $system})
SET s.version = $version, s.added = $added, s.removed = $removed, s.retitled = $retitled, s.startedAt = $now
"""
CLEAR_LOAD_STATE = "MATCH (s:LoadState {system: $system}) DELETE s"
FINISH_LOAD = """
MERGE (cs:CodeSystem {id: $system})
SET cs.name = $name, cs.version = $version, cs.source = $source, cs.loadedAt = $now,
    cs.codeCount = $codeCount, cs.billableCount = $billableCount,
    cs.added = $added, cs.removed = $removed, cs.retitled = $retitled
WITH cs
MERGE (v:DataVersion {key: 'graph'})
SET v.version = $dataVersion, v.changedAt = $now
"""
