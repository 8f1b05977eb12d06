"""Resolving ICD-10-CM index targets against the loaded release (graph.vocabulary.cm_targets)."""

from graph.importers.conversion_table import bundled_conversion_table_path, read_conversion_table, replaced_by
from graph.importers.index_records import IndexTarget
from graph.vocabulary.cm_targets import CmTargets

# Real FY2026 codes and whether each is billable.
CODES = {
    "B02": False, "B02.9": True, "M21.6": False, "M21.61": False, "M21.611": True, "L89": False,
    "L89.9": False, "L89.90": True, "B88": False, "B88.01": True, "B88.09": True, "A79.82": True,
}  # fmt: skip
REPLACEMENTS = replaced_by(read_conversion_table(bundled_conversion_table_path()))


def resolve(code: str) -> tuple[str, bool, str | None] | None:
    return CmTargets(CODES, REPLACEMENTS)(IndexTarget(code))


def test_a_billable_code_links_as_it_stands() -> None:
    assert resolve("B02.9") == ("ICD10CM:B02.9", False, None)


def test_a_dash_names_the_header_that_needs_more_characters() -> None:
    assert resolve("M21.61-") == ("ICD10CM:M21.61", True, None)
    assert resolve("L89.9-") == ("ICD10CM:L89.9", True, None)


def test_a_code_that_is_a_header_in_this_release_needs_more_characters() -> None:
    assert resolve("B02") == ("ICD10CM:B02", True, None)


def test_a_retired_code_moves_to_its_replacement() -> None:
    assert REPLACEMENTS["A77.49"] == ("A79.82",)
    assert resolve("A77.49") == ("ICD10CM:A79.82", False, None)


def test_a_code_split_in_two_moves_to_their_common_header() -> None:
    assert REPLACEMENTS["B88.0"] == ("B88.01", "B88.09")
    assert resolve("B88.0") == ("ICD10CM:B88", True, None)


def test_a_code_the_release_never_had_stays_unresolved() -> None:
    assert resolve("Z99.999") is None
