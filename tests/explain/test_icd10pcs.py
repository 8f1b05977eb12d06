"""ICD-10-PCS explanations, word for word, from the real facts of 15 FY2026 codes across nine sections."""

from graph.explain.icd10pcs import explain_pcs
from graph.explain.model import Explanation, Item
from tests.explain.icd10pcs_facts import pcs_facts


def explain(code: str) -> Explanation:
    return explain_pcs(pcs_facts()[code])


def texts(explanation: Explanation) -> dict[str, str]:
    return {section.key: section.text for section in explanation.sections}


# (summary, texts of the sections that say what the code's own characters mean), code by code. The hard cases:
# a vein on one side (06CM3ZZ), appendectomy and cholecystectomy by laparoscope (0DTJ4ZZ, 0FT44ZZ), devices
# (0JH60DZ, 02H633Z, 0SRB0J9), a biopsy (qualifier X, 0DB68ZX), imaging with and without contrast (BW03ZZZ,
# B02B0ZZ), a vaccine (3E0234Z), a cesarean delivery (10D00Z1), a heart catheter measurement (4A023N6), a
# therapy whose 6th and 7th characters are both "Qualifier" (6A751Z7), radiation (D0109YZ) and rehabilitation
# (F00Z7PZ), whose axes are named their own way.
EXPECTED = {
    "06CM3ZZ": (
        (
            "06CM3ZZ is an ICD-10-PCS code in the medical and surgical section: extirpation of matter "
            "from right femoral vein, percutaneous approach. Extirpation means taking or cutting out "
            "solid matter, such as a blood clot or a stone, from a body part. It is done on the right "
            "femoral vein, through a needle puncture or small cut in the skin or lining, with "
            "instruments passed through to reach the site."
        ),
        {
            "what": (
                "The root operation is extirpation: taking or cutting out solid matter, such as a blood "
                "clot or a stone, from a body part. CMS defines it as taking or cutting out solid "
                "matter from a body part. The solid matter may be an abnormal byproduct of a biological "
                "function or a foreign body. It may be imbedded in a body part or in the lumen of a "
                "tubular body part. The solid matter may or may not have been previously broken into "
                "pieces. CMS gives as examples: thrombectomy, choledocholithotomy."
            ),
            "to-what": (
                "The body part is the right femoral vein. CMS's body part key counts these as the right "
                "femoral vein too."
            ),
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments passed through to reach the site. CMS defines the percutaneous approach as "
                "entry, by puncture or minor incision, of instrumentation through the skin or mucous "
                "membrane and any other body layers necessary to reach the site of the procedure."
            ),
            "with-what": "The code names no device. The code names no qualifier.",
            "where": (
                "It is in section 0, medical and surgical; body system 6, lower veins; and table 06C, "
                "lower veins, extirpation. All codes of the table start with 06C."
            ),
            "words": "These entries of the ICD-10-PCS Index lead a coder to this code.",
            "similar": (
                "These codes of table 06C share the same root operation and body part; they differ in "
                "the last three characters."
            ),
        },
    ),
    "0DTJ4ZZ": (
        (
            "0DTJ4ZZ is an ICD-10-PCS code in the medical and surgical section: resection of appendix, "
            "percutaneous endoscopic approach. Resection means cutting out or off a whole body part, "
            "without putting anything in its place. It is done on the appendix, through a needle "
            "puncture or small cut in the skin or lining, with instruments and a viewing scope passed "
            "through to reach and see the site."
        ),
        {
            "what": (
                "The root operation is resection: cutting out or off a whole body part, without putting "
                "anything in its place. CMS defines it as cutting out or off, without replacement, all "
                "of a body part. CMS gives as examples: total nephrectomy, total lobectomy of lung."
            ),
            "to-what": "The body part is the appendix. CMS's body part key counts these as the appendix too.",
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments and a viewing scope passed through to reach and see the site. CMS defines "
                "the percutaneous endoscopic approach as entry, by puncture or minor incision, of "
                "instrumentation through the skin or mucous membrane and any other body layers "
                "necessary to reach and visualize the site of the procedure."
            ),
            "with-what": "The code names no device. The code names no qualifier.",
        },
    ),
    "0FT44ZZ": (
        (
            "0FT44ZZ is an ICD-10-PCS code in the medical and surgical section: resection of "
            "gallbladder, percutaneous endoscopic approach. Resection means cutting out or off a whole "
            "body part, without putting anything in its place. It is done on the gallbladder, through a "
            "needle puncture or small cut in the skin or lining, with instruments and a viewing scope "
            "passed through to reach and see the site."
        ),
        {
            "what": (
                "The root operation is resection: cutting out or off a whole body part, without putting "
                "anything in its place. CMS defines it as cutting out or off, without replacement, all "
                "of a body part. CMS gives as examples: total nephrectomy, total lobectomy of lung."
            ),
            "to-what": "The body part is the gallbladder.",
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments and a viewing scope passed through to reach and see the site. CMS defines "
                "the percutaneous endoscopic approach as entry, by puncture or minor incision, of "
                "instrumentation through the skin or mucous membrane and any other body layers "
                "necessary to reach and visualize the site of the procedure."
            ),
            "with-what": "The code names no device. The code names no qualifier.",
        },
    ),
    "0JH60DZ": (
        (
            "0JH60DZ is an ICD-10-PCS code in the medical and surgical section: insertion of multiple "
            "array stimulator generator into chest subcutaneous tissue and fascia, open approach. "
            "Insertion means putting in a man-made device that checks, helps, does or prevents a body "
            "function, without taking the place of a body part. It is done on the subcutaneous tissue "
            "and fascia, chest, through a cut in the skin or lining that opens the layers beneath to "
            "expose the site."
        ),
        {
            "what": (
                "The root operation is insertion: putting in a man-made device that checks, helps, does "
                "or prevents a body function, without taking the place of a body part. CMS defines it "
                "as putting in a nonbiological appliance that monitors, assists, performs, or prevents "
                "a physiological function but does not physically take the place of a body part. CMS "
                "gives as examples: insertion of radioactive implant, insertion of central venous "
                "catheter."
            ),
            "to-what": (
                "The body part is the subcutaneous tissue and fascia, chest. CMS's body part key counts "
                "these as the subcutaneous tissue and fascia, chest too."
            ),
            "how": (
                "It is done through a cut in the skin or lining that opens the layers beneath to expose "
                "the site. CMS defines the open approach as cutting through the skin or mucous membrane "
                "and any other body layers necessary to expose the site of the procedure."
            ),
            "with-what": (
                "The device is stimulator generator, multiple array. The code names no qualifier. CMS's "
                "device key lists these products as stimulator generator, multiple array, wherever in "
                "the body they are used."
            ),
        },
    ),
    "02H633Z": (
        (
            "02H633Z is an ICD-10-PCS code in the medical and surgical section: insertion of infusion "
            "device into right atrium, percutaneous approach. Insertion means putting in a man-made "
            "device that checks, helps, does or prevents a body function, without taking the place of a "
            "body part. It is done on the right atrium, through a needle puncture or small cut in the "
            "skin or lining, with instruments passed through to reach the site."
        ),
        {
            "what": (
                "The root operation is insertion: putting in a man-made device that checks, helps, does "
                "or prevents a body function, without taking the place of a body part. CMS defines it "
                "as putting in a nonbiological appliance that monitors, assists, performs, or prevents "
                "a physiological function but does not physically take the place of a body part. CMS "
                "gives as examples: insertion of radioactive implant, insertion of central venous "
                "catheter."
            ),
            "to-what": (
                "The body part is the right atrium. CMS's body part key counts these as the right atrium too."
            ),
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments passed through to reach the site. CMS defines the percutaneous approach as "
                "entry, by puncture or minor incision, of instrumentation through the skin or mucous "
                "membrane and any other body layers necessary to reach the site of the procedure."
            ),
            "with-what": (
                "The device is infusion device. The code names no qualifier. CMS's device key lists "
                "these products as infusion device, wherever in the body they are used."
            ),
        },
    ),
    "0SRB0J9": (
        (
            "0SRB0J9 is an ICD-10-PCS code in the medical and surgical section: replacement of left hip "
            "joint with synthetic substitute, cemented, open approach. Replacement means putting in "
            "tissue or man-made material that takes the place of all or part of a body part. It is done "
            "on the left hip joint, through a cut in the skin or lining that opens the layers beneath "
            "to expose the site."
        ),
        {
            "what": (
                "The root operation is replacement: putting in tissue or man-made material that takes "
                "the place of all or part of a body part. CMS defines it as putting in or on biological "
                "or synthetic material that physically takes the place and/or function of all or a "
                "portion of a body part. The body part may have been taken out or replaced, or may be "
                "taken out, physically eradicated, or rendered nonfunctional during the Replacement "
                "procedure. A Removal procedure is coded for taking out the device used in a previous "
                "replacement procedure. CMS gives as examples: total hip replacement, bone graft, free "
                "skin graft."
            ),
            "to-what": (
                "The body part is the left hip joint. CMS's body part key counts these as the left hip "
                "joint too."
            ),
            "how": (
                "It is done through a cut in the skin or lining that opens the layers beneath to expose "
                "the site. CMS defines the open approach as cutting through the skin or mucous membrane "
                "and any other body layers necessary to expose the site of the procedure."
            ),
            "with-what": (
                "The device is synthetic substitute. The qualifier is cemented. CMS's device key lists "
                "these products as synthetic substitute, wherever in the body they are used."
            ),
        },
    ),
    "0DB68ZX": (
        (
            "0DB68ZX is an ICD-10-PCS code in the medical and surgical section: excision of stomach, "
            "via natural or artificial opening endoscopic, diagnostic. Excision means cutting out or "
            "off part of a body part, without putting anything in its place. It is done on the stomach, "
            "through a natural body opening or one made by surgery, with instruments and a viewing "
            "scope passed in to reach and see the site."
        ),
        {
            "what": (
                "The root operation is excision: cutting out or off part of a body part, without "
                "putting anything in its place. CMS defines it as cutting out or off, without "
                "replacement, a portion of a body part. The qualifier DIAGNOSTIC is used to identify "
                "excision procedures that are biopsies. CMS gives as examples: partial nephrectomy, "
                "liver biopsy."
            ),
            "to-what": "The body part is the stomach.",
            "how": (
                "It is done through a natural body opening or one made by surgery, with instruments and "
                "a viewing scope passed in to reach and see the site. CMS defines the via natural or "
                "artificial opening endoscopic approach as entry of instrumentation through a natural "
                "or artificial external opening to reach and visualize the site of the procedure."
            ),
            "with-what": "The code names no device. The qualifier is diagnostic.",
        },
    ),
    "BW03ZZZ": (
        (
            "BW03ZZZ is an ICD-10-PCS code in the imaging section: plain radiography of chest. Plain "
            "radiography means planar display of an image developed from the capture of external "
            "ionizing radiation on photographic or photoconductive plate. It is done on the chest."
        ),
        {
            "what": (
                "The type is plain radiography: planar display of an image developed from the capture "
                "of external ionizing radiation on photographic or photoconductive plate."
            ),
            "to-what": "The body part is the chest.",
            "how": "The code names no contrast.",
            "with-what": "The code names no qualifier.",
        },
    ),
    "B02B0ZZ": (
        (
            "B02B0ZZ is an ICD-10-PCS code in the imaging section: computerized tomography (CT scan) of "
            "spinal cord using high osmolar contrast. Computerized tomography (CT scan) means computer "
            "reformatted digital display of multiplanar images developed from the capture of multiple "
            "exposures of external ionizing radiation. It is done on the spinal cord."
        ),
        {
            "what": (
                "The type is computerized tomography (CT scan): computer reformatted digital display of "
                "multiplanar images developed from the capture of multiple exposures of external "
                "ionizing radiation."
            ),
            "to-what": "The body part is the spinal cord.",
            "how": "The contrast is high osmolar.",
            "with-what": "The code names no qualifier.",
        },
    ),
    "3E0234Z": (
        (
            "3E0234Z is an ICD-10-PCS code in the administration section: introduction of serum, toxoid "
            "and vaccine into muscle, percutaneous approach. Introduction means putting in or on a "
            "therapeutic, diagnostic, nutritional, physiological, or prophylactic substance except "
            "blood or blood products. It is done on the muscle, through a needle puncture or small cut "
            "in the skin or lining, with instruments passed through to reach the site."
        ),
        {
            "what": (
                "The root operation is introduction: putting in or on a therapeutic, diagnostic, "
                "nutritional, physiological, or prophylactic substance except blood or blood products."
            ),
            "to-what": "The body system or region is the muscle.",
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments passed through to reach the site. CMS defines the percutaneous approach as "
                "entry, by puncture or minor incision, of instrumentation through the skin or mucous "
                "membrane and any other body layers necessary to reach the site of the procedure."
            ),
            "with-what": "The substance is serum, toxoid and vaccine. The code names no qualifier.",
        },
    ),
    "10D00Z1": (
        (
            "10D00Z1 is an ICD-10-PCS code in the obstetrics section: extraction of products of "
            "conception, low, open approach. Extraction means pulling or stripping out all or part of a "
            "body part by force. It is done on the products of conception, through a cut in the skin or "
            "lining that opens the layers beneath to expose the site."
        ),
        {
            "what": (
                "The root operation is extraction: pulling or stripping out all or part of a body part "
                "by force. CMS defines it as pulling or stripping out or off all or a portion of a body "
                "part by the use of force."
            ),
            "to-what": "The body part is the products of conception.",
            "how": (
                "It is done through a cut in the skin or lining that opens the layers beneath to expose "
                "the site. CMS defines the open approach as cutting through the skin or mucous membrane "
                "and any other body layers necessary to expose the site of the procedure."
            ),
            "with-what": "The code names no device. The qualifier is low.",
        },
    ),
    "4A023N6": (
        (
            "4A023N6 is an ICD-10-PCS code in the measurement and monitoring section: measurement of "
            "cardiac sampling and pressure, right heart, percutaneous approach. Measurement means "
            "determining the level of a physiological or physical function at a point in time. It is "
            "done through a needle puncture or small cut in the skin or lining, with instruments passed "
            "through to reach the site."
        ),
        {
            "what": (
                "The root operation is measurement: determining the level of a physiological or "
                "physical function at a point in time."
            ),
            "to-what": "The body system is cardiac.",
            "how": (
                "It is done through a needle puncture or small cut in the skin or lining, with "
                "instruments passed through to reach the site. CMS defines the percutaneous approach as "
                "entry, by puncture or minor incision, of instrumentation through the skin or mucous "
                "membrane and any other body layers necessary to reach the site of the procedure."
            ),
            "with-what": "The function or device is sampling and pressure. The qualifier is right heart.",
        },
    ),
    "6A751Z7": (
        (
            "6A751Z7 is an ICD-10-PCS code in the extracorporeal or systemic therapies section: "
            "ultrasound therapy of other vessels, multiple. Ultrasound therapy means extracorporeal "
            "treatment by ultrasound. The body system is circulatory."
        ),
        {
            "what": "The root operation is ultrasound therapy: extracorporeal treatment by ultrasound.",
            "to-what": "The body system is circulatory.",
            "how": "The duration is multiple.",
            "with-what": "The qualifier is other vessels.",
        },
    ),
    "D0109YZ": (
        (
            "D0109YZ is an ICD-10-PCS code in the radiation therapy section: high dose rate (HDR) "
            "brachytherapy of brain using other isotope. It is done on the brain."
        ),
        {
            "what": "The modality is brachytherapy.",
            "to-what": "The treatment site is the brain.",
            "how": "The modality qualifier is high dose rate (HDR).",
            "with-what": "The isotope is other isotope. The code names no qualifier.",
        },
    ),
    "F00Z7PZ": (
        (
            "F00Z7PZ is an ICD-10-PCS code in the physical rehabilitation and diagnostic audiology "
            "section: nonspoken language assessment using computer. Speech assessment means measurement "
            "of speech and related functions. The code names no body system or region."
        ),
        {
            "what": "The type is speech assessment: measurement of speech and related functions.",
            "to-what": "The code names no body system or region.",
            "how": (
                "The type qualifier is nonspoken language: measures nonspoken language (print, sign, "
                "symbols) for communication."
            ),
            "with-what": "The equipment is computer. The code names no qualifier.",
        },
    ),
}


