"""Layouts of a danh sách a clerk types (session 54, F6): a list grouped by unit under heading
rows gives its rows their unit, a unit column headed "Tên đơn vị" beside "Họ và tên" is the
Đơn vị column, and the "Bằng chữ" line under the Tổng cộng row is no person's row but is
checked against the total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pipeline.awards import AwardList, read_award_list
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table

DAY = dt.date(2026, 1, 15)  # lương cơ sở 2.340.000: Lao động tiên tiến 710.000
LDTT = "Lao động tiên tiến"
NO_UNIT = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]
WITH_UNIT = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]


def workbook(tmp_path: Path, rows: Sequence[Any], merge: Sequence[str] = ()) -> Path:
    """An .xlsx of `rows` (lists of cells, the header first) on its first sheet, `merge`
    merged."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for cells in merge:
        sheet.merge_cells(cells)
    path = tmp_path / "danh-sach.xlsx"
    book.save(path)
    return path


def awards(path: Path) -> AwardList:
    return read_award_list(path, DAY)


def units(path: Path) -> list[tuple[str, str]]:
    return [(e.name, e.unit) for e in awards(path).entries]


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        awards(path)
    return caught.value


# --- bug 2: a list grouped by unit under heading rows -------------------------------------


def test_unit_headings_give_their_rows_their_unit(tmp_path: Path) -> None:
    rows = [
        NO_UNIT,
        ["I", "Phòng Tổng hợp"],
        [1, "Nguyễn Văn An", "Chuyên viên", LDTT],
        [2, "Trần Thị Bình", "Kế toán viên", LDTT],
        ["II", "Phòng Tài vụ"],
        [3, "Lò Văn Cường", "Chuyên viên", LDTT],
    ]
    assert units(workbook(tmp_path, rows)) == [
        ("Nguyễn Văn An", "Phòng Tổng hợp"),
        ("Trần Thị Bình", "Phòng Tổng hợp"),
        ("Lò Văn Cường", "Phòng Tài vụ"),
    ]


@pytest.mark.parametrize(
    ("heading", "merge"),
    [
        (["I. Phòng Tổng hợp:"], ()),  # its number in the STT column's own cell
        ([None, "II. Phòng Tổng hợp"], ()),
        ([None, "Phòng Tổng hợp"], ("B2:D2",)),  # merged across the table
    ],
)
def test_a_heading_typed_otherwise_gives_its_unit_too(
    tmp_path: Path, heading: list[object], merge: tuple[str, ...]
) -> None:
    rows = [NO_UNIT, heading, [1, "Nguyễn Văn An", "Chuyên viên", LDTT]]
    assert units(workbook(tmp_path, rows, merge)) == [("Nguyễn Văn An", "Phòng Tổng hợp")]


def test_headings_between_group_totals_give_their_units(tmp_path: Path) -> None:
    rows = [
        NO_UNIT,
        ["I. Phòng Tổng hợp"],
        [1, "Nguyễn Văn An", "Chuyên viên", LDTT],
        ["Cộng: 1 người"],
        ["II. Phòng Tài vụ"],
        [2, "Trần Thị Bình", "Kế toán viên", LDTT],
        ["Tổng cộng: 2 người"],
    ]
    assert units(workbook(tmp_path, rows)) == [
        ("Nguyễn Văn An", "Phòng Tổng hợp"),
        ("Trần Thị Bình", "Phòng Tài vụ"),
    ]


def test_kind_and_award_headings_give_no_unit(tmp_path: Path) -> None:
    rows = [
        NO_UNIT,
        ["I. TẬP THỂ"],
        [1, "Tổ Văn phòng", None, "Tập thể lao động tiên tiến"],
        ["II", "CÁ NHÂN"],
        ["A", "LAO ĐỘNG TIÊN TIẾN"],
        [2, "Nguyễn Văn An", "Chuyên viên", LDTT],
    ]
    assert units(workbook(tmp_path, rows)) == [("Tổ Văn phòng", ""), ("Nguyễn Văn An", "")]


