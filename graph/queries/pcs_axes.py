"""Reads of ICD-10-PCS codes' seven characters (graph.reads.pcs_axes); each takes a batch of code uids."""

# Characters 1 and 2 are the section and body system the code sits under, named by the Tables.
CODE_OUTLINE_AXES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF*1..3]->(a:Code)
WHERE a.kind IN ['section', 'body_system']
RETURN uid, size(a.code) AS position, a.axis AS title, substring(a.code, size(a.code) - 1) AS character,
       a.title AS label
"""
# Characters 3 to 7 are the axis values the code links to, with their definitions where CMS gives one.
CODE_VALUE_AXES = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:ROOT_OPERATION|BODY_PART|APPROACH|DEVICE|QUALIFIER]->(v:PcsValue)
RETURN uid, v.position AS position, v.axis AS title, v.value AS character, v.meaning AS label,
       v.definition AS definition, v.explanation AS explanation, v.includes AS includes
"""