def test_each_code_is_explained_word_for_word() -> None:
    for code, (summary, sections) in EXPECTED.items():
        found = explain(code)
        assert found.summary == summary, code
        assert {key: text for key, text in texts(found).items() if key in sections} == sections, code


def test_sections_come_in_the_seed_page_order_and_name_their_sources() -> None:
    found = explain("06CM3ZZ")
    assert [(s.key, s.title, s.source) for s in found.sections] == [
        ("what", "What is done", "CMS ICD-10-PCS Definitions: root operation Extirpation"),
        (
            "to-what",
            "To what",
            "CMS ICD-10-PCS Tables: 4th character (Body Part); CMS ICD-10-PCS Definitions: body part key",
        ),
        ("how", "How", "CMS ICD-10-PCS Definitions: approach Percutaneous"),
        (
            "with-what",
            "With what",
            "CMS ICD-10-PCS Tables: 6th character (Device), 7th character (Qualifier)",
        ),
        ("where", "Where it sits in ICD-10-PCS", "CMS ICD-10-PCS Tables"),
        ("words", "The words people use for it", "ICD-10-PCS Index FY2025"),
        ("similar", "Codes beside it in its table", "CMS ICD-10-PCS Tables"),
    ]


def test_the_lists_name_the_body_part_key_the_index_and_the_codes_beside_it() -> None:
    sections = {section.key: section for section in explain("06CM3ZZ").sections}
    assert sections["to-what"].items == (
        Item(text="Deep femoral (profunda femoris) vein"),
        Item(text="Popliteal vein"),
        Item(text="Profunda femoris (deep femoral) vein"),
    )
    assert sections["where"].items == (
        Item(text="Section 0: Medical and Surgical", code="ICD10PCS:0"),
        Item(text="Body system 06: Lower Veins", code="ICD10PCS:06"),
        Item(text="Table 06C: Lower Veins, Extirpation", code="ICD10PCS:06C"),
    )
    assert sections["words"].items == (Item(text="Extirpation, Vein, Femoral, Right"),)
    assert sections["similar"].items == (
        Item(
            text="06CM0ZZ: Extirpation of Matter from Right Femoral Vein, Open Approach",
            code="ICD10PCS:06CM0ZZ",
        ),
        Item(
            text="06CM4ZZ: Extirpation of Matter from Right Femoral Vein, Percutaneous Endoscopic Approach",
            code="ICD10PCS:06CM4ZZ",
        ),
    )


