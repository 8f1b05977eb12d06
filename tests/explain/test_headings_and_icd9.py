"""ICD-10-PCS headings and ICD-9-CM codes explained, with nothing the data does not say
(graph/explain/pcs_headings.py, graph/explain/icd9cm.py); the rows are the real codes' titles and flags."""

from graph.explain.icd9cm import explain_icd9
from graph.explain.pcs_headings import explain_pcs_heading
from graph.reads.codes import CodeRow, MappingRow


def row(system: str, code: str, title: str, kind: str, **properties: object) -> CodeRow:
    short, last_day = properties.pop("short", None), properties.pop("last_day", None)
    return CodeRow(
        uid=f"{system}:{code}", system=system, code=code, title=title,
        short_title=str(short) if short else None, kind=kind, billable=False, active=system != "ICD9CM",
        effective_date=None,
        termination_date=str(last_day) if last_day else None, curated=False, official=True,
        properties=properties,
    )  # fmt: skip


SECTION = row("ICD10PCS", "0", "Medical and Surgical", "section", release="FY2026")
BODY_SYSTEM = row("ICD10PCS", "0D", "Gastrointestinal System", "body_system", release="FY2026")
TABLE = row("ICD10PCS", "0DT", "Gastrointestinal System, Resection", "table", release="FY2026")


def test_a_pcs_table_says_what_it_is_where_it_sits_and_how_many_codes_it_holds() -> None:
    explained = explain_pcs_heading(TABLE, [BODY_SYSTEM, SECTION], 30)
    assert explained is not None
    assert explained.summary == (
        "0DT is an ICD-10-PCS table: Gastrointestinal System, Resection. It is a heading, not a code to "
        "report: every code that starts with 0DT sits under it. It holds 30 codes."
    )
    heading, place = explained.sections
    assert heading.text == (
        "In ICD-10-PCS, the first three characters of a code name its table. "
        "A code to report has seven characters; 0DT names only the first three characters."
    )
    assert place.text == "0DT sits under 0, 0D."
    assert [(item.text, item.code) for item in place.items] == [
        ("0: Medical and Surgical", "ICD10PCS:0"),
        ("0D: Gastrointestinal System", "ICD10PCS:0D"),
    ]
    assert explained.generated_from == ("ICD-10-PCS FY2026 (CMS) order file",)


def test_a_pcs_section_sits_at_the_top() -> None:
    explained = explain_pcs_heading(SECTION, [], 31)
    assert explained is not None
    assert explained.sections[1].text == "0 is one of the sections at the top of ICD-10-PCS."
    assert explained.summary.endswith("It holds 31 body systems.")


def test_an_icd9_diagnosis_says_what_it_meant_that_it_is_retired_and_where_the_gems_lead() -> None:
    code = row(
        "ICD9CM", "453.40",
        "Acute venous embolism and thrombosis of unspecified deep vessels of lower extremity", "code",
        short="Ac DVT/embl low ext NOS", last_day="2015-09-30", volume="diagnosis",
        release="FY2015 (version 32)",
    )  # fmt: skip
    gems = [
        MappingRow(
            uid="ICD10CM:I82.409", system="ICD10CM", source="CMS GEMs", approximate=True, outgoing=True
        )
    ]
    explained = explain_icd9(code, gems)
    assert explained.summary == (
        "453.40 is an ICD-9-CM diagnosis code from the final release of ICD-9-CM. It stands for: Acute "
        "venous embolism and thrombosis of unspecified deep vessels of lower extremity. ICD-10-CM replaced "
        "it for services from October 1, 2015, so it is kept for older records only."
    )
    assert [section.text for section in explained.sections] == [
        "The official description reads “Acute venous embolism and thrombosis of unspecified deep vessels of "
        "lower extremity”. Its short name is “Ac DVT/embl low ext NOS”.",
        "The last day it could be reported was September 30, 2015. Services from October 1, 2015 are coded "
        "in ICD-10-CM instead.",
        "CMS's GEMs lead from it to 1 ICD-10-CM code. The crosswalk section of this page lists them with "
        "how closely each fits.",
    ]
    assert explained.generated_from == (
        "ICD-9-CM FY2015 (version 32) (CMS)",
        "CMS General Equivalence Mappings (2018)",
    )


def test_an_icd9_procedure_leads_to_icd10_pcs_and_a_code_without_gems_says_nothing_of_them() -> None:
    code = row(
        "ICD9CM", "45.13", "Other endoscopy of small intestine", "code", last_day="2015-09-30",
        volume="procedure", release="FY2015 (version 32)",
    )  # fmt: skip
    explained = explain_icd9(code, [])
    assert "ICD-10-PCS replaced it" in explained.summary
    assert [section.key for section in explained.sections] == ["description", "status"]
    assert explained.generated_from == ("ICD-9-CM FY2015 (version 32) (CMS)",)
