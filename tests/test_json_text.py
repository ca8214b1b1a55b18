"""The manifest's JSON writer writes exactly what json.dumps(indent=2, sort_keys=True) writes."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.batch.json_text import indented, pieces

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities included, as json writes them
    | st.text()  # quotes, backslashes, control characters, Vietnamese, astral characters
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=30,
)


def stdlib(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@given(VALUES)
def test_same_text_as_json_dumps(value: object) -> None:
    assert indented(value) == stdlib(value)


@given(VALUES, st.integers(min_value=0, max_value=3))
def test_pieces_join_to_the_same_text(value: object, depth: int) -> None:
    assert "".join(pieces(value, depth)) == stdlib(value) + "\n"


def test_a_manifest_shaped_value_comes_one_document_per_piece() -> None:
    documents = {f"inputs/2022/qd-{n}.yaml": {"so": n, "inputs": {"a": "b"}} for n in range(3)}
    value = {"documents": documents, "vanthu": "0.1.0", "year": "2022"}
    parts = list(pieces(value))
    assert "".join(parts) == stdlib(value) + "\n"
    assert sum('"so": ' in part for part in parts) == 3  # each document whole in one piece


def test_what_it_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError):  # json would write "1": a manifest's keys are always text
        indented({1: "a key that is not text"})
    with pytest.raises(TypeError):
        indented({"x": {1, 2}})
    assert indented(math.inf) == "Infinity" and indented([-math.inf]) == stdlib([-math.inf])
