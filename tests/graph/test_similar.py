"""Similar codes over the real loaded graph: what comes first, why, and the rules every list keeps."""

import pytest

from graph.driver import Graph
from graph.reads.similar import Evidence, SimilarCode, neighbour_uids, rank, similar_codes

SAMPLE = ["CPT:37188", "CPT:37187", "ICD10CM:I82.401", "ICD10PCS:06CY3ZZ", "HCPCS:J2997", "ICD10CM:I82"]
I82_40 = (
    "Same subcategory I82.40 (Acute embolism and thrombosis of unspecified deep veins of lower extremity)"
)


def similar(graph: Graph, uid: str, first: int = 10) -> list[SimilarCode]:
    return similar_codes(graph, [uid], first)[uid]


def test_a_repeat_session_is_most_like_its_first_session(loaded_graph: Graph) -> None:
    top = similar(loaded_graph, "CPT:37188")[0]
    assert top.uid == "CPT:37187"
    assert top.reasons[0] == "Repeat of CPT 37187 on a later day"
    assert top.reasons[1] == (
        "Shares 3 indications: Blood thinners not safe or not working, Pulmonary embolism, "
        "Deep vein thrombosis"
    )


def test_a_repeat_session_then_lists_clot_treatments_and_its_crosswalks(loaded_graph: Graph) -> None:
    found = {s.uid: s for s in similar(loaded_graph, "CPT:37188", first=12)}
    assert "Alternative: CPT 37212" in found["CPT:37212"].reasons
    assert any(reason.startswith("Shares 2 indications:") for reason in found["CPT:37212"].reasons)
    for pcs in ["06CY3ZZ", "06CM3ZZ", "06CN3ZZ", "06CC3ZZ", "06CD3ZZ", "06C03ZZ", "05CY3ZZ"]:
        assert f"Crosswalk (approximate): ICD-10-PCS {pcs}" in found[f"ICD10PCS:{pcs}"].reasons


def test_the_first_session_is_continued_by_the_repeat(loaded_graph: Graph) -> None:
    top = similar(loaded_graph, "CPT:37187")[0]
    assert (top.uid, top.reasons[0]) == ("CPT:37188", "Continued by CPT 37188")
    # 37188 also says it repeats 37187; a pair's two statements are one fact, not two.
    assert "Continues CPT 37188" not in top.reasons


def test_an_icd10cm_leaf_is_most_like_its_siblings(loaded_graph: Graph) -> None:
    found = similar(loaded_graph, "ICD10CM:I82.401", first=5)
    assert [(s.uid, s.score, s.reasons) for s in found[:3]] == [
        ("ICD10CM:I82.402", 2.0, (I82_40,)),
        ("ICD10CM:I82.403", 2.0, (I82_40,)),
        ("ICD10CM:I82.409", 2.0, (I82_40,)),
    ]
    # Then the cousins whose titles also say "unspecified … right".
    assert [s.uid for s in found[3:]] == ["ICD10CM:I82.4Y1", "ICD10CM:I82.4Z1"]
    assert found[3].reasons == (
        "Title terms in common: unspecified, right",
        "Same subcategory I82.4 (Acute embolism and thrombosis of deep veins of lower extremity)",
    )


def test_an_icd10cm_leaf_reaches_its_condition_and_notes_but_not_its_ancestors(loaded_graph: Graph) -> None:
    found = {s.uid: s for s in similar(loaded_graph, "ICD10CM:I82.401", first=100)}
    assert "Codes the same condition: Deep vein thrombosis" in found["ICD10CM:I82.50"].reasons
    assert found["ICD10CM:O22"].reasons == ("Note on category I82: code first O22",)
    assert not found.keys() & {"ICD10CM:I82.40", "ICD10CM:I82.4", "ICD10CM:I82", "ICD10CM:I80-I89"}
    # EXCLUDES notes say "not coded here": I82 excludes pulmonary embolism (I26), which is not offered.
    assert "ICD10CM:I26" not in found


def test_a_pcs_code_is_like_the_codes_of_its_table_one_axis_value_apart(loaded_graph: Graph) -> None:
    # Enough places for every code of the table one axis value apart: curated procedures sharing indications
    # and risks rank above most of them, and their number grows with the monographs.
    found = {s.uid: s for s in similar(loaded_graph, "ICD10PCS:06CY3ZZ", first=60)}
    assert found["ICD10PCS:06CY0ZZ"].reasons == (
        "Same root operation (Extirpation) and body part (Lower Vein)",
        "Same table 06C (Lower Veins, Extirpation)",
    )
    assert (
        found["ICD10PCS:06CY0ZZ"].score == 2.5
    )  # 1 + 1.5: sharing "No Device" and "No Qualifier" weighs nothing
    assert found["ICD10PCS:06CM3ZZ"].reasons == (
        "Same table 06C (Lower Veins, Extirpation)",
        "Same root operation (Extirpation) and approach (Percutaneous)",
    )
    assert found["ICD10PCS:06CM3ZZ"].score == 1.5
    assert "Crosswalk (approximate): CPT 37187" in found["CPT:37187"].reasons
    assert next(iter(found)) == "CPT:37187"


