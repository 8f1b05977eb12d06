"""`/codes/{system}/{code}`: the seed page's layout, links onward, how codes are typed, unknown codes."""

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.pages import SEED_SECTIONS, available, section_headings


def test_the_37188_page_has_every_seed_section_in_order(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"37188\s*Catheter removal of vein blood clot, repeat treatment on a later day")
    )
    expect(page.locator(".code-head .badge")).to_have_text("CPT")
    headings = section_headings(page)
    assert [h for h in headings if h in SEED_SECTIONS] == SEED_SECTIONS
    assert page.locator("#procedure ol.steps > li").count() == 6
    expect(page.locator("#name")).to_contain_text("Mechanical thrombectomy")
    expect(page.locator("#duration")).to_contain_text("one to two hours")
    expect(page.locator("#indications")).to_contain_text("Deep vein thrombosis (DVT)")
    expect(page.locator("#indications")).to_contain_text("Pulmonary embolism (PE)")
    expect(page.locator(".code-head .cpt-notice")).to_contain_text(
        "medgraph's own plain-language descriptions"
    )
    expect(page.locator("footer")).to_contain_text("Not medical or coding advice")
    expect(page.locator("#experience .about__source")).to_have_text(
        "Written by the medgraph team from public patient-education material; code scope checked against CMS"
        " code sets. Reviewed 2026-12-04 (editorial review and independent second review; not reviewed by a"
        " clinician)."
    )


