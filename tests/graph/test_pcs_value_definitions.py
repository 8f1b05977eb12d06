"""ICD-10-PCS axis values take CMS's definitions: by label, by the body system or section a device
title names, by the assessment or treatment a section F qualifier is, a substance given as a qualifier."""

import pytest

from graph.importers.icd10pcs_order import bundled_order_path, read_pcs_order_file
from graph.importers.pcs_definitions_xml import PcsDefinitions, PcsTerm
from graph.importers.pcs_value_definitions import define_values
from graph.importers.records import PcsValueRecord


@pytest.fixture(scope="module")
def values() -> dict[str, PcsValueRecord]:
    return {value.key: value for value in read_pcs_order_file(bundled_order_path()).pcs_values}


def test_a_root_operation_takes_its_definition_explanation_and_examples(
    values: dict[str, PcsValueRecord],
) -> None:
    extirpation = values["0*3C"]
    assert extirpation.meaning == "Extirpation"
    assert extirpation.definition == "Taking or cutting out solid matter from a body part"
    assert extirpation.explanation is not None and extirpation.explanation.startswith(
        "The solid matter may be"
    )
    assert extirpation.includes == ("Thrombectomy, choledocholithotomy",)


def test_a_body_part_takes_the_other_names_of_the_body_part_key(values: dict[str, PcsValueRecord]) -> None:
    assert values["0Y4Q"].meaning == "1st Toe, Left"
    assert values["0Y4Q"].includes == ("Hallux",)
    assert values["064M"].includes == (
        "Deep femoral (profunda femoris) vein",
        "Popliteal vein",
        "Profunda femoris (deep femoral) vein",
    )


def test_a_device_matches_the_title_that_names_its_body_system(values: dict[str, PcsValueRecord]) -> None:
    # "Autologous Venous Tissue in Lower Arteries" in the Definitions, "Autologous Venous Tissue" in 041.
    assert values["04169"].meaning == "Autologous Venous Tissue"
    assert values["04169"].includes == ("Autologous vein graft",)


def test_a_section_f_qualifier_is_defined_as_assessed_or_treated(values: dict[str, PcsValueRecord]) -> None:
    assessed, treated = values["F005C"], values["F0653"]  # Speech Assessment (F00) and Speech Treatment (F06)
    assert assessed.meaning == treated.meaning == "Aphasia"
    assert assessed.definition is not None and assessed.definition.startswith(
        "Measures expressive and receptive"
    )
    assert treated.definition is not None and treated.definition.startswith("Applying techniques to improve")


def test_a_substance_given_as_a_qualifier_takes_the_substance_term(values: dict[str, PcsValueRecord]) -> None:
    assert (values["3E07P"].position, values["3E07P"].meaning) == (7, "Clofarabine")
    assert values["3E07P"].includes == ("Clolar",)


def test_a_value_no_term_names_keeps_no_definition(values: dict[str, PcsValueRecord]) -> None:
    assert values["06C6Z"].meaning == "No Device"
    assert (values["06C6Z"].definition, values["06C6Z"].explanation, values["06C6Z"].includes) == (
        None,
        None,
        (),
    )


def test_every_root_operation_and_medical_surgical_approach_is_defined(
    values: dict[str, PcsValueRecord],
) -> None:
    medical_surgical = [v for v in values.values() if v.section == "0" and v.position in (3, 5)]
    assert len(medical_surgical) == 31 + 7
    assert all(v.definition for v in medical_surgical)


def test_an_ambiguous_title_elsewhere_in_the_section_is_not_guessed() -> None:
    value = PcsValueRecord(
        key="3E07X", section="3", body_system="E0", position=7, axis="Qualifier", value="X", meaning="Shared"
    )
    twice = PcsDefinitions(
        version="2026",
        terms=tuple(
            PcsTerm(
                section="3",
                position=position,
                axis="Substance",
                titles=("Shared",),
                definition=f"d{position}",
                explanation=None,
                includes=(),
            )
            for position in (5, 6)
        ),
    )
    found = define_values([value], twice, names={})
    assert (found.defined, found.values[0].definition) == (0, None)
