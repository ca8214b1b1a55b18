"""Import of an existing register (.xlsx), export to .xlsx and .docx, and the round trip."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import Workbook

from pipeline.errors import InputError
from pipeline.register import Details, RegisterImportError, Status, open_register
from pipeline.register.checks import check_year
from pipeline.register.columns import FORM_COLUMNS
from pipeline.register.docx_export import export_docx
from pipeline.register.xlsx_export import export_xlsx
from pipeline.register.xlsx_import import import_xlsx, read_register_xlsx

AGENCY = "vp-ubnd"
HEADER = ["Số, ký hiệu\nvăn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
          "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
          "Ngày chuyển", "Ký nhận", "Ghi chú"]
GOOD_ROWS = [
    ["01/QĐ-VPUBND", datetime(2025, 1, 3), "Quyết định thành lập Hội đồng thi đua", "Lò Văn B",
     "Như Điều 3", "VT, TH", 8, datetime(2025, 1, 4), "Hà", None],
    None,  # a blank row, as clerks leave them
    ["02/KH-VPUBND", "06/01/2025", "Kế hoạch thi đua năm 2025", "Lò Văn B", "Các phòng",
     "VT", "12", None, None, "gửi qua mạng"],
    ["3", "07/01", "Báo cáo tháng 12", "Cầm Thị C", "UBND tỉnh", "VT, TH", 2, None, None, None],
    ["04/VPUBND-TH", datetime(2025, 1, 9), "V/v chuẩn bị hội nghị", "Cầm Thị C", "Sở Nội vụ",
     "VT", 1, None, None, None],
    None,
    None,
    ["07/QĐ-VPUBND", datetime(2025, 2, 1), "Quyết định khen thưởng", "Lò Văn B", "Như Điều 2",
     "VT", 4, None, None, None],
]
BAD_ROWS = [
    ["QĐ-VPUBND", datetime(2025, 2, 2), "Số bị bỏ trống", None, None, None, None, None, None,
     None],
    ["09/QĐ-VPUBND", "31/02/2025", "Ngày sai", None, None, None, None, None, None, None],
    ["10/TB-VPUBND", datetime(2025, 2, 3), "Số bản chữ", None, None, None, "ba", None, None,
     None],
    ["02/TB-VPUBND", datetime(2025, 2, 4), "Trùng số 02", None, None, None, None, None, None,
     None],
]


def office_sheet(path: Path, rows: list[list[object] | None],
                 numbering_after_blank: bool = False) -> Path:
    """A register as offices keep them: merged title rows, blank rows, header on row 7."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ đi 2025"
    sheet["A1"], sheet["F1"] = "UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet["A2"], sheet["F2"] = "VĂN PHÒNG", "Độc lập - Tự do - Hạnh phúc"
    sheet["A4"], sheet["A5"] = "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm 2025"
    for cells in ("A1:D1", "F1:J1", "A2:D2", "F2:J2", "A4:J4", "A5:J5"):
        sheet.merge_cells(cells)
    for column, title in enumerate(HEADER, start=1):
        sheet.cell(7, column, title)
    for column in range(1, 11):
        sheet.cell(8, column, f"({column})")
    for offset, row in enumerate(rows):
        for column, value in enumerate(row or [], start=1):
            sheet.cell(9 + offset, column, value)
    if numbering_after_blank:  # some sheets leave a blank row between the header and (1)...(10)
        sheet.insert_rows(8)
    book.create_sheet("Hướng dẫn")["A1"] = "Ghi sổ bằng bút mực xanh"
    book.save(path)
    return path


def test_bad_rows_are_named_and_nothing_is_imported(tmp_path: Path) -> None:
    path = office_sheet(tmp_path / "so-di-2025.xlsx", GOOD_ROWS + BAD_ROWS)
    with open_register(tmp_path / "so.sqlite3") as register:
        with pytest.raises(RegisterImportError) as caught:
            import_xlsx(register, AGENCY, path)
        assert register.entries(2025) == []
    first_bad = 9 + len(GOOD_ROWS)
    located = [(e.sheet, e.row, e.field, e.key) for e in caught.value.errors]
    assert located == [
        ("Sổ đi 2025", first_bad, "Số, ký hiệu văn bản", "register.bad_reference"),
        ("Sổ đi 2025", first_bad + 1, "Ngày tháng văn bản", "register.bad_date"),
        ("Sổ đi 2025", first_bad + 2, "Số lượng bản", "register.bad_copies"),
        ("Sổ đi 2025", first_bad + 3, "Số, ký hiệu văn bản", "register.duplicate_in_file"),
    ]
    message = caught.value.errors[3].message()
    assert "so-di-2025.xlsx" in message and f"dòng {first_bad + 3}" in message
    assert "dòng 11" in message  # the row that already has 02


