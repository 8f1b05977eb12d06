"""The search-quality cases (bench/search_cases/, and the held-out bench/search_cases_holdout/): every file
parses, every kind has enough cases, and every accepted code or prefix exists in the loaded release: no case
asks for an answer that cannot exist."""

from pathlib import Path

import pytest

from bench.cases import CASES, HOLDOUT, KINDS, Answer, CaseError, load_cases, load_file, unmatched
from graph.driver import Graph
from graph.queries.search_documents import CODE_UIDS

MIN_PER_KIND = 55
HOLDOUT_PER_KIND = 20


def test_every_file_names_one_of_the_six_kinds_and_holds_enough_cases() -> None:
    cases = load_cases()
    counts = {kind: sum(case.kind == kind for case in cases) for kind in KINDS}
    assert all(count >= MIN_PER_KIND for count in counts.values()), counts
    assert sorted(path.stem for path in CASES.glob("*.yaml")) == sorted(KINDS)


def test_no_query_is_asked_twice_within_a_kind() -> None:
    # Exact text: "I10" and "i10" are different ways to type the same code, and both are cases.
    seen = [(case.kind, case.query.strip()) for case in load_cases()]
    assert len(seen) == len(set(seen))


def test_an_answer_is_a_code_or_a_prefix_in_an_optional_system() -> None:
    assert Answer.parse("I82.4*", "ICD10CM") == Answer("ICD10CM", "I824", prefix=True)
    assert Answer.parse("HCPCS:g0008", "ICD10CM") == Answer("HCPCS", "G0008", prefix=False)
    assert Answer.parse("0DTJ*", None) == Answer(None, "0DTJ", prefix=True)


def test_a_prefix_matches_the_code_and_the_codes_under_it_in_its_system_only() -> None:
    answer = Answer.parse("J18*", "ICD10CM")
    assert [
        answer.matches(s, c) for s, c in [("ICD10CM", "J18"), ("ICD10CM", "J18.9"), ("HCPCS", "J1815")]
    ] == [
        True,
        True,
        False,
    ]
    assert not Answer.parse("I10", None).matches("ICD10CM", "I10.1")


def test_a_malformed_case_is_named_with_its_file_and_number(tmp_path: Path) -> None:
    path = tmp_path / "lay.yaml"
    path.write_text("kind: lay\ncases:\n  - query: heart attack\n    accept: [I21*]\n  - query: stroke\n")
    with pytest.raises(CaseError, match=r"lay.yaml, case 2 \('stroke'\): `accept` must be a non-empty list"):
        load_file(path)
    path.write_text("kind: gossip\ncases: []\n")
    with pytest.raises(CaseError, match="`kind` must be one of clinical, lay, misspelling"):
        load_file(path)
    path.write_text("kind: lay\ncases:\n  - query: stroke\n    accept: [WHO:I64]\n")
    with pytest.raises(CaseError, match="unknown system 'WHO'"):
        load_file(path)


def test_the_held_out_cases_cover_every_kind_and_repeat_no_tuned_query() -> None:
    held_out = load_cases(HOLDOUT)
    counts = {kind: sum(case.kind == kind for case in held_out) for kind in KINDS}
    assert all(count >= HOLDOUT_PER_KIND for count in counts.values()), counts
    tuned = {case.query.strip().lower() for case in load_cases()}
    assert [case.query for case in held_out if case.query.strip().lower() in tuned] == []


@pytest.mark.engine
@pytest.mark.parametrize("folder", [CASES, HOLDOUT], ids=["tuned", "held-out"])
def test_every_accepted_code_or_prefix_exists_in_the_loaded_release(
    loaded_graph: Graph, folder: Path
) -> None:
    uids: list[str] = loaded_graph.read(CODE_UIDS)[0]["uids"]
    codes = [tuple(uid.split(":", 1)) for uid in uids]
    missing = [
        f"{case.kind}: {case.query!r} → {answer}" for case, answer in unmatched(load_cases(folder), codes)
    ]
    assert missing == []


def test_unmatched_names_an_answer_no_code_matches() -> None:
    cases = load_file(CASES / "clinical.yaml")[:1]  # acute appendicitis: K35*
    assert [str(answer) for _, answer in unmatched(cases, [("ICD10CM", "K35.80")])] == []
    assert [str(answer) for _, answer in unmatched(cases, [("HCPCS", "K3500")])] == ["ICD10CM:K35*"]
