"""s49: what `vanthu so` takes in, and what `so xuat` gives out of a register holding anything.

1. `so cap` / `so vao-so` stored --trich-yeu and --ky-hieu as typed: a vertical tab (Shift+Enter
   pasted from Word), TCVN3 text ("VÒ viÖc ...", ký hiệu "Q§-UBND"), NFD text. The year could
   then not be exported (.xlsx: IllegalCharacterError; .docx: "All strings must be XML
   compatible"). The text options now pass the text gate and the legacy-font check as a data
   file's text does, refused naming the option, and are kept in NFC; an old register's row
   holding such a character is exported with it as its code ("[U+000B]"), the row and column
   said on stderr (the clerk has no command to correct a row: a refusal would lock the year).
2. `so nhap` took any Trạng thái it did not know ("đã huỷ", "Hủy", "lung tung") for đã cấp,
   even beside a Lý do hủy, and imported TCVN3/VNI text and a formula without a stored result
   (an empty trích yếu). Statuses are compared as spelt (tone placement, case aside), with
   their short forms; any other is refused at its row; imported texts pass the same checks as
   typed ones; an uncomputed formula is refused naming its cell.
3. `so cap --ngay 01/01/1800` numbered in a year `so xem` refuses; `so vao-so` of a 20-figure
   number (or 3000000000 on PostgreSQL) and `so nhap` of 1e300 copies ended in internal errors.
   Dates are held to FIRST_YEAR..LAST_YEAR, numbers to MAX_NUMBER, copies to MAX_COPIES.
4. `so xuat -o` below a folder the user may not enter: vanthu's internal error (PermissionError);
   now the usual message of an output folder that cannot take a file, exit 1.
5. "Imported 1 rows".
"""

from __future__ import annotations

import errno
import os
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook

from pipeline.cli import main
from pipeline.model.base import FIRST_YEAR, LAST_YEAR
from pipeline.register import Details, Status, open_register
from pipeline.register.errors import RegisterError
from pipeline.register.model import MAX_COPIES, MAX_NUMBER
from pipeline.register.store import Register
from pipeline.register.texts import RefusedText, checked, legacy_symbol, printable
from tests.cli_lines import said
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)

OFFICE = "vp"
# The columns `so xuat` writes, so that `so nhap` reads a file as vanthu's own export.
HEADER = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung",
          "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
          "Ngày chuyển", "Ký nhận", "Ghi chú", "Dãy số", "Trạng thái", "Lý do hủy", "Tệp nguồn",
          "Chức danh người ký"]
# The columns of HEADER by name, for a row's values (row()).
COLUMN = {"summary": 2, "signer": 3, "copies": 6, "note": 9, "status": 11, "reason": 12}


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)
    monkeypatch.chdir(tmp_path)


def so(*args: str, lang: str = "vi") -> Result:
    """`vanthu --lang LANG so --co-quan vp ARGS` in the test's folder (its own register)."""
    return CliRunner().invoke(main, ["--lang", lang, "so", "--co-quan", OFFICE, *args])


def stored(column: str = "summary") -> list[tuple[int, Any]]:
    """(number, `column`) of the rows of the test folder's register file."""
    path = Path("so-van-ban.sqlite3")
    if not path.exists():
        return []
    with closing(sqlite3.connect(path)) as connection:
        query = f"SELECT number, {column} FROM entries ORDER BY number"
        return connection.execute(query).fetchall()


def cap(*extra: str, lang: str = "vi", day: str = "03/02/2026", symbol: str = "UBND-VP",
        summary: str = "Báo cáo tháng 01") -> Result:
    return so("cap", "--ngay", day, "--ky-hieu", symbol, "--trich-yeu", summary, *extra,
              lang=lang)


def row(number: str, **cells: Any) -> list[Any]:
    """A row of a vanthu export: number, 04/02/2026, a trích yếu; `cells` by COLUMN's names."""
    values: list[Any] = [number, datetime(2026, 2, 4), "Thử hai", *[None] * 7, "chung", "đã cấp",
                         None, None, None]
    for name, value in cells.items():
        values[COLUMN[name]] = value
    return values


