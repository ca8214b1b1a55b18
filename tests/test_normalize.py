"""NFC for every string in loaded data: pipeline.text.normalize."""

from __future__ import annotations

import io
import unicodedata
from collections import namedtuple
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from pipeline.text.normalize import is_nfc, nfc, normalize_tree

VIET_NFC = "Cộng hòa xã hội chủ nghĩa Việt Nam"
VIET_NFD = unicodedata.normalize("NFD", VIET_NFC)


def test_nfc_composes_decomposed_vietnamese() -> None:
    assert VIET_NFD != VIET_NFC
    assert nfc(VIET_NFD) == VIET_NFC
    assert len(nfc("ê\u0323")) == 1  # e + circumflex + dot below is one letter: ệ


def test_is_nfc() -> None:
    assert is_nfc(VIET_NFC)
    assert is_nfc("plain ASCII")
    assert not is_nfc(VIET_NFD)


def test_tree_plain_containers_are_rebuilt_and_input_kept() -> None:
    data = {
        "ten": VIET_NFD,
        unicodedata.normalize("NFD", "khóa"): [VIET_NFD, 3, None, date(2021, 12, 22)],
        "cap": (VIET_NFD, 2.5),
    }
    out = normalize_tree(data)
    assert out == {
        "ten": VIET_NFC,
        "khóa": [VIET_NFC, 3, None, date(2021, 12, 22)],
        "cap": (VIET_NFC, 2.5),
    }
    assert all(is_nfc(key) for key in out)
    assert data["ten"] == VIET_NFD  # the caller's data is untouched


def test_tree_keeps_subclass_types() -> None:
    Pair = namedtuple("Pair", "left right")
    out = normalize_tree([Pair(VIET_NFD, 1), DoubleQuotedScalarString(VIET_NFD)])
    assert isinstance(out[0], Pair) and out[0].left == VIET_NFC
    assert isinstance(out[1], DoubleQuotedScalarString) and out[1] == VIET_NFC


def test_tree_keeps_shared_and_recursive_containers() -> None:
    shared = [VIET_NFD]
    loop: list[object] = [VIET_NFD]
    loop.append(loop)
    out = normalize_tree({"a": shared, "b": shared, "loop": loop})
    assert out["a"] is out["b"]
    assert out["loop"][0] == VIET_NFC
    assert out["loop"][1] is out["loop"]


def test_tree_updates_ruamel_maps_in_place_keeping_comments_and_lines() -> None:
    key_nfd = unicodedata.normalize("NFD", "trích_yếu")
    source = (
        "# đầu tệp\n"
        f"so: 289  # số văn bản\n"
        f"{key_nfd}: {VIET_NFD}  # ghi chú\n"
        f"noi_nhan:\n  - {VIET_NFD}\n  - Lưu: VT\n"
    )
    yaml = YAML()
    doc = yaml.load(source)
    seq = doc["noi_nhan"]
    out = normalize_tree(doc)

    assert out is doc and isinstance(out, CommentedMap)
    assert out["noi_nhan"] is seq and isinstance(seq, CommentedSeq)
    assert list(out) == ["so", "trích_yếu", "noi_nhan"]
    assert out["trích_yếu"] == VIET_NFC and seq[0] == VIET_NFC
    assert out.lc.key("trích_yếu") == (2, 0)  # the line number moved with the key

    buffer = io.StringIO()
    yaml.dump(out, buffer)
    dumped = buffer.getvalue()
    assert "# đầu tệp" in dumped and "# số văn bản" in dumped and "# ghi chú" in dumped
    assert is_nfc(dumped)


_leaves = st.one_of(st.text(), st.integers(), st.none())
_trees = st.recursive(
    _leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)


def _all_strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in (*_all_strings(k), *_all_strings(v))]
    if isinstance(obj, list | tuple):
        return [s for item in obj for s in _all_strings(item)]
    return []


@given(st.text())
def test_nfc_of_any_text_is_nfc_and_idempotent(text: str) -> None:
    once = nfc(text)
    assert is_nfc(once)
    assert nfc(once) == once
    assert normalize_tree(text) == once


@given(_trees)
def test_tree_leaves_every_string_nfc(tree: object) -> None:
    out = normalize_tree(tree)
    assert all(is_nfc(s) for s in _all_strings(out))
    assert normalize_tree(out) == out
