"""Reads for generated explanations: the facts of one code, and the titles of the codes its data names."""

CODES_NAMED = """
UNWIND $uids AS uid
MATCH (c:Code {uid: uid})
RETURN c.uid AS uid, c.code AS code, c.title AS title
"""
