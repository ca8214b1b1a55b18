"""Robustness: a cell far out in a sheet, invisible characters in names, a CSV of blank lines."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.spreadsheet.limits import MAX_CSV_LINES
from pipeline.text.gate import BadCharacter, gate

XLSX = "2022/danh-sach-ldtt-2022.xlsx"
CSV = "2022/danh-sach-giay-khen-2022.csv"
LDTT = "2022/qd-lao-dong-tien-tien.yaml"
GIAY_KHEN = "2022/qd-giay-khen.yaml"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def add_to_sheet(path: Path, xml: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"</sheetData>", xml.encode() + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def cell(ref: str, row: str, *, quote: str = '"', eq: str = "=") -> str:
    return (f"<row r={quote}{row}{quote}><c t=\"inlineStr\" r{eq}{quote}{ref}{quote}>"
            "<is><t>x</t></is></c></row>")  # fmt: skip


@pytest.mark.parametrize(
    ("xml", "shown"),
    [
        (cell("XFD1048576", "1048576"), "XFD1048576"),
        (cell("B99999999", "99999999"), "B99999999"),
        (cell("xfd70", "70", quote="'"), "xfd70"),  # lowercase, single quotes, r after t
        (cell("AAA70", "70", eq=" = "), "AAA70"),
    ],
)
def test_far_cell_is_refused_before_calamine_reads_it(
    inputs_copy: Path, xml: str, shown: str
) -> None:
    add_to_sheet(inputs_copy / XLSX, xml)
    start = time.perf_counter()
    result = run("check", str(inputs_copy / LDTT))
    assert result.exit_code == 1, result.output
    assert f"ô {shown} có nội dung nhưng nằm ngoài vùng" in result.output
    assert "danh-sach-ldtt-2022.xlsx" in result.output and "Danh sách" in result.output
    assert time.perf_counter() - start < 20


def test_far_cell_without_a_value_and_a_near_one_are_read(inputs_copy: Path) -> None:
    add_to_sheet(inputs_copy / XLSX, '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
                 '<row r="70"><c r="AB70" s="1"/></row>')  # fmt: skip
    table = read_table(inputs_copy / XLSX, required=("ho_ten", "danh_hieu"))
    assert len(table.rows) == 60


def test_row_zero_is_named(inputs_copy: Path) -> None:
    add_to_sheet(inputs_copy / XLSX, cell("A0", "0"))
    with pytest.raises(InputError) as info:
        read_table(inputs_copy / XLSX, required=("ho_ten", "danh_hieu"))
    assert info.value.key == "sheet.row_zero"


@pytest.mark.parametrize(
    "char", ["\u200d", "\u200c", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u061c"]
)
def test_invisible_character_does_not_make_a_second_person(inputs_copy: Path, char: str) -> None:
    path = inputs_copy / CSV
    lines = path.read_text("utf-8-sig").splitlines()
    lines.append(lines[1].replace("Nguyễn Đức Thọ", f"Nguyễn Đ{char}ức Thọ"))
    path.write_text("\n".join(lines) + "\n", "utf-8-sig")
    result = run("check", str(inputs_copy / GIAY_KHEN))
    assert result.exit_code == 1, result.output
    assert "'Nguyễn Đức Thọ' có hai lần" in result.output and "dòng 12" in result.output


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u1160", "\uffa0"])
def test_hangul_filler_is_refused_in_a_list_and_in_a_yaml_field(
    inputs_copy: Path, char: str
) -> None:
    with pytest.raises(BadCharacter):
        gate(f"Nguyễn{char}Đức Thọ")
    path = inputs_copy / CSV
    path.write_text(path.read_text("utf-8-sig").replace("Nguyễn Đức Thọ", f"Nguyễn{char}Đức Thọ"),
                    "utf-8-sig")  # fmt: skip
    result = run("check", str(inputs_copy / GIAY_KHEN))
    assert result.exit_code == 1 and f"U+{ord(char):04X}" in result.output, result.output
    plan = inputs_copy / LDTT
    text = plan.read_text("utf-8")
    plan.write_text(text.replace("trich_yeu: ", f"trich_yeu: Về{char} ", 1), "utf-8")
    result = run("check", str(plan))
    assert result.exit_code == 1 and f"U+{ord(char):04X}" in result.output, result.output
    assert "trich_yeu" in result.output


def test_invisible_joiner_in_a_yaml_field_is_removed(inputs_copy: Path) -> None:
    assert gate("Nguyễn Đ\u200dức\u2062 Thọ\u061c") == "Nguyễn Đức Thọ"
    plan = inputs_copy / LDTT
    text = plan.read_text("utf-8")
    plan.write_text(text.replace("trich_yeu: ", "trich_yeu: \u200d", 1), "utf-8")
    result = run("check", str(plan))
    assert result.exit_code == 0, result.output


def test_blank_lines_at_the_end_of_a_csv_are_not_read_one_by_one(inputs_copy: Path) -> None:
    path = inputs_copy / CSV
    with path.open("ab") as file:
        file.write(b",,,,,\n" * 3_000_000 + b"\n" * 10_000_000)
    start = time.perf_counter()
    result = run("check", str(inputs_copy / GIAY_KHEN))
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - start < 15


def test_blank_lines_before_content_are_counted_and_refused(inputs_copy: Path) -> None:
    path = inputs_copy / CSV
    lines = path.read_bytes().split(b"\n")
    lines.insert(3, b",,,,,\n" * MAX_CSV_LINES)
    path.write_bytes(b"\n".join(lines))
    result = run("check", str(inputs_copy / GIAY_KHEN))
    assert result.exit_code == 1, result.output
    assert f"quá {MAX_CSV_LINES} dòng, kể cả dòng trống" in result.output
    assert "danh-sach-giay-khen-2022.csv" in result.output
