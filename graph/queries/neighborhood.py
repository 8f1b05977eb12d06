"""Reads behind a code's neighbourhood picture (graph.reads.neighborhood): one breadth-first step per statement.

Nodes are addressed by `elementId` between the statements of one read transaction (codes and concepts have
different keys, and an element id is the one handle every node has). Monographs are prose, not drawn.
A node's children are read in code order and capped by `$children` (a PCS table or an HCPCS group has up to
2,000); every other relationship a node has is few. Axis values are never expanded (tens of thousands of
PCS codes share one), which the caller ensures by never passing them.
"""

NEIGHBORHOOD_CENTRE = "MATCH (c:Code {uid: $uid}) RETURN elementId(c) AS id"

NEIGHBORHOOD_EXPAND = """
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
CALL (n) {
  MATCH (n)-[r]->(m)
  WHERE NOT m:Monograph
  RETURN collect({type: type(r), outgoing: true, id: elementId(m), labels: labels(m), uid: m.uid, key: m.key}) AS outgoing
}
CALL (n) {
  MATCH (n)<-[r:RELATED|HAS_ALTERNATIVE|MAPS_TO|INDICATED_FOR|HAS_RISK|HAS_BENEFIT|PERFORMED_BY|PERFORMED_IN|USES_DRUG|CODED_AS|EXCLUDES1|EXCLUDES2|CODE_FIRST|CODE_ALSO|USE_ADDITIONAL]-(m)
  RETURN collect({type: type(r), outgoing: false, id: elementId(m), labels: labels(m), uid: m.uid, key: m.key}) AS incoming
}
CALL (n) {
  MATCH (n)<-[r:CHILD_OF]-(m)
  WITH r, m
  ORDER BY m.uid
  LIMIT $children
  RETURN collect({type: type(r), outgoing: false, id: elementId(m), labels: labels(m), uid: m.uid, key: m.key}) AS children
}
UNWIND outgoing + incoming + children AS edge
RETURN collect(edge) AS edges
"""

# What the chosen nodes show, and every relationship among them, read from the side it leaves (a node's
# outgoing relationships are few), so the picture also shows how the neighbours relate to each other. One
# statement and one row: the driver spends about 0.2 ms of Python on a statement, 10 µs on a record.
NEIGHBORHOOD_DRAWN = """
CALL () {
  UNWIND $ids AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect({id: id, labels: labels(n), uid: n.uid, key: n.key, code: n.code, system: n.system, title: n.title, name: n.name, meaning: n.meaning, axis: n.axis}) AS nodes
}
CALL () {
  UNWIND $ids AS id
  MATCH (n) WHERE elementId(n) = id
  MATCH (n)-[r]->(m)
  WHERE elementId(m) IN $ids
  RETURN collect({source: id, target: elementId(m), type: type(r), relation: r.type, approximate: r.approximate}) AS edges
}
RETURN nodes, edges
"""
