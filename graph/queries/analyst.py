"""Ready queries for analysts in Neo4j Browser; docs/analyst-queries.md shows each one verbatim.

Each starts from a small, keyed set of nodes (a condition, a role, the monographs) rather than from every code,
which keeps it fast on both engines (the embedded one scans every code for a far end labelled `:Code`).

Every query here runs in the test suite against the real engine and is linted like all our Cypher. Parameters
have defaults in docs/analyst-queries.md (`:param` lines for Neo4j Browser).
"""

# 1. Every procedure for a condition, ranked by how many risks it has in common with the others.
PROCEDURES_FOR_CONDITION_BY_SHARED_RISKS = """
MATCH (:Condition {key: $condition})<-[:INDICATED_FOR]-(p)
WITH collect(p) AS procedures
UNWIND procedures AS p
OPTIONAL MATCH (p)-[:HAS_RISK]->(r:Risk)<-[:HAS_RISK]-(other)
WHERE other IN procedures AND other <> p
RETURN p.system AS system, p.code AS code, p.title AS title, count(DISTINCT r) AS sharedRisks
ORDER BY sharedRisks DESC, code
"""

# 2. From a drug to the diagnoses it treats, through the procedures that use it.
DRUG_TO_DIAGNOSES = """
MATCH (d:Drug {key: $drug})<-[:USES_DRUG]-(p:Code)-[:INDICATED_FOR]->(k:Condition)-[:CODED_AS]->(dx:Code)
WITH d, p, k, dx ORDER BY dx.code
RETURN d.name AS drug, p.code AS procedure, k.name AS condition, collect(DISTINCT dx.code)[0..10] AS diagnoses
ORDER BY procedure, condition
"""

# 3. The ICD-10-CM subtree under the codes of a condition (DVT → I82.4 …), with depth. A condition is often coded
# at two levels (I82.4 and I82.40): each code is listed once, under the highest of them.
CONDITION_SUBTREE = """
MATCH (:Condition {key: $condition})-[:CODED_AS]->(top:Code)
MATCH path = (leaf:Code)-[:CHILD_OF*0..4]->(top)
WITH leaf, top, length(path) AS depth
ORDER BY depth DESC
WITH leaf, collect({coded: top.code, depth: depth})[0] AS highest
RETURN highest.coded AS coded, leaf.code AS code, leaf.title AS title, highest.depth AS depth,
       leaf.billable AS billable
ORDER BY code
LIMIT 500
"""

# 4. The hierarchy above a code, nearest first.
ANCESTRY = """
MATCH path = (:Code {uid: $uid})-[:CHILD_OF*1..10]->(a:Code)
RETURN a.code AS code, a.kind AS kind, a.title AS title, length(path) AS distance
ORDER BY distance
"""

# 5. What an ICD-10-CM code excludes, and what must be coded first or also.
NOTE_LINKS = """
MATCH (c:Code {uid: $uid})-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t:Code)
RETURN type(r) AS note, r.note AS text, t.code AS target, t.title AS title
ORDER BY note, target
"""

# 6. CPT procedures crosswalked to ICD-10-PCS, with the PCS root operation and body part.
CROSSWALKS_WITH_AXES = """
MATCH (cpt:Code:CPT)-[m:MAPS_TO]->(pcs:Code:ICD10PCS)
OPTIONAL MATCH (pcs)-[:ROOT_OPERATION]->(op:PcsValue)
OPTIONAL MATCH (pcs)-[:BODY_PART]->(part:PcsValue)
RETURN cpt.code AS cpt, pcs.code AS pcs, m.approximate AS approximate, op.meaning AS rootOperation,
       part.meaning AS bodyPart
ORDER BY cpt, pcs
"""

