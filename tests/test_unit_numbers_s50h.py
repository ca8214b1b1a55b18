"""A number alone in the Đơn vị column is refused, as one in the name or chức vụ column is.

D4 = 3 in the 2022 example list rendered with exit 0, printing "3" as Lò Văn Mạnh's unit,
while B4 = 12345 or C4 = 1.5 was refused ("ghi số … ở chỗ phải ghi chữ"). An .xlsx number and
a CSV's "3" (a CSV cell is always text) are refused alike, as names are; a count under Đơn vị
on a total row ("Tổng cộng") is still read as the row's figure, not refused.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.errors import InputError

REPO = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 1, 8)
LDTT = "Lao động tiên tiến"
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]
PEOPLE = [
    [1, "Lò Văn An", "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân"],
    [2, "Lò Văn Bình", "Chuyên viên", "Phòng Nội vụ", LDTT, "Cá nhân"],
]
TOTAL = 2 + len(PEOPLE)  # header on row 1


def _example(tmp_path: Path, cell: str, value: object) -> Path:
    """The 2022 example workspace's inputs with one cell of its LĐTT list set to `value`."""
    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    sheet = folder / "2022" / "danh-sach-ldtt-2022.xlsx"
    book = load_workbook(sheet)
    book["Danh sách"][cell] = value
    book.save(sheet)
    return folder / "2022" / "qd-lao-dong-tien-tien.yaml"


@pytest.mark.parametrize(
    ("cell", "value", "field"),
    [("D4", 3, "Đơn vị"), ("B4", 12345, "Họ và tên"), ("C4", 1.5, "Chức vụ")],
)
def test_the_cli_refuses_a_number_where_a_unit_belongs_as_for_a_name(
    tmp_path: Path, cell: str, value: object, field: str
) -> None:
    source = _example(tmp_path, cell, value)
    out = tmp_path / "qd.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"ô {cell} ghi số '{value}' ở chỗ phải ghi chữ" in result.output
    assert f"trường '{field}'" in result.output and "dòng 4" in result.output
    assert not out.exists()


def _workbook(tmp_path: Path, rows: list[list[object]], name: str = "ds.xlsx") -> Path:
    book = Workbook()
    ws = book.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _csv(tmp_path: Path, lines: list[str], name: str = "ds.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại", *lines]) + "\n", "utf-8")
    return path


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    return caught.value


@pytest.mark.parametrize("unit", [3, "3", 1.5, "12,5"])
def test_a_number_in_an_xlsx_unit_cell_is_refused(tmp_path: Path, unit: object) -> None:
    """Typed as a number or as text: the same as a name cell's."""
    error = _refused(_workbook(tmp_path, [*PEOPLE, [3, "Lò Văn Cường", "Chuyên viên", unit, LDTT]]))
    assert (error.key, error.row, error.field) == ("sheet.number_in_text", 4, "Đơn vị")
    assert f"D4 ghi số '{unit}'" in error.message("vi")


def test_a_csv_refuses_a_number_unit_as_it_refuses_a_number_name(tmp_path: Path) -> None:
    first = f"Lò Văn An,Chuyên viên,Phòng Kinh tế,{LDTT},Cá nhân"
    unit = _refused(_csv(tmp_path, [first, f"Lò Văn Bình,Chuyên viên,3,{LDTT},Cá nhân"]))
    name = _refused(_csv(tmp_path, [first, f"12345,Chuyên viên,Phòng Nội vụ,{LDTT},Cá nhân"],
                         name="ten.csv"))  # fmt: skip
    assert (unit.key, unit.row, unit.field) == ("sheet.number_in_text", 3, "Đơn vị")
    assert (name.key, name.row, name.field) == ("sheet.number_in_text", 3, "Họ và tên")
    assert "C3 ghi số '3'" in unit.message("vi")


@pytest.mark.parametrize(
    "total",
    [
        [None, "Tổng cộng", None, 2],  # the label under Họ và tên, =COUNTA under Đơn vị
        ["Tổng cộng", None, None, 2],  # the label in the STT column
        [None, "Tổng cộng", None, "2"],  # the count typed as text
    ],
)
def test_a_count_under_the_unit_column_on_a_total_row_is_its_figure(
    tmp_path: Path, total: list[object]
) -> None:
    awards = read_award_list(_workbook(tmp_path, [*PEOPLE, total]), DAY)
    assert [e.unit for e in awards.entries] == ["Phòng Kinh tế", "Phòng Nội vụ"]
    # And checked as a figure: more people than rows is refused as that, not as a shifted unit.
    wrong = [*total[:3], 9]
    error = _refused(_workbook(tmp_path, [*PEOPLE, wrong], name="sai.xlsx"))
    assert (error.key, error.row, error.field) == ("sheet.total_over_rows", TOTAL, "Đơn vị")


def test_a_count_under_the_unit_column_of_a_csv_total_row_is_its_figure(tmp_path: Path) -> None:
    rows = [f"Lò Văn An,Chuyên viên,Phòng Kinh tế,{LDTT},Cá nhân",
            f"Lò Văn Bình,Chuyên viên,Phòng Nội vụ,{LDTT},Cá nhân"]  # fmt: skip
    assert len(read_award_list(_csv(tmp_path, [*rows, "Tổng cộng,,2,,"]), DAY).entries) == 2
    error = _refused(_csv(tmp_path, [*rows, "Tổng cộng,,7,,"], name="sai.csv"))
    assert (error.key, error.row) == ("sheet.total_over_rows", 4)
