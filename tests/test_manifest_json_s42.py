"""A manifest's entries laid out without json's indenting encoder: the same text, byte for
byte, as json.dumps(indent=2, sort_keys=True, ensure_ascii=False) at the entry's level."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch.manifest import Entry, indented

_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(), st.floats(allow_nan=False),
    st.integers().map(lambda n: n > 0),  # a bool from a comparison, as code makes them
)  # fmt: skip
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=6), inner, max_size=4),
        st.dictionaries(st.integers(0, 9), inner, max_size=3),  # keys json turns into text
    ),
    max_leaves=12,
)


def _json(value: Any, level: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return text.replace("\n", "\n" + "  " * level)


@settings(max_examples=300, deadline=None)
@given(value=_values, level=st.integers(0, 3))
def test_laid_out_as_json_lays_it_out(value: Any, level: int) -> None:
    assert indented(value, level) == _json(value, level)


def test_an_entry_with_every_field_is_json_s_text() -> None:
    entry = Entry(
        inputs={"inputs/2022/gk.yaml": "a" * 64, "inputs/co-quan/vp.yaml": "b" * 64,
                "inputs/2022/": "c" * 64},
        template="giay-khen", template_sha256="d" * 64, output="2022/gk.docx",
        output_sha256="e" * 64, loai="giay_khen", so=None, ngay="2022-12-15",
        so_ky_hieu="12/QĐ-UBND", pdf="2022/gk.pdf", pdf_sha256="f" * 64, co_quan="vp",
        so_tu_dong=True, lender="inputs/2022/qd.yaml", lent_number=12, so_vao_so=(1, 3),
        so_vao_so_cap=((1, "Nguyễn \"Văn\" A", "Phòng\tTổ chức", 4, "Trưởng phòng"),),
        so_van_ban="sqlite:sổ",
    )  # fmt: skip
    assert indented(entry.to_json(), 2) == _json(entry.to_json(), 2)


class _Name(str):
    """A text of another type: json writes it as any text."""


def test_keys_json_converts_or_refuses_are_as_json_has_them() -> None:
    for value in ({_Name("b"): 1, "a": [_Name("x"), "y"]}, {3: "x", 1: {"k": None}},
                  {True: 1}, {None: "x"}, {"a": {2.5: "x"}}):  # fmt: skip
        assert indented(value, 1) == _json(value, 1)
    for refused in ({"a": 1, 2: 3}, {"a": {1, 2}}):  # keys json cannot sort; a set
        with pytest.raises(TypeError):
            _json(refused, 0)
        with pytest.raises(TypeError):
            indented(refused, 0)
