"""Resolving ICD-10-PCS Index leads and `use` texts against a release (graph.vocabulary.pcs_targets)."""

from graph.importers.icd10pcs_order import bundled_order_path, read_order_rows
from graph.importers.index_records import IndexTarget
from graph.vocabulary.pcs_targets import PcsTargets, PcsValue, PcsValues

# Real FY2026 nodes: a section, a body system, tables and codes.
NODES = (
    "0",
    "0D",
    "0DT",
    "0DTJ0ZZ",
    "0DTJ4ZZ",
    "0DTJ7ZZ",
    "0DTJ8ZZ",
    "0DTJFZZ",
    "0C",
    "0CT",
    "0CTP0ZZ",
    "0CTPXZZ",
)
# Real FY2026 values: body parts of body system 0D, a device of table 02H, "Zooplastic Tissue" as a device of
# two tables of body system 02 (of six), and sections and body systems by title.
VALUES = (
    PcsValue("0D42", "Esophagus, Middle", "0", "D"),
    PcsValue("0D43", "Esophagus, Lower", "0", "D"),
    PcsValue("02H6J", "Cardiac Lead, Pacemaker", "0", "2H"),
    PcsValue("02168", "Zooplastic Tissue", "0", "21"),
    PcsValue("02R68", "Zooplastic Tissue", "0", "2R"),
)
PLACES = (("0", "Medical and Surgical"), ("02", "Heart and Great Vessels"), ("0D", "Gastrointestinal System"))


def resolve(code: str) -> tuple[str, bool, str | None] | None:
    return PcsTargets(NODES)(IndexTarget(code))


def test_a_code_links_to_the_code() -> None:
    assert resolve("0DTJ4ZZ") == ("ICD10PCS:0DTJ4ZZ", False, None)


def test_a_table_links_to_the_table_and_needs_more_characters() -> None:
    assert resolve("0CT") == ("ICD10PCS:0CT", True, "0CT")


def test_a_prefix_links_to_the_deepest_node_it_names_and_keeps_itself() -> None:
    assert resolve("0DTJ") == ("ICD10PCS:0DT", True, "0DTJ")
    assert resolve("0CTP0") == ("ICD10PCS:0CT", True, "0CTP0")


def test_a_lead_no_code_of_the_release_extends_stays_unresolved() -> None:
    assert resolve("0DTK") is None
    assert resolve("0DTJ3ZZ") is None
    assert resolve("0DB") is None


def test_the_fy2025_index_names_codes_the_fy2026_release_no_longer_has() -> None:
    codes = [row.code for row in read_order_rows(bundled_order_path())]
    targets = PcsTargets(codes)
    assert targets(IndexTarget("XXE5XN6")) is None  # a New Technology code of FY2025
    assert targets(IndexTarget("0SG6")) is None  # "Fusion, Coccygeal": no FY2026 code under it
    assert targets(IndexTarget("0DTJ")) == ("ICD10PCS:0DT", True, "0DTJ")


def test_a_use_text_names_the_values_of_its_meaning_whatever_its_case() -> None:
    values = PcsValues(VALUES, PLACES)
    assert values("Esophagus, Lower") == ["0D43"]
    assert values("esophagus,  lower") == ["0D43"]
    assert values("Esophagus, Upper") == []


def test_a_use_text_completed_by_a_table_is_named_by_the_words_before_in() -> None:
    assert PcsValues(VALUES, PLACES)("Cardiac Lead, Pacemaker in") == ["02H6J"]


def test_a_use_text_in_a_body_system_names_the_values_of_its_meaning_there() -> None:
    values = PcsValues(VALUES, PLACES)
    assert values("Zooplastic Tissue in Heart and Great Vessels") == ["02168", "02R68"]
    assert values("Zooplastic Tissue in Medical and Surgical") == ["02168", "02R68"]
    assert values("Zooplastic Tissue in Gastrointestinal System") == []