def test_import_has_the_limits_of_an_award_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile register file is refused before openpyxl inflates or holds it: a part that
    would inflate past the limit (as a zip bomb's does), a sheet of too many rows, a file that
    is not a regular file. Nothing is recorded."""
    import pipeline.load.spreadsheet.limits as limits
    import pipeline.register.xlsx_import as xlsx_import

    path = office_sheet(tmp_path / "so-di-2025.xlsx", GOOD_ROWS)
    with open_register(tmp_path / "so.sqlite3") as register:
        with monkeypatch.context() as patch:
            patch.setattr(limits, "MAX_PART_BYTES", 2_000)
            with pytest.raises(InputError) as caught:
                import_xlsx(register, AGENCY, path)
            assert caught.value.key == "sheet.part_too_large"
            assert "so-di-2025.xlsx" in caught.value.message()
        with monkeypatch.context() as patch:
            patch.setattr(xlsx_import, "MAX_REGISTER_ROWS", 10)
            with pytest.raises(InputError) as caught:
                import_xlsx(register, AGENCY, path)
            assert caught.value.key == "register.too_many_rows"
            assert "Sổ đi 2025" in caught.value.message() and "10" in caught.value.message()
        with pytest.raises(InputError) as caught:
            import_xlsx(register, AGENCY, tmp_path)  # a folder
        assert caught.value.key == "data.not_regular_file"
        assert register.entries(2025) == []
        assert len(import_xlsx(register, AGENCY, path)) == 5  # within the limits: imported


@pytest.mark.parametrize("numbering_after_blank", [False, True])
def test_realistic_register_imports(tmp_path: Path, numbering_after_blank: bool) -> None:
    path = office_sheet(tmp_path / "so-di-2025.xlsx", GOOD_ROWS, numbering_after_blank)
    with open_register(tmp_path / "so.sqlite3") as register:
        entries = import_xlsx(register, AGENCY, path)
        assert [e.reference for e in entries] == [
            "01/QĐ-VPUBND", "02/KH-VPUBND", "03", "04/VPUBND-TH", "07/QĐ-VPUBND"]
        first, second, third = entries[:3]
        assert first.details.transfer_date == date(2025, 1, 4) and first.details.copies == 8
        assert second.details.copies == 12 and second.details.note == "gửi qua mạng"
        assert third.details.doc_date == date(2025, 1, 7)  # "07/01" under "Năm 2025"
        assert entries[3].details.type_code == "CV"
        assert all(e.status is Status.ISSUED for e in entries)
        # the counter follows the imported numbers; 05 and 06 are reported as missing
        assert register.allocate(AGENCY, Details(doc_date=date(2025, 2, 3))).number == 8
        assert [(g.start, g.end) for g in check_year(register, 2025).gaps] == [(5, 6)]


def test_import_refuses_a_number_the_register_holds(tmp_path: Path) -> None:
    path = office_sheet(tmp_path / "so.xlsx", GOOD_ROWS)
    with open_register(tmp_path / "so.sqlite3") as register:
        register.record(AGENCY, 4, Details(doc_date=date(2025, 1, 9), summary="đã có"))
        with pytest.raises(RegisterImportError) as caught:
            import_xlsx(register, AGENCY, path)
        error = caught.value.errors[0]
        assert error.row == 13 and "đã có" in error.message()
        assert len(register.entries(2025)) == 1


def _data(entries: list) -> list[tuple]:
    return [(e.agency, e.year, e.sequence, e.number, e.status, e.details, e.void_reason, e.source)
            for e in entries]


def test_import_export_import_round_trips(location: str, tmp_path: Path) -> None:
    source = office_sheet(tmp_path / "so-di-2025.xlsx", GOOD_ROWS)
    with open_register(location) as register:
        import_xlsx(register, AGENCY, source)
        register.void(AGENCY, 2025, 5, "số bỏ trống trong sổ giấy")
        register.reserve(AGENCY, Details(note="cho Chủ tịch"), year=2025)
        register.record(AGENCY, 1, Details(doc_date=date(2025, 3, 1), symbol="QĐ-VPUBND"),
                        sequence="quyet-dinh", open_run=True)
        rendered = register.allocate(AGENCY, Details(doc_date=date(2025, 3, 2)), source="a.yaml")
        register.void_entry(rendered, "lỗi khi ghi tệp")
        register.allocate(AGENCY, Details(doc_date=date(2025, 3, 2)), source="a.yaml")
        before = register.entries(2025)
    exported = export_xlsx(before, 2025, tmp_path / "xuat.xlsx")
    with open_register(tmp_path / "again.sqlite3") as again:
        import_xlsx(again, AGENCY, exported)
        after = again.entries(2025)
    assert _data(after) == _data(before)
    assert [e.source for e in after if e.source] == ["a.yaml", "a.yaml"]  # void, then live
    assert read_register_xlsx(exported)[0].sheet == "chung"


def test_docx_export_is_the_printable_form(tmp_path: Path) -> None:
    with open_register(tmp_path / "so.sqlite3") as register:
        import_xlsx(register, AGENCY, office_sheet(tmp_path / "so.xlsx", GOOD_ROWS))
        register.void(AGENCY, 2025, 5, "in hỏng")
        entries = register.entries(2025)
    path = export_docx(entries, 2025, tmp_path / "so-2025.docx", "Văn phòng UBND tỉnh")
    document = Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert document.styles["Normal"].font.name == "Times New Roman"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [c.title for c in FORM_COLUMNS]
    assert [c.text for c in table.rows[1].cells] == [f"({i})" for i in range(1, 11)]
    for header in table.rows[:2]:  # repeated on every page
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    body = [[c.text for c in row.cells] for row in table.rows[2:]]
    assert len(body) == 6
    assert body[0][:3] == ["01/QĐ-VPUBND", "03/01/2025", "Quyết định thành lập Hội đồng thi đua"]
    assert body[4][0] == "05" and body[4][9] == "Hủy số: in hỏng"
    assert round(table.columns[2].cells[0].width.cm, 2) == 5.1
    assert "Văn phòng UBND tỉnh" in document.paragraphs[2].text


def test_a_workbook_without_a_register_header_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active["A1"] = "Danh sách cán bộ"
    book.active.append(["STT", "Họ và tên", "Chức vụ"])
    book.save(tmp_path / "khac.xlsx")
    with pytest.raises(InputError) as caught:
        read_register_xlsx(tmp_path / "khac.xlsx")
    assert caught.value.key == "register.no_header" and "khac.xlsx" in caught.value.message()
    (tmp_path / "hong.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="hong.xlsx"):
        read_register_xlsx(tmp_path / "hong.xlsx")
