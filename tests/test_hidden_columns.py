"""Columns hidden in Excel: a column the list reads that holds values while hidden is refused,
naming the column, its header and how to fix it; a hidden column the list does not read, or a
hidden one left empty, changes nothing. A bad cell of a hidden row is blamed on the hidden row."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from tests.test_award_named import MONEY, office
from tests.test_list_rows import DAY, LDTT
from tests.test_list_rows import HEADER as LIST_HEADER
from tests.test_list_rows import workbook as list_workbook

HEADER = [*LIST_HEADER, "Ghi chú"]


def person(n: int, name: str, note: object = None) -> list[object]:
    return [n, name, "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân", note]


PEOPLE = [person(1, "Lò Văn An"), person(2, "Lò Văn Bình"), person(3, "Lò Văn Cường")]


def workbook(
    tmp_path: Path,
    rows: list[list[object]],
    *,
    header: list[str] = HEADER,
    hide_columns: tuple[str, ...] = (),
    hide_rows: tuple[int, ...] = (),
    name: str = "ds.xlsx",
) -> Path:
    """test_list_rows' list on sheet 'DS', with a Ghi chú column."""
    return list_workbook(tmp_path, rows, header=header, hide=hide_rows,
                         hide_columns=hide_columns, name=name)  # fmt: skip


def test_hidden_read_column_with_values_is_refused(tmp_path: Path) -> None:
    """Chức vụ (C) hidden: what the clerk checked is not what gets printed."""
    path = workbook(tmp_path, PEOPLE, hide_columns=("C",))
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.sheet, error.row, error.field) == (
        "sheet.hidden_column", "DS", 2, "Chức vụ"
    )
    vi = error.message("vi")
    assert "ds.xlsx" in vi and "trang tính 'DS'" in vi
    assert "cột C" in vi and "«Chức vụ»" in vi and "đang ẩn trong Excel" in vi
    assert "ô C2" in vi and "Chuyên viên" in vi
    assert "bỏ ẩn" in vi and "xóa" in vi
    en = error.message("en")
    assert "column C" in en and "«Chức vụ»" in en and "hidden in Excel" in en
    assert "unhide" in en and "delete" in en


def test_bad_value_in_hidden_column_is_blamed_on_the_hidden_column(tmp_path: Path) -> None:
    """A wrong value the clerk cannot see (a number in Chức vụ) is reported as hidden, not as
    a cell error the clerk could not find."""
    rows = [
        [1, "Lò Văn An", None, "Phòng Kinh tế", LDTT, "Cá nhân"],
        [2, "Lò Văn Bình", 12, "Phòng Kinh tế", LDTT, "Cá nhân"],
    ]
    path = workbook(tmp_path, rows, hide_columns=("C",))
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row) == ("sheet.hidden_column", 3)
    assert "ô C3" in error.message("vi") and "12" in error.message("vi")


def test_leftmost_hidden_column_with_values_is_named(tmp_path: Path) -> None:
    """C:E hidden, C empty: the leftmost hidden column with a value (Đơn vị, D) is named,
    though Danh hiệu (E) is asked for first."""
    rows = [[n, name, None, "Phòng Kinh tế", LDTT, "Cá nhân"] for n, name in
            ((1, "Lò Văn An"), (2, "Lò Văn Bình"))]  # fmt: skip
    path = workbook(tmp_path, rows, hide_columns=("C", "D", "E"))
    with pytest.raises(InputError) as caught:
        read_table(path, required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi"])
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.hidden_column", 2, "Đơn vị")
    assert "cột D" in error.message("vi")


def test_hidden_column_the_list_does_not_read_is_ignored(tmp_path: Path) -> None:
    """A hidden working column (a checker's tick marks) is no part of the list."""
    header = [*HEADER[:6], "Đánh dấu"]
    rows = [[*row[:6], "x"] for row in PEOPLE]
    awards = read_award_list(workbook(tmp_path, rows, header=header, hide_columns=("G",)), DAY)
    assert [e.name for e in awards.entries] == ["Lò Văn An", "Lò Văn Bình", "Lò Văn Cường"]


def test_hidden_read_column_left_empty_is_fine(tmp_path: Path) -> None:
    """A hidden Ghi chú with only its header prints nothing: nothing unseen is read."""
    rows = [[*row[:6], "   "] for row in PEOPLE]  # blanks only
    awards = read_award_list(workbook(tmp_path, rows, hide_columns=("G",)), DAY)
    assert [e.note for e in awards.entries] == ["", "", ""]


def test_hidden_column_written_with_true_and_quotes(tmp_path: Path) -> None:
    """A sheet written by another program: hidden='true' on one <col> spanning C:D (as Excel
    writes hidden neighbours)."""
    path = workbook(tmp_path, PEOPLE)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cols = "<cols><col min='3' max='4' width='0' hidden='true'/></cols>"
    sheet = sheet.replace("<sheetData>", cols + "<sheetData>", 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    edited = tmp_path / "edited.xlsx"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(InputError) as caught:
        read_table(edited, required=["ho_ten", "danh_hieu"], optional=["chuc_vu"])
    assert (caught.value.key, caught.value.field) == ("sheet.hidden_column", "Chức vụ")


def test_bad_cell_of_a_hidden_row_is_blamed_on_the_hidden_row(tmp_path: Path) -> None:
    """Row 3 hidden with a number in its name cell: the clerk is told the row is hidden, not
    sent to look for a cell they cannot see."""
    rows = [person(1, "Lò Văn An"), [2, 12, "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân"]]
    path = workbook(tmp_path, rows, hide_rows=(3,))
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row) == ("sheet.hidden_row", 3)
    assert "«12»" in error.message("vi")


def test_hidden_column_cli(tmp_path: Path) -> None:
    """`vanthu check` on the decision: one line naming file, sheet, row and column; exit 1."""
    decision = office(tmp_path, [], khen_thuong=MONEY)
    rows = [
        [1, "Lò Văn An", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân", None],
        [2, "Lò Văn Bình", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân", "Đề nghị lại"],
    ]
    workbook(tmp_path, rows, hide_columns=("G",))
    text = decision.read_text("utf-8").replace("danh_sach: ds.csv", "danh_sach: ds.xlsx")
    decision.write_text(text, "utf-8")
    for lang, words in (("vi", "trang tính 'DS', dòng 3"), ("en", "sheet 'DS', row 3")):
        result = CliRunner().invoke(main, ["--lang", lang, "check", str(decision)])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert "ds.xlsx" in result.output and words in result.output, result.output
        assert "G3" in result.output and "Ghi chú" in result.output, result.output