# 7. ICD-10-PCS codes with the same root operation and body part as a given code.
SAME_OPERATION_AND_BODY_PART = """
MATCH (c:Code {uid: $uid})-[:ROOT_OPERATION]->(op:PcsValue)
MATCH (c)-[:BODY_PART]->(part:PcsValue)
MATCH (other:Code)-[:ROOT_OPERATION]->(op)
WHERE other <> c AND (other)-[:BODY_PART]->(part)
RETURN other.code AS code, other.title AS title
ORDER BY code
LIMIT 50
"""

# 8. The care team: which roles take part in which procedures.
ROLES_ACROSS_PROCEDURES = """
MATCH (role:PersonnelRole)<-[:PERFORMED_BY]-(p)
RETURN role.name AS role, count(p) AS procedures, collect(p.code)[0..12] AS codes
ORDER BY procedures DESC, role
"""

# 9. Alternatives of a procedure: other codes and treatments without a code.
ALTERNATIVES = """
MATCH (p:Code {uid: $uid})-[a:HAS_ALTERNATIVE]->(alt)
RETURN coalesce(alt.code, alt.name) AS alternative, labels(alt) AS kind, a.note AS note
ORDER BY alternative
"""

# 10. Curated relation chains: initial treatment, repeats, add-ons and follow-ups.
RELATION_CHAINS = """
MATCH (:Monograph)<-[:HAS_MONOGRAPH]-(a)-[r:RELATED]->(b)
RETURN a.code AS code, r.type AS relation, b.code AS other, b.title AS otherTitle
ORDER BY code, relation, other
"""

# 11. Retired HCPCS codes and the codes that replaced them (the workbook's cross-references), latest first.
RETIRED_HCPCS_REPLACEMENTS = """
MATCH (new:HCPCS)-[:REPLACES]->(old:HCPCS)
RETURN old.code AS retired, old.title AS was, old.terminationDate AS terminated, collect(new.code) AS replacedBy
ORDER BY terminated DESC, retired
LIMIT 100
"""

# 12. Releases loaded, with what changed in the last load of each.
RELEASES = """
MATCH (s:CodeSystem)
RETURN s.id AS system, s.version AS version, s.codeCount AS codes, s.billableCount AS billable,
       s.added AS added, s.removed AS removed, s.retitled AS retitled, s.loadedAt AS loadedAt
ORDER BY system
"""

# 13. Every index term that leads into a subtree of ICD-10-CM (I82.4 …), with the code it gives.
INDEX_TERMS_INTO_SUBTREE = """
MATCH (t:IndexTerm)-[r:INDEXES]->(c:Code)-[:CHILD_OF*0..3]->(:Code {uid: $top})
RETURN t.path AS term, c.code AS code, r.incomplete AS needsMoreCharacters
ORDER BY code, term
"""

# 14. The everyday words that lead to a code through a `see` reference of the index.
SEE_REFERENCES_TO_CODE = """
MATCH (s:IndexTerm)-[:SEE]->(t:IndexTerm)-[:INDEXES]->(:Code {uid: $uid})
RETURN s.title AS word, t.path AS seeTerm
ORDER BY word
"""

# 15. Every ICD-10-PCS Index term that leads into a table (0DT …), with the table, prefix or code it gives.
PCS_INDEX_TERMS_INTO_TABLE = """
MATCH (t:IndexTerm)-[r:INDEXES]->(c:Code)-[:CHILD_OF*0..1]->(:Code {uid: $table})
RETURN t.path AS term, coalesce(r.prefix, c.code) AS lead
ORDER BY lead, term
"""

# 16. The axis value an ICD-10-PCS Index word stands for ("Abdominal esophagus" → use Esophagus, Lower).
PCS_USE_VALUES = """
MATCH (t:IndexTerm)-[:USE]->(v:PcsValue)
WHERE t.lookupKey = toLower($word)
RETURN t.title AS word, v.axis AS axis, v.meaning AS meaning, v.key AS value
ORDER BY value
"""