def sheet(path: Path, *rows: list[Any]) -> Path:
    """An .xlsx as `so xuat` writes one (title rows, the header, "(1) ... (15)"), with `rows`."""
    book = Workbook()
    page = book.active
    page.title = "chung"
    page.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI"])
    page.append(["Năm 2026"])
    page.append(["Cơ quan: vp — dãy số: chung"])
    page.append(HEADER)
    page.append([f"({i})" for i in range(1, len(HEADER) + 1)])
    for values in rows:
        page.append(values)
    book.save(path)
    return path


# --- 1. the text options pass the text gate ------------------------------------------------


def test_a_control_character_in_trich_yeu_is_refused_naming_the_option() -> None:
    result = cap(summary="Báo cáo tháng 01\vnăm 2026")
    assert result.exit_code == 1
    text = said(result)
    assert "--trich-yeu: có ký tự không in được U+000B" in text, text
    assert "chưa ghi gì vào sổ" in text
    assert stored() == []
    english = said(cap(summary="Báo cáo\vnăm 2026", lang="en"))
    assert "--trich-yeu: contains the unprintable character U+000B" in english, english
    assert "nothing was written" in english


@pytest.mark.parametrize(("option", "value", "fixed"), [
    ("--trich-yeu", "VÒ viÖc tæ chøc héi nghÞ", "Về việc tổ chức hội nghị"),
    ("--ky-hieu", "Q§-UBND", "QĐ-UBND"),  # TCVN3's Đ is byte 0xA7, §
    ("--nguoi-ky", "NguyÔn V¨n A", "Nguyễn Văn A"),
])
def test_text_typed_with_a_legacy_font_is_refused_with_its_unicode(
    option: str, value: str, fixed: str
) -> None:
    result = so("cap", "--ngay", "03/02/2026", "--ky-hieu", "UBND-VP", "--trich-yeu",
                "Báo cáo", option, value)  # given last: the one Click keeps
    assert result.exit_code == 1
    text = said(result)
    assert f"{option}: văn bản có vẻ gõ bằng bảng mã TCVN3" in text, text
    assert f"«{fixed}»" in text
    assert stored() == []


def test_a_vni_ky_hieu_is_refused_by_vao_so_too() -> None:
    result = so("vao-so", "05", "--ngay", "04/02/2026", "--ky-hieu", "QÑ-UBND", "--trich-yeu",
                "Về việc", "--bo-qua-so", lang="en")
    assert result.exit_code == 1
    text = said(result)
    assert "--ky-hieu: the text looks like VNI" in text and "«QĐ-UBND»" in text, text


def test_nfd_text_is_kept_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Về việc tổ chức hội nghị")
    result = cap(summary=decomposed)
    assert result.exit_code == 0, said(result)
    assert stored() == [(1, "Về việc tổ chức hội nghị")]
    assert unicodedata.is_normalized("NFC", stored()[0][1])


@pytest.mark.parametrize("args", [
    ("--day", "a\x0bb"),
    ("--nguon", "qd\x01.yaml"),
    ("--ghi-chu", "x\x07"),
    ("--noi-nhan", "Như trên 🌸"),
])
def test_every_text_option_is_gated(args: tuple[str, str]) -> None:
    result = cap(*args)
    assert result.exit_code == 1
    assert f"{args[0]}: " in said(result)
    assert stored() == []


def test_a_void_reason_is_gated() -> None:
    assert cap().exit_code == 0
    result = so("huy", "01", "--nam", "2026", "--ly-do", "in\x0bsai")
    assert result.exit_code == 1
    assert "--ly-do: có ký tự không in được U+000B" in said(result)
    assert stored("status") == [(1, "issued")]


def test_legacy_symbol_reads_only_a_part_that_is_no_abbreviation() -> None:
    assert legacy_symbol("Q§-UBND") == ("tcvn3", "QĐ-UBND")
    assert legacy_symbol("2026/NQ-H§ND") == ("tcvn3", "2026/NQ-HĐND")
    assert legacy_symbol("QÑ-UBND") == ("vni", "QĐ-UBND")
    for unicode in ("QĐ-UBND", "TTr-UBND", "NQ-HĐND", "KH-BCĐ", "UBND-VP", "QĐ-UBND&HĐND"):
        assert legacy_symbol(unicode) is None, unicode


