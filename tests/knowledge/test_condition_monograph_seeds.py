"""Condition monograph seeds (seeds/conditions/): a real one loads; broken copies report file, line, cause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.knowledge import check_seeds, load_seeds, referenced_official_codes
from graph.knowledge.condition_monographs import condition_codes
from tests.knowledge.test_seed_files import GROUP_A, SECOND_REVIEW, SEEDS, edit, only_problem


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """The vocabulary, group A's procedures and the hypertension monograph: a closed, valid set."""
    root = tmp_path / "seeds"
    shutil.copytree(SEEDS / "vocabulary", root / "vocabulary")
    (root / "procedures").mkdir()
    for code in GROUP_A:
        shutil.copy(SEEDS / "procedures" / f"cpt-{code}.yaml", root / "procedures")
    (root / "conditions").mkdir()
    shutil.copy(SEEDS / "conditions" / "essential-hypertension.yaml", root / "conditions")
    assert check_seeds(root) == []
    return root


def hypertension(root: Path) -> Path:
    return root / "conditions" / "essential-hypertension.yaml"


def test_a_condition_monograph_loads_with_every_section(seeds: Path) -> None:
    monograph = load_seeds(seeds).condition_monographs["essential-hypertension"]
    assert monograph.name == "High blood pressure (essential hypertension)"
    assert monograph.layNames == ["high blood pressure", "raised blood pressure", "hypertension"]
    assert monograph.symptoms[0] == (
        "Usually none at all, which is why it is often found only at a routine check."
    )
    assert len(monograph.causes) == 4
    assert len(monograph.diagnosis) == 3
    assert [t.treatment for t in monograph.treatments] == [
        "weight-loss-and-activity", "diet-changes", "blood-pressure-medicines",
    ]  # fmt: skip
    assert len(monograph.seekCare) == 3
    assert monograph.icd10cm == ["I10"]
    assert monograph.reviewStatus == SECOND_REVIEW


def test_its_categories_are_official_codes_the_loader_verifies(seeds: Path) -> None:
    loaded = load_seeds(seeds)
    assert ("ICD10CM", "I10") in referenced_official_codes(loaded)
    # The vocabulary already lists I10, so the condition is coded as it once.
    assert condition_codes(loaded, loaded.conditions["essential-hypertension"]) == ["I10"]


def test_a_category_the_vocabulary_lacks_is_added_to_the_condition_codes(seeds: Path) -> None:
    edit(hypertension(seeds), "icd10cm: [I10]", "icd10cm: [I10, I11]")
    loaded = load_seeds(seeds)
    assert condition_codes(loaded, loaded.conditions["essential-hypertension"]) == ["I10", "I11"]


@pytest.mark.parametrize("section", ["symptoms", "causes", "diagnosis", "treatments", "seekCare", "layNames"])
def test_a_missing_section_is_an_error(seeds: Path, section: str) -> None:
    path = hypertension(seeds)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{section}:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith((" ", "-")))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, 1)
    assert problem.message == f"missing required field '{section}'"


def test_an_empty_section_is_an_error(seeds: Path) -> None:
    path = hypertension(seeds)
    line = edit(path, "icd10cm: [I10]", "icd10cm: []")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message == "icd10cm: List should have at least 1 item after validation, not 0"


def test_a_malformed_icd10cm_code_is_an_error(seeds: Path) -> None:
    path = hypertension(seeds)
    line = edit(path, "icd10cm: [I10]", "icd10cm: [I10, I109]")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message == (
        "icd10cm.1: 'I109' is not a well-formed ICD10CM code (ICD-10-CM codes are written with their dot, "
        "e.g. I82.401)"
    )


def test_an_unknown_condition_is_an_error(seeds: Path) -> None:
    path = hypertension(seeds)
    old = path.read_text(encoding="utf-8")
    renamed = path.with_name("high-pressure.yaml")
    path.unlink()
    renamed.write_text(old.replace("condition: essential-hypertension", "condition: high-pressure"))
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (renamed, 1)
    assert problem.message == "unknown conditions key 'high-pressure' (not in conditions.yaml)"


def test_the_file_is_named_after_its_condition(seeds: Path) -> None:
    path = hypertension(seeds)
    moved = path.with_name("hypertension.yaml")
    path.rename(moved)
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (moved, 1)
    assert problem.message == "file name does not match the condition: expected 'essential-hypertension.yaml'"


def test_an_unknown_treatment_is_an_error(seeds: Path) -> None:
    path = hypertension(seeds)
    line = edit(path, "  - treatment: diet-changes\n", "  - treatment: salt-free-diet\n")
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message == "unknown treatments key 'salt-free-diet' (not in treatments.yaml)"


def test_a_treatment_code_of_uncurated_cpt_is_an_error(seeds: Path) -> None:
    path = hypertension(seeds)
    line = edit(path, "  - treatment: diet-changes\n", '  - code: {system: CPT, code: "99213"}\n')
    problem = only_problem(seeds)
    assert (problem.file, problem.line) == (path, line)
    assert problem.message == (
        "dangling code reference CPT 99213: CPT codes exist only where curated, "
        "and there is no cpt-99213.yaml"
    )
