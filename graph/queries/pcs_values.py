"""Reads of the loaded ICD-10-PCS axis values and outline, for the loads that match text to them: the PCS
index's `use` texts (graph.vocabulary.pcs_targets) and the Definitions' terms (graph.vocabulary.pcs_definitions)."""

PCS_VALUES = """
MATCH (v:PcsValue)
RETURN v.key AS key, v.section AS section, v.bodySystem AS bodySystem, v.position AS position, v.axis AS axis,
       v.value AS value, v.meaning AS meaning
"""
# The sections and body systems by code, which texts name by title ("… in Heart and Great Vessels").
PCS_OUTLINE = """
MATCH (c:ICD10PCS)
WHERE size(c.code) <= 2
RETURN c.code AS code, c.title AS title
"""