def test_checked_keeps_line_breaks_and_refuses_a_stray_mark() -> None:
    assert checked("- Như trên;\r\n- Lưu: VT") == "- Như trên;\n- Lưu: VT"
    with pytest.raises(RefusedText) as refused:
        checked("pho\u0300\u0300ng")
    assert refused.value.reason.key == "data.stray_mark"


# --- 1. an old register's bad row is exported with its character as its code ---------------


def old_register() -> None:
    """Rows an older vanthu stored as typed (the register's API takes any text)."""
    with open_register("so-van-ban.sqlite3") as register:
        for details, sequence in (
            (Details(doc_date=date(2026, 2, 3), symbol="UBND-VP",
                     summary="Báo cáo tháng 01\vnăm 2026", note="a\x01b"), None),
            (Details(doc_date=date(2026, 2, 4), symbol="UBND-VP", summary="Kế hoạch"), "a\x0bb"),
        ):
            register.confirm(register.allocate(OFFICE, details, sequence=sequence, open_run=True))


def test_an_old_registers_control_characters_are_exported_as_their_code(tmp_path: Path) -> None:
    old_register()
    result = so("xuat", "2026", "-o", "so.xlsx")
    assert result.exit_code == 0
    text = said(result)
    assert ("số 01/UBND-VP năm 2026, cột 'Tên loại và trích yếu nội dung': có ký tự không in "
            "được U+000B") in text, text
    assert "cột 'Ghi chú': có ký tự không in được U+0001" in text
    assert "cột 'Dãy số': có ký tự không in được U+000B" in text
    book = load_workbook(tmp_path / "so.xlsx")
    cells = [cell.value for page in book for line in page.iter_rows() for cell in line]
    assert "Báo cáo tháng 01[U+000B]năm 2026" in cells
    assert "a[U+0001]b" in cells
    assert any(isinstance(c, str) and c.endswith("dãy số: a[U+000B]b") for c in cells), cells
    english = so("xuat", "2026", "-o", "so.docx", lang="en")
    assert english.exit_code == 0
    assert "column 'Tên loại và trích yếu nội dung': holds the unprintable character U+000B" in (
        said(english))
    printed = docx.Document(str(tmp_path / "so.docx"))
    texts = [cell.text for table in printed.tables for line in table.rows for cell in line.cells]
    assert "Báo cáo tháng 01[U+000B]năm 2026" in texts


def test_printable_shows_each_refused_character_and_keeps_the_rest() -> None:
    assert printable("a\vb\x01c") == "a[U+000B]b[U+0001]c"
    assert printable("Như trên\r\nLưu: VT\tx") == "Như trên\nLưu: VT\tx"
    assert printable("Về việc") == "Về việc"


# --- 2. so nhap: statuses, texts, formulas --------------------------------------------------


@pytest.mark.parametrize(("word", "status"), [
    ("đã huỷ", "void"), ("Hủy", "void"), ("ĐÃ HỦY", "void"), ("hủy số", "void"),
    ("Giữ", "reserved"), ("giữ số", "reserved"), ("Đã cấp", "issued"), ("cấp", "issued"),
    ("đang cấp", "pending"),
])
def test_a_status_is_read_as_spelt_with_its_short_forms(
    tmp_path: Path, word: str, status: str
) -> None:
    reason = "in hỏng" if status == "void" else None
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", status=word, reason=reason))
    result = so("nhap", str(path))
    assert result.exit_code == 0, said(result)
    assert stored("status") == [(1, status)]


def test_an_unknown_status_is_refused_at_its_row_and_column(tmp_path: Path) -> None:
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP"), row("02/UBND-VP", status="lung tung"))
    result = so("nhap", str(path))
    assert result.exit_code == 1
    text = said(result)
    assert ("trang tính 'chung', dòng 7, trường 'Trạng thái': trạng thái 'lung tung' không "
            "rõ") in text, text
    assert stored() == []


def test_a_void_reason_beside_another_status_is_refused_and_alone_voids(tmp_path: Path) -> None:
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", status="đã cấp", reason="in hỏng"))
    result = so("nhap", str(path), lang="en")
    assert result.exit_code == 1
    assert "the status is 'đã cấp' but the Lý do hủy column says 'in hỏng'" in said(result)
    alone = sheet(tmp_path / "alone.xlsx", row("01/UBND-VP", status=None, reason="in hỏng"))
    assert so("nhap", str(alone)).exit_code == 0
    assert stored("status") == [(1, "void")]
    assert stored("void_reason") == [(1, "in hỏng")]