# 17. A code's CMS GEMs crosswalks both ways, with the published flags.
GEM_CROSSWALKS_OF_CODE = """
MATCH (c:Code {uid: $uid})-[r:MAPS_TO]-(o:Code)
WHERE r.source = 'CMS GEMs'
RETURN CASE WHEN startNode(r) = c THEN 'maps to' ELSE 'mapped from' END AS direction, o.system AS system,
       o.code AS code, o.title AS title, r.approximate AS approximate, r.combination AS combination,
       r.scenario AS scenario, r.choiceList AS choiceList
ORDER BY direction DESC, scenario, choiceList, code
"""

# 18. ICD-10-CM codes of a subtree (I50.2 …) that take several ICD-9-CM codes together, by scenario.
GEM_COMBINATIONS_IN_SUBTREE = """
MATCH (c:Code)-[:CHILD_OF*0..3]->(:Code {uid: $top})
MATCH (c)-[r:MAPS_TO]->(o:ICD9CM)
WHERE r.source = 'CMS GEMs' AND r.combination
RETURN c.code AS code, r.scenario AS scenario, r.choiceList AS choiceList, collect(o.code) AS choices
ORDER BY code, scenario, choiceList
"""

# 19. The ICD-9-CM codes whose GEM leads into an ICD-10-CM subtree (I82.4 …): old data to new codes.
ICD9_CODES_INTO_SUBTREE = """
MATCH (old:ICD9CM)-[r:MAPS_TO]->(c:Code)-[:CHILD_OF*0..3]->(:Code {uid: $top})
WHERE r.source = 'CMS GEMs'
RETURN old.code AS icd9, old.title AS title, collect(DISTINCT c.code) AS icd10
ORDER BY icd9
"""

# 20. Codes the GEMs give no equivalent in another system.
GEM_NO_MAP_CODES = """
MATCH (c:Code)
WHERE c.gemsNoMap IS NOT NULL
RETURN c.system AS system, c.gemsNoMap AS noMapTo, c.code AS code, c.title AS title
ORDER BY system, code
"""

# 21. A code with its neighbours, as a picture: the console draws the nodes and relationships it returns.
# Neighbouring codes come first, so the limit cuts curated facts (risks, settings), never the codes to expand.
CODE_WITH_NEIGHBOURS = """
MATCH (c:Code {uid: $uid})-[r]-(n)
RETURN c, r, n
ORDER BY CASE WHEN n:Code THEN 0 ELSE 1 END, type(r), n.uid
LIMIT 40
"""

# 22. The DRGs of an MS-DRG Major Diagnostic Category (MDC 05 …), with their family and type.
DRGS_OF_MDC = """
MATCH (m:MDC {uid: $mdc})<-[:CHILD_OF*1..2]-(d)
WHERE d.kind = 'code'
OPTIONAL MATCH (d)-[:CHILD_OF]->(f)
WHERE f.kind = 'group'
RETURN f.code AS family, d.code AS drg, d.title AS title, d.drgType AS type
ORDER BY drg
"""

# 23. Surgical and medical DRGs in each MDC.
DRG_TYPES_BY_MDC = """
MATCH (m:MDC)<-[:CHILD_OF*1..2]-(d)
WHERE d.kind = 'code'
RETURN m.code AS mdc, m.title AS title, count(CASE WHEN d.drgType = 'surgical' THEN 1 END) AS surgical,
       count(CASE WHEN d.drgType = 'medical' THEN 1 END) AS medical
ORDER BY mdc
"""

# 24. A curated drug in the Table of Drugs and Chemicals: its poisoning, adverse-effect and underdosing codes,
# under its name and synonyms (alteplase is also "Rt-PA"), found by the index's lookup key.
DRUG_TABLE_CODES = """
MATCH (d:Drug {key: $drug})
UNWIND [d.name] + coalesce(d.synonyms, []) AS name
MATCH (t:IndexTerm {lookupKey: toLower(name)})-[r:INDEXES]->(c:Code)
WHERE t.source STARTS WITH 'ICD-10-CM Table of Drugs'
RETURN DISTINCT t.title AS tableEntry, r.column AS column, c.code AS code, c.title AS title
ORDER BY tableEntry, code
"""
