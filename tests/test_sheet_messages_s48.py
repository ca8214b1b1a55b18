"""What a refused danh sách says, in Vietnamese and in English, in the clerk's terms.

- A damaged file: no English of the csv module, zipfile, calamine or lxml in the message ("','
  expected after '\"'", "File is not a zip file", "syntax error: tag not closed"), but what
  happened to the file, from the catalogue (spreadsheet.reasons).
- A header below the rows looked at (HEADER_SCAN_ROWS): not "the sheet is empty", but where the
  content and the header are, and which rows to delete.
- A sheet without the header while another sheet of the workbook (a hidden one, the one behind
  an instructions sheet) has it: that sheet named, with the 'trang_tinh' that reads it.
- A CSV whose header is joined by a character vanthu does not split on ('|'): said to be so,
  with the delimiters vanthu reads, not a "closest header" of the whole line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet import HEADER_SCAN_ROWS, read_table

HEADERS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]
PEOPLE = [
    [1, "Nguyễn Văn An", "Trưởng phòng", "Phòng Tổng hợp", "Lao động tiên tiến"],
    [2, "Trần Thị Bình", "Chuyên viên", "Phòng Hành chính", "Lao động tiên tiến"],
]
TITLES = [["UBND TỈNH SƠN LA"], ["DANH SÁCH KHEN THƯỞNG"]]
CSV_LINES = [
    "Họ và tên,Chức vụ,Đơn vị,Danh hiệu",
    "Nguyễn Văn An,Trưởng phòng,Phòng Tổng hợp,Lao động tiên tiến",
    "Trần Thị Bình,Chuyên viên,Phòng Hành chính,Lao động tiên tiến",
]
# Words of the libraries' own messages, which no message of vanthu's may carry.
LIBRARY_WORDS = (
    "expected after", "end of data", "field limit", "not a zip file", "syntax error",
    "tag not closed", "not found before", "Cannot detect", "I/O error", "deflate",
    "WorksheetNotFound", "Error(",
)  # fmt: skip


def refused(path: Path, **kw: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read_table(path, required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi"], **kw)  # type: ignore[arg-type]
    return caught.value


def messages(error: InputError) -> dict[str, str]:
    """The error's message in each language, none holding a library's English."""
    said = {lang: error.message(lang) for lang in ("vi", "en")}
    for message in said.values():
        assert not [w for w in LIBRARY_WORDS if w in message], message
    return said


def workbook(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]], bool]]) -> Path:
    """An .xlsx with the given sheets, each (name, rows, hidden)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, hidden in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if hidden:
            sheet.sheet_state = "hidden"
    book.active = next(i for i, (_, _, hidden) in enumerate(sheets) if not hidden)
    book.save(path)
    return path


def the_list(path: Path) -> Path:
    return workbook(path, [("Danh sách", [*TITLES, [], HEADERS, *PEOPLE], False)])


# --- 1. a damaged file, said in the catalogue's words ---------------------------------------


@pytest.mark.parametrize(
    ("lines", "end", "vi", "en"),
    [
        # A quote opened on line 3 closes at line 4's first quote, text follows it.
        (
            [*CSV_LINES[:2], '"Trần Thị Bình,Chuyên viên,Phòng Hành chính,Lao động tiên tiến',
             'Lê Văn Cường,Chuyên viên,"Phòng Tài chính, Kế hoạch",Lao động tiên tiến'],
            4,
            "sau một dấu nháy kép được hiểu là dấu đóng ô lại có chữ, không phải dấu phân cách «,»",
            "a double quote read as closing a cell is followed by text, not by the delimiter «,»",
        ),
        # A quote opened on line 3 never closed.
        (
            [*CSV_LINES[:2], 'Trần Thị Bình,Chuyên viên,"Phòng Hành chính,Lao động tiên tiến',
             "Lê Văn Cường,Chuyên viên,Phòng Tài chính,Lao động tiên tiến"],
            4,
            "tệp đã hết mà dấu nháy kép vẫn chưa đóng",
            "the file ends with the double quote still open",
        ),
    ],
)  # fmt: skip
def test_a_csv_quote_left_open_is_said_in_the_catalogues_words(
    tmp_path: Path, lines: list[str], end: int, vi: str, en: str
) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = refused(path)
    assert error.key == "sheet.csv_quote" and error.line == 3
    said = messages(error)
    assert f"đọc đến dòng {end}: {vi})" in said["vi"], said["vi"]
    assert f"read up to line {end}: {en})" in said["en"], said["en"]
    assert 'gõ hai lần ("")' in said["vi"] and 'typed twice ("")' in said["en"]


