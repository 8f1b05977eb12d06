"""What the Medicare Code Editor's edits and the grouper's return codes mean, in plain words.

The meanings follow CMS's Definitions of Medicare Code Edits; each says what the edit found, not what to code.
An edit this table does not know yet is reported under its own name, never dropped.
"""

EDITS: dict[str, str] = {
    "INVALID_CODE": "A code is not in the ICD-10 release for the discharge date.",
    "SEX_CONFLICT": "A code is for patients of the other sex than the claim gives.",
    "AGE_CONFLICT": "A code is for a different age group (newborn, child, maternity or adult) than the "
    "patient's age.",
    "INVALID_AGE": "The age is not between 0 and 124 years.",
    "INVALID_SEX": "The sex is not one the editor takes.",
    "INVALID_DISCHARGE_STATUS": "The discharge status is not one of the codes CMS defines.",
    "INVALID_ADMIT_DX": "The admitting diagnosis is not a valid code.",
    "INVALID_POA": "A present-on-admission indicator is missing or not a value CMS takes for that code.",
    "E_CODE_AS_PDX": "An external-cause code (how an injury happened) is given as the principal diagnosis; "
    "it can only be a secondary diagnosis.",
    "DUPLICATE_OF_PDX": "A secondary diagnosis is the same code as the principal diagnosis.",
    "MANIFESTATION_AS_PDX": "A manifestation code is the principal diagnosis; the underlying disease "
    "is coded first.",
    "NONSPECIFIC_PDX": "The principal diagnosis is a nonspecific code that a more specific one "
    "should replace.",
    "UNACCEPTABLE_PDX": "The principal diagnosis is a code that is not acceptable as the reason for an "
    "inpatient stay.",
    "QUESTIONABLE_ADMISSION": "The principal diagnosis is not usually a reason to admit a patient to "
    "hospital.",
    "QUESTIONABLE_OBSTETRIC_ADMISSION": "An obstetric admission has no obstetric principal diagnosis that "
    "explains it.",
    "REQUIRES_SDX": "The principal diagnosis needs a secondary diagnosis to go with it.",
    "NON_COVERED": "A procedure is one Medicare does not cover.",
    "LIMITED_COVERAGE": "A procedure is covered by Medicare only in limited circumstances.",
    "LIMITED_COVERAGE_LVRS": "Lung volume reduction surgery is covered only in limited circumstances.",
    "LIMITED_COVERAGE_KIDNEY": "A kidney transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_LIVER": "A liver transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_HEART": "A heart transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_LUNG": "A lung transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_PANCREAS": "A pancreas transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_INTESTINE": "An intestine transplant is covered only in limited circumstances.",
    "LIMITED_COVERAGE_ARTIFICIAL_HEART": "An artificial heart is covered only in limited circumstances.",
    "OPEN_BIOPSY": "An open biopsy is coded; CMS asks that it be checked, since most biopsies are closed.",
    "BILATERAL": "Procedures on both sides of the lower limbs are coded without a diagnosis that "
    "explains both.",
    "NONSPECIFIC_OR": "An operating-room procedure code is nonspecific.",
    "WRONG_PROCEDURE_PERFORMED": "A diagnosis says that the wrong procedure was performed.",
    "INCONSISTENT_WITH_LENGTH_OF_STAY": "A procedure code is inconsistent with the length of the stay.",
    "MEDICARE_IS_SECONDARY_PAYER": "A diagnosis suggests that another payer pays before Medicare.",
    "UNSPECIFIED": "The editor reports an edit it does not name.",
}

RETURN_CODES: dict[str, str] = {
    "OK": "The claim grouped.",
    "INVALID_PDX": "The principal diagnosis is not a valid code for this grouper release, so the claim is "
    "ungroupable (DRG 999).",
    "DX_CANNOT_BE_PDX": "The principal diagnosis is a code that can never be a principal diagnosis, so the "
    "claim is ungroupable (DRG 999).",
    "INVALID_SEX": "The sex is not valid for grouping.",
    "INVALID_DISCHARGE_STATUS": "The discharge status is not valid for grouping.",
    "INVALID_AGE": "The age is not valid for grouping.",
    "INVALID_DISCHARGE_DATE": "The discharge date is outside the grouper release.",
    "HAC_MISSING_ONE_POA": "A present-on-admission indicator that hospital-acquired condition rules need is "
    "missing.",
    "HAC_STATUS_INVALID_POA_N_OR_U": "A hospital-acquired condition has a POA indicator of N or U, which "
    "makes the claim ungroupable under the rules for hospitals that must report POA.",
    "HAC_STATUS_INVALID_MULT_HACS_POA_NOT_Y_W": "Several hospital-acquired conditions lack a POA indicator "
    "of Y or W, which makes the claim ungroupable.",
}


def edit_message(name: str) -> str:
    return EDITS.get(name, f"The Medicare Code Editor reports {name}.")


def return_message(code: str) -> str:
    return RETURN_CODES.get(code, f"The grouper returns {code}.")
