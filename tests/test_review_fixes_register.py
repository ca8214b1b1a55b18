"""Review fixes around the register: the line voiding a removed document's number is made from
its row (its office when the register holds several), a register another than the one in use
is named as `--db` takes it from the working folder, a build stopped on a typed number ahead
makes no register file, and an output whose every copy name is taken is not written over."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

import pipeline.render.output as output
from pipeline.errors import RenderError
from pipeline.register import Details, Status, open_register
from pipeline.register.location import runnable_location
from pipeline.render.output import keep_edited_copy
from tests.test_register_order import numbers, office, plan, vanthu
from tests.test_year_build_r9 import year_with_a_typed_decision

__all__ = ["office"]  # the fixture, used by name


def said(text: str) -> str:
    """Output as one line: the table and its warnings wrap at spaces."""
    return " ".join(text.split())


def test_removed_number_void_line_names_the_office_of_a_register_of_several(
    office: Path,
) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    copy = plan(office, "gm-ban-sao.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    with open_register(root=office) as register:  # another office numbers in this sổ too
        register.allocate("khac", Details(doc_date=None))
    copy.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert ("hãy hủy số: vanthu so --co-quan van-phong-ubnd-tinh-son-la huy 02 --nam 2026 "
            '--ly-do "..."') in said(result.output), result.output


def test_removed_number_void_line_names_a_separate_sequence(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    copy = plan(office, "gm-ban-sao.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    with open_register(root=office) as register:  # numbered apart (vanthu so --tach KH=...)
        register.backend.run(lambda tx: tx.execute(
            "UPDATE entries SET sequence = 'ke-hoach' WHERE number = 2"), write=True)
    copy.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert "hủy số: vanthu so huy 02 --nam 2026 --day ke-hoach --ly-do" in said(result.output)


def test_removed_number_of_an_old_register_file_voids_it_from_a_subfolder(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    copy = plan(office, "gm-ban-sao.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    config = office / "vanthu.yaml"
    config.write_text(config.read_text("utf-8") + "so_van_ban: so-moi.sqlite3\n", "utf-8")
    copy.unlink()
    monkeypatch.chdir(office / "inputs")  # the clerk works from a subfolder
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    found = re.search(r"hủy số trong sổ đó: (vanthu so --db .*? huy 02 --nam 2026) --ly-do",
                      said(result.output))
    assert found is not None, result.output
    words = shlex.split(found.group(1))
    assert Path(words[3]) == office / "so-van-ban.sqlite3"
    done = vanthu(*words[1:], "--ly-do", "bỏ")
    assert done.exit_code == 0, done.output
    with open_register(office / "so-van-ban.sqlite3") as old:
        assert old.entry("van-phong-ubnd-tinh-son-la", 2026, 2).status is Status.VOID
    assert not (office / "inputs" / "so-van-ban.sqlite3").exists()


def test_numbered_elsewhere_names_the_old_file_as_it_runs_from_here(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    assert vanthu("build").exit_code == 0
    config = office / "vanthu.yaml"
    config.write_text(config.read_text("utf-8") + "so_van_ban: so-moi.sqlite3\n", "utf-8")
    monkeypatch.chdir(office / "inputs")
    result = vanthu("build", "--force")
    assert result.exit_code == 1, result.output
    old = shlex.quote(str(office / "so-van-ban.sqlite3"))
    assert f"vanthu so --db {old} xuat 2026 -o so-cu-2026.xlsx" in said(result.output)


def test_runnable_location_of_a_url_is_none_and_of_a_file_runs_from_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runnable_location("postgresql://van:***@host/so", tmp_path) is None
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert runnable_location("so van ban.sqlite3", tmp_path) == "'so van ban.sqlite3'"
    monkeypatch.chdir(tmp_path / "sub")
    assert runnable_location("so.sqlite3", tmp_path) == str(tmp_path / "so.sqlite3")


def test_typed_ahead_refusal_makes_no_register(office: Path) -> None:
    year_with_a_typed_decision(office)
    result = vanthu("build")
    assert result.exit_code == 1
    assert "Chưa cấp số nào" in result.stderr  # still refused, as before
    assert not (office / "so-van-ban.sqlite3").exists()
    assert vanthu("build", "--keep-going").exit_code == 1
    assert [n for n, _, _ in numbers(office)] == [1, 2]


def test_every_copy_name_taken_refuses_instead_of_writing_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "EDITED_COPIES", 3)
    edited = tmp_path / "cv-05.docx"
    edited.write_bytes(b"edited")
    for name in ("cv-05.sua-tay.docx", "cv-05.sua-tay-2.docx", "cv-05.sua-tay-3.docx"):
        (tmp_path / name).write_bytes(name.encode())
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RenderError) as raised:
        keep_edited_copy(edited)
    assert raised.value.message() == (
        "không giữ được bản sửa tay của cv-05.docx trước khi ghi lại: đã có đủ 3 bản sao "
        "cv-05.sua-tay.docx … cv-05.sua-tay-3.docx; hãy xóa hoặc chuyển bớt các bản sao cũ "
        "đó rồi chạy lại (tệp vẫn giữ nguyên)")
    assert (tmp_path / "cv-05.sua-tay-3.docx").read_bytes() == b"cv-05.sua-tay-3.docx"
    assert sorted(os.listdir(tmp_path)) == [
        "cv-05.docx", "cv-05.sua-tay-2.docx", "cv-05.sua-tay-3.docx", "cv-05.sua-tay.docx"]