def test_a_pcs_code_is_most_like_the_codes_with_its_own_device(loaded_graph: Graph) -> None:
    # 0SRD0JZ, a left knee replaced with a synthetic substitute: cemented (0SRD0J9) and uncemented (0SRD0JA)
    # differ from it only by a qualifier; 0SRD06Z has another device, and "No Qualifier" in common is no
    # likeness.
    found = similar(loaded_graph, "ICD10PCS:0SRD0JZ", first=10)
    assert {s.uid for s in found[:2]} == {"ICD10PCS:0SRD0J9", "ICD10PCS:0SRD0JA"}
    scores = {s.uid: s.score for s in found}
    assert scores["ICD10PCS:0SRD0J9"] > scores["ICD10PCS:0SRD06Z"]


def test_a_drug_code_is_like_the_procedures_that_use_the_drug(loaded_graph: Graph) -> None:
    found = {s.uid: s for s in similar(loaded_graph, "HCPCS:J2997", first=20)}
    assert found["CPT:37188"].reasons == ("Procedure that uses Alteplase",)
    assert found["HCPCS:J2993"].reasons[0] == "Neighbouring code (J299…) in group J0000-J9999"


def test_a_terminated_code_is_like_the_codes_retired_with_it_an_active_one_is_not(
    loaded_graph: Graph,
) -> None:
    # HCPCS G6020 was terminated with its neighbours G6024 and G6025 (HCPC2025_OCT_ANWEB: TERM DT 20151231).
    retired = {s.uid for s in similar(loaded_graph, "HCPCS:G6020", first=20)}
    assert {"HCPCS:G6024", "HCPCS:G6025"} <= retired
    # J0153 (adenosine, 1 mg) is in use; J0150 and J0151, adenosine codes one number away, are terminated.
    active = {s.uid for s in similar(loaded_graph, "HCPCS:J0153", first=100)}
    assert not active & {"HCPCS:J0150", "HCPCS:J0151"}


def test_a_code_with_no_evidence_has_an_empty_list(loaded_graph: Graph) -> None:
    assert similar(loaded_graph, "ICD10CM:9") == []  # a chapter: no parent, no concept, no note


@pytest.mark.parametrize("uid", SAMPLE)
def test_every_list_keeps_the_rules(loaded_graph: Graph, uid: str) -> None:
    found = similar(loaded_graph, uid, first=100)
    uids = [s.uid for s in found]
    assert uid not in uids
    assert len(uids) == len(set(uids))
    assert all(s.reasons and len(s.reasons) == len(set(s.reasons)) for s in found)
    assert [(-s.score, s.uid) for s in found] == sorted((-s.score, s.uid) for s in found)
    assert similar(loaded_graph, uid, first=100) == found


def test_many_codes_are_read_in_one_transaction(loaded_graph: Graph) -> None:
    before = loaded_graph.transactions
    batch = similar_codes(loaded_graph, [*SAMPLE, "CPT:99999", "CPT:37188"], first=5)
    assert loaded_graph.transactions == before + 1
    assert list(batch) == [*SAMPLE, "CPT:99999"]
    assert batch["CPT:99999"] == []
    for uid in SAMPLE:
        assert batch[uid] == similar(loaded_graph, uid, first=5)


def test_first_is_respected_and_bounded(loaded_graph: Graph) -> None:
    assert len(similar(loaded_graph, "CPT:37188", first=3)) == 3
    assert similar(loaded_graph, "CPT:37188", first=3) == similar(loaded_graph, "CPT:37188", first=10)[:3]
    for first in (0, 101):
        with pytest.raises(ValueError, match="first must be between 1 and 100"):
            similar_codes(loaded_graph, ["CPT:37188"], first)


def test_pcs_neighbours_are_spelled_one_axis_value_apart_in_the_table() -> None:
    near = neighbour_uids("ICD10PCS:06CY3ZZ")
    assert len(near) == 4 * 33  # positions 4..7, 34 characters (no I, no O) less the code's own
    assert {"ICD10PCS:06CY0ZZ", "ICD10PCS:06CM3ZZ", "ICD10PCS:06CY3DZ"} <= set(near)
    assert "ICD10PCS:06CY3ZZ" not in near and not any(uid[11] != "C" for uid in near)
    assert neighbour_uids("HCPCS:J2997")[:3] == ["HCPCS:J2990", "HCPCS:J2991", "HCPCS:J2992"]
    assert neighbour_uids("ICD10CM:I82.401") == neighbour_uids("ICD10PCS:06C") == []


def test_rank_merges_evidence_per_candidate() -> None:
    evidence = [
        Evidence("A", 1.0, "Same table"),
        Evidence("B", 2.0, "Alternative: B"),
        Evidence("A", 1.5, "Alternative: A"),
        Evidence("B", 2.0, "Alternative: B"),  # the same reason twice counts once
        Evidence("C", 9.0, "Same table"),
    ]
    assert rank(evidence, excluded={"C"}, first=10) == [
        SimilarCode("A", 2.5, ("Alternative: A", "Same table")),
        SimilarCode("B", 2.0, ("Alternative: B",)),
    ]
