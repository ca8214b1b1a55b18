"""Shortcuts of a document's load (sixth session): each gives what the work it spares gave."""

from __future__ import annotations

import pytest

from pipeline.load.spreadsheet.xlsx import _HIDDEN_MARKERS, _MARKERS, _holds_any, _shared_finder

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
