"""A claim as the grouper takes it, checked before it reaches the grouper: every refusal names its field.

Only the shape of a code is checked here. Whether a well-formed code exists in the release is the Medicare
Code Editor's to say (INVALID_CODE), as it is on a real claim; nothing a client sends is dropped or rewritten
beyond taking out the dot of ICD-10-CM and upper-casing.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from graph.drg.versions import DEFAULT_VERSION, GrouperVersion, supported

MAX_SECONDARY = 24  # the UB-04 claim has room for the principal and 24 other diagnoses
MAX_PROCEDURES = 25  # and for 25 procedures
MAX_AGE = 124  # the Medicare Code Editor's valid ages are 0 to 124
_DIAGNOSIS = re.compile(r"[A-Z][0-9][0-9A-Z]{1,5}")  # ICD-10-CM without its dot: 3 to 7 characters
_PROCEDURE = re.compile(r"[0-9A-HJ-NP-Z]{7}")  # ICD-10-PCS: 7 characters, never I or O


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class PresentOnAdmission(StrEnum):
    """The POA indicator of a diagnosis, as CMS defines its values."""

    Y = "Y"  # present at the time of inpatient admission
    N = "N"  # not present
    U = "U"  # documentation insufficient to say
    W = "W"  # clinically undetermined
    EXEMPT = "1"  # exempt from POA reporting (the POA exempt list); sent to the grouper as blank


@dataclass(frozen=True, slots=True)
class Diagnosis:
    code: str  # ICD-10-CM without the dot, upper case
    poa: PresentOnAdmission | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    principal: Diagnosis
    secondary: tuple[Diagnosis, ...]
    procedures: tuple[str, ...]
    age: int
    sex: Sex
    discharge_status: int
    version: GrouperVersion


class ClaimError(ValueError):
    """A claim the grouper cannot take; `field` is the input field at fault, as the client named it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def diagnosis_code(text: str, field: str) -> str:
    """An ICD-10-CM code as the grouper takes it ("I50.20" → "I5020"), or ClaimError for what is not one."""
    code = text.strip().upper().replace(".", "", 1)
    if not _DIAGNOSIS.fullmatch(code):
        raise ClaimError(field, f"{field}: {text[:40]!r} is not an ICD-10-CM code (like I50.20).")
    return code


def procedure_code(text: str, field: str) -> str:
    code = text.strip().upper()
    if not _PROCEDURE.fullmatch(code):
        raise ClaimError(field, f"{field}: {text[:40]!r} is not an ICD-10-PCS code (7 characters: 02703DZ).")
    return code


def version(number: int | None) -> GrouperVersion:
    if number is None:
        return GrouperVersion(DEFAULT_VERSION)
    known = supported()
    if GrouperVersion(number) not in known:
        names = ", ".join(f"{v.number} ({v.name})" for v in known)
        raise ClaimError("grouperVersion", f"grouperVersion: {number} is not a grouper release: {names}.")
    return GrouperVersion(number)


def claim(
    principal: str,
    secondary: list[tuple[str, PresentOnAdmission | None]],
    procedures: list[str],
    age: int,
    sex: Sex,
    discharge_status: int,
    grouper_version: int | None,
    principal_poa: PresentOnAdmission | None = None,
) -> Claim:
    """The checked claim; ClaimError names the first field at fault."""
    if len(secondary) > MAX_SECONDARY:
        raise ClaimError("secondaryDiagnoses", f"secondaryDiagnoses: at most {MAX_SECONDARY} on a claim.")
    if len(procedures) > MAX_PROCEDURES:
        raise ClaimError("procedures", f"procedures: at most {MAX_PROCEDURES} on a claim.")
    if not 0 <= age <= MAX_AGE:
        raise ClaimError("age", f"age: {age} is not an age in years from 0 to {MAX_AGE}.")
    if not 1 <= discharge_status <= 99:
        raise ClaimError("dischargeStatus", f"dischargeStatus: {discharge_status} is not a status (1-99).")
    return Claim(
        principal=Diagnosis(diagnosis_code(principal, "principalDiagnosis"), principal_poa),
        secondary=tuple(
            Diagnosis(diagnosis_code(code, f"secondaryDiagnoses[{i}].code"), poa)
            for i, (code, poa) in enumerate(secondary)
        ),
        procedures=tuple(procedure_code(code, f"procedures[{i}]") for i, code in enumerate(procedures)),
        age=age,
        sex=sex,
        discharge_status=discharge_status,
        version=version(grouper_version),
    )
