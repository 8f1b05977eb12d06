"""FHIR R4 terminology facade (`/fhir`): CodeSystem `$lookup`, `$validate-code`, `$subsumes`, ValueSet
`$expand` and `$validate-code`, ConceptMap `$translate`, over the same graph reads and search index as
GraphQL."""

from server.fhir.routes import fhir_routes

__all__ = ["fhir_routes"]