@pytest.mark.parametrize(("summary", "encoding"), [
    ("VÒ viÖc tæ chøc héi nghÞ tæng kÕt", "TCVN3"),
    ("Veà vieäc toå chöùc hoäi nghò toång keát", "VNI"),
])
def test_imported_legacy_text_is_refused_at_its_cell(
    tmp_path: Path, summary: str, encoding: str
) -> None:
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", summary=summary))
    result = so("nhap", str(path))
    assert result.exit_code == 1
    text = said(result)
    assert "dòng 6, trường 'Tên loại và trích yếu nội dung'" in text, text
    assert f"bảng mã {encoding}" in text and "«Về việc tổ chức hội nghị tổng kết»" in text
    assert stored() == []


def test_imported_text_passes_the_gate_and_is_kept_in_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Về việc")
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", summary=decomposed),
                 row("02/UBND-VP", note="xem \u202eabc"))
    result = so("nhap", str(path))
    assert result.exit_code == 1
    assert "dòng 7, trường 'Ghi chú': có ký tự không in được U+202E" in said(result)
    fine = sheet(tmp_path / "fine.xlsx", row("01/UBND-VP", summary=decomposed))
    assert so("nhap", str(fine)).exit_code == 0
    assert stored() == [(1, "Về việc")]


def test_a_formula_without_a_stored_result_is_refused_naming_its_cell(tmp_path: Path) -> None:
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", summary="=1+1"))
    result = so("nhap", str(path))
    assert result.exit_code == 1
    text = said(result)
    assert "trường 'Tên loại và trích yếu nội dung': ô C6 chứa công thức =1+1" in text, text
    assert stored() == []


def test_a_formula_excel_computed_is_read_as_its_value(tmp_path: Path) -> None:
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", summary="=1+1"))
    # What Excel writes: the formula and its result, which openpyxl cannot compute.
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    part = "xl/worksheets/sheet1.xml"
    parts[part] = parts[part].replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
    assert b"<v>2</v>" in parts[part]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = so("nhap", str(path))
    assert result.exit_code == 0, said(result)
    assert stored() == [(1, "2")]


# --- 3. years, numbers and copies within bounds ---------------------------------------------


@pytest.mark.parametrize("day", ["01/01/1800", "01/01/0001", "2101-01-01"])
def test_a_date_of_a_year_no_register_is_of_is_refused(day: str) -> None:
    result = cap(day=day)
    assert result.exit_code == 1
    text = said(result)
    assert f"--ngay: năm của ngày '{day}' không hợp lý" in text, text
    assert f"từ {FIRST_YEAR} đến {LAST_YEAR}" in text
    assert stored() == []


def test_a_year_no_register_is_of_is_refused_by_the_register_itself(tmp_path: Path) -> None:
    with open_register(tmp_path / "r.sqlite3") as register:
        with pytest.raises(RegisterError) as refused:
            register.allocate(OFFICE, Details(doc_date=date(1800, 1, 1), symbol="UBND-VP"))
        assert refused.value.key == "register.bad_year"
    with pytest.raises(RegisterError):
        Register.year_of(Details(), 2101)


def test_an_imported_date_of_another_century_is_refused_at_its_row(tmp_path: Path) -> None:
    dated = row("01/UBND-VP")
    dated[1] = datetime(1800, 2, 4)
    path = sheet(tmp_path / "so.xlsx", dated)
    result = so("nhap", "--nhieu-nam", str(path))
    assert result.exit_code == 1
    text = said(result)
    assert "dòng 6, trường 'Ngày tháng văn bản': năm của ngày '04/02/1800'" in text, text


@pytest.mark.parametrize("number", ["99999999999999999999", "3000000000", str(MAX_NUMBER + 1)])
def test_a_number_past_the_bound_is_refused_on_either_backend(
    location: str, number: str  # noqa: F811  (fixture)
) -> None:
    result = CliRunner().invoke(main, [
        "--lang", "vi", "so", "--db", location, "--co-quan", OFFICE, "vao-so", number,
        "--ngay", "01/06/2026", "--ky-hieu", "QĐ-UBND", "--trich-yeu", "Gõ nhầm",
        "--bo-qua-so"])
    assert result.exit_code == 1
    text = said(result)
    assert f"số văn bản {number} quá lớn" in text and f"nhiều nhất {MAX_NUMBER}" in text, text
    with open_register(location) as register:
        assert register.entries(2026) == []


