"""`/drg`: the DRG calculator. A plain GET form (it works without JavaScript; static/suggest.js offers codes
as in the search box) whose URL holds the whole claim, grouped by `groupClaim` explained in plain words."""

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from server.web.errors import PageQueryFailed
from server.web.rendering import failed, page
from server.web.web import Web

SECONDARY_ROWS = 8  # empty rows the form offers; more appear as they are filled, up to the API's 24
PROCEDURE_ROWS = 4
MAX_ROWS = 25  # one more than a claim holds, so that the API names the field that has too many
MAX_CODE_LENGTH = 40  # longer text is no code; the API says so
SEXES = (("UNKNOWN", "Unknown"), ("FEMALE", "Female"), ("MALE", "Male"))
POA = (
    ("", "—"),
    ("Y", "Y: present"),
    ("N", "N: not present"),
    ("U", "U: unknown"),
    ("W", "W: undetermined"),
    ("EXEMPT", "Exempt"),
)
# The CMS patient discharge status codes of the UB-04 (form locator 17) that inpatient claims use most.
STATUSES = (
    (1, "01 Home or self-care"),
    (2, "02 Short-term general hospital"),
    (3, "03 Skilled nursing facility"),
    (4, "04 Intermediate care facility"),
    (5, "05 Another type of institution"),
    (6, "06 Home under a home health agency"),
    (7, "07 Left against medical advice"),
    (20, "20 Died"),
    (21, "21 Court or law enforcement"),
    (30, "30 Still a patient"),
    (43, "43 Federal hospital"),
    (50, "50 Hospice, home"),
    (51, "51 Hospice, medical facility"),
    (61, "61 Swing bed"),
    (62, "62 Inpatient rehabilitation facility"),
    (63, "63 Long-term care hospital"),
    (64, "64 Nursing facility (Medicaid)"),
    (65, "65 Psychiatric hospital or unit"),
    (66, "66 Critical access hospital"),
    (69, "69 Designated disaster alternative care site"),
    (70, "70 Another type of health care institution"),
)


def _text(value: str | None) -> str:
    return (value or "").strip()[:MAX_CODE_LENGTH]


@dataclass(frozen=True)
class DrgForm:
    """The form as the URL gives it, kept as typed so that it is shown back as typed."""

    pdx: str
    pdx_poa: str
    secondary: tuple[tuple[str, str], ...]  # (code, POA) rows as typed, empty rows left out
    procedures: tuple[str, ...]
    age: str
    sex: str
    status: str
    version: str

    @classmethod
    def of(cls, params: QueryParams) -> "DrgForm":
        codes, poas = params.getlist("sdx")[:MAX_ROWS], params.getlist("sdx_poa")[:MAX_ROWS]
        poas += [""] * (len(codes) - len(poas))
        return cls(
            pdx=_text(params.get("pdx")),
            pdx_poa=_text(params.get("pdx_poa")),
            secondary=tuple((_text(c), _text(p)) for c, p in zip(codes, poas, strict=False) if _text(c)),
            procedures=tuple(_text(c) for c in params.getlist("pr")[:MAX_ROWS] if _text(c)),
            age=_text(params.get("age")),
            sex=_text(params.get("sex")) or "UNKNOWN",
            status=_text(params.get("status")) or "1",
            version=_text(params.get("version")),
        )

    def secondary_rows(self) -> list[tuple[str, str]]:
        return [*self.secondary, *[("", "")] * max(SECONDARY_ROWS - len(self.secondary), 2)][:24]

    def procedure_rows(self) -> list[str]:
        return [*self.procedures, *[""] * max(PROCEDURE_ROWS - len(self.procedures), 2)][:25]

    def claim(self) -> dict[str, Any] | str:
        """The ClaimInput for `groupClaim`, or what is wrong with the form that the API cannot say."""
        if not self.age.isdigit():
            return "Age: give the patient's age in whole years (0 to 124)."
        if not self.status.isdigit():
            return "Discharge status: choose one of the listed statuses."
        if self.version and not self.version.isdigit():
            return "Grouper release: choose one of the listed releases."
        poa = {value for value, _ in POA}
        return {
            "principalDiagnosis": self.pdx,
            "principalPoa": self.pdx_poa if self.pdx_poa in poa and self.pdx_poa else None,
            "secondaryDiagnoses": [
                {"code": code, "poa": p if p in poa and p else None} for code, p in self.secondary
            ],
            "procedures": list(self.procedures),
            "age": int(self.age),
            "sex": self.sex if self.sex in dict(SEXES) else "UNKNOWN",
            "dischargeStatus": int(self.status),
            "grouperVersion": int(self.version) if self.version else None,
        }


async def render(web: Web, request: Request) -> Response:
    form = DrgForm.of(request.query_params)
    claim = form.claim() if form.pdx else None
    result, problem = None, claim if isinstance(claim, str) else None
    try:
        if isinstance(claim, dict):
            result = (await web.query(request, "drg", claim=claim))["groupClaim"]
    except PageQueryFailed as exc:
        if not exc.bad_input:
            return failed(request, 503 if exc.unavailable else 500, "The grouper could not be run now.")
        problem = exc.messages[0]
    try:
        releases = (await web.query(request, "drg_releases"))["grouperReleases"]
    except PageQueryFailed:
        return failed(request, 500, "The grouper could not be run now.")
    return page(
        request,
        "drg.html",
        400 if problem else 200,
        form=form,
        sexes=SEXES,
        poa_choices=POA,
        statuses=STATUSES,
        releases=releases,
        result=result,
        problem=problem,
    )
