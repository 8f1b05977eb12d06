"""Reads for generated explanations: the facts of one code, and the titles of the codes its data names."""

CODES_NAMED = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN c.uid AS uid, c.code AS code, c.title AS title
"""

# An ICD-10-PCS code's facts in one round trip: its axis values 3-7 with CMS's definitions, and the section,
# body system and table above it (characters 1 and 2 are named by the Tables there).
PCS_FACTS = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN uid, c.code AS code, c.title AS title, c.release AS release,
       [(c)-[:ROOT_OPERATION|BODY_PART|APPROACH|DEVICE|QUALIFIER]->(v:PcsValue) |
        v {.position, .axis, .value, .meaning, .definition, .explanation, .includes}] AS axisValues,
       [(c)-[:CHILD_OF*1..3]->(a:Code) | a {.uid, .code, .title, .axis}] AS outline
"""
# The codes of the same table with the same first four characters (same operation, same body part), the
# nearest by code first: what differs is how it is done and with what.
PCS_SAME_BODY_PART = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})-[:CHILD_OF]->(:Code)<-[:CHILD_OF]-(o:Code)
WHERE o.code STARTS WITH substring(c.code, 0, 4) AND o.code <> c.code
WITH uid, o
ORDER BY o.code
RETURN uid, collect(o {.uid, .code, .title})[0..$first] AS similar
"""
