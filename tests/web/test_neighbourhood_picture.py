"""The neighbourhood picture on a code page, in Chromium: drawn only when asked for, labelled, clickable
where there is a page, readable on a phone; and the list of connections, all there is without JavaScript."""

import json
import re
from html import unescape
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.web.pages import available
from tests.web.test_accessibility import violations

pytestmark = pytest.mark.skipif(
    not available("neighborhood"), reason="Code.neighborhood is not in the schema yet"
)

PHONE = {"width": 390, "height": 844}
CYTOSCAPE = "/static/vendor/cytoscape.min.js"


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size(PHONE)
    return page


def open_picture(page: Page, path: str) -> None:
    page.goto(path)
    page.get_by_role("button", name="Show the picture").click()
    page.wait_for_function("() => document.getElementById('graph-canvas').cytoscape")


def drawn(page: Page, script: str) -> Any:
    """What `script` (the body of a function of `cy`) says about the picture drawn."""
    return page.evaluate(
        f"() => {{ const cy = document.getElementById('graph-canvas').cytoscape; {script} }}"
    )


def resources(page: Page) -> list[str]:
    return [
        str(url) for url in page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    ]


def elements(http: httpx.Client, path: str) -> list[dict[str, Any]]:
    found = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', http.get(path).text, re.S
    )
    assert found, path
    return [e["data"] for e in json.loads(unescape(found.group(1)))]


def test_cytoscape_is_loaded_only_when_the_picture_is_opened(page: Page) -> None:
    page.goto("/codes/CPT/37188")
    page.wait_for_load_state("load")
    button = page.get_by_role("button", name="Show the picture")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#graph-figure")).to_be_hidden()
    assert not [url for url in resources(page) if CYTOSCAPE in url]
    button.click()
    expect(page.locator("#graph-canvas canvas").first).to_be_attached()
    loaded = [url for url in resources(page) if CYTOSCAPE in url]
    assert len(loaded) == 1 and re.search(r"\?v=[0-9a-f]{12}$", loaded[0]), loaded  # the fingerprinted URL
    hide = page.get_by_role("button", name="Hide the picture")
    expect(hide).to_have_attribute("aria-expanded", "true")
    hide.click()
    expect(page.locator("#graph-figure")).to_be_hidden()
    expect(page.locator("details.connections")).to_have_attribute("open", "")


def test_nodes_show_a_short_title_and_lines_their_relationship(page: Page) -> None:
    open_picture(page, "/codes/CPT/37188")
    labels = drawn(page, "return Object.fromEntries(cy.nodes().map(n => [n.id(), n.data('label')]));")
    by_start = {label.split(" ")[0]: label for label in labels.values()}
    assert by_start["37187"] == "37187 Catheter … first treatment"
    assert by_start["37188"] == "37188 Catheter … on a later day"
    assert "Deep vein thrombosis" in labels.values()
    assert all(len(label) <= 46 for label in labels.values()), labels
    named = drawn(
        page,
        "return cy.edges('.named').map(e => [e.data('label'), e.style('target-label') || e.style('source-label')]);",  # noqa: E501
    )
    assert ["has risk", "has risk"] in named and ["uses drug", "uses drug"] in named
    assert {label for label, _ in named} >= {"repeat of", "indicated for", "performed by", "has benefit"}
    # Pointing at a node names all its lines.
    risky = drawn(
        page,
        """
        const node = cy.nodes().filter(n => n.data('label') === 'Infection')[0];
        node.emit('mouseover');
        return node.connectedEdges().map(e => e.style('target-label') || e.style('source-label'));""",
    )
    assert risky and set(risky) == {"has risk"}


def point_at(page: Page, which: str) -> dict[str, Any]:
    """Points at the first node `which` (a cytoscape filter of `n`) and says what it is; scrolled there first,
    as a reader would be: cytoscape learns where its box is from the scroll event."""
    page.locator("#graph-canvas").scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    found: dict[str, Any] = drawn(
        page,
        f"""const node = cy.nodes().filter(n => {which})[0];
        const p = node.renderedPosition();
        return {{x: p.x, y: p.y, href: node.data('href'), fill: node.style('background-color'),
                lines: node.connectedEdges().map(e => e.data('label'))}};""",
    )
    page.locator("#graph-canvas").hover(position={"x": found["x"], "y": found["y"]})
    return found


def test_a_condition_coded_to_a_level_above_is_drawn_and_opens_its_page(page: Page) -> None:
    open_picture(page, "/codes/ICD10CM/I82.401")
    canvas = page.locator("#graph-canvas")
    point = point_at(page, "n.data('label') === 'Deep vein thrombosis'")
    assert (point["href"], point["lines"]) == ("/conditions/deep-vein-thrombosis", ["coded as"])
    expect(canvas).to_have_class(re.compile(r"graph__canvas--link"))
    canvas.click(position={"x": point["x"], "y": point["y"]})
    expect(page).to_have_url(re.compile(r"/conditions/deep-vein-thrombosis$"))


