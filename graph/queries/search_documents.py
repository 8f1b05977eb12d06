"""Reads that feed the search index (graph.search): one document per code, plus the curated words that
point at codes (condition names and synonyms, drug names, monograph names).

Codes are read in pages of consecutive uids: first every uid, then one page per statement, served by the unique
index on `uid` (`ORDER BY c.uid` with `SKIP`/`LIMIT` or `uid > $after` sorts every code on the embedded engine:
about 8 s a page). Each page is collected into one row: the embedded engine streams rows one record at a time,
and the driver spends far more time per record than per value (one row per code: 19 s for all codes; pages of
collected rows: about 2 s).

The curated reads start from the few curated nodes and leave the code end unlabelled: with `(c:Code)` at the
far end the embedded engine scans every code (0.5 s instead of 10 ms). They return nothing until knowledge
is loaded.
"""

CODE_UIDS = "MATCH (c:Code) RETURN collect(c.uid) AS uids"
CODE_DOCUMENTS = """
MATCH (c:Code)
WHERE c.uid >= $first AND c.uid <= $last
RETURN collect(c {.uid, .system, .code, .codeCompact, .title, .shortTitle, .plainTitle, .kind, .billable, .active, .inclusionTerms, .effectiveDate, .terminationDate, .curated, .release}) AS codes
"""

# Texts that may define abbreviations, "… (esrd)" (graph.search.abbreviations): titles with a parenthesis, and
# inclusion terms (lists, flattened by the reader).
DEFINING_TITLES = "MATCH (c:Code) WHERE c.title CONTAINS '(' RETURN collect(c.title) AS titles"
INCLUSION_TERM_LISTS = (
    "MATCH (c:Code) WHERE c.inclusionTerms IS NOT NULL RETURN collect(c.inclusionTerms) AS terms"
)

# A condition monograph's lay names ("high blood pressure") are words for the condition's codes too.
CONDITION_CODES = """
MATCH (n:Condition)-[:CODED_AS]->(c)
OPTIONAL MATCH (n)-[:HAS_MONOGRAPH]->(m:Monograph)
RETURN c.uid AS uid, n.name AS name, coalesce(n.synonyms, []) + coalesce(m.layNames, []) AS synonyms
"""
INDICATION_CODES = """
MATCH (n:Condition)<-[:INDICATED_FOR]-(c)
RETURN c.uid AS uid, n.name AS name, n.synonyms AS synonyms
"""
DRUG_CODES = """
MATCH (d:Drug)-[:CODED_AS]->(c)
RETURN c.uid AS uid, d.name AS name, d.synonyms AS synonyms
"""
MONOGRAPH_NAMES = """
MATCH (m:Monograph)<-[:HAS_MONOGRAPH]-(c)
WHERE c.uid IS NOT NULL
RETURN c.uid AS uid, m.name AS name, m.title AS title, m.commonNames AS commonNames
"""

# The official indexes' words (graph.search.index_words): what each term leads to, the term tree, and the
# `see` cross-references whose words reach the codes of the term they name. Each is collected into one row, as
# the code pages are; they return empty lists until an index is loaded.
INDEX_TERM_LINKS = """
MATCH (t:IndexTerm)-[r:INDEXES]->(c)
RETURN collect([t.uid, c.uid, c.system, r.prefix]) AS links
"""
INDEX_TERM_PATHS = """
MATCH (t:IndexTerm)
RETURN collect([t.uid, t.path]) AS terms
"""
INDEX_SUBTERMS = """
MATCH (t:IndexTerm)-[:SUBTERM_OF]->(p:IndexTerm)
RETURN collect([t.uid, p.uid]) AS subterms
"""
INDEX_SEE = """
MATCH (s:IndexTerm)-[:SEE]->(t:IndexTerm)
RETURN collect([s.uid, t.uid]) AS references
"""
# ICD-10-PCS body parts and devices stand for other names ("Hallux" for 1st Toe, "Saphenous vein" for Saphenous
# Vein): the body part and device keys of the PCS Definitions, given to every code of that value.
PCS_INCLUDES = """
MATCH (c:Code)-[:BODY_PART|DEVICE]->(v:PcsValue)
WHERE v.includes IS NOT NULL AND size(v.includes) > 0
RETURN collect([c.uid, v.includes]) AS links
"""
