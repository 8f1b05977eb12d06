"""Claims through msdrg's MS-DRG grouper and Medicare Code Editor: the hand-checked cases of its documentation
and CMS's definitions, and the editor's edits in plain words."""

from graph.drg import claims, grouping
from graph.drg.claims import PresentOnAdmission, Sex
from graph.drg.edits import EDITS, edit_message


def group(
    principal: str, *secondary: str, procedures: tuple[str, ...] = (), **patient: object
) -> grouping.Grouping:
    given: dict[str, object] = {"age": 65, "sex": Sex.MALE, "discharge_status": 1, "grouper_version": None}
    given.update(patient)
    return grouping.group(
        claims.claim(
            principal=principal,
            secondary=[(code, PresentOnAdmission.Y) for code in secondary],
            procedures=list(procedures),
            **given,  # type: ignore[arg-type]
        )
    )


def test_heart_failure_with_diabetes_groups_to_drg_293() -> None:
    grouped = group("I50.20", "E11.65")
    assert (grouped.drg.number, grouped.drg.title) == (293, "Heart Failure and Shock without CC/MCC")
    assert grouped.drg.mdc == grouping.Mdc(5, "Diseases and Disorders of the Circulatory System")
    assert grouped.return_code == "OK"
    assert grouped.edits == ()
    (diabetes,) = grouped.secondary
    assert (diabetes.code, diabetes.severity, diabetes.drg_impact) == ("E1165", "NONE", "NONE")


def test_an_mcc_secondary_diagnosis_moves_heart_failure_to_drg_291_and_says_so() -> None:
    grouped = group("I50.20", "E11.65", "J96.01")
    assert grouped.drg.number == 291
    assert grouped.drg.severity == "MCC"
    failure = next(d for d in grouped.secondary if d.code == "J9601")
    assert (failure.severity, failure.drg_impact) == ("MCC", "BOTH")
    assert [d.code for d in grouped.secondary] == ["E1165", "J9601"]  # the claim's order, not the grouper's


def test_an_operating_room_procedure_makes_the_stay_surgical() -> None:
    grouped = group("I50.20", "E11.65", procedures=("02703DZ",))
    assert grouped.drg.number != 293
    (stent,) = grouped.procedures
    assert stent.operating_room
    assert stent.drg_impact == "BOTH"


def test_a_principal_diagnosis_the_release_lacks_is_ungroupable_and_an_invalid_code() -> None:
    grouped = group("I50")  # a category, not a code
    assert (grouped.drg.number, grouped.return_code) == (999, "INVALID_PDX")
    assert "INVALID_CODE" in [edit.name for edit in grouped.edits]


def test_the_editor_finds_an_external_cause_as_principal_and_a_duplicate_secondary() -> None:
    assert [edit.name for edit in group("V00.01XA").edits] == ["E_CODE_AS_PDX"]
    duplicate = group("I50.20", "I50.20").edits
    assert [(edit.name, edit.code_type) for edit in duplicate] == [("DUPLICATE_OF_PDX", "DIAGNOSIS")]


def test_every_edit_has_a_plain_message_and_an_unknown_one_keeps_its_name() -> None:
    assert all(message.endswith(".") and name not in message for name, message in EDITS.items())
    assert edit_message("SOMETHING_NEW") == "The Medicare Code Editor reports SOMETHING_NEW."


def test_an_exempt_poa_is_sent_as_blank() -> None:
    claim = claims.claim("I50.20", [("Z79.4", PresentOnAdmission.EXEMPT)], [], 65, Sex.MALE, 1, None)
    assert grouping.claim_input(claim)["sdx"] == [{"code": "Z794", "poa": " "}]
    assert grouping.group(claim).return_code == "OK"
