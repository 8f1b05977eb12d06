"""Curated seeds in the real graph: round trip, idempotent reload, edits and removals, resolved codes."""

import shutil
from pathlib import Path

import pytest
import yaml

from graph.bundle import seeds_dir
from graph.driver import Graph
from graph.knowledge.condition_monographs import condition_codes
from graph.knowledge.errors import SeedLoadError
from graph.knowledge.loader import load_knowledge, monograph_properties
from graph.knowledge.seed_files import load_seeds
from graph.reads.codes import ancestors
from graph.reads.graph_state import fingerprint
from graph.reads.knowledge import code_knowledge, conditions_by_key, lineage_conditions

SEEDS = load_seeds(seeds_dir())


def test_every_monograph_round_trips_from_yaml_to_graph(loaded_graph: Graph) -> None:
    uids = sorted(SEEDS.monographs)
    found = code_knowledge(loaded_graph, uids)
    for uid in uids:
        seed, graph = SEEDS.monographs[uid], found[uid]
        assert graph.monograph is not None, uid
        stored = {k: v for k, v in graph.monograph.items() if k != "key"}
        assert stored == monograph_properties(seed), uid
        assert [link.concept.key for link in graph.indications if link.concept] == [
            i.condition for i in seed.indications
        ]
        assert [(link.concept.key, link.note) for link in graph.risks if link.concept] == [
            (r.risk, r.note) for r in seed.risks
        ]
        assert [(link.concept.key, link.note) for link in graph.personnel if link.concept] == [
            (p.role, p.involvement) for p in seed.personnel
        ]
        assert [link.key for link in graph.related] == [r.code.uid for r in seed.related]
        assert [link.key for link in graph.code_alternatives] == [
            a.code.uid for a in seed.alternatives if a.code
        ]


def test_each_condition_links_every_icd10cm_code_it_lists(loaded_graph: Graph) -> None:
    conditions = SEEDS.vocab["conditions"]
    found = conditions_by_key(loaded_graph, sorted(conditions))
    for key, entry in conditions.items():
        # The vocabulary's codes and the categories of the condition's monograph, if it has one.
        codes = condition_codes(SEEDS, entry)  # type: ignore[arg-type]
        assert found[key].codes == sorted(f"ICD10CM:{code}" for code in codes), key


def test_a_codes_conditions_are_its_own_then_those_of_each_level_up_each_once(loaded_graph: Graph) -> None:
    coded: dict[str, list[str]] = {}
    for key, entry in SEEDS.vocab["conditions"].items():
        for code in condition_codes(SEEDS, entry):  # type: ignore[arg-type]
            coded.setdefault(f"ICD10CM:{code}", []).append(key)
    uids = ["ICD10CM:G00.1", "ICD10CM:K51.011", "ICD10CM:E11.10", "ICD10CM:I82.401", "CPT:37188"]
    lineage = ancestors(loaded_graph, uids)
    found = lineage_conditions(loaded_graph, uids)
    for uid in uids:
        levels = [uid, *lineage.get(uid, [])]
        expected = list(dict.fromkeys(key for level in levels for key in sorted(coded.get(level, []))))
        assert found.get(uid, []) == expected, uid
    assert found["ICD10CM:G00.1"] == ["pneumococcal-infection", "meningitis"]  # its own, then its category's
    assert "CPT:37188" not in found


def test_reloading_the_same_seeds_changes_nothing(loaded_graph: Graph) -> None:
    before = fingerprint(loaded_graph)
    load_knowledge(loaded_graph, SEEDS)
    assert fingerprint(loaded_graph) == before


@pytest.fixture
def edited_seeds(tmp_path: Path, loaded_graph: Graph):  # type: ignore[no-untyped-def]
    copy = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), copy)
    yield copy
    load_knowledge(loaded_graph, SEEDS)  # the session's graph goes back to the real seeds


def test_editing_a_file_and_reloading_updates_and_removes_exactly_that(
    loaded_graph: Graph, edited_seeds: Path
) -> None:
    path = edited_seeds / "procedures" / "cpt-37188.yaml"
    document = yaml.safe_load(path.read_text())
    removed = document["risks"].pop()["risk"]
    document["duration"] = "About two hours, sometimes longer."
    path.write_text(yaml.safe_dump(document, sort_keys=False))

    load_knowledge(loaded_graph, load_seeds(edited_seeds))
    knowledge = code_knowledge(loaded_graph, ["CPT:37188"])["CPT:37188"]
    assert removed not in [link.concept.key for link in knowledge.risks if link.concept]
    assert len(knowledge.risks) == len(SEEDS.monographs["CPT:37188"].risks) - 1
    assert knowledge.monograph is not None
    assert knowledge.monograph["duration"] == "About two hours, sometimes longer."


def test_an_unknown_official_code_is_a_load_error_not_a_silent_skip(
    loaded_graph: Graph, edited_seeds: Path
) -> None:
    path = edited_seeds / "vocabulary" / "conditions.yaml"
    entries = yaml.safe_load(path.read_text())
    entries[0]["icd10cm"] = [*entries[0]["icd10cm"], "I82.999"]  # well-formed, but no such code
    path.write_text(yaml.safe_dump(entries, sort_keys=False))
    with pytest.raises(SeedLoadError, match=r"ICD10CM:I82\.999"):
        load_knowledge(loaded_graph, load_seeds(edited_seeds))