def test_a_heading_other_than_the_unit_column_says_is_warned_of(tmp_path: Path) -> None:
    rows = [
        WITH_UNIT,
        ["I", "PHÒNG TỔNG HỢP"],  # the unit of its rows, in capitals: printed
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", LDTT],
        ["II", "Phòng Tài vụ"],  # its rows say another unit: printed nowhere
        [2, "Trần Thị Bình", "Kế toán viên", "Phòng Kế hoạch", LDTT],
    ]
    listed = awards(workbook(tmp_path, rows))
    assert [(e.name, e.unit) for e in listed.entries] == [
        ("Nguyễn Văn An", "Phòng Tổng hợp"),
        ("Trần Thị Bình", "Phòng Kế hoạch"),
    ]
    (warning,) = listed.warnings
    assert warning.key == "sheet.headings_not_printed"
    vi, en = warning.message("vi"), warning.message("en")
    assert "dòng 4 «Phòng Tài vụ» (tiêu đề nhóm)" in vi and "TỔNG HỢP" not in vi
    assert "row 4 «Phòng Tài vụ» (a group heading)" in en
    assert listed.of_the_file == listed.warnings


def test_a_heading_is_named_with_the_columns_printed_nowhere(tmp_path: Path) -> None:
    rows = [
        [*WITH_UNIT, "Ngày sinh"],
        ["I", "Phòng Tài vụ"],
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Kế hoạch", LDTT, "01/02/1980"],
    ]
    (warning,) = awards(workbook(tmp_path, rows)).warnings
    assert warning.key == "sheet.columns_not_printed"
    assert "cột F «Ngày sinh» (1 dòng có nội dung), dòng 2 «Phòng Tài vụ»" in warning.message("vi")


# --- bug 5: "Tên đơn vị" beside "Họ và tên" -------------------------------------------------


@pytest.mark.parametrize("unit_header", ["Tên đơn vị", "Tên tập thể/đơn vị"])
def test_a_unit_named_beside_the_names_is_the_unit_column(tmp_path: Path, unit_header: str) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        f"STT,Họ và tên,Chức vụ,{unit_header},Danh hiệu\n"
        f"1,Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,{LDTT}\n",
        encoding="utf-8",
    )
    assert units(path) == [("Nguyễn Văn An", "Phòng Tổng hợp")]


@pytest.mark.parametrize("name_header", ["Tên đơn vị", "Tên tập thể/đơn vị"])
def test_a_list_of_units_alone_still_names_them(tmp_path: Path, name_header: str) -> None:
    rows = [["STT", name_header, "Danh hiệu"], [1, "Phòng Tổng hợp", "Tập thể lao động tiên tiến"]]
    listed = awards(workbook(tmp_path, rows))
    assert [(e.name, e.unit, e.collective) for e in listed.entries] == [
        ("Phòng Tổng hợp", "", True)
    ]


def test_a_field_in_two_columns_is_refused_naming_both_headers(tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Tên đơn vị", "Đơn vị", "Danh hiệu"],
        ["Nguyễn Văn An", "Phòng Tổng hợp", "Phòng Tổng hợp", LDTT],
    ]
    error = refused(workbook(tmp_path, rows))
    assert error.key == "sheet.duplicate_column"
    assert "cùng là 'Đơn vị': ô B1 «Tên đơn vị» và ô C1 «Đơn vị»" in error.message("vi")
    assert "both 'Đơn vị': cells B1 «Tên đơn vị» and C1 «Đơn vị»" in error.message("en")


def test_two_name_columns_are_refused_naming_both_headers(tmp_path: Path) -> None:
    rows = [["Họ và tên", "Danh hiệu", "Họ tên"], ["Nguyễn Văn An", LDTT, "An"]]
    error = refused(workbook(tmp_path, rows))
    assert "ô A1 «Họ và tên» và ô C1 «Họ tên»" in error.message("vi")


# --- bug 8: the amount in words under the total row ---------------------------------------