def test_an_indication_leads_to_its_condition_page(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    page.locator("#indications").get_by_role("link", name="Deep vein thrombosis (DVT)").click()
    expect(page).to_have_url(re.compile(r"/conditions/deep-vein-thrombosis$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Deep vein thrombosis")
    expect(page.locator(".synonyms")).to_contain_text("DVT")
    page.locator("#procedures").get_by_role("link", name=re.compile("37188")).click()
    expect(page).to_have_url(re.compile(r"/codes/CPT/37188$"))


def test_alternatives_related_codes_and_crosswalks_are_links(static_page: Page) -> None:
    page = static_page
    page.goto("/codes/CPT/37188")
    alternatives = page.locator("#alternatives")
    expect(alternatives).to_contain_text("Blood-thinning medicine")
    expect(alternatives.get_by_role("link", name=re.compile("37212"))).to_have_attribute(
        "href", "/codes/CPT/37212"
    )
    expect(page.locator("#related")).to_contain_text("Repeat of")
    expect(page.locator("#related").get_by_role("link", name=re.compile("37187"))).to_have_count(1)
    crosswalk = page.locator("#crosswalks").get_by_role("link", name=re.compile("06CM3ZZ"))
    expect(crosswalk).to_have_attribute("href", "/codes/ICD10PCS/06CM3ZZ")


@pytest.mark.skipif(not available("similar"), reason="Code.similar is not in the public schema yet")
def test_similar_codes_of_the_same_system_come_first_and_the_others_are_their_own_group(page: Page) -> None:
    page.goto("/codes/HCPCS/J2997")
    similar = page.locator("#similar")
    headings = similar.get_by_role("heading", level=3)
    expect(headings.first).to_have_text("HCPCS Level II codes")
    expect(similar.get_by_role("list", name="HCPCS Level II codes")).to_contain_text("J2993")
    expect(similar.get_by_role("list", name="CPT codes")).to_contain_text("37188")


def test_similar_codes_leave_out_the_crosswalks_the_page_lists(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    expect(page.locator("#crosswalks").get_by_role("link", name=re.compile("06CM3ZZ"))).to_have_count(1)
    expect(page.locator("#similar").get_by_role("link", name=re.compile("06CM3ZZ"))).to_have_count(0)


def test_the_drugs_a_procedure_may_use_show_each_code_with_its_form_and_dose(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    heparin = page.locator("#drugs li", has_text="Heparin").first
    link = heparin.get_by_role("link", name=re.compile(r"^J1644\s"))
    expect(link).to_contain_text("per 1000 units")
    link.click()
    expect(page).to_have_url(re.compile(r"/codes/HCPCS/J1644$"))


def test_a_similar_code_shows_its_reasons_and_opens(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    first = page.locator("#similar .similar__item").first
    expect(first.locator(".reasons li").first).to_be_visible()
    link = first.locator("a.code-link")
    target = link.get_attribute("href")
    assert target and target.startswith("/codes/") and target != "/codes/CPT/37188"
    link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator("#similar")).to_be_visible()


@pytest.mark.skipif(not available("neighborhood"), reason="Code.neighborhood is not in the public schema yet")
def test_the_neighbourhood_picture_opens_the_node_clicked(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    canvas = page.locator("#graph-canvas")
    expect(canvas).to_be_hidden()
    page.get_by_role("button", name="Show the picture").click()
    expect(canvas).to_be_visible()
    expect(canvas.locator("canvas").first).to_be_attached()
    expect(page.locator("details.connections")).not_to_have_attribute("open", "")
    # Scrolled there first, as a reader would be: cytoscape learns where its box is from the scroll event,
    # which a click in the same frame as the scroll would beat.
    canvas.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    # A node that opens a condition's page, at its place in the picture.
    point = page.evaluate(
        """() => {
            const cy = document.getElementById('graph-canvas').cytoscape;
            const node = cy.nodes().filter(n => n.data('kind') === 'condition' && n.data('href'))[0];
            const p = node.renderedPosition();
            return {x: p.x, y: p.y, href: node.data('href')};
        }"""
    )
    canvas.click(position={"x": point["x"], "y": point["y"]})
    expect(page).to_have_url(re.compile(re.escape(point["href"]) + "$"))


def test_codes_are_accepted_however_typed(http: httpx.Client) -> None:
    for typed in ("/codes/ICD10CM/i82401", "/codes/icd-10-cm/I82.401", "/codes/icd10cm/ i82.401"):
        response = http.get(typed)
        assert response.status_code == 301, typed
        assert response.headers["location"] == "/codes/ICD10CM/I82.401"
    assert http.get("/codes/ICD10CM/I82.401").status_code == 200


def test_a_code_without_a_monograph_shows_what_the_graph_knows(page: Page) -> None:
    page.goto("/codes/ICD10CM/i82401")
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.401$"))
    expect(page.locator(".notice")).to_have_count(0)  # its explanation is generated from the tabular list
    crumbs = page.get_by_role("navigation", name="Where this code sits")
    for level in ("Chapter 9", "I80-I89", "I82", "I82.4", "I82.40"):
        expect(crumbs.get_by_role("link", name=re.compile(rf"^{re.escape(level)}\s"))).to_have_count(1)
    headings = section_headings(page)
    assert "Coding notes" in headings
    assert headings[-2:] == ["Similar codes", "Neighbourhood in the graph"]
    crumbs.get_by_role("link", name=re.compile(r"^I82\.40\s")).click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I82\.40$"))
    expect(page.locator("#children")).to_contain_text("I82.401")


def test_notes_link_the_codes_they_name(page: Page) -> None:
    page.goto("/codes/ICD10CM/I26")
    notes = page.locator("#notes")
    expect(notes.locator("dt", has_text="Excludes1")).to_be_visible()
    notes.get_by_role("link", name="I27.81").click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/I27\.81$"))


def test_every_range_a_note_names_is_a_link(page: Page) -> None:
    # Chapter 16's Excludes2, inherited by P00: a chapter range, a block range, one of several parts.
    page.goto("/codes/ICD10CM/P00")
    notes = page.locator("#notes")
    notes.locator("details.inherited").evaluate_all("all => all.forEach(d => { d.open = true; })")  # unfold
    expect(notes.get_by_role("link", name="P70-P74")).to_have_count(1)
    expect(notes.get_by_role("link", name="Q99")).to_have_attribute("href", "/codes/ICD10CM/Q90-Q99")
    notes.get_by_role("link", name="C00-D49").click()
    expect(page).to_have_url(re.compile(r"/codes/ICD10CM/2$"))
    expect(page.locator("h1")).to_contain_text("Neoplasms")


def test_the_texts_of_one_seventh_character_read_apart(page: Page) -> None:
    page.goto("/codes/ICD10CM/S72")
    expect(page.locator("#notes dd", has_text="B: ")).to_have_text(
        "B: initial encounter for open fracture type I or II; initial encounter for open fracture NOS"
    )


def test_a_retired_hcpcs_code_says_so(http: httpx.Client) -> None:
    html = http.get("/codes/HCPCS/A4397").text
    assert "Retired code" in html
    assert "2021-12-31" in html
    assert "No plain-language explanation has been written" not in html
    assert "It was terminated on December 31, 2021" in html


def test_an_unknown_code_is_a_404_page_with_a_search_box(page: Page) -> None:
    response = page.goto("/codes/CPT/99999")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_contain_text("CPT code 99999")
    box = page.get_by_role("combobox", name="Search all medical codes")
    expect(box).to_have_value("99999")
    box.fill("thrombectomy")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=thrombectomy$"))
    response = page.goto("/codes/NOPE/37188")
    assert response is not None and response.status == 404


def test_the_cpt_notice_is_only_on_cpt_pages(http: httpx.Client) -> None:
    assert "AMA property" in http.get("/codes/CPT/37187").text
    assert "AMA property" not in http.get("/codes/ICD10PCS/06CM3ZZ").text


def test_a_code_page_shows_the_index_entries_that_lead_to_it(page: Page) -> None:
    page.goto("/codes/ICD10CM/B02.9")
    section = page.locator("#index")
    expect(section.get_by_role("heading", level=2)).to_have_text("Index entries that lead here")
    expect(section.locator("li").first).to_contain_text("Herpes, herpesvirus, herpetic → zoster")
    expect(section.locator("li", has_text="Shingles")).to_contain_text(
        "see Herpes, herpesvirus, herpetic, zoster"
    )
    expect(page.locator(".toc").get_by_role("link", name="Index entries that lead here")).to_have_count(1)


def test_a_pcs_code_page_explains_its_seven_characters(page: Page) -> None:
    page.goto("/codes/ICD10PCS/06CM3ZZ")
    section = page.locator("#characters")
    expect(section.get_by_role("heading", level=2)).to_have_text("The seven characters of 06CM3ZZ")
    rows = section.locator("tbody tr")
    expect(rows).to_have_count(7)
    expect(rows.nth(2)).to_contain_text("Root Operation")
    expect(rows.nth(2).get_by_role("rowheader")).to_have_text("Extirpation")
    expect(rows.nth(2)).to_contain_text("Taking or cutting out solid matter from a body part.")
    expect(rows.nth(2)).to_contain_text("Examples: Thrombectomy, choledocholithotomy")
    expect(rows.nth(3)).to_contain_text("Includes: Deep femoral (profunda femoris) vein; Popliteal vein")
    expect(page.locator(".toc").get_by_role("link", name="The seven characters of 06CM3ZZ")).to_have_count(1)


def test_a_pcs_code_page_shows_the_index_lines_whose_lead_it_starts_with(page: Page) -> None:
    page.goto("/codes/ICD10PCS/0DTJ4ZZ")
    section = page.locator("#index")
    expect(section.get_by_role("heading", level=2)).to_have_text("Index entries that lead here")
    appendectomy = section.locator("li").filter(
        has=page.locator(".index-entries__path", has_text=re.compile(r"^Appendectomy$"))
    )
    expect(appendectomy).to_have_count(1)
    expect(appendectomy).to_contain_text("see Resection, Appendix")
    expect(appendectomy.locator(".index-entries__prefix")).to_have_text("0DTJ")
    expect(appendectomy).to_contain_text("ICD-10-PCS Index FY2025")


# A phone held upright (an iPhone 12 to 15 is 390 CSS pixels wide): the generated explanation must read there.
PHONE = {"width": 390, "height": 844}
GENERATED = "This explanation was generated automatically from the official code set"


def phone_page(browser: Browser, base_url: str, path: str) -> Page:
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(path)
    return page


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_pcs_page_shows_its_generated_explanation_on_a_phone(browser: Browser, base_url: str) -> None:
    page = phone_page(browser, base_url, "/codes/ICD10PCS/06CM3ZZ")
    try:
        expect(page.locator(".notice")).to_have_count(0)
        expect(page.locator("#overview")).to_contain_text(
            "Extirpation means taking or cutting out solid matter, such as a blood clot or a stone, from a "
            "body part."
        )
        expect(page.locator("#overview .about--generated")).to_contain_text(GENERATED)
        expect(page.locator("#overview .about--generated")).to_contain_text("not medical or coding advice")
        headings = section_headings(page)
        assert headings[:8] == [
            "Summary",
            "What is done",
            "To what",
            "How",
            "With what",
            "Where it sits in ICD-10-PCS",
            "The words people use for it",
            "Codes beside it in its table",
        ]
        for key in ("what", "to-what", "how", "with-what", "where", "words", "similar"):
            expect(page.locator(f"#explained-{key} .explained__source")).to_be_visible()
        expect(page.locator("#explained-to-what")).to_contain_text("Popliteal vein")
        expect(page.locator("#explained-how")).to_contain_text("through a needle puncture or small cut")
        expect(page.locator("#explained-with-what")).to_contain_text("The code names no device.")
        neighbour = page.locator("#explained-similar").get_by_role("link", name=re.compile("^06CM0ZZ"))
        expect(neighbour).to_have_attribute("href", "/codes/ICD10PCS/06CM0ZZ")
        assert fits_the_screen(page)
    finally:
        page.context.close()


def test_a_hcpcs_page_shows_its_generated_explanation_on_a_phone(browser: Browser, base_url: str) -> None:
    page = phone_page(browser, base_url, "/codes/HCPCS/J2997")
    try:
        expect(page.locator(".notice")).to_have_count(0)
        expect(page.locator("#overview")).to_contain_text(
            "It stands for: injection, alteplase recombinant, 1 mg."
        )
        expect(page.locator("#overview .about--generated")).to_contain_text(GENERATED)
        assert section_headings(page)[:6] == [
            "Summary",
            "What kind of item or service",
            "What the code describes",
            "How it is counted",
            "Medicare coverage and pricing",
            "Dates",
        ]
        expect(page.locator("#explained-units")).to_contain_text("Each unit of this code stands for 1 mg.")
        expect(page.locator("#explained-coverage")).to_contain_text("Type of service: medical care")
        assert fits_the_screen(page)
    finally:
        page.context.close()


def test_an_icd10cm_page_shows_its_generated_explanation_on_a_phone(browser: Browser, base_url: str) -> None:
    page = phone_page(browser, base_url, "/codes/ICD10CM/I82.401")
    try:
        expect(page.locator(".notice")).to_have_count(0)
        expect(page.locator("#overview")).to_contain_text(
            "In plain words it stands for: sudden or recent blood clot in deep veins of the right leg; which "
            "deep vein is not specified."
        )
        expect(page.locator("#overview .about--generated")).to_contain_text(GENERATED)
        expect(page.locator("#overview .about--generated")).to_contain_text("ICD-10-CM Index FY2025 (CDC)")
        assert section_headings(page)[:7] == [
            "Summary",
            "What the code means",
            "Also known as",
            "What is coded elsewhere",
            "What may be coded as well",
            "How to code it",
            "Conditions in the knowledge graph",
        ]
        for key in (
            "meaning",
            "also-known-as",
            "coded-elsewhere",
            "coded-as-well",
            "how-to-code",
            "conditions",
        ):
            expect(page.locator(f"#explained-{key} .explained__source")).to_be_visible()
        instead = page.locator("#explained-coded-elsewhere").get_by_role(
            "link", name=re.compile(r"\(I82\.4Z-\)$")
        )
        expect(instead).to_have_attribute("href", "/codes/ICD10CM/I82.4Z")
        expect(page.locator("#explained-how-to-code")).to_contain_text(
            "The title names the side: the right side."
        )
        expect(page.locator("#explained-conditions")).to_contain_text("Deep vein thrombosis")
        assert fits_the_screen(page)
    finally:
        page.context.close()
