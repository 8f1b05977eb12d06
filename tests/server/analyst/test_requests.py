"""What the console accepts as a request, from JSON and from the page's form."""

import pytest

from server.analyst.requests import MAX_QUERY_CHARS, AnalystRequest, BadRequest, from_form, from_json


def test_json_with_query_and_parameters() -> None:
    body = b'{"query": "RETURN $x AS x", "parameters": {"x": 1}}'
    assert from_json(body) == AnalystRequest("RETURN $x AS x", {"x": 1})


def test_parameters_may_be_left_out() -> None:
    assert from_json(b'{"query": "RETURN 1"}') == AnalystRequest("RETURN 1", {})


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json", "the body must be JSON"),
        (b"[1]", "the body must be a JSON object"),
        (b'{"query": ""}', "the query is empty"),
        (b'{"query": "RETURN 1", "parameters": [1]}', "the parameters must be a JSON object"),
        (('{"query": "' + "x" * (MAX_QUERY_CHARS + 1) + '"}').encode(), "longer than 10,000 characters"),
    ],
)
def test_malformed_json_is_refused_with_a_reason(body: bytes, says: str) -> None:
    with pytest.raises(BadRequest, match=says):
        from_json(body)


def test_the_form_gives_the_request_and_the_key() -> None:
    body = b"query=RETURN+%24x+AS+x&parameters=%7B%22x%22%3A+2%7D&key=abc"
    assert from_form(body) == (AnalystRequest("RETURN $x AS x", {"x": 2}), "abc")


def test_the_form_refuses_parameters_that_are_not_json() -> None:
    with pytest.raises(BadRequest, match="must be a JSON object"):
        from_form(b"query=RETURN+1&parameters=%7Bnope")
