from graph.explain.hcpcs_units import billing_unit


def test_the_unit_is_the_last_part_of_the_description() -> None:
    assert billing_unit("Injection, alteplase recombinant, 1 mg") == "per 1 mg"
    assert billing_unit("Infusion, normal saline solution , 1000 cc") == "per 1000 cc"
    assert billing_unit("Innovamatrix ac, per square centimeter") == "per square centimeter"
    assert billing_unit("Injection, epoetin alfa, 100 units (for esrd on dialysis)") == "per 100 units"


def test_up_to_is_kept() -> None:
    assert billing_unit(
        "Injection, octreotide, depot form for intramuscular injection, 1 mg, up to 25 mg"
    ) == ("up to 25 mg")


def test_a_description_without_unit_has_none() -> None:
    assert billing_unit("Standard wheelchair") is None
    assert billing_unit("Unclassified drugs, not otherwise classified") is None