def test_the_index_words_are_those_for_this_body_part_not_the_whole_table() -> None:
    words = next(s for s in explain("0DTJ4ZZ").sections if s.key == "words")
    assert [item.text for item in words.items] == ["Resection, Appendix", "Appendectomy"]


def test_every_explanation_names_its_releases_and_says_it_is_no_advice() -> None:
    found = explain("06CM3ZZ")
    assert found.generated_from == (
        "ICD-10-PCS FY2026 (CMS) tables and definitions",
        "ICD-10-PCS Index FY2025",
    )
    assert found.notice == (
        "This explanation was generated automatically from the official code set: ICD-10-PCS FY2026 (CMS) "
        "tables and definitions and ICD-10-PCS Index FY2025. It says only what that data says, in plainer "
        "words. It is not medical or coding advice."
    )
    assert found.curated is False
    assert explain("F00Z7PZ").generated_from == ("ICD-10-PCS FY2026 (CMS) tables and definitions",)


def test_nothing_is_said_about_risks_recovery_or_how_long_it_takes() -> None:
    for code in EXPECTED:
        found = explain(code)
        words = " ".join([found.summary, *(s.text for s in found.sections)]).lower()
        for unsaid in ("risk", "recover", "minutes", "complication"):
            assert unsaid not in words, (code, unsaid)
