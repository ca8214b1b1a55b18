"""`so cap` and `so giu` pointed at another register than the one that numbered the workspace's
documents (--db or VANTHU_DB mistyped, or naming a new file) are refused, as build and render
refuse it (switched.unmigrated): that register holds none of the numbers the manifests record,
and numbering from it would give 01 again, a number the office already issued."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.register_setup import no_register_env  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import built_one, said, vanthu

ALLOCATE = ("cap", "--ngay", "01/12/2026", "--ky-hieu", "UBND-VP", "--trich-yeu", "Công văn X")


@pytest.mark.usefixtures("no_register_env")
@pytest.mark.parametrize("command", [ALLOCATE, ("giu", "--nam", "2026")], ids=["cap", "giu"])
def test_a_mistyped_register_gives_no_number_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    root, _ = built_one(tmp_path, monkeypatch)  # 01/QĐ-UBND of 2026, from so-van-ban.sqlite3
    refused = vanthu(root, monkeypatch, "so", "--db", "so-van-ban.sqlite3x", *command)
    assert refused.exit_code == 1, refused.output
    text = said(refused)
    assert ("chưa cấp số: sổ văn bản đang dùng (so-van-ban.sqlite3x) chưa có số nào năm 2026 "
            "của thư mục làm việc này, nhưng manifest của các văn bản đã dựng (outputs/) cho "
            "thấy sổ so-van-ban.sqlite3 đã cấp 1 số năm 2026") in text, text
    assert "Traceback" not in refused.output
    monkeypatch.setenv("VANTHU_DB", str(root / "typo.sqlite3"))
    english = vanthu(root, monkeypatch, "--lang", "en", "so", *command)
    assert english.exit_code == 1, english.output
    assert "numbering from the register in use would start again at 01" in said(english)
    monkeypatch.delenv("VANTHU_DB")
    given = vanthu(root, monkeypatch, "so", *command)  # the workspace's own: 02 follows 01
    assert given.exit_code == 0, given.output
    assert "02" in given.output
