"""What the grouper says of one ICD-10-CM code on its own: its CC/MCC level as a secondary diagnosis, the MDC
it leads to as a principal diagnosis, and whether it may be a principal diagnosis at all.

Each is read off one grouping of a claim that holds the code alone (adult, sex unknown, discharged home), as
the grouper reports it for that code: the level is the code's own (a principal diagnosis may still exclude it
on a claim), the MDC is the one its principal-diagnosis row gives. Nothing here is derived by our own rules.
"""

from dataclasses import dataclass
from functools import lru_cache

from graph.drg.claims import Claim, Diagnosis, Sex
from graph.drg.grouping import Mdc, run
from graph.drg.versions import DEFAULT_VERSION, GrouperVersion

_CANNOT_BE_PRINCIPAL = ("DX_CANNOT_BE_PDX",)


@dataclass(frozen=True, slots=True)
class CodeLevel:
    code: str  # without the dot
    version: GrouperVersion
    as_secondary: str  # MCC, CC or NONE
    principal_mdc: Mdc | None  # None where it cannot be a principal diagnosis
    can_be_principal: bool


@lru_cache(maxsize=20_000)  # a pure function of code and release; bounded, as each entry is small
def code_level(code: str, version: int = DEFAULT_VERSION) -> CodeLevel | None:
    """The code's levels, or None where the release does not have it as a valid code (a category, a code
    deleted or added in another year)."""
    release = GrouperVersion(version)
    claim = Claim(Diagnosis(code), (), (), age=65, sex=Sex.UNKNOWN, discharge_status=1, version=release)
    result, _ = run(claim)
    principal = result.get("pdx_output") or {}
    if result.get("return_code") == "INVALID_PDX" or "VALID" not in (principal.get("flags") or ()):
        return None
    can_be_principal = result.get("return_code") not in _CANNOT_BE_PRINCIPAL
    mdc = result.get("final_mdc") if can_be_principal else None
    return CodeLevel(
        code=code,
        version=release,
        as_secondary=principal.get("severity") or "NONE",
        principal_mdc=Mdc(mdc, result.get("final_mdc_description") or "") if mdc else None,
        can_be_principal=can_be_principal,
    )
