"""Rows of an award list as the clerk sees them: hidden rows refused, a collective's row without
Loại refused, a typed Số tiền checked, and Điều 1 counting persons, not awards."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.awards import read_award_list, reads_as_collective
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from tests.test_award_named import MONEY, article_one, named_lines, office, render

DAY = date(2026, 1, 8)  # Nghị định 152/2025, lương cơ sở 2.340.000: LĐTT 710.000
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]
LDTT = "Lao động tiên tiến"


def person(n: int, name: str, award: str = LDTT) -> list[object]:
    return [n, name, "Chuyên viên", "Phòng Kinh tế", award, "Cá nhân"]


PEOPLE = [person(1, "Lò Văn An"), person(2, "Lò Văn Bình"), person(3, "Lò Văn Cường")]


def workbook(
    tmp_path: Path,
    rows: list[list[object]],
    *,
    header: list[str] = HEADER,
    hide: tuple[int, ...] = (),
    hide_columns: tuple[str, ...] = (),
    name: str = "ds.xlsx",
) -> Path:
    """A list on sheet 'DS' (header on row 1), with the given Excel rows hidden."""
    book = Workbook()
    ws = book.active
    ws.title = "DS"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for number in hide:
        ws.row_dimensions[number].hidden = True
    for letter in hide_columns:
        ws.column_dimensions[letter].hidden = True
    path = tmp_path / name
    book.save(path)
    return path


# --- (A) hidden rows ----------------------------------------------------------------------


def test_hidden_row_is_refused_naming_sheet_and_row(tmp_path: Path) -> None:
    """The tester's case: row 3 hidden by the clerk (not approved) would be awarded."""
    path = workbook(tmp_path, PEOPLE, hide=(3,))
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.sheet, error.row) == ("sheet.hidden_row", "DS", 3)
    text = error.message("vi")
    assert "DS" in text and "dòng 3" in text and "«Lò Văn Bình»" in text
    assert "bỏ ẩn hoặc xóa hàng" in text
    assert "is hidden in Excel" in error.message("en")


def test_filtered_out_row_is_refused(tmp_path: Path) -> None:
    """A filter hides rows the same way (<row hidden="1">), with an autoFilter on the sheet."""
    book = Workbook()
    ws = book.active
    ws.title = "DS"
    ws.append(HEADER)
    for row in [*PEOPLE, person(4, "Lò Văn Dũng", "Chiến sĩ thi đua cơ sở")]:
        ws.append(row)
    ws.auto_filter.ref = "A1:F5"
    ws.auto_filter.add_filter_column(4, [LDTT])
    ws.row_dimensions[5].hidden = True
    path = tmp_path / "loc.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert (caught.value.key, caught.value.row) == ("sheet.hidden_row", 5)


def test_hidden_rows_without_content_and_hidden_columns_are_fine(tmp_path: Path) -> None:
    """An empty hidden row, a hidden title row above the header and a hidden unused column
    change nothing: only a row that would be awarded matters."""
    book = Workbook()
    ws = book.active
    ws.title = "DS"
    ws.append(["DANH SÁCH"])
    ws.append(HEADER + ["Ghi chú nội bộ"])
    for row in PEOPLE:
        ws.append([*row, "x"])
    ws.append([])
    ws.append([None, None])
    ws.row_dimensions[1].hidden = True
    ws.row_dimensions[6].hidden = True
    ws.row_dimensions[7].hidden = True
    ws.column_dimensions["G"].hidden = True
    path = tmp_path / "ok.xlsx"
    book.save(path)
    awards = read_award_list(path, DAY)
    assert [e.name for e in awards.entries] == ["Lò Văn An", "Lò Văn Bình", "Lò Văn Cường"]


def test_hidden_row_found_without_r_attribute_and_with_true(tmp_path: Path) -> None:
    """A sheet written by another program: rows without r="", hidden="true"."""
    path = workbook(tmp_path, PEOPLE)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('<row r="3"', '<row hidden="true"')
    for number in (1, 2, 4):
        sheet = sheet.replace(f'<row r="{number}"', "<row")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    edited = tmp_path / "edited.xlsx"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(InputError) as caught:
        read_table(edited, required=["ho_ten", "danh_hieu"])
    assert (caught.value.key, caught.value.row) == ("sheet.hidden_row", 3)