MONEY = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Số tiền"]
PAID = [
    [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", LDTT, 710000],
    [2, "Trần Thị Bình", "Kế toán viên", "Phòng Tổng hợp", LDTT, 710000],
    [None, "Tổng cộng", None, None, None, 1420000],
]


@pytest.mark.parametrize(
    "words",
    [
        "Bằng chữ: Một triệu bốn trăm hai mươi nghìn đồng",
        "Bằng chữ: Một triệu bốn trăm hai mươi nghìn đồng.",
        "bằng chữ một triệu bốn trăm hai mươi ngàn đồng chẵn./.",
    ],
)
def test_the_amount_in_words_under_the_total_is_passed_over(tmp_path: Path, words: str) -> None:
    rows = [MONEY, *PAID, [None, words], [None, "NGƯỜI LẬP BIỂU"], [None, "Lê Thị Hoa"]]
    listed = awards(workbook(tmp_path, rows))
    assert [e.row for e in listed.entries] == [2, 3] and listed.total == 1420000


def test_a_wrong_amount_in_words_is_refused_at_its_cell_with_the_right_words(
    tmp_path: Path,
) -> None:
    rows = [MONEY, *PAID, [None, "Bằng chữ: Một triệu bốn trăm hai mươi lăm nghìn đồng"]]
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.total_words_differ", 5)
    vi, en = error.message("vi"), error.message("en")
    assert "ô B5 ghi «Bằng chữ: Một triệu bốn trăm hai mươi lăm nghìn đồng»" in vi
    assert "(ô F4) là 1.420.000 đồng, bằng chữ là «Một triệu bốn trăm hai mươi nghìn đồng.»" in vi
    assert "cell B5 reads" in en and "in words «Một triệu bốn trăm hai mươi nghìn đồng.»" in en


def test_a_wrong_amount_in_words_in_the_stt_column_is_refused_too(tmp_path: Path) -> None:
    rows = [MONEY, *PAID, ["Bằng chữ: Hai triệu đồng"]]
    error = refused(workbook(tmp_path, rows, merge=("A5:F5",)))
    assert (error.key, error.row) == ("sheet.total_words_differ", 5)
    assert "ô A5" in error.message("vi")


def test_the_amount_in_words_under_a_count_alone_is_not_checked(tmp_path: Path) -> None:
    rows = [MONEY, *PAID[:2], [None, "Tổng cộng: 2 người"], [None, "Bằng chữ: Hai triệu đồng"]]
    assert [e.row for e in awards(workbook(tmp_path, rows)).entries] == [2, 3]


def test_a_bang_chu_line_among_the_rows_is_still_a_row(tmp_path: Path) -> None:
    # Above any total row it is no amount in words of the list's: refused as any row.
    rows = [MONEY, [None, "Bằng chữ: Một triệu bốn trăm hai mươi nghìn đồng"], *PAID[:2]]
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.missing_cell", 2)


def test_the_table_reads_the_list_above_the_words_alone(tmp_path: Path) -> None:
    rows = [MONEY, *PAID, [None, "Bằng chữ: Một triệu bốn trăm hai mươi nghìn đồng"]]
    table = read_table(
        workbook(tmp_path, rows),
        required=["ho_ten", "danh_hieu"],
        optional=["chuc_vu", "don_vi", "so_tien"],
    )
    assert [row.number for row in table] == [2, 3] and table.totals[0].value == 1420000


# --- bug 7: one unit typed two ways ----------------------------------------------------------

TWO_WAYS = [
    WITH_UNIT,
    [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", LDTT],
    [2, "Trần Thị Bình", "Kế toán viên", "Phòng Tài vụ", LDTT],
    [3, "Lò Văn Cường", "Chuyên viên", "Phòng tổng hợp", LDTT],
    [4, "Đỗ Thị Dung", "Chuyên viên", "Phòng  Tổng hợp", LDTT],
]


def test_a_unit_typed_two_ways_sorts_as_one_unit(tmp_path: Path) -> None:
    listed = read_award_list(workbook(tmp_path, TWO_WAYS), DAY, order="don_vi")
    assert [(e.name, e.unit) for e in listed.entries] == [
        ("Trần Thị Bình", "Phòng Tài vụ"),
        ("Nguyễn Văn An", "Phòng Tổng hợp"),
        ("Lò Văn Cường", "Phòng tổng hợp"),  # printed as typed
        ("Đỗ Thị Dung", "Phòng Tổng hợp"),  # cells come cleaned: single spaces
    ]


def test_a_unit_typed_two_ways_is_warned_of_naming_both(tmp_path: Path) -> None:
    listed = read_award_list(workbook(tmp_path, TWO_WAYS), DAY, order="ten")
    (warning,) = listed.warnings
    assert (warning.key, warning.row, warning.field) == ("sheet.unit_two_spellings", 4, "Đơn vị")
    assert "đơn vị «Phòng Tổng hợp» (dòng 2, 5) được gõ cách khác ở dòng 4: «Phòng tổng hợp»" in (
        warning.message("vi")
    )
    assert "«Phòng Tổng hợp» (rows 2, 5) is typed another way on rows 4: «Phòng tổng hợp»" in (
        warning.message("en")
    )
    assert listed.of_the_file == listed.warnings


def test_units_typed_one_way_are_not_warned_of(tmp_path: Path) -> None:
    rows = [row if row[0] != 3 else [*row[:3], "Phòng Tổng hợp", LDTT] for row in TWO_WAYS]
    assert read_award_list(workbook(tmp_path, rows), DAY, order="don_vi").warnings == ()