def test_a_node_without_a_page_is_hollow_and_opens_nothing(page: Page) -> None:
    open_picture(page, "/codes/CPT/37188")
    canvas = page.locator("#graph-canvas")
    risk = point_at(page, "n.data('kind') === 'risk'")
    assert (risk["href"], risk["fill"]) == ("", "rgb(255,255,255)")
    expect(canvas).not_to_have_class(re.compile(r"graph__canvas--link"))
    canvas.click(position={"x": risk["x"], "y": risk["y"]})
    expect(page).to_have_url(re.compile(r"/codes/CPT/37188$"))


@pytest.mark.parametrize(
    ("path", "kinds"),
    [
        ("/codes/CPT/37188", ["This code", "Codes", "Conditions", "Drugs", "Risks", "Benefits", "Roles",
                              "Settings", "Treatments"]),
        ("/codes/ICD10CM/I82.401", ["This code", "Codes", "Conditions"]),
        ("/codes/ICD10PCS/06CM3ZZ", ["This code", "Codes", "Axis values (PCS)"]),
    ],
)  # fmt: skip
def test_the_legend_names_the_kinds_drawn_each_with_a_shape(page: Page, path: str, kinds: list[str]) -> None:
    open_picture(page, path)
    legend = page.get_by_role("list", name="What the shapes stand for")
    expect(legend.get_by_role("listitem")).to_have_text(kinds)
    expect(legend.locator("svg")).to_have_count(len(kinds))
    present = drawn(page, "return [...new Set(cy.nodes().map(n => n.data('kind') + ' ' + n.data('shape')))];")
    assert len(present) == len(kinds)


def test_the_picture_has_the_axes_the_page_lists(page: Page) -> None:
    page.goto("/codes/ICD10PCS/06CM3ZZ")
    meanings = [text.strip() for text in page.locator("#characters .index-table__term").all_inner_texts()]
    assert len(meanings) == 7 and meanings[:2] == ["Medical and Surgical", "Lower Veins"]
    page.get_by_role("button", name="Show the picture").click()
    page.wait_for_function("() => document.getElementById('graph-canvas').cytoscape")
    titles = drawn(page, "return cy.nodes().map(n => n.data('title'));")
    for meaning in meanings:
        assert any(title.endswith(meaning) for title in titles), (meaning, titles)


def test_labels_are_readable_and_apart_on_a_phone(phone: Page) -> None:
    open_picture(phone, "/codes/CPT/37188")
    found = drawn(
        phone,
        """
        const boxes = cy.nodes().map(n => n.boundingBox({includeLabels: true}));
        let overlaps = 0;
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps += 1;
        }));
        const fonts = cy.nodes().map(n => parseFloat(n.style('font-size')) * cy.zoom());
        return {overlaps: overlaps, smallest: Math.min(...fonts), nodes: cy.nodes().length,
                fits: cy.elements().renderedBoundingBox().x2 <= cy.width() + 1};""",
    )
    assert found["nodes"] >= 40
    assert found["overlaps"] == 0
    assert found["smallest"] >= 12
    assert found["fits"]


def test_without_javascript_the_list_starts_with_the_code_and_links_every_page(static_page: Page) -> None:
    page = static_page
    page.goto("/codes/CPT/37188")
    section = page.locator("#neighbourhood")
    expect(section).not_to_contain_text("Select a node")
    expect(section.locator(".section-lead")).to_contain_text(
        "The list below gives the code's own connections first"
    )
    expect(page.locator(".graph__open")).to_be_hidden()
    expect(page.locator("#graph-figure")).to_be_hidden()
    first = section.locator(".connections__list li").first
    expect(first).to_have_text(re.compile(r"^37188\s+repeat of\s+37187 "))
    expect(section.get_by_role("heading", name="37188's own connections")).to_be_visible()
    expect(section.get_by_role("list", name="How the others are connected")).to_be_visible()
    expect(section.get_by_role("link", name="Deep vein thrombosis").first).to_have_attribute(
        "href", "/conditions/deep-vein-thrombosis"
    )
    expect(section.get_by_role("link", name=re.compile(r"^37187 "))).not_to_have_count(0)
    expect(section.get_by_role("link", name="Infection")).to_have_count(0)  # a risk has no page


def test_every_node_of_a_kind_with_pages_has_one(http: httpx.Client) -> None:
    for path in (
        "/codes/CPT/37188",
        "/codes/ICD10CM/I82.401",
        "/codes/ICD10PCS/06CM3ZZ",
        "/codes/HCPCS/J2997",
    ):
        nodes = [e for e in elements(http, path) if "kind" in e]
        assert nodes, path
        for node in nodes:
            assert bool(node["href"]) == (node["kind"] in ("focus", "code", "condition")), node


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_problems_with_the_picture_open(
    axe_page: Page, viewport: dict[str, int]
) -> None:
    axe_page.set_viewport_size(viewport)
    open_picture(axe_page, "/codes/CPT/37188")
    assert violations(axe_page) == []
    axe_page.goto("/codes/CPT/37188")
    axe_page.wait_for_load_state("load")
    assert violations(axe_page) == []