def test_a_csv_cell_past_the_field_limit_is_said_in_the_catalogues_words(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(CSV_LINES[0] + "\n" + '"' + "x" * 140_000 + "\n", encoding="utf-8")
    error = refused(path)
    assert error.key == "sheet.csv_malformed"
    said = messages(error)
    assert "một ô dài quá 131072 ký tự" in said["vi"], said["vi"]
    assert "a cell is longer than 131072 characters" in said["en"], said["en"]


def _rezipped(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """An .xlsx's bytes with some parts replaced (None: removed)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, content in change.items():
        if content is None:
            del parts[name]
        else:
            parts[name] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def _cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _sheet_cut_short(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    return _rezipped(data, {"xl/worksheets/sheet1.xml": sheet[: len(sheet) - 40]})


def _no_workbook_rels(data: bytes) -> bytes:
    return _rezipped(data, {"xl/_rels/workbook.xml.rels": None})


@pytest.mark.parametrize(
    ("damage", "vi", "en"),
    [
        (_cut_in_half, "tệp bị hỏng hoặc không trọn vẹn", "the file is damaged or incomplete"),
        (_sheet_cut_short, "nội dung bên trong tệp bị hỏng", "the content inside the file is "
         "damaged"),
        (_no_workbook_rels, "tệp thiếu những phần mà một sổ làm việc Excel phải có",
         "the file lacks parts every Excel workbook has"),
    ],
)  # fmt: skip
def test_a_damaged_xlsx_is_said_in_the_catalogues_words(
    tmp_path: Path, damage: object, vi: str, en: str
) -> None:
    path = the_list(tmp_path / "ds.xlsx")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    error = refused(path)
    assert error.key == "sheet.bad_xlsx"
    said = messages(error)
    assert f"không đọc được tệp Excel .xlsx: {vi}" in said["vi"], said["vi"]
    assert f"the Excel .xlsx file cannot be read: {en}" in said["en"], said["en"]


# --- 2. a header below the rows looked at ---------------------------------------------------


def test_blank_rows_above_the_list_are_said_with_where_it_starts(tmp_path: Path) -> None:
    blank: list[list[object]] = [[] for _ in range(23)]
    path = workbook(tmp_path / "ds.xlsx", [("Danh sách", [*blank, *TITLES, [], HEADERS,
                                                          *PEOPLE], False)])  # fmt: skip
    error = refused(path)
    assert error.key == "sheet.blank_rows_above" and error.sheet == "Danh sách"
    said = messages(error)
    assert "trang tính trống" not in said["vi"] and "is empty" not in said["en"]
    assert (
        f"không tìm thấy dòng tiêu đề trong {HEADER_SCAN_ROWS} dòng đầu: các dòng đó đều trống, "
        "nội dung bắt đầu từ dòng 24 (dòng tiêu đề ở dòng 27)"
    ) in said["vi"], said["vi"]
    assert "hãy xóa các dòng trống phía trên danh sách (dòng 1–23)" in said["vi"]
    assert (
        f"no header row found in the first {HEADER_SCAN_ROWS} rows: they are all blank, and the "
        "content starts on row 24 (the header row is row 27)"
    ) in said["en"], said["en"]
    assert "delete the blank rows above the list (rows 1–23)" in said["en"]


def test_blank_lines_above_a_csv_list(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("\n" * 30 + "\n".join(CSV_LINES) + "\n", encoding="utf-8")
    error = refused(path)
    assert error.key == "sheet.blank_rows_above"
    said = messages(error)
    assert "nội dung bắt đầu từ dòng 31 (dòng tiêu đề ở dòng 31)" in said["vi"], said["vi"]
    assert "the content starts on row 31 (the header row is row 31)" in said["en"], said["en"]


def test_a_header_pushed_down_by_rows_of_text_is_found_where_it_is(tmp_path: Path) -> None:
    notes = [[f"Ghi chú {n}"] for n in range(1, 25)]
    path = workbook(tmp_path / "ds.xlsx", [("Danh sách", [*notes, HEADERS, *PEOPLE], False)])
    error = refused(path)
    assert error.key == "sheet.header_below"
    said = messages(error)
    assert "dòng tiêu đề có vẻ ở dòng 25 ('STT', 'Họ và tên'" in said["vi"], said["vi"]
    assert "the header row seems to be row 25 ('STT', 'Họ và tên'" in said["en"], said["en"]


def test_a_sheet_with_nothing_at_all_is_still_empty(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [("Danh sách", [], False)])
    assert refused(path).key == "sheet.empty_sheet"


# --- 3. the list on another sheet -----------------------------------------------------------


def test_a_list_on_a_hidden_sheet_is_named_with_its_trang_tinh(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [
        ("Danh sách", [*TITLES, [], HEADERS, *PEOPLE], True), ("Khác", [], False),
    ])  # fmt: skip
    error = refused(path)
    assert error.key == "sheet.list_on_other_sheet" and error.sheet == "Khác"
    said = messages(error)
    assert "còn trang tính 'Danh sách' (đang ẩn) thì có" in said["vi"], said["vi"]
    assert said["vi"].endswith("trang_tinh: Danh sách"), said["vi"]
    assert "trang tính ẩn chỉ được đọc khi được ghi tên ở đó" in said["vi"]
    assert "while sheet 'Danh sách' (hidden) has one" in said["en"], said["en"]
    assert said["en"].endswith("trang_tinh: Danh sách"), said["en"]
    assert len(read_table(path, sheet="Danh sách", required=["ho_ten", "danh_hieu"])) == 2


def test_a_list_behind_an_instructions_sheet_is_named(tmp_path: Path) -> None:
    guide = [["HƯỚNG DẪN ĐIỀN DANH SÁCH"], ["Mỗi người một dòng."], ["Không gộp ô."]]
    path = workbook(tmp_path / "ds.xlsx", [
        ("Hướng dẫn", guide, False), ("Danh sách", [*TITLES, [], HEADERS, *PEOPLE], False),
    ])  # fmt: skip
    error = refused(path)
    assert error.key == "sheet.list_on_other_sheet" and error.sheet == "Hướng dẫn"
    said = messages(error)
    assert "còn trang tính 'Danh sách' thì có" in said["vi"] and "ẩn" not in said["vi"]
    assert "(các cột 'Họ và tên', 'Danh hiệu')" in said["vi"], said["vi"]
    assert "while sheet 'Danh sách' has one" in said["en"] and "hidden" not in said["en"]
    assert said["en"].endswith("e.g.  trang_tinh: Danh sách"), said["en"]


def test_a_sheet_name_yaml_would_misread_is_quoted(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [
        ("Hướng dẫn", [["Xem trang sau"]], False), ("2024", [HEADERS, *PEOPLE], False),
    ])  # fmt: skip
    said = messages(refused(path))
    assert said["vi"].endswith('trang_tinh: "2024"'), said["vi"]


def test_no_other_sheet_with_the_header_leaves_the_refusal_as_it_was(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [
        ("Khác", [], False), ("Ghi chú", [["Không có danh sách"]], True),
    ])  # fmt: skip
    assert refused(path).key == "sheet.empty_sheet"


# --- 4. a header joined by a character vanthu does not read ---------------------------------


@pytest.mark.parametrize("separator", ["|", "#"])
def test_a_csv_joined_by_another_separator_is_said_to_be_so(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "ds.csv"
    lines = ["DANH SÁCH KHEN THƯỞNG", *(line.replace(",", separator) for line in CSV_LINES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = refused(path)
    assert error.key == "sheet.csv_separator" and error.line == 2
    said = messages(error)
    assert "→" not in said["vi"] and "→" not in said["en"]
    assert f"các cột ngăn cách bằng dấu «{separator}»" in said["vi"], said["vi"]
    assert "dấu phẩy «,», dấu chấm phẩy «;» hoặc dấu Tab" in said["vi"]
    assert f"its columns are separated by «{separator}»" in said["en"], said["en"]
    assert "a comma «,», a semicolon «;» or a Tab only" in said["en"]


def test_a_csv_header_with_a_comma_inside_a_pipe_separated_line(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và tên|Cơ quan, bộ phận|Danh hiệu\nNguyễn Văn An|Phòng Tổng hợp|LĐTT\n",
        encoding="utf-8",
    )
    assert refused(path).key == "sheet.csv_separator"


def test_an_xlsx_header_in_one_cell_is_said_to_need_splitting(tmp_path: Path) -> None:
    joined = [[";".join(HEADERS)], *([";".join(map(str, p))] for p in PEOPLE)]
    path = workbook(tmp_path / "ds.xlsx", [("Danh sách", [*TITLES, *joined], False)])
    error = refused(path)
    assert error.key == "sheet.joined_header" and error.row == 3
    said = messages(error)
    assert "ô A3 có vẻ chứa cả dòng tiêu đề trong một ô" in said["vi"], said["vi"]
    assert "cell A3 seems to hold the whole header row in one cell" in said["en"], said["en"]
    assert "«;»" in said["vi"] and "Text to Columns" in said["en"]


def test_a_header_cell_naming_one_field_twice_is_no_joined_header(tmp_path: Path) -> None:
    """A header "Danh hiệu/Hình thức" names one field: the missing column is said as before."""
    path = workbook(tmp_path / "ds.xlsx", [
        ("Danh sách", [["Danh hiệu/Hình thức"], ["Lao động tiên tiến"]], False),
    ])  # fmt: skip
    assert refused(path).key in ("sheet.missing_column", "sheet.missing_column_close")
