"""HCPCS Level II explanations, word for word, from real rows of the October 2025 workbook."""

from graph.explain.hcpcs import explain_hcpcs
from graph.explain.model import Explanation, Item
from graph.reads.explain import Reference
from tests.explain.hcpcs_rows import hcpcs_rows

J0567 = Reference(uid="HCPCS:J0567", code="J0567", title="Injection, cerliponase alfa, 1 mg")
RELEASE = "CMS HCPCS Level II, 2025 October release"


def explain(code: str) -> Explanation:
    return explain_hcpcs(hcpcs_rows()[code], {"J0567": J0567})


def texts(explanation: Explanation) -> dict[str, str]:
    return {section.key: section.text for section in explanation.sections}


def test_a_drug_code_says_what_it_is_its_unit_coverage_and_dates() -> None:
    found = explain("J2997")
    assert found.summary == (
        "J2997 is a HCPCS Level II code for drugs, mostly ones given other than by mouth (for example by "
        "injection). It stands for: injection, alteplase recombinant, 1 mg."
    )
    assert texts(found) == {
        "kind": "Codes from J0000 to J8999 are for drugs, mostly ones given other than by mouth "
        "(for example by injection). Medicare's BETOS grouping puts it under other drugs.",
        "description": "The official description reads “Injection, alteplase recombinant, 1 mg”. "
        "Its short name is “Alteplase recombinant”.",
        "units": "Each unit of this code stands for 1 mg.",
        "coverage": "Special Medicare coverage instructions apply to this code. "
        "For pricing, it is priced as a drug. Medicare's types of service for it are listed below.",
        "dates": "It was added to HCPCS on January 1, 2001.",
    }
    coverage = next(section for section in found.sections if section.key == "coverage")
    assert coverage.items == (
        Item(text="Type of service: medical care"),
        Item(text="Type of service: one-time purchase of equipment, a prosthetic or an orthotic"),
    )
    assert coverage.source == "CMS HCPCS Level II workbook: COV, PRICE1-PRICE4, MULT_PI, TOS1-TOS5"


def test_every_explanation_names_its_release_and_says_it_is_no_advice() -> None:
    found = explain("J2997")
    assert found.generated_from == (RELEASE,)
    assert found.notice == (
        f"This explanation was generated automatically from the official code set: {RELEASE}. "
        "It says only what that data says, in plainer words. It is not medical or coding advice."
    )
    assert found.curated is False


def test_a_terminated_code_points_to_its_replacement() -> None:
    found = explain("C9014")
    assert found.summary == (
        "C9014 is a HCPCS Level II code for items and services paid under Medicare's hospital outpatient "
        "payment system. It stands for: injection, cerliponase alfa, 1 mg. It was terminated on December 31, "
        "2018; CMS points to J0567 instead."
    )
    replacement = found.sections[-1]
    assert (replacement.key, replacement.title, replacement.text) == (
        "replacement",
        "Use instead",
        "CMS points to these codes for this item or service.",
    )
    assert replacement.items == (Item(text="J0567: Injection, cerliponase alfa, 1 mg", code="HCPCS:J0567"),)
    assert texts(found)["dates"] == (
        "It was added to HCPCS on January 1, 2018. "
        "It was terminated on December 31, 2018 and is no longer valid for billing."
    )


def test_a_replacement_the_graph_lacks_is_named_without_a_link() -> None:
    found = explain("A4466")
    assert found.sections[-1].items == (Item(text="A4467"),)
    assert found.summary.endswith("It was terminated on December 31, 2016; CMS points to A4467 instead.")


def test_a_terminated_code_without_replacement_says_only_that_it_ended() -> None:
    found = explain("J0135")
    assert found.summary.endswith(
        "It stands for: injection, adalimumab, 20 mg. It was terminated on December 31, 2024."
    )
    assert [section.key for section in found.sections] == [
        "kind",
        "description",
        "units",
        "coverage",
        "dates",
    ]


def test_ambulance_is_paid_at_a_reasonable_charge() -> None:
    found = explain("A0428")
    assert found.summary == (
        "A0428 is a HCPCS Level II code for transport services, including ambulance rides. "
        "It stands for: ambulance service, basic life support, non-emergency transport, (bls)."
    )
    assert texts(found)["coverage"] == (
        "Medicare coverage is decided by the local Medicare contractor (carrier judgment). "
        "For pricing, it is paid at a reasonable charge. Medicare's types of service for it are listed below."
    )
    assert texts(found)["kind"].endswith("Medicare's BETOS grouping puts it under ambulance.")


def test_durable_medical_equipment_and_its_rental() -> None:
    assert texts(explain("E0110"))["kind"] == (
        "Codes from E0000 to E9999 are for durable medical equipment: equipment for use at home that lasts. "
        "Medicare's BETOS grouping puts it under other durable medical equipment."
    )
    assert texts(explain("K0001"))["coverage"] == (
        "Medicare coverage is decided by the local Medicare contractor (carrier judgment). "
        "For pricing, it is priced as capped rental durable medical equipment. "
        "Medicare's types of service for it are listed below."
    )


def test_units_of_a_solution_and_of_a_wound_product() -> None:
    assert texts(explain("J7030"))["units"] == "Each unit of this code stands for 1000 cc."
    assert texts(explain("A2001"))["units"] == "Each unit of this code stands for one square centimeter."


def test_codes_medicare_does_not_pay_for() -> None:
    assert texts(explain("H0001"))["coverage"].startswith(
        "Medicare does not pay for this code; Medicare uses another code for the item or service. "
        "For pricing, it is not priced separately by Medicare Part B."
    )
    assert texts(explain("A4466"))["coverage"].startswith("Medicare does not cover this item or service.")


def test_casts_and_lenses_have_their_own_prices() -> None:
    assert "For pricing, it is priced as a splint or cast." in texts(explain("Q4001"))["coverage"]
    assert (
        "it is priced as an intraocular lens inserted in a doctor's office"
        in texts(explain("V2630"))["coverage"]
    )


def test_a_modifier_says_what_it_adds() -> None:
    found = explain("LT")
    assert found.summary == (
        "LT is a HCPCS Level II modifier: two characters added after a code to tell more about the service. "
        "It means: left side (used to identify procedures performed on the left side of the body)."
    )
    assert texts(found)["dates"] == (
        "It was added to HCPCS on January 1, 1984. Its current record took effect on January 1, 1997."
    )


def test_a_letter_group_lists_its_ranges_in_order() -> None:
    found = explain("J0000-J9999")
    assert found.summary == "This group holds the HCPCS Level II codes starting with J."
    assert [item.text for item in found.sections[0].items] == [
        "J0000 to J8999: drugs, mostly ones given other than by mouth (for example by injection)",
        "J9000 to J9999: chemotherapy drugs",
    ]
