"""Reads behind "similar codes" (graph.reads.similar): the evidence that two codes are alike, batched by uid.

One statement returning one row per requested code that exists, every kind of evidence a subquery of its own
(each returns one row: a code's row stays one); the scoring happens in Python. One statement, not one per kind:
the driver spends about 0.2 ms of Python on each. Far ends of patterns stay unlabelled: with `(o:Code)` there
the embedded engine scans every code. Nothing here walks a wide fan-in (a PCS table or an HCPCS group has up to
2,000 children, a PCS axis value tens of thousands of codes): codes under such a parent arrive as
`row.neighbours`, uids the caller lists from the code's own characters, each one an index lookup.

Curated evidence (`links`, `shared`, `curated`): explicit relations in both directions (not the GEMs: a retired
ICD-9-CM code is no similar code, and the code page lists the crosswalks itself), and the shared concepts with
every other code linked to them (how many share a concept is what makes it rare); `curated` is the population
for IDF.

Where the code sits (`code`, `parent`, `grandparent`, `siblings`, `cousins`, `neighbours`, `axes`,
`ancestors`): siblings (unless the parent is wide: then `row.siblings` is false and `row.neighbours` lists the
candidates), cousins under an ICD-10-CM category or subcategory, PCS axis values, and the ancestors (never
offered as similar: they are the code's own breadcrumb).

Notes and concepts (`notes`, `conditions`, `drugs`, `conditionLinks`): codes a note of the code (or of an
ancestor up to its category) names, except EXCLUDES ("not coded here"), and the concepts that code the code or
an ancestor: conditions (with their other codes) and drugs (with their other codes and the procedures that use
them). A candidate inside the code's own subtree is dropped.
"""

SIMILAR_EVIDENCE = """
UNWIND $rows AS row
MATCH (c:Code {uid: row.uid})
OPTIONAL MATCH (c)-[:CHILD_OF]->(p)
OPTIONAL MATCH (p)-[:CHILD_OF]->(g)
CALL (c) {
  MATCH (c)-[r:RELATED|HAS_ALTERNATIVE|MAPS_TO]->(o)
  WHERE o.uid IS NOT NULL AND coalesce(r.source, '') <> 'CMS GEMs'
  RETURN collect({uid: o.uid, system: o.system, code: o.code, rel: type(r), outgoing: true, type: r.type, approximate: r.approximate}) AS outgoing
}
CALL (c) {
  MATCH (c)<-[r:RELATED|HAS_ALTERNATIVE|MAPS_TO]-(o)
  WHERE coalesce(r.source, '') <> 'CMS GEMs'
  RETURN collect({uid: o.uid, system: o.system, code: o.code, rel: type(r), outgoing: false, type: r.type, approximate: r.approximate}) AS incoming
}
CALL (c) {
  MATCH (c)-[r:INDICATED_FOR|HAS_RISK|PERFORMED_BY|PERFORMED_IN|USES_DRUG]->(k)
  CALL (c, r, k) {
    MATCH (k)<-[s]-(o)
    WHERE type(s) = type(r) AND o <> c
    RETURN collect(o.uid) AS others
  }
  RETURN collect({rel: type(r), key: k.key, name: k.name, others: others}) AS shared
}
CALL (c, p, row) {
  MATCH (p)<-[:CHILD_OF]-(s)
  WHERE row.siblings AND s <> c
  RETURN collect(s {.uid, .system, .code, .title, .active}) AS siblings
}
CALL (p, g) {
  MATCH (g)<-[:CHILD_OF]-(a)<-[:CHILD_OF]-(s)
  WHERE g.kind IN ['category', 'subcategory'] AND a <> p
  RETURN collect(s {.uid, .system, .code, .title, .active}) AS cousins
}
CALL (row) {
  UNWIND row.neighbours AS near
  MATCH (s:Code {uid: near})
  RETURN collect(s {.uid, .system, .code, .title, .active}) AS neighbours
}
CALL (c) {
  MATCH (c)-[r:ROOT_OPERATION|BODY_PART|APPROACH|DEVICE|QUALIFIER]->(v)
  RETURN collect({rel: type(r), axis: v.axis, meaning: v.meaning}) AS axes
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*1..8]->(a)
  RETURN collect(a.uid) AS ancestors
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*0..8]->(a)-[r:CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t)
  WHERE a.kind <> 'block' AND a.kind <> 'chapter' AND NOT EXISTS { (t)-[:CHILD_OF*0..8]->(c) }
  RETURN collect({rel: type(r), holder: a.uid, holderCode: a.code, holderKind: a.kind, uid: t.uid, system: t.system, code: t.code}) AS notes
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*0..8]->(a)<-[:CODED_AS]-(k:Condition)
  WITH DISTINCT c, k
  CALL (c, k) {
    MATCH (k)-[:CODED_AS]->(o)
    WHERE NOT EXISTS { (o)-[:CHILD_OF*0..8]->(c) }
    RETURN collect({uid: o.uid, system: o.system, code: o.code}) AS codes
  }
  RETURN collect({key: k.key, name: k.name, df: COUNT { (k)-[:CODED_AS]->() }, codes: codes}) AS conditions
}
CALL (c) {
  MATCH (c)<-[:CODED_AS]-(d:Drug)
  CALL (c, d) {
    MATCH (d)-[:CODED_AS]->(o)
    WHERE o <> c
    RETURN collect({uid: o.uid, system: o.system, code: o.code}) AS codes
  }
  CALL (d) {
    MATCH (d)<-[:USES_DRUG]-(o)
    RETURN collect({uid: o.uid, system: o.system, code: o.code}) AS users
  }
  RETURN collect({key: d.key, name: d.name, codes: codes, users: users}) AS drugs
}
RETURN row.uid AS uid, outgoing + incoming AS links, shared, COUNT { (:Monograph) } AS curated,
       c {.system, .code, .title, .active} AS code, p {.uid, .code, .kind, .title} AS parent,
       g {.uid, .code, .kind, .title} AS grandparent, siblings, cousins, neighbours, axes, ancestors,
       notes, conditions, drugs, COUNT { (:Condition)-[:CODED_AS]->() } AS conditionLinks
"""
