"""Shortcuts of a document's load (sixth session): each gives what the work it spares gave."""

from __future__ import annotations

import pytest

from pipeline.load.documents import _signing_mismatch
from pipeline.load.spreadsheet.xlsx import _HIDDEN_MARKERS, _MARKERS, _holds_any, _shared_finder
from pipeline.rules.agency_names import signing_mismatch


@pytest.mark.parametrize(
    ("authority", "lines"),
    [
        ("Ủy ban nhân dân tỉnh Sơn La", ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        ("Ủy ban nhân dân tỉnh Sơn La", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("Chủ tịch Ủy ban nhân dân tỉnh Sơn La", ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        ("Chủ tịch Ủy ban nhân dân tỉnh Sơn La", ("CHỦ TỊCH",)),
        ("Chánh Văn phòng UBND tỉnh Sơn La", ("CHÁNH VĂN PHÒNG",)),
        ("", ()),
    ],
)
def test_signing_mismatch_remembered_by_both_texts(authority: str, lines: tuple[str, ...]) -> None:
    """The memo is keyed by the thẩm quyền and the signer's lines both: asked in any order,
    each pair gets signing_mismatch's own answer (not the one of a pair asked before)."""
    for _ in range(2):
        wanted = signing_mismatch(authority, list(lines))
        found = _signing_mismatch(authority, lines)
        assert (found is None) == (wanted is None)
        if found is not None and wanted is not None:
            assert (found.key, found.title) == (wanted.key, wanted.title)


SHEETS = [
    b'<row r="3" hidden="1"><c r="A3"/></row>',
    b"<row r='3' hidden='true'/>",
    b'<row r="3" hidden="0"/>',
    b'<col min="2" max="2" hidden="1"/>',
    b"<t>hidden=</t>",
    b"<t>not hidden</t>",
    b"",
]


@pytest.mark.parametrize("whole", SHEETS)
def test_hidden_markers_told_as_each_pattern_would(whole: bytes) -> None:
    for _ in range(2):  # the group's shared prefix worked out once, then remembered
        assert _holds_any(whole, _HIDDEN_MARKERS) == any(p in whole for p in _HIDDEN_MARKERS)


def test_shared_finder_by_group() -> None:
    hidden = _shared_finder(_HIDDEN_MARKERS)
    assert hidden is not None and hidden(b'x hidden="1"') and not hidden(b"hidde")
    assert _shared_finder(_MARKERS) is None  # "<f", ":f..", "t=..": nothing shared
    assert _shared_finder((b"ab1", b"ab2")) is None  # two bytes: not worth a search
    both = _shared_finder((rb"a.c1", rb"a.c2"))  # a pattern's characters, escaped
    assert both is not None and both(b"a.c") and not both(b"abc")
