"""Notes link every code and range they name to the codes the graph resolved (texts and targets from the
ICD-10-CM FY2026 tabular: chapter 16's Excludes2 and category S72's 7th characters)."""

from server.web.note_links import link_codes

P04 = {"system": "ICD10CM", "code": "P04", "title": "Newborn affected by noxious substances"}
P70_P74 = {"system": "ICD10CM", "code": "P70-P74", "title": "Transitory metabolic disorders (P70-P74)"}
NEOPLASMS = {"system": "ICD10CM", "code": "2", "title": "Neoplasms (C00-D49)"}
Q00_Q07 = {"system": "ICD10CM", "code": "Q00-Q07", "title": "Congenital malformations of the nervous system"}
Q90_Q99 = {"system": "ICD10CM", "code": "Q90-Q99", "title": "Chromosomal abnormalities, NEC (Q90-Q99)"}
L97 = {
    "system": "ICD10CM",
    "code": "L97",
    "title": "Non-pressure chronic ulcer of lower limb, not elsewhere classified",
}
L98_4 = {
    "system": "ICD10CM",
    "code": "L98.4",
    "title": "Non-pressure chronic ulcer of skin, not elsewhere classified",
}


def test_a_code_links_to_itself_and_its_dash_stays_text() -> None:
    html = link_codes("newborn affected by noxious substances (P04.-)", [P04])
    assert html == (
        'newborn affected by noxious substances (<a href="/codes/ICD10CM/P04" '
        'title="Newborn affected by noxious substances">P04</a>.-)'
    )


def test_a_range_that_is_a_block_links_whole() -> None:
    html = link_codes("maternal endocrine and metabolic disorders (P70-P74)", [P70_P74])
    assert '<a href="/codes/ICD10CM/P70-P74"' in html
    assert ">P70-P74</a>" in html


def test_a_range_that_is_a_chapter_links_whole_to_the_chapter() -> None:
    html = link_codes("neoplasms (C00-D49)", [NEOPLASMS])
    assert html == 'neoplasms (<a href="/codes/ICD10CM/2" title="Neoplasms (C00-D49)">C00-D49</a>)'


def test_a_range_of_several_parts_links_each_end_to_the_part_holding_it() -> None:
    html = link_codes("chromosomal abnormalities (Q00-Q99)", [Q00_Q07, Q90_Q99])
    assert '<a href="/codes/ICD10CM/Q00-Q07"' in html and ">Q00</a>-<a" in html
    assert '<a href="/codes/ICD10CM/Q90-Q99"' in html and ">Q99</a>)" in html


def test_codes_the_graph_resolved_to_the_code_above_them_link_to_it_whole() -> None:
    # E11.622's Use additional code note (FY2026): the graph resolved each range to the code holding it.
    html = link_codes("code to identify site of ulcer (L97.1-L97.9, L98.41-L98.49)", [L97, L98_4])
    assert html.count('<a href="/codes/ICD10CM/L97"') == 2
    assert ">L97.1</a>-<a" in html and ">L97.9</a>" in html
    assert html.count('<a href="/codes/ICD10CM/L98.4"') == 2 and ">L98.41</a>-<a" in html


def test_a_code_the_graph_did_not_resolve_is_not_linked() -> None:
    # "1" is chapter 1's key, never a code in a note's text; Z05 is not among the targets.
    html = link_codes("observation of newborn (Z05.-) for 1 day", [NEOPLASMS, P04])
    assert "<a" not in html


def test_the_texts_of_one_note_are_joined_and_escaped() -> None:
    html = link_codes("B: initial encounter for open fracture type I or II\ninitial encounter <NOS>", [])
    assert html == "B: initial encounter for open fracture type I or II; initial encounter &lt;NOS&gt;"
