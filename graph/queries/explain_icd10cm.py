"""Reads for ICD-10-CM explanations (graph.reads.explain_icd10cm): everything one code's page says, by uid.

One statement per batch of codes, so that a page costs one round trip and the test over every code reads
them in batches. Notes are read from the code and its ancestors up to the category: the tabular list prints
a note once, on the highest level it applies to. Block and chapter notes are left to the pages of those
levels: they speak of whole chapters ("neoplasms (C00-D49)") and would bury the code's own.
"""

CM_FACTS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
CALL (c) {
  MATCH path = (c)-[:CHILD_OF*1..8]->(a)
  RETURN collect(a {.uid, .code, .kind, .title, .includes, .inclusionTerms, .excludes1, .excludes2, .codeFirst, .codeAlso, .useAdditional, .sevenChrDef, distance: length(path)}) AS ancestors
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*0..8]->(a)-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t)
  WHERE a = c OR (a.kind <> 'block' AND a.kind <> 'chapter')
  RETURN collect({holder: a.uid, rel: type(r), note: r.note, uid: t.uid, code: t.code, title: t.title}) AS targets
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*0..8]->(a)<-[:CODED_AS]-(k:Condition)
  RETURN collect(DISTINCT {key: k.key, name: k.name}) AS conditions
}
CALL (c) {
  MATCH (c)<-[:CHILD_OF*1..8]-(d)
  WHERE d.billable = true
  RETURN count(d) AS billableCodes
}
RETURN uid, c {.*} AS code, ancestors, targets, conditions, billableCodes
"""

# The releases an explanation names (the tabular list, the POA-exempt list if loaded) and the graph's data
# version, which the glossary's rephraser is kept by (graph.explain.glossary_words).
CM_RELEASES = """
OPTIONAL MATCH (s:CodeSystem {id: 'ICD10CM'})
OPTIONAL MATCH (p:HistorySource {source: 'ICD-10-CM POA exempt'})
OPTIONAL MATCH (d:DataVersion {key: 'graph'})
RETURN s.name AS name, s.version AS version, p.release AS poaRelease, d.version AS dataVersion
"""

# Every ICD-10-CM code's uid, for the test that explains them all in batches.
CM_UIDS = "MATCH (c:Code) WHERE c.system = 'ICD10CM' RETURN c.uid AS uid ORDER BY uid"