def test_the_highest_number_is_taken_and_none_is_given_after_it(
    location: str,  # noqa: F811  (fixture)
) -> None:
    with open_register(location) as register:
        details = Details(doc_date=date(2026, 6, 1), symbol="QĐ-UBND", summary="Cuối")
        assert register.record(OFFICE, MAX_NUMBER, details).number == MAX_NUMBER
        with pytest.raises(RegisterError) as refused:
            register.allocate(OFFICE, details)
        assert refused.value.key == "register.number_too_large"
        with pytest.raises(RegisterError) as refused:
            register.reserve(OFFICE, details, count=3_000_000_000)
        assert refused.value.key == "register.count_too_large"
        assert [e.number for e in register.entries(2026)] == [MAX_NUMBER]
        assert register.counters(2026)[(OFFICE, "chung")] == MAX_NUMBER  # not moved past it


def test_the_number_bound_is_the_one_a_data_file_types() -> None:
    from pipeline.model.document import Number

    bound = next(limit.le for field in Number.__metadata__ for limit in field.metadata
                 if hasattr(limit, "le"))
    assert bound == MAX_NUMBER


def test_too_many_copies_are_refused_typed_or_imported(tmp_path: Path) -> None:
    result = cap("--so-ban", "99999999999999999999")
    assert result.exit_code == 1
    assert "--so-ban: số lượng bản 99999999999999999999 quá lớn" in said(result)
    english = cap("--so-ban", str(MAX_COPIES + 1), lang="en")
    assert f"--so-ban: {MAX_COPIES + 1} copies is too many" in said(english)
    path = sheet(tmp_path / "so.xlsx", row("01/UBND-VP", copies=1e300))
    imported = so("nhap", str(path))
    assert imported.exit_code == 1
    assert "dòng 6, trường 'Số lượng bản': số lượng bản 1e+300 quá lớn" in said(imported)
    assert stored() == []


# --- 4. an output folder the user may not enter ---------------------------------------------


def _refusing(real: Callable[..., Any], inside: str) -> Callable[..., Any]:
    """`real` (os.stat ...), raising EACCES for a path below `inside`, as the kernel does for
    a folder without search permission (the tests run as root, whom a mode does not stop)."""

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(path, (str, bytes, os.PathLike)):
            name = os.path.abspath(os.fsdecode(path))
            if name.startswith(inside):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
        return real(path, *args, **kwargs)

    return guarded


def test_an_output_below_a_folder_not_to_be_entered_is_said_as_any_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cap().exit_code == 0
    locked = tmp_path / "locked"
    (locked / "sub").mkdir(parents=True)
    inside = os.path.abspath(locked) + os.sep
    for name in ("stat", "lstat", "open", "mkdir"):
        monkeypatch.setattr(os, name, _refusing(getattr(os, name), inside))
    for lang, words in (("vi", "không ghi được tệp kết quả vào thư mục"),
                        ("en", "cannot write output files into the folder")):
        result = so("xuat", "2026", "-o", str(locked / "sub" / "so.xlsx"), lang=lang)
        assert result.exit_code == 1
        text = said(result)
        assert words in text and str(locked) in text, text


# --- 5. one row, several rows ----------------------------------------------------------------


def test_one_row_is_said_as_one(tmp_path: Path) -> None:
    one = sheet(tmp_path / "one.xlsx", row("01/UBND-VP"))
    assert "Imported 1 row from" in said(so("nhap", str(one), lang="en"))
    assert "Register 2026: 1 row, no gaps" in said(so("kiem-tra", "2026", lang="en"))
    two = sheet(tmp_path / "two.xlsx", row("02/UBND-VP"), row("03/UBND-VP"))
    assert "Imported 2 rows from" in said(so("nhap", str(two), lang="en"))
    assert "Đã nhập 1 dòng" in said(so("--db", "khac.sqlite3", "nhap", str(one)))
    assert Status.ISSUED.value == stored("status")[0][1]
