"""Planning code history against a release (graph.vocabulary.history), on real rows without an engine."""

from pathlib import Path

from graph.importers.conversion_table import bundled_conversion_table_path, read_conversion_table
from graph.importers.poa_exempt import read_poa_exempt
from graph.vocabulary.history import conversion_plan, hcpcs_plan, poa_rows

# Real FY2026 ICD-10-CM codes and whether each is billable; S30.1XXA is retired (not in FY2026).
CODES = {
    "B88.0": False, "B88.01": True, "B88.09": True, "S30.11XA": True, "C50.A0": True,
    "C50.919": True, "C50.929": True, "B90.0": True, "B90": False, "I10": True,
}  # fmt: skip
RECORDS = [r for r in read_conversion_table(bundled_conversion_table_path()) if r.code in CODES]
POA_EXCERPT = Path(__file__).parents[1] / "fixtures" / "vocabulary" / "POAexemptCodesFY26_excerpt.zip"


def test_a_new_code_replaces_the_previous_codes_the_release_has() -> None:
    plan = conversion_plan(RECORDS, CODES)
    replaces = {row["code"]: row["replaces"] for row in plan.replaces}
    assert replaces["ICD10CM:B88.01"] == [{"uid": "ICD10CM:B88.0", "effective": "2025-10-01"}]
    assert replaces["ICD10CM:C50.A0"] == [
        {"uid": "ICD10CM:C50.919", "effective": "2025-10-01"},
        {"uid": "ICD10CM:C50.929", "effective": "2025-10-01"},
    ]


def test_a_retired_previous_code_is_kept_on_the_change_and_counted() -> None:
    plan = conversion_plan(RECORDS, CODES)
    changes = {row["code"]: row["changes"] for row in plan.changes}
    assert changes["ICD10CM:S30.11XA"] == [
        {
            "uid": "ICD10CM:S30.11XA@2025-10-01",
            "props": {
                "system": "ICD10CM",
                "code": "S30.11XA",
                "source": "ICD-10-CM conversion table",
                "effective": "2025-10-01",
                "previousText": "S30.1XXA",
                "retired": ["S30.1XXA"],
            },
        }
    ]
    assert "ICD10CM:S30.11XA" not in {row["code"] for row in plan.replaces}
    assert (plan.retired, plan.unresolved) == (1, 0)


def test_a_row_whose_code_the_release_lacks_is_unresolved() -> None:
    plan = conversion_plan(RECORDS, {"B88.01": True})
    assert (len(plan.changes), plan.unresolved) == (1, len(RECORDS) - 1)


def test_a_terminated_hcpcs_code_is_replaced_by_its_cross_references() -> None:
    # Rows as the loaded October 2025 HCPCS release gives them (XREF1 of terminated C9173, C9786 and A4466).
    terminated = [
        {"code": "C9173", "terminated": "2025-06-30", "replacements": ["Q5148"]},
        {"code": "C9786", "terminated": "2024-12-31", "replacements": ["0932T"]},
        {"code": "A4466", "terminated": "2016-12-31", "replacements": ["A4467"]},
    ]
    plan = hcpcs_plan(terminated, {"HCPCS:Q5148", "HCPCS:C9173", "HCPCS:A4467", "HCPCS:A4466"})
    assert plan.replaces == [
        {
            "code": "HCPCS:A4467",
            "source": "HCPCS cross-reference",
            "replaces": [{"uid": "HCPCS:A4466", "effective": "2017-01-01"}],
        },
        {
            "code": "HCPCS:Q5148",
            "source": "HCPCS cross-reference",
            "replaces": [{"uid": "HCPCS:C9173", "effective": "2025-07-01"}],
        },
    ]
    assert plan.unresolved == 1  # CPT 0932T is not in the graph


def test_poa_exempt_is_true_on_listed_false_on_other_billable_codes_and_absent_on_headers() -> None:
    rows = poa_rows(read_poa_exempt(POA_EXCERPT), {"B90": False, "B90.0": True, "I10": True})
    assert rows == [
        {"uid": "ICD10CM:B90", "exempt": None},
        {"uid": "ICD10CM:B90.0", "exempt": True},
        {"uid": "ICD10CM:I10", "exempt": False},
    ]
