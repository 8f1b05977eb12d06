from server.web.highlight import mark_ranges


def test_ranges_are_marked_and_the_rest_escaped() -> None:
    text = "Acute <embolism> & thrombosis"
    html = mark_ranges(text, [{"start": 6, "end": 16}, {"start": 19, "end": 29}])
    assert html == "Acute <mark>&lt;embolism&gt;</mark> &amp; <mark>thrombosis</mark>"


def test_overlapping_unsorted_and_out_of_range_ranges_are_tamed() -> None:
    html = mark_ranges("pulmonary", [{"start": 4, "end": 99}, {"start": 0, "end": 5}, {"start": 3, "end": 3}])
    assert html == "<mark>pulmonary</mark>"
    assert mark_ranges("vein", []) == "vein"
