"""Writes of the curated-knowledge loader (seeds/). Each monograph's curated edges are replaced in one
transaction, so editing a YAML file and loading again leaves exactly what the file says."""

CODES_FOUND = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN c.uid AS uid
"""
LOADED_SYSTEMS = "MATCH (s:CodeSystem) WHERE s.source <> 'seeds' RETURN s.id AS id"

MERGE_CONDITIONS = "UNWIND $rows AS r MERGE (n:Condition {key: r.key}) SET n += r.props"
MERGE_RISKS = "UNWIND $rows AS r MERGE (n:Risk {key: r.key}) SET n += r.props"
MERGE_BENEFITS = "UNWIND $rows AS r MERGE (n:Benefit {key: r.key}) SET n += r.props"
MERGE_ROLES = "UNWIND $rows AS r MERGE (n:PersonnelRole {key: r.key}) SET n += r.props"
MERGE_SETTINGS = "UNWIND $rows AS r MERGE (n:Setting {key: r.key}) SET n += r.props"
MERGE_TREATMENTS = "UNWIND $rows AS r MERGE (n:Treatment {key: r.key}) SET n += r.props"
MERGE_DRUGS = "UNWIND $rows AS r MERGE (n:Drug {key: r.key}) SET n += r.props"

DELETE_CONDITIONS_EXCEPT = "MATCH (n:Condition) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_RISKS_EXCEPT = "MATCH (n:Risk) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_BENEFITS_EXCEPT = "MATCH (n:Benefit) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_ROLES_EXCEPT = "MATCH (n:PersonnelRole) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_SETTINGS_EXCEPT = "MATCH (n:Setting) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_TREATMENTS_EXCEPT = "MATCH (n:Treatment) WHERE NOT n.key IN $keys DETACH DELETE n"
DELETE_DRUGS_EXCEPT = "MATCH (n:Drug) WHERE NOT n.key IN $keys DETACH DELETE n"

REPLACE_CONDITION_CODES = """
UNWIND $rows AS r
MATCH (n:Condition {key: r.key})
OPTIONAL MATCH (n)-[old:CODED_AS]->()
DELETE old
WITH DISTINCT n, r
UNWIND r.uids AS uid
MATCH (c:Code {uid: uid})
CREATE (n)-[:CODED_AS]->(c)
"""
REPLACE_DRUG_CODES = """
UNWIND $rows AS r
MATCH (n:Drug {key: r.key})
OPTIONAL MATCH (n)-[old:CODED_AS]->()
DELETE old
WITH DISTINCT n, r
UNWIND r.uids AS uid
MATCH (c:Code {uid: uid})
CREATE (n)-[:CODED_AS]->(c)
"""

# Curated CPT codes carry our own titles; a licensee's official CPT release (which sets `release`) keeps its own.
CREATE_CURATED_CPT = """
UNWIND $rows AS r
OPTIONAL MATCH (existing:Code {uid: r.uid})
WITH r, existing WHERE existing IS NULL
CREATE (c:Code:CPT:Procedure {uid: r.uid})
SET c += r.props
"""
UPDATE_CURATED_CODES = """
UNWIND $rows AS r
MATCH (c:Code {uid: r.uid})
SET c.plainTitle = r.plainTitle, c.curated = true,
    c.title = CASE WHEN c.release IS NULL THEN r.plainTitle ELSE c.title END
"""
STALE_CURATED_CODES = """
MATCH (c:Code)
WHERE c.curated = true AND NOT c.uid IN $uids
RETURN c.uid AS uid, c.release IS NULL AS curatedOnly
"""
DELETE_CURATED_ONLY_CODES = "UNWIND $uids AS uid MATCH (c:Code {uid: uid}) DETACH DELETE c"
UNMARK_CURATED_CODES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
REMOVE c.curated, c.plainTitle
"""
CURATED_SYSTEM = """
MERGE (s:CodeSystem {id: 'CPT'})
ON CREATE SET s.source = 'seeds'
WITH s WHERE s.source = 'seeds'
SET s.name = $name, s.version = $version, s.loadedAt = $now, s.codeCount = $count, s.billableCount = $count
"""

# Only the loader's own edges: those written through the API carry `curatedBy` and outlive a seeds load.
CLEAR_CURATED_EDGES = """
MATCH (c:Code {uid: $uid})-[r:HAS_MONOGRAPH|INDICATED_FOR|HAS_RISK|HAS_BENEFIT|PERFORMED_BY|PERFORMED_IN|HAS_ALTERNATIVE|RELATED|MAPS_TO|USES_DRUG]->()
WHERE r.curatedBy IS NULL AND (type(r) <> 'MAPS_TO' OR r.source = 'curated')
DELETE r
"""
DELETE_MONOGRAPHS_EXCEPT = "MATCH (m:Monograph) WHERE NOT m.key IN $keys DETACH DELETE m"

WRITE_MONOGRAPH = """
MATCH (c:Code {uid: $uid})
MERGE (m:Monograph {key: $uid})
SET m += $props
CREATE (c)-[:HAS_MONOGRAPH]->(m)
"""
LINK_INDICATIONS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Condition {key: r.key})
CREATE (c)-[:INDICATED_FOR {note: r.note, rank: r.rank}]->(n)
"""
LINK_RISKS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Risk {key: r.key})
CREATE (c)-[:HAS_RISK {note: r.note, rank: r.rank}]->(n)
"""
LINK_BENEFITS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Benefit {key: r.key})
CREATE (c)-[:HAS_BENEFIT {note: r.note, rank: r.rank}]->(n)
"""
LINK_PERSONNEL = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:PersonnelRole {key: r.key})
CREATE (c)-[:PERFORMED_BY {involvement: r.note, rank: r.rank}]->(n)
"""
LINK_SETTINGS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Setting {key: r.key})
CREATE (c)-[:PERFORMED_IN {note: r.note, rank: r.rank}]->(n)
"""
LINK_TREATMENT_ALTERNATIVES = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Treatment {key: r.key})
CREATE (c)-[:HAS_ALTERNATIVE {note: r.note, rank: r.rank}]->(n)
"""
LINK_CODE_ALTERNATIVES = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Code {uid: r.key})
CREATE (c)-[:HAS_ALTERNATIVE {note: r.note, rank: r.rank}]->(n)
"""
LINK_DRUGS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Drug {key: r.key})
CREATE (c)-[:USES_DRUG {rank: r.rank}]->(n)
"""
LINK_RELATED = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Code {uid: r.key})
CREATE (c)-[:RELATED {type: r.note, rank: r.rank}]->(n)
"""
LINK_CROSSWALKS = """
MATCH (c:Code {uid: $uid})
UNWIND $rows AS r
MATCH (n:Code {uid: r.key})
CREATE (c)-[:MAPS_TO {source: 'curated', approximate: r.approximate, rank: r.rank}]->(n)
"""

BUMP_DATA_VERSION = """
MERGE (v:DataVersion {key: 'graph'})
SET v.version = $dataVersion, v.changedAt = $now
"""
