"""The seed checker: the real seeds pass, and broken copies report the right file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.knowledge import SeedError, SeedProblem, check_seeds, load_seeds, referenced_official_codes
from graph.knowledge.seed_models import VOCAB_KINDS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# What a monograph that has had its second review (docs/monograph-reviews.md) says about who checked it.
SECOND_REVIEW = "editorial review and independent second review; not reviewed by a clinician"

# Group A's monographs refer only to each other, so together with the vocabulary they form a closed, valid set
# that the broken-copy tests can start from without depending on files other people are still writing.
GROUP_A = [
    "37184", "37185", "37186", "37187", "37188", "37191",
    "37192", "37193", "37211", "37212", "37213", "37214",
]  # fmt: skip


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    root = tmp_path / "seeds"
    shutil.copytree(SEEDS / "vocabulary", root / "vocabulary")
    (root / "procedures").mkdir()
    for code in GROUP_A:
        shutil.copy(SEEDS / "procedures" / f"cpt-{code}.yaml", root / "procedures")
    assert check_seeds(root) == []
    return root


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in `path`; return the 1-based line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {path.name}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, start) + 1


def only_problem(root: Path) -> SeedProblem:
    problems = check_seeds(root)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_real_seeds_have_no_problems() -> None:
    problems = check_seeds(SEEDS)
    assert problems == [], "\n".join(map(str, problems))


def test_seeds_load(seeds: Path) -> None:
    loaded = load_seeds(seeds)
    assert set(loaded.vocab) == set(VOCAB_KINDS)
    for code in GROUP_A:
        assert f"CPT:{code}" in loaded.monographs
    repeat = loaded.monographs["CPT:37188"]
    assert [step.label for step in repeat.steps][:2] == ["Numbing and sedation", "Reaching the vein"]
    assert len(repeat.steps) == 6
    assert {r.risk for r in repeat.risks} >= {
        "infection", "bleeding-hematoma", "contrast-or-drug-reaction", "vessel-injury", "clot-embolization",
    }  # fmt: skip
    assert loaded.conditions["deep-vein-thrombosis"].icd10cm[0] == "I82.4"
    assert repeat.reviewStatus == SECOND_REVIEW


def test_missing_review_status(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    edit(path, f'reviewStatus: "{SECOND_REVIEW}"\n', "")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, 1)
    assert problem.message == "missing required field 'reviewStatus'"


def test_unknown_risk_key(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    line = edit(path, "  - risk: vessel-injury\n", "  - risk: vessel-injurie\n")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert "unknown risks key 'vessel-injurie'" in problem.message


def test_missing_section(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("purpose: >-\n")
    end = text.index("indications:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problem = only_problem(seeds)
    # A missing field has no line of its own; the checker points at the mapping that should hold it.
    assert (problem.file, problem.line) == (path, 1)
    assert problem.message == "missing required field 'purpose'"


def test_duplicate_step_label(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    line = edit(path, "  - label: Clot removal\n", "  - label: Reaching the vein\n")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert "step label 'Reaching the vein' is used twice (steps 2 and 4" in problem.message


def test_dangling_code_reference(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    line = edit(path, 'code: {system: CPT, code: "37212"}', 'code: {system: CPT, code: "37999"}')
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert "dangling code reference CPT 37999" in problem.message


def test_official_code_references_are_not_dangling(seeds: Path) -> None:
    # ICD-10-PCS codes are checked later against the loaded release, not here.
    path = seeds / "procedures" / "cpt-37188.yaml"
    edit(path, "code: {system: ICD10PCS, code: 06CY3ZZ}", "code: {system: ICD10PCS, code: 06CY4ZZ}")
    assert check_seeds(seeds) == []


def test_bad_yaml(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37188.yaml"
    line = edit(path, "duration: Usually about", "duration: Usually: about")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message.startswith("YAML syntax error")


def test_impossible_date(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37193.yaml"
    line = edit(path, "reviewedOn: 2026-12-04", "reviewedOn: 2026-13-04")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message.startswith("invalid value")


def test_plain_text_read_as_mapping(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37214.yaml"
    line = edit(path, "  - You are already in hospital", "  - Note: you are already in hospital")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message.startswith("preparation.0: expected text but YAML read a mapping")


def test_every_problem_is_reported(seeds: Path) -> None:
    first = seeds / "procedures" / "cpt-37188.yaml"
    second = seeds / "procedures" / "cpt-37191.yaml"
    line_a = edit(first, "  - risk: infection\n", "  - risk: infektion\n")
    line_b = edit(first, "  - benefit: minimally-invasive\n", "  - benefit: cheap\n")
    line_c = edit(second, "duration: Usually", "duration: 45\nlength: Usually")
    found = {(p.file, p.line) for p in check_seeds(seeds)}
    assert found >= {(first, line_a), (first, line_b), (second, line_c), (second, line_c + 1)}


def test_unquoted_code_and_unknown_field(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37212.yaml"
    line = edit(path, 'code: "37212"\n', "code: 37212\nnotes: stray\n")
    problems = check_seeds(seeds)
    messages = {(p.line, p.message) for p in problems if p.file == path}
    assert (line, 'code: code 37212 must be a quoted string in YAML: write "37212"') in messages
    assert (line + 1, "unknown field 'notes' (not part of the seed format)") in messages


def test_file_name_must_match_code(seeds: Path) -> None:
    path = seeds / "procedures" / "cpt-37214.yaml"
    moved = path.with_name("cpt-37215.yaml")
    path.rename(moved)
    problems = check_seeds(seeds)
    mismatch = [p for p in problems if p.file == moved]
    assert len(mismatch) == 1
    assert mismatch[0].line == 2  # the `code:` line
    assert "expected 'cpt-37214.yaml'" in mismatch[0].message


def test_duplicate_vocabulary_key(seeds: Path) -> None:
    path = seeds / "vocabulary" / "risks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "\n- key: infection\n  name: Again\n  description: A second entry.\n", encoding="utf-8"
    )
    first_line = text.splitlines().index("- key: infection") + 1
    duplicate_line = len(text.splitlines()) + 2
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, duplicate_line)
    assert problem.message == f"duplicate risks key 'infection' (first on line {first_line})"


def test_badly_formed_icd10cm_code(seeds: Path) -> None:
    path = seeds / "vocabulary" / "conditions.yaml"
    line = edit(path, "  icd10cm: [I27.24]\n", "  icd10cm: [I2724]\n")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert "written with their dot" in problem.message


def test_load_seeds_refuses_broken_seeds(seeds: Path) -> None:
    edit(seeds / "procedures" / "cpt-37188.yaml", "  - risk: infection\n", "  - risk: infektion\n")
    with pytest.raises(SeedError) as caught:
        load_seeds(seeds)
    assert len(caught.value.problems) == 1


def test_referenced_official_codes(seeds: Path) -> None:
    codes = referenced_official_codes(load_seeds(seeds))
    assert ("ICD10CM", "I82.4") in codes
    assert ("ICD10CM", "I26") in codes
    assert ("ICD10PCS", "06CY3ZZ") in codes
    assert ("HCPCS", "J2997") in codes
    assert all(system in {"ICD10CM", "ICD10PCS", "HCPCS"} for system, _ in codes)


def test_near_duplicate_vocabulary_name(seeds: Path) -> None:
    path = seeds / "vocabulary" / "risks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "\n- key: infections\n  name: infections.\n  description: A second entry.\n", encoding="utf-8"
    )
    first_line = text.splitlines().index("- key: infection") + 1
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, len(text.splitlines()) + 3)
    assert problem.message == (
        f"risks name 'infections.' is a near duplicate of 'Infection' (key 'infection', line {first_line}): "
        "reuse that entry"
    )
