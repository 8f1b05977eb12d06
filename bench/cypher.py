"""Raw Cypher of the benchmarks (bench/): the baselines the GraphQL API is measured against. The app never runs these.

FULLTEXT_SEARCH is one call of the engine's full-text index, as an analyst would write it: the matches in
score order, counted, with the first page's codes and titles. The PAGE_* statements fetch what the full code
page shows (bench/queries/code_page.graphql) in as few statements as the data allows: the code with every
section in one, its depth-1 neighbourhood with the neighbours' properties in one, and the edges among the
drawn nodes in one; similar codes come from graph.reads.similar (their evidence needs its three statements
and Python scoring), then PAGE_CODES reads the ten codes it names.

As in the app's queries, far ends of patterns stay unlabelled where a label would make the embedded engine
scan every code, and no map literal nests a map projection (the engine drops its other keys).
"""

FULLTEXT_SEARCH = """
CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score
WITH node, score
ORDER BY score DESC
WITH collect({code: node.code, title: node.title}) AS hits
RETURN size(hits) AS total, hits[0..$first] AS top
"""

PAGE_SECTIONS = """
MATCH (c:Code {uid: $uid})
CALL (c) {
  MATCH path = (c)-[:CHILD_OF*1..10]->(a)
  WITH a, length(path) AS distance
  ORDER BY distance
  RETURN collect(a {.*}) AS ancestors,
    collect([(a)-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t) | {type: type(r), note: r.note, system: t.system, code: t.code, title: t.title}]) AS ancestorTargets
}
CALL (c) {
  MATCH (c)-[:CHILD_OF*0..10]->(a)<-[:CODED_AS]-(k:Condition)
  RETURN collect(DISTINCT {key: k.key, name: k.name, synonyms: k.synonyms}) AS conditions
}
RETURN c {.*} AS code, ancestors, ancestorTargets, conditions,
  [(c)<-[:CHILD_OF]-(k) | {system: k.system, code: k.code, title: k.title, billable: k.billable}] AS children,
  [(c)-[r:EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]->(t) | {type: type(r), note: r.note, system: t.system, code: t.code, title: t.title}] AS noteTargets,
  [(c)-[:HAS_MONOGRAPH]->(m:Monograph) | m {.*}] AS monographs,
  [(c)-[r:INDICATED_FOR]->(n:Condition) | {key: n.key, name: n.name, synonyms: n.synonyms, note: r.note, rank: r.rank}] AS indications,
  [(c)-[r:HAS_RISK]->(n:Risk) | {key: n.key, name: n.name, note: r.note, rank: r.rank}] AS risks,
  [(c)-[r:HAS_BENEFIT]->(n:Benefit) | {key: n.key, name: n.name, note: r.note, rank: r.rank}] AS benefits,
  [(c)-[r:PERFORMED_BY]->(n:PersonnelRole) | {key: n.key, name: n.name, involvement: r.involvement, rank: r.rank}] AS personnel,
  [(c)-[r:PERFORMED_IN]->(n:Setting) | {key: n.key, name: n.name, note: r.note, rank: r.rank}] AS settings,
  [(c)-[r:HAS_ALTERNATIVE]->(n:Treatment) | {key: n.key, name: n.name, description: n.description, note: r.note, rank: r.rank}] AS treatments,
  [(c)-[r:HAS_ALTERNATIVE]->(n:Code) | {system: n.system, code: n.code, title: n.title, billable: n.billable, note: r.note, rank: r.rank}] AS codeAlternatives,
  [(c)-[r:USES_DRUG]->(n:Drug) | {key: n.key, name: n.name, rank: r.rank, codes: [(n)-[:CODED_AS]->(d) | {system: d.system, code: d.code, title: d.title, billable: d.billable}]}] AS drugs,
  [(c)-[r:RELATED]-(n:Code) | {type: r.type, inverse: startNode(r) <> c, system: n.system, code: n.code, title: n.title, billable: n.billable}] AS related,
  [(c)-[r:MAPS_TO]-(n:Code) | {source: r.source, approximate: r.approximate, outgoing: startNode(r) = c, system: n.system, code: n.code, title: n.title, billable: n.billable}] AS mappings
"""

# The centre and every node one hop away that the picture draws, with what it shows (at most $children
# children, in code order; monographs are prose, not drawn).
PAGE_NEIGHBOURS = """
MATCH (c:Code {uid: $uid})
CALL (c) {
  MATCH (c)-[r]->(m)
  WHERE NOT m:Monograph
  RETURN collect({type: type(r), id: elementId(m), labels: labels(m), uid: m.uid, key: m.key, code: m.code, system: m.system, title: m.title, name: m.name, meaning: m.meaning}) AS outgoing
}
CALL (c) {
  MATCH (c)<-[r:RELATED|HAS_ALTERNATIVE|MAPS_TO|INDICATED_FOR|HAS_RISK|HAS_BENEFIT|PERFORMED_BY|PERFORMED_IN|USES_DRUG|CODED_AS|EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]-(m)
  RETURN collect({type: type(r), id: elementId(m), labels: labels(m), uid: m.uid, key: m.key, code: m.code, system: m.system, title: m.title, name: m.name, meaning: m.meaning}) AS incoming
}
CALL (c) {
  MATCH (c)<-[r:CHILD_OF]-(m)
  WITH r, m
  ORDER BY m.uid
  LIMIT $children
  RETURN collect({type: type(r), id: elementId(m), labels: labels(m), uid: m.uid, key: m.key, code: m.code, system: m.system, title: m.title, name: m.name, meaning: m.meaning}) AS children
}
RETURN elementId(c) AS id, outgoing, incoming, children
"""

# Every relationship among the drawn nodes, read from the side it leaves.
PAGE_NEIGHBOUR_EDGES = """
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
MATCH (n)-[r]->(m)
WHERE elementId(m) IN $ids
RETURN collect({source: id, target: elementId(m), type: type(r)}) AS edges
"""

# The codes "similar codes" names, with what the page shows of each.
PAGE_CODES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN collect({uid: c.uid, system: c.system, code: c.code, title: c.title, billable: c.billable}) AS codes
"""
