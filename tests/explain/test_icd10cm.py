"""ICD-10-CM explanations, word for word, from real facts of the FY2026 tabular list, the FY2025 Alphabetic
Index, the FY26 POA-exempt list and the seed glossary (tests/fixtures/explain/icd10cm_explain_rows.json)."""

import pytest

from graph.explain.icd10cm import explain_icd10cm
from graph.explain.model import Explanation, Item, Section
from tests.explain.icd10cm_rows import cm_facts, cm_releases, seed_words

TABULAR = "ICD-10-CM FY2026 (April 1, 2026 update) tabular list (CDC/CMS)"
INDEX = "ICD-10-CM Index FY2025 (CDC)"
POA = "ICD-10-CM POA exempt list POAexemptCodesFY26.txt (CMS)"

SUMMARIES = {
    "I82.401": (
        "I82.401 is an ICD-10-CM diagnosis code. In plain words it stands for: sudden or recent "
        "blood clot in deep veins of the right leg; which deep vein is not specified. It is a "
        "complete code, used as it is on a claim."
    ),
    "I82.4": (
        "I82.4 is a subcategory of ICD-10-CM diagnosis codes. In plain words it stands for: "
        "sudden or recent blood clot in deep veins of the leg. It is a heading: a claim uses one of "
        "its 40 complete codes."
    ),
    "S72.001A": (
        "S72.001A is an ICD-10-CM diagnosis code. In plain words it stands for: broken bone in "
        "part of neck of the right thigh bone; which part is not specified. Its last character, "
        "A, adds: during active treatment for closed broken bone. It is a complete code, used as "
        "it is on a claim."
    ),
    "S52.501D": (
        "S52.501D is an ICD-10-CM diagnosis code. In plain words it stands for: broken bone in "
        "the lower end of the right thumb-side forearm bone; the exact kind is not specified. Its "
        "last character, D, adds: during healing or recovery for closed broken bone with routine "
        "healing. It is a complete code, used as it is on a claim."
    ),
    "H66.91": (
        "H66.91 is an ICD-10-CM diagnosis code. In plain words it stands for: ear infection in "
        "the right ear; the exact kind is not specified. It is a complete code, used as it is on "
        "a claim."
    ),
    "H66.92": (
        "H66.92 is an ICD-10-CM diagnosis code. In plain words it stands for: ear infection in "
        "the left ear; the exact kind is not specified. It is a complete code, used as it is on a "
        "claim."
    ),
    "H66.93": (
        "H66.93 is an ICD-10-CM diagnosis code. In plain words it stands for: ear infection on "
        "both sides; the exact kind is not specified. It is a complete code, used as it is on a "
        "claim."
    ),
    "M17.11": (
        "M17.11 is an ICD-10-CM diagnosis code. In plain words it stands for: primary "
        "wear-and-tear arthritis on one side in the right knee. It is a complete code, used as it "
        "is on a claim."
    ),
    "M17.12": (
        "M17.12 is an ICD-10-CM diagnosis code. In plain words it stands for: primary "
        "wear-and-tear arthritis on one side in the left knee. It is a complete code, used as it "
        "is on a claim."
    ),
    "J45.909": (
        "J45.909 is an ICD-10-CM diagnosis code. In plain words it stands for: asthma, without "
        "complications; the exact kind is not specified. It is a complete code, used as it is on "
        "a claim."
    ),
    "E11.9": (
        "E11.9 is an ICD-10-CM diagnosis code. In plain words it stands for: adult-onset diabetes "
        "without complications. It is a complete code, used as it is on a claim."
    ),
    "G63": (
        "G63 is an ICD-10-CM diagnosis code. In plain words it stands for: polyneuropathy in "
        "diseases classified elsewhere. It is a complete code, used as it is on a claim."
    ),
    "F02.80": (
        "F02.80 is an ICD-10-CM diagnosis code. In plain words it stands for: dementia in other "
        "diseases classified elsewhere, without behavioral disturbance, psychotic disturbance, "
        "mood disturbance, and anxiety; which severity is not specified. It is a complete code, "
        "used as it is on a claim."
    ),
    "Z79.01": (
        "Z79.01 is an ICD-10-CM diagnosis code. In plain words it stands for: long term (current) "
        "use of blood thinners. It is a complete code, used as it is on a claim."
    ),
    "R51.9": (
        "R51.9 is an ICD-10-CM diagnosis code. In plain words it stands for: headache; the exact "
        "kind is not specified. It is a complete code, used as it is on a claim."
    ),
    "O24.410": (
        "O24.410 is an ICD-10-CM diagnosis code. In plain words it stands for: pregnancy diabetes "
        "in pregnancy, diet controlled. It is a complete code, used as it is on a claim."
    ),
    "I80-I89": (
        "I80-I89 is a block (a range of categories) of ICD-10-CM diagnosis codes. In plain words "
        "it stands for: diseases of veins, lymphatic vessels and lymph glands, not elsewhere "
        "classified (I80-I89). It is a heading: a claim uses one of its 304 complete codes."
    ),
    "9": (
        "Chapter 9 is a chapter of ICD-10-CM diagnosis codes. In plain words it stands for: "
        "diseases of the circulatory system (I00-I99). It is a heading: a claim uses one of its "
        "1,427 complete codes."
    ),
}


