"""Errors of the FHIR facade, answered as OperationOutcome resources.

FhirError(status, code, text)
├── the code is a FHIR issue-type code: `not-found` (404), `invalid`, `required`, `value`, `too-costly` (400),
│   `not-supported` (406 for a format other than JSON, 400 otherwise)
└── raised anywhere under server.fhir; the routes turn it into the response (never a 500)
"""

from typing import Any


class FhirError(Exception):
    def __init__(self, status: int, code: str, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.code = code
        self.text = text


def outcome(code: str, text: str, severity: str = "error") -> dict[str, Any]:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": text}],
    }


def not_found(text: str) -> FhirError:
    return FhirError(404, "not-found", text)


def invalid(text: str, code: str = "invalid") -> FhirError:
    return FhirError(400, code, text)
