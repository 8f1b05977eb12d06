"""The results page's numbered links: the first and last pages, two either side of this one, gaps between."""

from typing import Any

from graph.search.cursor import decode_cursor, encode_cursor
from server.web.search_page import MAX_PAGE, PAGE_SIZE, SearchParams, page_links


def _search(start: int) -> dict[str, Any]:
    return {"pageInfo": {"startCursor": encode_cursor("v1", start)}}


def _numbers(links: list[dict[str, Any] | None]) -> list[int | None]:
    return [link["number"] if link else None for link in links]


def test_pages_near_this_one_the_first_and_the_last_with_gaps_between() -> None:
    params = SearchParams(q="fracture", after=encode_cursor("v1", 199), page=11)
    links = page_links(params, _search(200), page_count=40)
    assert _numbers(links) == [1, None, 9, 10, 11, 12, 13, None, 40]
    assert [link["number"] for link in links if link and link["current"]] == [11]


def test_each_link_carries_the_cursor_before_its_first_result() -> None:
    links = page_links(SearchParams(q="fracture"), _search(0), page_count=4)
    assert _numbers(links) == [1, 2, 3, 4]
    assert links[0] is not None and links[0]["url"] == "/?q=fracture"
    third = links[2]
    assert third is not None and third["url"].endswith("&page=3")
    cursor = third["url"].split("after=")[1].split("&")[0]
    assert decode_cursor(cursor, "v1") == 2 * PAGE_SIZE - 1


def test_one_page_has_no_links_and_far_pages_are_not_linked() -> None:
    assert page_links(SearchParams(q="x"), _search(0), page_count=1) == []
    links = page_links(SearchParams(q="x"), _search(0), page_count=MAX_PAGE * 3)
    assert max(n for n in _numbers(links) if n) == MAX_PAGE