def explain(code: str) -> Explanation:
    return explain_icd10cm(cm_facts()[code], cm_releases(), seed_words())


def section(explanation: Explanation, key: str) -> Section:
    return next(found for found in explanation.sections if found.key == key)


def keys(explanation: Explanation) -> list[str]:
    return [found.key for found in explanation.sections]


@pytest.mark.parametrize("code", sorted(SUMMARIES))
def test_the_summary_says_what_the_code_means_in_plain_words(code: str) -> None:
    assert explain(code).summary == SUMMARIES[code]


def test_a_deep_vein_clot_is_explained_section_by_section_with_its_sources() -> None:
    found = explain("I82.401")
    assert keys(found) == [
        "meaning", "also-known-as", "coded-elsewhere", "coded-as-well", "how-to-code", "conditions",
    ]  # fmt: skip
    assert section(found, "meaning").text == (
        "The official title is “Acute embolism and thrombosis of unspecified deep veins of right lower "
        "extremity”. In plain words: sudden or recent blood clot in deep veins of the right leg; which deep "
        "vein is not specified. It belongs to category I82, “Other venous embolism and thrombosis”. It is in "
        "the chapter “Diseases of the circulatory system (I00-I99)”."
    )
    names = section(found, "also-known-as")
    assert names.text == (
        "The tabular list counts these under the code as well. "
        "The Alphabetic Index leads to it from 4 entries."
    )
    assert [item.text for item in names.items] == [
        "Blood clot in a deep vein not otherwise specified",
        "DVT not otherwise specified",
        "Embolism — vein — deep (DVT)",
        "Embolism — vein — lower extremity — deep",
        "Thrombosis, thrombotic — vein — deep (DVT)",
        "Thrombosis, thrombotic — vein — lower extremity — deep",
    ]
    assert found.generated_from == (TABULAR, INDEX)
    assert section(found, "meaning").source == (
        f"{TABULAR}: title and hierarchy; medgraph plain-language glossary"
    )
    assert found.notice.startswith(
        f"This explanation was generated automatically from the official code set: {TABULAR}"
    )


def test_excludes1_says_not_coded_here_and_links_each_code_instead() -> None:
    found = section(explain("I82.401"), "coded-elsewhere")
    assert found.title == "What is coded elsewhere"
    assert found.text == (
        "Excludes1: the conditions below are not coded here; each has the code shown instead, and the two "
        "are never used together."
    )
    assert found.items == (
        Item(
            "Sudden or recent blood clot in deep veins of leg farther from the body; which deep vein is not "
            "specified (I82.4Z-)",
            "ICD10CM:I82.4Z",
        ),
        Item(
            "Sudden or recent blood clot in deep veins of leg closer to the body; which deep vein is not "
            "specified (I82.4Y-)",
            "ICD10CM:I82.4Y",
        ),
    )


def test_excludes2_says_may_be_coded_as_well_one_link_per_printed_code() -> None:
    found = section(explain("I82.401"), "coded-as-well")
    assert found.text == (
        "Excludes2: the conditions below are not part of this code, but a patient may have both; then the "
        "code shown may be used as well."
    )
    assert found.items[:3] == (
        Item("Venous blood clot in the brain (I63.6)", "ICD10CM:I63.6"),
        Item("Venous blood clot in the brain (I67.6)", "ICD10CM:I67.6"),
        Item("Venous blood clot in coronary (I21-I25)", "ICD10CM:I21"),
    )
    assert found.items[-1] == Item("Venous blood clot in the lung (I26.-)", "ICD10CM:I26")


