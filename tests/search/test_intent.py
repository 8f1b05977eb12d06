"""Intent priors (graph.search.intent): what the words say the user looks for, as code systems."""

import pytest

from graph.search.intent import intended_systems, word_classes


@pytest.mark.parametrize(
    ("words", "systems"),
    [
        (["wheelchair"], ("HCPCS",)),
        (["appendectomy"], ("CPT", "ICD10PCS")),  # -ectomy
        (["colonoscopy"], ("CPT", "ICD10PCS")),  # -scopy
        (["appendicitis"], ("ICD10CM",)),  # -itis
        (["knee", "replacement"], ("CPT", "ICD10PCS")),
        (["broken", "arm"], ("ICD10CM",)),
        (["knee"], ()),  # a body part alone says nothing of the system
        (["itis"], ()),  # an ending needs three letters of the word's own
    ],
)
def test_words_lean_to_the_systems_of_their_class(words: list[str], systems: tuple[str, ...]) -> None:
    assert intended_systems(words) == systems


def test_every_class_names_known_systems_and_a_reason() -> None:
    classes = word_classes()
    assert [c.name for c in classes] == ["supply", "procedure", "condition"]
    assert {s for c in classes for s in c.systems} == {"HCPCS", "ICD10PCS", "CPT", "ICD10CM"}
