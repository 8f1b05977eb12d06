"""Writes of `medgraph load pcs-definitions` (graph.vocabulary.pcs_definitions): a new Definitions XML for the
loaded ICD-10-PCS axis values."""

# Every value gets a row, so that a term the new file no longer has goes.
SET_PCS_DEFINITIONS = """
UNWIND $rows AS r
MATCH (v:PcsValue {key: r.key})
SET v.definition = r.definition, v.explanation = r.explanation, v.includes = r.includes
"""
