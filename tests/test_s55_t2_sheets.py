"""Lists other programs save under an Excel name (session 55, T2).

Web systems export "Excel" lists that are no Excel workbook, named .xls (or .xlsx):
- a tab-, comma- or semicolon-separated text (UTF-8, UTF-8 with BOM, Excel's UTF-16 "Unicode
  Text") named .xls: read as the CSV it is, with the CSV's messages naming row and column, and
  its legacy code (TCVN3) named as for a .csv; named .xlsx, it is still said to be text to
  rename .csv (tests/test_spreadsheet.py holds that), in UTF-16 or TCVN3 too;
- an Excel 2003 XML Spreadsheet: said to be one, with how to save it as .xlsx and the
  danh_sach line to write then, not as an old binary .xls;
- an HTML table (XHTML too): said to be a web page;
- bytes that are none of these: said so, not as an old binary .xls.
The real binary .xls (OLE2) keeps its message. Each kind is loaded through a decision whose
danh_sach names the file (load_document) and checked by `vanthu check`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import OLE2_MAGIC
from pipeline.text.legacy import TCVN3, encode_legacy
from tests.new_office import new_office

YEAR = Path("inputs") / "2026"
HEADERS = ["Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]
ROWS = [
    ["Nguyễn Văn An", "Chuyên viên", "Văn phòng", "Lao động tiên tiến", "Cá nhân"],
    ["Trần Thị Bình", "Kế toán viên", "Văn phòng", "Lao động tiên tiến", "Cá nhân"],
]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình"]


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


def decision_reading(list_name: str) -> Path:
    """The starter decision (vanthu new quyet-dinh) whose danh_sach names `list_name`."""
    path = YEAR / "qd.yaml"
    result = CliRunner().invoke(main, ["--lang", "vi", "new", "quyet-dinh", "-o", str(path)])
    assert result.exit_code == 0, result.output
    (YEAR / "danh-sach-khen-thuong.csv").unlink()
    text, count = re.subn(
        r"  danh_sach: danh-sach-khen-thuong\.csv[^\n]*\n", f"  danh_sach: {list_name}\n",
        path.read_text("utf-8"),
    )  # fmt: skip
    assert count == 1
    path.write_text(text, "utf-8")
    return path


def text_table(rows: list[list[str]], delimiter: str = "\t") -> str:
    return "".join(delimiter.join(cells) + "\r\n" for cells in [HEADERS, *rows])


def write_list(name: str, data: bytes) -> Path:
    """The list file `name` beside the decision, holding `data`; the decision reading it."""
    (YEAR / name).write_bytes(data)
    return decision_reading(name)


def loaded_names(decision: Path) -> list[str]:
    awards = load_document(decision).info.attachments.awards  # type: ignore[union-attr]
    return [entry.name for entry in awards.entries]


def refused(decision: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_document(decision)
    return caught.value


def check(decision: Path, lang: str = "vi") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "check", str(decision)])


def assert_refused_by_check(decision: Path, *words: str, lang: str = "vi") -> str:
    """`vanthu check` exits 1 with a message holding `words`, no traceback."""
    result = check(decision, lang)
    assert result.exit_code == 1, result.output
    assert type(result.exception) is SystemExit, result.exception
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output
    return result.output


# --- 1. a delimited text saved under an Excel name: read as the CSV it is ---------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ds.xls", text_table(ROWS).encode("utf-8")),
        ("ds.xls", text_table(ROWS).encode("utf-8-sig")),
        ("ds.xls", text_table(ROWS).encode("utf-16")),  # Excel's "Unicode Text", with its BOM
        ("ds.xls", text_table(ROWS, ";").encode("utf-8")),
        ("ds.xls", text_table(ROWS, ",").encode("utf-8-sig")),
    ],
    ids=["utf8", "utf8-bom", "utf16", "semicolon", "comma"],
)  # fmt: skip
def test_a_text_export_named_xls_is_read_as_a_csv(office: Path, name: str, data: bytes) -> None:
    decision = write_list(name, data)
    assert loaded_names(decision) == NAMES
    result = check(decision)
    assert result.exit_code == 0, result.output


def test_a_bad_row_of_a_text_export_is_said_at_its_row_and_column(office: Path) -> None:
    rows = [ROWS[0], ["Trần Thị Bình", "Kế toán viên", "Văn phòng", "", "Cá nhân"]]
    decision = write_list("ds.xls", text_table(rows).encode("utf-16"))
    error = refused(decision)
    assert error.file == str((YEAR / "ds.xls").resolve())
    assert (error.row, error.field) == (3, "Danh hiệu")
    assert_refused_by_check(
        decision, "ds.xls, dòng 3, trường 'Danh hiệu'", "ô D3 (cột 'Danh hiệu') để trống"
    )
    assert_refused_by_check(decision, "cell D3 (column 'Danh hiệu') is empty", lang="en")


def test_a_text_export_in_tcvn3_is_refused_naming_its_code_as_a_csv_is(office: Path) -> None:
    decision = write_list("ds.xls", encode_legacy(text_table(ROWS), TCVN3))
    assert refused(decision).key == "sheet.csv_legacy_encoding"
    output = assert_refused_by_check(decision, "ds.xls, dòng 1", "bảng mã TCVN3 (ABC)",
                                     "ô A1 đọc theo bảng mã đó là «Họ và tên»")  # fmt: skip
    assert "kiểu cũ" not in output


@pytest.mark.parametrize(
    "data",
    [
        text_table(ROWS).encode("utf-8"),
        text_table(ROWS).encode("utf-16"),
        encode_legacy(text_table(ROWS), TCVN3),
    ],
    ids=["utf8", "utf16", "tcvn3"],
)
def test_a_text_export_named_xlsx_is_said_to_be_text(office: Path, data: bytes) -> None:
    decision = write_list("ds.xlsx", data)
    assert refused(decision).key == "sheet.text_named_xlsx"
    assert_refused_by_check(
        decision, "ds.xlsx: tệp ds.xlsx là tệp chữ (như .csv), không phải tệp Excel .xlsx",
        "hãy đổi đuôi tên tệp thành .csv",
    )  # fmt: skip


# --- 2. an Excel 2003 XML Spreadsheet: said to be one, with how to save it as .xlsx -----------


def spreadsheet_ml(rows: list[list[str]]) -> str:
    """An Excel 2003 XML Spreadsheet, as web systems export one."""
    cells = "".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>' for c in row) + "</Row>"
        for row in [HEADERS, *rows]
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        f'<Worksheet ss:Name="Sheet1"><Table>{cells}</Table></Worksheet></Workbook>\n'
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_an_xml_spreadsheet_named_xls_is_said_to_be_one(office: Path, encoding: str) -> None:
    decision = write_list("Danh sach 2025.xls", spreadsheet_ml(ROWS).encode(encoding))
    error = refused(decision)
    assert error.key == "sheet.spreadsheet_ml_named"
    vi = assert_refused_by_check(
        decision,
        "Danh sach 2025.xls: tệp Danh sach 2025.xls thực ra là bảng tính XML của Excel 2003 "
        "(XML Spreadsheet 2003) mang đuôi .xls",
        'chọn "Lưu thành" (Save As) kiểu Excel Workbook (.xlsx), đặt tên Danh sach 2025.xlsx, '
        "rồi sửa dòng danh_sach thành  danh_sach: Danh sach 2025.xlsx",
    )  # fmt: skip
    assert "định dạng nhị phân) nên không đọc được" not in vi and "soffice" not in vi, vi
    assert_refused_by_check(
        decision, "Danh sach 2025.xls is in fact an Excel 2003 XML Spreadsheet named .xls",
        "danh_sach: Danh sach 2025.xlsx", lang="en",
    )  # fmt: skip


def test_an_xml_spreadsheet_named_xlsx_is_said_to_be_one(office: Path) -> None:
    decision = write_list("ds.xlsx", spreadsheet_ml(ROWS).encode("utf-8"))
    assert refused(decision).key == "sheet.spreadsheet_ml_named"
    assert_refused_by_check(decision, "thực ra là bảng tính XML của Excel 2003")


# --- 3. an HTML table: a web page, XHTML too --------------------------------------------------


def html_table(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table border=1>{body}</table>"


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body>{html_table([HEADERS, *ROWS])}</body></html>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html '
        f'xmlns="http://www.w3.org/1999/xhtml"><body>{html_table([HEADERS, *ROWS])}</body></html>',
    ],
    ids=["html", "xhtml"],
)
def test_an_html_table_named_xls_is_said_to_be_a_web_page(office: Path, page: str) -> None:
    decision = write_list("ds.xls", page.encode("utf-8"))
    assert refused(decision).key == "sheet.web_page_named"
    vi = assert_refused_by_check(
        decision, "ds.xls: tệp ds.xls thực ra là một trang web (bảng HTML) mang đuôi .xls",
        "rồi ghi tên tệp .xlsx mới ở khóa 'danh_sach'",
    )  # fmt: skip
    assert "kiểu cũ" not in vi, vi


# --- 4. the old binary .xls keeps its message; other bytes are no spreadsheet ----------------


def test_an_old_binary_xls_keeps_its_message(office: Path) -> None:
    decision = write_list("ds.xls", OLE2_MAGIC + b"\xa1\xb1\x1a\xe1" + bytes(504))
    assert refused(decision).key == "sheet.xls_format"
    assert_refused_by_check(
        decision, "ds.xls: đây là tệp Excel kiểu cũ (.xls, định dạng nhị phân)",
        'soffice --headless --convert-to xlsx "ds.xls"',
    )  # fmt: skip


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b""], ids=["binary", "empty"])
def test_other_bytes_named_xls_are_said_to_be_no_spreadsheet(office: Path, data: bytes) -> None:
    decision = write_list("ds.xls", data)
    assert refused(decision).key == "sheet.no_spreadsheet_named"
    vi = assert_refused_by_check(
        decision, "ds.xls: tệp ds.xls mang đuôi .xls nhưng không phải tệp bảng tính",
        "rồi ghi tên tệp .xlsx mới ở dòng danh_sach",
    )  # fmt: skip
    assert "định dạng nhị phân) nên không đọc được" not in vi, vi


def test_a_text_export_whose_head_ends_inside_a_letter_is_read(office: Path) -> None:
    """The kind is told by the file's first 4096 bytes: they may end inside a letter's UTF-8
    bytes (here the "ệ" of a title line above the header, bytes 4094 to 4096), and are text."""
    title = "Danh sách khen thưởng".encode()
    title += b" " * (4094 - 1 - len(title)) + "Bệnh viện tỉnh\r\n".encode()
    assert title[4094:4097] == "ệ".encode()
    decision = write_list("ds.xls", title + text_table(ROWS).encode("utf-8"))
    assert loaded_names(decision) == NAMES
