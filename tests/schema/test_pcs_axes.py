"""Code.axes: an ICD-10-PCS code's seven characters with CMS's definitions, over the real loaded graph."""

from tests.schema.conftest import Api

AXES = """
query($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    axes { position title character label definition explanation includes }
  }
}
"""


def test_a_pcs_code_has_seven_axes_with_the_root_operation_defined(api: Api) -> None:
    axes = api.data(AXES, system="ICD10PCS", code="06CM3ZZ")["code"]["axes"]
    assert [(a["position"], a["title"], a["character"], a["label"]) for a in axes] == [
        (1, "Section", "0", "Medical and Surgical"),
        (2, "Body System", "6", "Lower Veins"),
        (3, "Root Operation", "C", "Extirpation"),
        (4, "Body Part", "M", "Femoral Vein, Right"),
        (5, "Approach", "3", "Percutaneous"),
        (6, "Device", "Z", "No Device"),
        (7, "Qualifier", "Z", "No Qualifier"),
    ]
    extirpation = axes[2]
    assert extirpation["definition"] == "Taking or cutting out solid matter from a body part"
    assert extirpation["explanation"].startswith("The solid matter may be an abnormal byproduct")
    assert extirpation["includes"] == ["Thrombectomy, choledocholithotomy"]
    assert axes[3]["includes"] == [
        "Deep femoral (profunda femoris) vein",
        "Popliteal vein",
        "Profunda femoris (deep femoral) vein",
    ]
    assert axes[4]["definition"].startswith("Entry, by puncture or minor incision")
    assert (axes[5]["definition"], axes[5]["includes"]) == (None, [])


def test_a_section_names_its_positions_its_own_way(api: Api) -> None:
    axes = api.data(AXES, system="ICD10PCS", code="B54DZZZ")["code"]["axes"]
    assert [a["title"] for a in axes][:4] == ["Section", "Body System", "Type", "Body Part"]


def test_headers_and_other_systems_have_no_axes(api: Api) -> None:
    assert api.data(AXES, system="ICD10PCS", code="06C")["code"]["axes"] == []
    assert api.data(AXES, system="ICD10CM", code="I82.401")["code"]["axes"] == []
