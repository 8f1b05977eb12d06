"""Reads of the `(:CodeSystem)` release records."""

LIST_CODE_SYSTEMS = """
MATCH (s:CodeSystem)
RETURN s {.id, .name, .version, .source, .loadedAt, .codeCount, .billableCount} AS system
ORDER BY system.id
"""
