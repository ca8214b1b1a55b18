"""A command of `vanthu so` that only reads makes no register (r15, after r13a F9).

`so kiem-tra NĂM` used to open the register as every command does, creating an empty
so-van-ban.sqlite3 when there was none (a fresh workspace, or a register file the clerk
deleted or moved). Now kiem-tra, xem, xuat, day-so (shown) and khoi-phuc --da-kiem-tra leave
no file behind. When the workspace's outputs record numbers of the year given by the file
looked for, they say that there is no such file, that no register records those numbers, and
how to put them back (exit code 1); else kiem-tra says there is no register and nothing to
check, and the others read an empty sổ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.register_setup import no_register_env  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import built_one, office, rows, said, vanthu

REGISTER = "so-van-ban.sqlite3"


def register_files(root: Path) -> list[str]:
    """The register's files in `root`: the database and its WAL and shared memory."""
    return sorted(path.name for path in root.glob(f"{REGISTER}*"))


def test_reading_commands_in_a_fresh_workspace_make_no_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output
    assert ("Không có sổ văn bản so-van-ban.sqlite3: năm 2026 chưa có số nào") in said(checked)
    assert "không tạo sổ" in said(checked)
    assert register_files(root) == []
    shown = vanthu(root, monkeypatch, "so", "xem", "2026")
    assert shown.exit_code == 0, shown.output
    assert said(shown) == "sổ năm 2026 chưa có dòng nào", shown.output
    assert register_files(root) == []
    exported = vanthu(root, monkeypatch, "so", "xuat", "2026", "-o", str(tmp_path / "so.xlsx"))
    assert exported.exit_code == 1, exported.output
    assert "sổ năm 2026 chưa có dòng nào" in said(exported), exported.output
    assert not (tmp_path / "so.xlsx").exists()
    plans = vanthu(root, monkeypatch, "so", "day-so")
    assert plans.exit_code == 0, plans.output
    assert "mọi loại văn bản một dãy số" in said(plans), plans.output
    confirmed = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra")
    assert confirmed.exit_code == 0, confirmed.output
    assert register_files(root) == []
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "kiem-tra", "2026")
    assert english.exit_code == 0
    assert "There is no register so-van-ban.sqlite3: no number of 2026" in said(english)
    assert register_files(root) == []


def test_kiem_tra_on_a_deleted_register_names_the_numbers_recorded_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = built_one(tmp_path, monkeypatch)
    for name in register_files(root):
        (root / name).unlink()
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 1, checked.output
    text = said(checked)
    assert ("không có sổ văn bản so-van-ban.sqlite3, nhưng các văn bản đã dựng ghi 1 số năm "
            "2026 do sổ đó cấp (kê dưới đây): nay không sổ nào ghi các số đó. Nếu tệp sổ bị "
            "xóa hoặc chuyển đi, hãy đặt nó (hoặc bản sao lưu mới nhất) lại vào "
            "so-van-ban.sqlite3; nếu không còn, ghi lại các số đó vào sổ theo các văn bản đã "
            "dựng: vanthu so khoi-phuc 2026") in text, text
    assert "năm 2026: 01/QĐ-UBND" in text
    assert "không thiếu số" not in text
    assert register_files(root) == []
    # xem too: an empty sổ is not what the clerk has.
    shown = vanthu(root, monkeypatch, "--lang", "en", "so", "xem", "2026")
    assert shown.exit_code == 1, shown.output
    assert ("there is no register so-van-ban.sqlite3, but the documents built record 1 "
            "numbers of 2026 given by it") in said(shown), shown.output
    assert "in 2026 are missing: 01/QĐ-UBND" in said(shown)
    assert register_files(root) == []
    exported = vanthu(root, monkeypatch, "so", "xuat", "2026", "-o", str(tmp_path / "so.xlsx"))
    assert exported.exit_code == 1, exported.output
    assert "không có sổ văn bản so-van-ban.sqlite3" in said(exported), exported.output
    assert register_files(root) == [] and not (tmp_path / "so.xlsx").exists()
    # Another year the outputs record nothing of: nothing lost, nothing made.
    other = vanthu(root, monkeypatch, "so", "kiem-tra", "2025")
    assert other.exit_code == 0, other.output
    assert register_files(root) == []
    # The way out it names puts the number back.
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    assert rows(root / REGISTER) == [("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml")]
    confirmed = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra")
    assert confirmed.exit_code == 0, confirmed.output
    again = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert again.exit_code == 0, again.output
    assert "Sổ năm 2026: 1 dòng, không thiếu số" in said(again), again.output


def test_a_register_named_with_db_that_is_not_there_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--db naming a file (and folder) that does not exist: named, neither made; the khoi-phuc
    line it gives names the same register."""
    root, _ = built_one(tmp_path, monkeypatch)
    moved = tmp_path / "moved" / "so.sqlite3"
    checked = vanthu(root, monkeypatch, "so", "--db", str(moved), "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output
    assert f"Không có sổ văn bản {moved}" in said(checked), checked.output
    assert not moved.parent.exists()
    # The workspace's own register, moved away: its outputs' numbers are recorded nowhere.
    (root / REGISTER).rename(tmp_path / "elsewhere.sqlite3")
    for name in register_files(root):
        (root / name).unlink()
    gone = vanthu(root, monkeypatch, "so", "--db", REGISTER, "kiem-tra", "2026")
    assert gone.exit_code == 1, gone.output
    assert "vanthu so --db so-van-ban.sqlite3 khoi-phuc 2026" in said(gone), gone.output
    assert register_files(root) == []
