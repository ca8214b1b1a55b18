"""What the register records of a document takes short cuts (issue 13): each gives what the
longer way gave, and each memo is kept by everything its answer depends on."""

from __future__ import annotations

import re

from pipeline.register.documents import _archive_column, _recipients_column, register_recipients


def _recipients_the_long_way(addressees: list[str], recipients: list[str]) -> str:
    return "; ".join(register_recipients(addressees, recipients))


def test_recipients_column_kept_by_both_kinds_of_lines() -> None:
    """The Nơi nhận column is kept by the Kính gửi names and the Nơi nhận lines apart: a typed
    "Như trên" stands for the names before it only when there are any."""
    cases = [
        ((), ("Như Điều 3", "Như trên", "Lưu: VT")),
        (("Sở Nội vụ",), ("Như Điều 3", "Như trên", "Lưu: VT")),
        (("Sở Nội vụ", "Phòng Kinh tế"), ("Phòng Kinh tế;", "UBND tỉnh")),
        (("Sở Nội vụ", "Phòng Kinh tế"), ("UBND tỉnh",)),
        (("Phòng Kinh tế",), ("Sở Nội vụ", "UBND tỉnh")),
    ]
    for _ in range(2):  # asked again: the kept answers
        for addressees, recipients in cases:
            assert _recipients_column(addressees, recipients) == _recipients_the_long_way(
                list(addressees), list(recipients)
            )
    assert _recipients_column((), ("Như trên",)) != _recipients_column(("A",), ("Như trên",))


def test_archive_column_by_the_filing_line() -> None:
    for line in ("Lưu: VT, TH, H02b.", "Lưu : VT.", "  Lưu:VT, H01b", "VT, TH."):
        assert _archive_column(line) == re.sub(r"^\s*Lưu\s*:\s*", "", line).rstrip(". ")
