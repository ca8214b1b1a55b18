"""`vanthu so ...` through click's CliRunner: exit codes, messages, files written."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from pipeline.register import open_register


def test_allocate_reserve_void_check(so, tmp_path: Path) -> None:
    result = so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng", "--so-ban", "5")
    assert result.exit_code == 0 and "01/QĐ-VPUBND" in result.output
    assert (tmp_path / "so-van-ban.sqlite3").exists()  # nothing to set up: ./so-van-ban.sqlite3
    assert so("cap", "-q", "--ngay", "2026-02-04", "--ky-hieu", "KH-VPUBND",
              "--trich-yeu", "Kế hoạch tổ chức Hội nghị tổng kết").output == "02/KH-VPUBND\n"
    assert "03" in so("giu", "--nam", "2026").output
    assert so("kiem-tra", "2026").exit_code == 0
    result = so("vao-so", "7", "--ngay", "05/02/2026", "--ky-hieu", "BC-VPUBND",
                "--trich-yeu", "Báo cáo công tác tháng 01", "--bo-qua-so")
    assert result.exit_code == 0
    result = so("kiem-tra", "2026")
    assert result.exit_code == 1 and "thiếu số 04–06" in result.output
    result = so("huy", "04", "--nam", "2026")
    assert result.exit_code == 2 and "--ly-do" in result.output
    assert so("huy", "04", "--nam", "2026", "--ly-do", "bỏ trống").exit_code == 0
    result = so("vao-so", "7", "--ngay", "06/02/2026", "--ky-hieu", "BC-VPUBND",
                "--trich-yeu", "Báo cáo công tác tháng 02")
    assert result.exit_code == 1 and "số 07 năm 2026 (dãy số 'chung') đã có" in result.output
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        assert [e.number for e in register.entries(2026)] == [1, 2, 3, 4, 7]


def test_duplicate_typed_number_names_existing_row(so) -> None:
    so("--co-quan", "vp", "vao-so", "152", "--ngay", "01/06/2026", "--ky-hieu", "QĐ-VPUBND",
       "--trich-yeu", "Công nhận Lao động tiên tiến", "--bo-qua-so")
    result = so("vao-so", "152", "--ngay", "09/06/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng Chiến sĩ thi đua cơ sở")
    assert result.exit_code == 1
    assert "152/QĐ-VPUBND 01/06/2026 “Công nhận Lao động tiên tiến”" in result.output
    result = so("vao-so", "152", "--ngay", "09/06/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng Chiến sĩ thi đua cơ sở", lang="en")
    assert result.exit_code == 1 and "already in the register" in result.output


def test_show_export_import(so, tmp_path: Path) -> None:
    so("--co-quan", "vp", "--tach", "QĐ=quyet-dinh", "cap", "--ngay", "03/02/2026",
       "--ky-hieu", "QĐ-VPUBND", "--trich-yeu", "Khen thưởng")
    so("cap", "--ngay", "04/02/2026", "--ky-hieu", "KH-VPUBND", "--trich-yeu", "Kế hoạch")
    shown = so("xem", "2026")
    assert shown.exit_code == 0 and "Khen thưởng" in shown.output
    assert so("xem", "2031").output.startswith("sổ năm 2031 chưa có")
    assert so("xuat", "2026", "-o", "so-2026.xlsx").exit_code == 0
    assert load_workbook(tmp_path / "so-2026.xlsx").sheetnames == ["chung", "quyet-dinh"]
    assert so("xuat", "2026", "-o", "so-2026.docx").exit_code == 0
    assert len(Document(str(tmp_path / "so-2026.docx")).tables) == 2
    assert so("xuat", "2026", "-o", "so.pdf").exit_code == 1
    result = so("--db", "khac.sqlite3", "--co-quan", "vp", "nhap", "so-2026.xlsx")
    assert result.exit_code == 0 and "2 dòng" in result.output
    again = so("--db", "khac.sqlite3", "nhap", "so-2026.xlsx")  # the same rows again
    assert again.exit_code == 1 and "trang tính 'chung', dòng 6" in again.output


def test_an_empty_year_is_not_exported(so, tmp_path: Path) -> None:
    written = so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                 "--trich-yeu", "Khen thưởng năm 2025")
    assert written.exit_code == 0  # 2026 has a row; 2025 has none
    result = so("xuat", "2025", "-o", "so-2025.xlsx")
    assert result.exit_code == 1 and "sổ năm 2025 chưa có dòng nào" in result.output
    assert not (tmp_path / "so-2025.xlsx").exists()
    english = so("xuat", "2025", "-o", "so-2025.docx", lang="en")
    assert english.exit_code == 1 and "no rows for 2025" in english.output
    assert not (tmp_path / "so-2025.docx").exists()


def test_no_office_named(so) -> None:
    result = so("cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng năm 2025")
    assert result.exit_code == 1 and "--co-quan" in result.output
    assert so("--tach", "QĐ", "xem", "2026").exit_code == 2


def test_vanthu_db_names_the_register(so, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VANTHU_DB", str(tmp_path / "chung-van-phong.sqlite3"))
    assert so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
              "--trich-yeu", "Khen thưởng năm 2025").exit_code == 0
    assert (tmp_path / "chung-van-phong.sqlite3").exists()
    assert not (tmp_path / "so-van-ban.sqlite3").exists()


def test_every_register_message_speaks_both_languages() -> None:
    from pipeline.messages.register import MESSAGES

    for key, entry in MESSAGES.items():
        assert key.startswith("register.") and entry.keys() == {"vi", "en"}, key
        assert entry["vi"].count("{") == entry["en"].count("{"), key


def test_show_speaks_the_message_language(so) -> None:
    """`so xem` is a screen, not the printed form: its title and columns follow --lang."""
    so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
       "--trich-yeu", "Khen thưởng")
    english = so("xem", "2026", lang="en").output
    assert "REGISTER OF OUTGOING DOCUMENTS — 2026" in english
    assert "Number and symbol" in english and "Signed by" in english
    assert "Người ký" not in english and "Khen thưởng" in english
    vietnamese = so("xem", "2026").output
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI — 2026" in vietnamese and "Người ký" in vietnamese
