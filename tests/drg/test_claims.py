"""A claim is checked before the grouper sees it: codes are normalised, and every refusal names its field."""

import pytest

from graph.drg import claims
from graph.drg.claims import ClaimError, PresentOnAdmission, Sex
from graph.drg.versions import DEFAULT_VERSION, GrouperVersion


def claim(**changes: object) -> claims.Claim:
    given: dict[str, object] = {
        "principal": "I50.20",
        "secondary": [("E11.65", PresentOnAdmission.Y)],
        "procedures": ["02703dz"],
        "age": 65,
        "sex": Sex.MALE,
        "discharge_status": 1,
        "grouper_version": None,
    }
    return claims.claim(**{**given, **changes})  # type: ignore[arg-type]


def refusal(**changes: object) -> ClaimError:
    with pytest.raises(ClaimError) as raised:
        claim(**changes)
    return raised.value


def test_codes_are_taken_dotted_or_not_and_in_any_case() -> None:
    checked = claim(principal=" i50.20 ")
    assert checked.principal.code == "I5020"
    assert checked.secondary[0].code == "E1165"
    assert checked.secondary[0].poa is PresentOnAdmission.Y
    assert checked.procedures == ("02703DZ",)


def test_the_default_grouper_release_is_the_one_matching_the_loaded_icd10_files() -> None:
    assert claim().version == GrouperVersion(DEFAULT_VERSION)
    assert GrouperVersion(431).name == "v43.1"
    assert GrouperVersion(431).fiscal_year == 2026
    assert GrouperVersion(431).effective.isoformat() == "2026-04-01"
    assert GrouperVersion(440).effective.isoformat() == "2026-10-01"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"principal": "heart failure"}, "principalDiagnosis"),
        ({"principal": "02703DZ"}, "principalDiagnosis"),
        ({"secondary": [("E11.65", None), ("I5", None)]}, "secondaryDiagnoses[1].code"),
        ({"procedures": ["0270"]}, "procedures[0]"),
        ({"procedures": ["0I703DZ"]}, "procedures[0]"),  # PCS never uses I or O
        ({"age": -1}, "age"),
        ({"age": 125}, "age"),
        ({"discharge_status": 0}, "dischargeStatus"),
        ({"discharge_status": 100}, "dischargeStatus"),
        ({"grouper_version": 390}, "grouperVersion"),
        ({"secondary": [("E11.65", None)] * 25}, "secondaryDiagnoses"),
        ({"procedures": ["02703DZ"] * 26}, "procedures"),
    ],
)
def test_a_claim_the_grouper_cannot_take_is_refused_naming_the_field(
    changes: dict[str, object], field: str
) -> None:
    error = refusal(**changes)
    assert error.field == field
    assert str(error).startswith(f"{field}:")


def test_an_unknown_release_is_refused_with_the_releases_there_are() -> None:
    assert "431 (v43.1)" in str(refusal(grouper_version=999))


def test_the_most_a_claim_holds_is_accepted() -> None:
    checked = claim(secondary=[("E11.65", None)] * 24, procedures=["02703DZ"] * 25, age=124)
    assert (len(checked.secondary), len(checked.procedures), checked.age) == (24, 25, 124)
