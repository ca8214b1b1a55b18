"""The budget of one render: its output is collected whole, and stopped when too large or late."""

from __future__ import annotations

import pytest

from pipeline.render.budget import Budget, BudgetExceeded


def test_collect_joins_head_output_and_tail() -> None:
    # Empty chunks (an empty value printed) longer than a batch do not end the output early.
    chunks = ["<a>", *[""] * 300, "x", *["y"] * 129, ""]
    with Budget() as budget:
        xml = budget.collect(iter(chunks), "<head>", "</tail>")
    assert xml == "<head><a>x" + "y" * 129 + "</tail>"
    assert budget.used == len("<a>x") + 129


@pytest.mark.parametrize("count", [11, 64, 65, 1000])
def test_collect_stops_output_over_the_limit(count: int) -> None:
    with Budget(chars=10) as budget, pytest.raises(BudgetExceeded) as caught:
        budget.collect("a" for _ in range(count))
    assert (caught.value.what, caught.value.limit) == ("size", 10)


def test_collect_output_at_the_limit_passes() -> None:
    with Budget(chars=10) as budget:
        assert budget.collect(["a"] * 10, "head", "tail") == "head" + "a" * 10 + "tail"


@pytest.mark.parametrize("count", [0, 3])
def test_collect_stops_a_late_render(count: int) -> None:
    with Budget(seconds=0.0) as budget, pytest.raises(BudgetExceeded) as caught:
        budget.collect(iter(["a"] * count))
    assert caught.value.what == "time"


def test_collect_utf8_counts_characters_not_bytes() -> None:
    # Ten characters of twenty bytes are within a limit of ten characters; eleven are not,
    # as collect counts them (mixed with text that Jinja's own code prints).
    with Budget(chars=10) as budget:
        assert budget.collect_utf8(["ế".encode()] * 9 + ["ế"], b"<h>", b"</t>") == (
            b"<h>" + "ế".encode() * 10 + b"</t>"
        )
    with Budget(chars=10) as budget, pytest.raises(BudgetExceeded) as caught:
        budget.collect_utf8(["ế".encode()] * 11)
    assert (caught.value.what, caught.value.limit) == ("size", 10)


def test_collect_utf8_joins_text_among_bytes() -> None:
    with Budget() as budget:
        assert budget.collect_utf8([b"a", "ế", b"c"], b"h", b"t") == "haếct".encode()
    with Budget() as budget, pytest.raises(UnicodeEncodeError):
        budget.collect_utf8([b"a", "\ud800"])
