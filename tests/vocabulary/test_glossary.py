"""The plain-language glossary: the real file validates; each kind of mistake is reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.knowledge import SeedError, SeedProblem
from graph.vocabulary.glossary import GlossaryEntry, check_glossary, glossary_key, read_glossary_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GLOSSARY = SEEDS / "vocabulary" / "glossary.yaml"
CONDITIONS = SEEDS / "vocabulary" / "conditions.yaml"
KINDS = "anatomy, condition, device, drug, general, procedure, qualifier, symptom"


@pytest.fixture(scope="module")
def entries() -> dict[str, GlossaryEntry]:
    return {entry.plain: entry for entry in read_glossary_file(GLOSSARY)}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, conditions: set[str] | None = None) -> list[SeedProblem]:
    with pytest.raises(SeedError) as raised:
        read_glossary_file(path, conditions)
    return raised.value.problems


def test_the_real_glossary_has_no_problems() -> None:
    assert check_glossary(SEEDS) == []


def test_the_real_glossary_is_large_and_keyed_by_slug(entries: dict[str, GlossaryEntry]) -> None:
    assert len(entries) >= 850
    assert all(entry.key == glossary_key(entry.plain) for entry in entries.values())
    assert len({entry.key for entry in entries.values()}) == len(entries)


def test_exact_entries(entries: dict[str, GlossaryEntry]) -> None:
    assert entries["blood clot"] == GlossaryEntry(
        "blood-clot", "blood clot", ("thrombosis", "thrombus", "embolism"), "condition", ("clot",)
    )
    assert entries["pink eye"] == GlossaryEntry("pink-eye", "pink eye", ("conjunctivitis",), "condition")
    assert entries["leg"] == GlossaryEntry(
        "leg", "leg", ("lower limb", "lower extremity"), "anatomy", ("legs",)
    )
    assert entries["heart attack"] == GlossaryEntry(
        "heart-attack",
        "heart attack",
        ("myocardial infarction",),
        "condition",
        condition="acute-myocardial-infarction",
    )


def test_every_condition_named_is_a_curated_condition() -> None:
    keys = {
        line.removeprefix("- key: ")
        for line in CONDITIONS.read_text().splitlines()
        if line.startswith("- key: ")
    }
    named = {entry.condition for entry in read_glossary_file(GLOSSARY, keys) if entry.condition}
    assert "deep-vein-thrombosis" in named
    assert named <= keys


def test_glossary_key() -> None:
    assert glossary_key("blood clot") == "blood-clot"
    assert glossary_key("thumb-side forearm bone") == "thumb-side-forearm-bone"


def test_missing_key(tmp_path: Path) -> None:
    path = write(
        tmp_path, "- {plain: leg, medical: [lower limb], kind: anatomy}\n- {plain: arm, kind: anatomy}\n"
    )
    assert problems_of(path) == [SeedProblem(path, 2, "missing required field 'medical'")]


def test_upper_case(tmp_path: Path) -> None:
    path = write(tmp_path, "- plain: leg\n  medical: [Lower limb]\n  kind: anatomy\n")
    assert problems_of(path) == [SeedProblem(path, 2, "medical.0: 'Lower limb' must be lower case")]


def test_duplicate_plain(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- {plain: leg, medical: [lower limb], kind: anatomy}\n"
        "- {plain: leg, medical: [crus], kind: anatomy}\n",
    )
    assert problems_of(path) == [SeedProblem(path, 2, "plain 'leg' is already an entry (line 1)")]


def test_a_medical_phrase_in_two_entries(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- {plain: leg, medical: [lower limb], kind: anatomy}\n"
        "- {plain: lower leg, medical: [crus, lower limb], kind: anatomy}\n",
    )
    assert problems_of(path) == [
        SeedProblem(path, 2, "medical 'lower limb' already belongs to the entry on line 1")
    ]


def test_unknown_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "- {plain: leg, medical: [lower limb], kind: bodypart}\n")
    assert problems_of(path) == [SeedProblem(path, 1, f"kind 'bodypart' is not one of {KINDS}")]


def test_unknown_condition_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- {plain: leg, medical: [lower limb], kind: anatomy}\n"
        "- {plain: heart attack, medical: [infarction], kind: condition, condition: heart-atack}\n",
    )
    assert problems_of(path, {"acute-myocardial-infarction"}) == [
        SeedProblem(path, 2, "unknown condition key 'heart-atack' (not in conditions.yaml)")
    ]


def test_every_problem_is_reported_in_one_pass(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- {plain: Leg, medical: [lower limb], kind: anatomy}\n"
        "- {plain: arm, medical: [upper limb], kind: limb}\n"
        "- {plain: hand, medical: [manus], kind: anatomy, colour: red}\n",
    )
    assert [(problem.line, problem.message) for problem in problems_of(path)] == [
        (1, "plain: 'Leg' must be lower case"),
        (2, f"kind 'limb' is not one of {KINDS}"),
        (3, "unknown field 'colour' (expected plain, medical, kind, also, condition)"),
    ]


def test_the_checker_reports_with_the_seed_problems(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary" / "glossary.yaml"
    path.parent.mkdir()
    path.write_text(
        "- {plain: leg, medical: [lower limb], kind: anatomy, condition: nowhere}\n", encoding="utf-8"
    )
    (path.parent / "conditions.yaml").write_text("- key: deep-vein-thrombosis\n", encoding="utf-8")
    assert check_glossary(tmp_path) == [
        SeedProblem(path, 1, "unknown condition key 'nowhere' (not in conditions.yaml)")
    ]