def test_hidden_row_cli(tmp_path: Path) -> None:
    """`vanthu check` on the decision: one line naming the file, sheet and row; exit 1."""
    decision = office(tmp_path, [], khen_thuong=MONEY)
    rows = [
        [1, "Lò Văn An", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân"],
        [2, "Lò Văn Bình", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân"],
    ]
    workbook(tmp_path, rows, hide=(3,))
    text = decision.read_text("utf-8").replace("danh_sach: ds.csv", "danh_sach: ds.xlsx")
    decision.write_text(text, "utf-8")
    for lang, words in (("vi", "trang tính 'DS', dòng 3"), ("en", "sheet 'DS', row 3")):
        result = CliRunner().invoke(main, ["--lang", lang, "check", str(decision)])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert "ds.xlsx" in result.output and words in result.output, result.output
        assert "Lò Văn Bình" in result.output


# --- (A) a typed Số tiền ----------------------------------------------------------------


def with_amounts(amounts: list[object]) -> list[list[object]]:
    return [[*row, amount] for row, amount in zip(PEOPLE, amounts, strict=True)]


@pytest.mark.parametrize("header", ["Số tiền", "Số tiền (đồng)", "Tiền thưởng", "Thành tiền"])
def test_typed_amount_that_differs_is_refused_at_its_cell(tmp_path: Path, header: str) -> None:
    path = workbook(tmp_path, with_amounts([700000, 710000, "710.000"]), header=[*HEADER, header])
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.amount_differs", 2, header)
    text = error.message("vi")
    assert "G2" in text and "700.000" in text and "710.000" in text and LDTT in text


@pytest.mark.parametrize(
    "amounts",
    [
        [710000, 710000.0, "710.000"],
        ["710,000", "710 000 đ", "710.000 đồng"],
        [None, "", 710000],  # an empty cell is no amount typed
    ],
)
def test_typed_amount_that_agrees_is_fine(tmp_path: Path, amounts: list[object]) -> None:
    path = workbook(tmp_path, with_amounts(amounts), header=[*HEADER, "Số tiền"])
    awards = read_award_list(path, DAY)
    assert awards.total == 3 * 710_000


def test_unreadable_amount_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path, with_amounts([710000, "bảy trăm", 710000]), header=[*HEADER, "Số tiền"]
    )
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert (caught.value.key, caught.value.row) == ("sheet.bad_amount", 3)


def test_typed_amount_of_a_collective_checked_at_the_collective_rate(tmp_path: Path) -> None:
    rows = [
        [1, "Lò Văn An", "Chuyên viên", "Phòng Kinh tế", "Giấy khen", "Cá nhân", 710000],
        [2, "Phòng Kinh tế", None, "Văn phòng", "Giấy khen", "Tập thể", 1410000],
    ]
    path = workbook(tmp_path, rows, header=[*HEADER, "Số tiền"])
    assert read_award_list(path, DAY).total == 2_120_000
    rows[1][-1] = 710000
    path = workbook(tmp_path, rows, header=[*HEADER, "Số tiền"], name="sai.xlsx")
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert caught.value.row == 3 and "tập thể" in caught.value.message("vi")


def test_typed_amount_not_checked_in_a_list_without_money(tmp_path: Path) -> None:
    path = workbook(tmp_path, with_amounts([1, 2, 3]), header=[*HEADER, "Số tiền"])
    assert len(read_award_list(path, DAY, priced=False).entries) == 3


# --- (B) a collective's row without Loại -------------------------------------------------


NO_KIND = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức"]
GK = "Giấy khen"


@pytest.mark.parametrize(
    "name",
    [
        "Phòng Tổng hợp",
        "Trung tâm Thông tin",
        "Tổ Công nghệ thông tin",
        "Ủy ban nhân dân xã Chiềng Sinh",
        "Nhà khách UBND tỉnh",
        "Văn phòng Sở Nội vụ",
        "Công đoàn cơ sở Văn phòng",
        "Đoàn thanh niên Văn phòng",
        "Chi bộ Phòng Kinh tế",
        "Khoa Nội",
        "Trường THCS Chiềng Sinh",
        "PHÒNG TỔNG HỢP",
    ],
)
def test_collective_names(name: str) -> None:
    assert reads_as_collective(name)


@pytest.mark.parametrize(
    "name",
    [
        "Nguyễn Văn An",
        "Đoàn Văn Hậu",
        "Đoàn Thị Phòng",
        "Văn Phòng",
        "Văn Thị Ban",
        "Công Văn Đoàn",
        "Đoàn Trung Tâm",
        "ĐOÀN THANH NIÊN",  # all capitals: could be a person; not guessed
        "Phòng",  # a unit word alone names nothing
        "Lò Văn Tổ",
        "Hà Thị Khoa",
        "Quàng Văn Trường",
    ],
)
def test_personal_names_are_never_taken_for_collectives(name: str) -> None:
    assert not reads_as_collective(name)


def test_no_kind_column_collective_row_refused(tmp_path: Path) -> None:
    """The tester's `noloai` case: units would be paid 710.000 as cá nhân."""
    rows = [
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", GK],
        [2, "Phòng Tổng hợp", None, "Văn phòng UBND tỉnh Sơn La", GK],
        [3, "Trung tâm Thông tin", None, "Văn phòng UBND tỉnh Sơn La", GK],
    ]
    path = workbook(tmp_path, rows, header=NO_KIND)
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.kind_column_missing", 3, "Họ và tên")
    assert "Phòng Tổng hợp" in error.message("vi") and "Loại" in error.message("vi")
    assert "Loại column" in error.message("en")


def test_empty_kind_cell_collective_row_refused_at_the_cell(tmp_path: Path) -> None:
    rows = [
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", GK, "Cá nhân"],
        [2, "Tổ Công nghệ thông tin", None, "Văn phòng", GK, None],
    ]
    path = workbook(tmp_path, rows)
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.kind_missing", 3, "Loại")
    assert "F3" in error.message("vi")


def test_rows_without_kind_still_read_when_they_are_people(tmp_path: Path) -> None:
    """People without Loại are cá nhân as before, a unit word in the chức vụ or đơn vị
    included; a named collective with a chức vụ is a person's row (a "Phòng" surname...)."""
    rows = [
        [1, "Đoàn Văn Hậu", "Chuyên viên", "Phòng Tổng hợp", GK],
        [2, "Văn Thị Phòng", None, "Văn phòng", GK],
        [3, "Trung tâm Thông tin", "Giám đốc", "Văn phòng", GK],
    ]
    awards = read_award_list(workbook(tmp_path, rows, header=NO_KIND), DAY)
    assert [e.collective for e in awards.entries] == [False, False, False]
    assert awards.total == 3 * 710_000


def test_collective_only_award_implies_tap_the(tmp_path: Path) -> None:
    """Tập thể lao động tiên tiến is given to tập thể only: no Loại is needed."""
    rows = [
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", LDTT],
        [2, "Phòng Tổng hợp", None, "Văn phòng", "Tập thể lao động tiên tiến"],
    ]
    awards = read_award_list(workbook(tmp_path, rows, header=NO_KIND), DAY)
    assert [e.collective for e in awards.entries] == [False, True]
    assert awards.entries[1].amount == 1_880_000  # 0,8 × 2.340.000 = 1.872.000 → 1.880.000


def test_stated_kind_wins(tmp_path: Path) -> None:
    rows = [[1, "Phòng Tổng hợp", None, "Văn phòng", GK, "Tập thể"]]
    awards = read_award_list(workbook(tmp_path, rows), DAY)
    assert awards.entries[0].collective and awards.total == 1_410_000


# --- (C) Điều 1 counts persons -----------------------------------------------------------


def test_one_person_two_awards_is_one_ca_nhan(tmp_path: Path, renderer) -> None:
    """The tester's case: "cho 02 cá nhân" over one person given two titles."""
    rows = [
        "Trần Thị Thanh Hường,Trưởng phòng,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Trần Thị Thanh Hường,Trưởng phòng,Phòng Nội vụ,Chiến sĩ thi đua cơ sở,Cá nhân",
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
    ]
    text = render(renderer, office(tmp_path, rows, khen_thuong=MONEY))
    assert "cho 02 cá nhân" in article_one(text)
    lines = named_lines(text)
    assert sum("Trần Thị Thanh Hường" in line for line in lines) == 2
    # The same name in another unit is another person.
    rows.append("Lò Văn An,Chuyên viên,Phòng Tư pháp,Chiến sĩ thi đua cơ sở,Cá nhân")
    text = render(renderer, office(tmp_path, rows, khen_thuong=MONEY))
    assert "cho 03 cá nhân" in article_one(text)


def test_lượt_still_counted_by_award(tmp_path: Path) -> None:
    rows = [person(1, "Lò Văn An"), person(2, "Lò Văn An", "Chiến sĩ thi đua cơ sở")]
    awards = read_award_list(workbook(tmp_path, rows), DAY)
    assert awards.count(collective=False) == 2  # lượt, as the Báo cáo counts
    assert awards.recipients(collective=False) == 1