def test_how_to_code_gives_billable_side_code_first_and_poa() -> None:
    found = section(explain("I82.401"), "how-to-code")
    assert found.text == (
        "It is billable: a complete code, valid on a claim as it is. The title names the side: the right "
        "side. Code first: list the code of the underlying condition first (O00-O07, O08.7, O22.- or "
        "O87.-). A hospital reports for it whether it was present on admission (POA)."
    )
    assert found.items[0] == Item(
        "Code first: venous embolism and thrombosis complicating abortion, ectopic or molar pregnancy "
        "(O00-O07)",
        "ICD10CM:O00",
    )


def test_the_conditions_of_the_knowledge_graph_are_named() -> None:
    found = section(explain("I82.401"), "conditions")
    assert found.text == (
        "In medgraph's knowledge graph this code stands for Deep vein thrombosis and "
        "Phlegmasia cerulea dolens."
    )
    assert found.source == "medgraph knowledge graph: conditions coded as this code or a level above it"


def test_a_7th_character_code_states_its_own_character() -> None:
    found = section(explain("S72.001A"), "how-to-code")
    assert found.text == (
        "It is billable: a complete code, valid on a claim as it is. Its 7th character, A, means: initial "
        "encounter for closed fracture. The title names the side: the right side. A hospital reports for it "
        "whether it was present on admission (POA)."
    )
    later = section(explain("S52.501D"), "how-to-code")
    assert "Its 7th character, D, means: subsequent encounter for closed fracture with routine healing." in (
        later.text
    )
    assert later.text.endswith("It is exempt from Present On Admission (POA) reporting.")


def test_the_laterality_triple_names_right_left_and_both_sides() -> None:
    sides = [
        section(explain(code), "how-to-code").text.split(". ")[1] for code in ("H66.91", "H66.92", "H66.93")
    ]
    assert sides == [
        "The title names the side: the right side",
        "The title names the side: the left side",
        "The title names the side: both sides",
    ]


def test_use_additional_code_lists_each_code_with_its_link() -> None:
    found = section(explain("E11.9"), "how-to-code")
    assert "Use additional code: add a code that tells more (Z79.85, Z79.4 or Z79.84)." in found.text
    assert found.items == (
        Item(
            "Use additional code: code to identify control using injectable non-insulin antidiabetic drugs "
            "(Z79.85)",
            "ICD10CM:Z79.85",
        ),
        Item("Use additional code: code to identify control using insulin (Z79.4)", "ICD10CM:Z79.4"),
        Item(
            "Use additional code: code to identify control using oral antidiabetic drugs (Z79.84)",
            "ICD10CM:Z79.84",
        ),
        Item(
            "Use additional code: code to identify control using oral hypoglycemic drugs (Z79.84)",
            "ICD10CM:Z79.84",
        ),
    )
    assert section(explain("E11.9"), "coded-elsewhere").items[:2] == (
        Item("Adult-onset diabetes, without complications in remission (E11.A)", "ICD10CM:E11.A"),
        Item("Diabetes due to underlying condition (E08.-)", "ICD10CM:E08"),
    )


def test_a_manifestation_code_says_code_first_with_the_first_codes_and_how_many_more() -> None:
    found = section(explain("F02.80"), "how-to-code")
    assert (
        "Code first: list the code of the underlying condition first (G30.-, E75.4, A81.0- and 22 more, "
        "listed below)." in found.text
    )
    assert found.items[0] == Item(
        "Code first: the underlying physiological condition, such as Alzheimer's (G30.-)", "ICD10CM:G30"
    )


def test_a_poa_exempt_z_code_names_the_poa_list_among_its_sources() -> None:
    found = explain("Z79.01")
    assert found.generated_from == (TABULAR, INDEX, POA)
    assert section(found, "how-to-code").text == (
        "It is billable: a complete code, valid on a claim as it is. Code also: another condition may need "
        "its own code (Z51.81). It is exempt from Present On Admission (POA) reporting."
    )


def test_a_heading_counts_its_billable_codes_and_a_block_has_no_category() -> None:
    assert section(explain("I82.4"), "how-to-code").text.startswith(
        "It is not billable: a heading over 40 billable codes."
    )
    block = explain("I80-I89")
    assert section(block, "meaning").text == (
        "The official title is “Diseases of veins, lymphatic vessels and lymph nodes, not elsewhere "
        "classified (I80-I89)”. In plain words: diseases of veins, lymphatic vessels and lymph glands, not "
        "elsewhere classified (I80-I89). It is in the chapter “Diseases of the circulatory system (I00-I99)”."
    )


def test_nothing_beyond_the_data_is_said() -> None:
    for code in SUMMARIES:
        said = " ".join([explain(code).summary, *(s.text for s in explain(code).sections)]).lower()
        assert not any(word in said for word in ("risk", "treatment options", "prognosis", "recovery time"))
