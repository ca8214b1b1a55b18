"""first_named: the first few of many, as messages name them."""

from __future__ import annotations

from pipeline.text.listing import first_named


def test_all_named_when_they_fit() -> None:
    assert first_named(["a", "b"], 2) == "a, b"
    assert first_named([], 3) == ""


def test_more_than_the_limit_end_with_an_ellipsis() -> None:
    assert first_named(["a", "b", "c"], 2) == "a, b, …"
