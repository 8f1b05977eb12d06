"""Writes of `medgraph load pcs-definitions` (graph.vocabulary.pcs_definitions): a new Definitions XML for the
loaded ICD-10-PCS axis values."""

PCS_VALUES = """
MATCH (v:PcsValue)
RETURN v.key AS key, v.section AS section, v.bodySystem AS bodySystem, v.position AS position, v.axis AS axis,
       v.value AS value, v.meaning AS meaning
"""
PCS_OUTLINE_NAMES = """
MATCH (c:Code {system: 'ICD10PCS'})
WHERE c.kind IN ['section', 'body_system']
RETURN c.code AS code, c.title AS title
"""
# Every value gets a row, so that a term the new file no longer has goes.
SET_PCS_DEFINITIONS = """
UNWIND $rows AS r
MATCH (v:PcsValue {key: r.key})
SET v.definition = r.definition, v.explanation = r.explanation, v.includes = r.includes
"""
