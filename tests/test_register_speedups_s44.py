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


def test_office_overrides_kept_by_the_profile_record() -> None:
    """An office's câu chữ is dumped once per record (the profile's, one object while its file is
    unchanged): each record gets its own phrases, an edited profile (another record) its new
    ones, and an office without any none."""
    from types import SimpleNamespace

    from pipeline.context.common import office_overrides, phrase_overrides
    from pipeline.model.wording import PhraseOverrides

    first = PhraseOverrides.model_validate({"nhu_dieu": "Như Điều {{ dieu_thi_hanh }}"})
    edited = PhraseOverrides.model_validate({"nhu_dieu": "Như Điều {{ dieu_thi_hanh }} (sửa)"})
    one, other = SimpleNamespace(cau_chu=first), SimpleNamespace(cau_chu=edited)
    for _ in range(2):
        assert dict(office_overrides(one)) == phrase_overrides(first)  # type: ignore[arg-type]
        assert dict(office_overrides(other)) == phrase_overrides(edited)  # type: ignore[arg-type]
    assert office_overrides(one) is office_overrides(one)  # type: ignore[arg-type]
    assert dict(office_overrides(SimpleNamespace(cau_chu=None))) == {}  # type: ignore[arg-type]


def test_named_summary_kept_by_kind_and_trich_yeu() -> None:
    """named_summary is kept by both of what it reads: the kind's name and the trích yếu."""
    from pipeline.register.documents import named_summary

    cases = [("Quyết định", "Về việc khen thưởng"), ("Công văn", "Về việc khen thưởng"),
             ("Công văn", "Công văn đề nghị"), ("Báo cáo", "Tổng kết năm 2025"),
             ("Quyết định", "Quyết định khen thưởng"), ("Quyết định", "")]  # fmt: skip
    expected = [named_summary.__wrapped__(kind, text) for kind, text in cases]
    for _ in range(2):
        assert [named_summary(kind, text) for kind, text in cases] == expected
    assert expected[0] != expected[1]
