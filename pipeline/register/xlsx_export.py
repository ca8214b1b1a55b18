"""Xuất sổ ra .xlsx: one sheet per sequence, the form's columns, then status columns.

The form's ten columns are what prints: Ghi chú says a void or reserved number as the .docx
and `so xem` do ("Hủy số: lý do"), and the print area stops at Ghi chú, on A4 landscape one
page wide with the header rows on every page. The columns after it (Dãy số, Trạng thái, Lý do
hủy, Tệp nguồn, Chức danh người ký) are for `so nhap` to read the file back as it was.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.register.columns import (
    EXTRA_COLUMNS,
    FORM_COLUMNS,
    STATUS_WORDS,
    by_sequence,
    printed_note,
    recipients_as_read,
)
from pipeline.register.model import Entry
from pipeline.register.steady import register_time, steady
from pipeline.register.texts import printable
from pipeline.render.output import write_atomic

TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
HEADER_ROW = 4
DATE_FORMAT = "DD/MM/YYYY"
FONT = "Times New Roman"  # as the printed .docx (docx_export)
_thin = Side(style="thin")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _cell_value(entry: Entry, key: str) -> object:
    """What the cell of `entry`'s `key` column holds; a text as a sheet can hold it (a control
    character of a row written before the register checked its texts, as its code)."""
    value = _value(entry, key)
    return printable(value) if isinstance(value, str) else value


def _value(entry: Entry, key: str) -> object:
    if key == "reference":
        return entry.reference
    if key == "sequence":
        return entry.sequence
    if key == "status":
        return STATUS_WORDS[entry.status]
    if key == "void_reason":
        return entry.void_reason
    if key == "source":
        return entry.source
    if key == "note":
        return printed_note(entry) or None
    if key == "recipients":
        return recipients_as_read(entry.details.recipients or "") or None
    return getattr(entry.details, key)


def _sheet_name(agency: str, sequence: str, several_agencies: bool) -> str:
    name = printable(f"{agency} {sequence}" if several_agencies else sequence)
    for bad in "[]:*?/\\":
        name = name.replace(bad, "-")
    return name[:31]


def _page_setup(sheet: Worksheet, last_row: int) -> None:
    """Print the form alone: columns A to Ghi chú (the extra columns stay outside the print
    area), A4 landscape, one page wide, the header and "(1) ... (10)" rows on every page."""
    sheet.print_area = f"A1:{get_column_letter(len(FORM_COLUMNS))}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    # The .docx's margins (docx_export): 1 cm at the sides, 1.5 cm top and bottom, in inches.
    sheet.page_margins.left = sheet.page_margins.right = 1 / 2.54
    sheet.page_margins.top = sheet.page_margins.bottom = 1.5 / 2.54


def workbook_bytes(entries: list[Entry], year: int,
                   names: Mapping[str, str] | None = None) -> bytes:
    """The year's register as an .xlsx file's bytes, the same for the same rows (steady); each
    office is named by `names` (id → the agency's name, offices.office_names), else by its
    id."""
    groups = by_sequence(entries)
    several = len({agency for agency, _ in groups}) > 1
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    columns = FORM_COLUMNS + EXTRA_COLUMNS
    last = get_column_letter(len(FORM_COLUMNS))
    for (agency, sequence), rows in sorted(groups.items()):
        sheet = book.create_sheet(_sheet_name(agency, sequence, several))
        sheet["A1"] = TITLE
        sheet["A2"] = f"Năm {year}"
        sheet["A3"] = printable(
            f"Cơ quan: {(names or {}).get(agency) or agency} — dãy số: {sequence}")
        for row in (1, 2, 3):
            sheet.merge_cells(f"A{row}:{last}{row}")
            sheet[f"A{row}"].alignment = Alignment(horizontal="center")
            sheet[f"A{row}"].font = Font(name=FONT, bold=row == 1, size=14 if row == 1 else 12)
        for index, column in enumerate(columns, start=1):
            head = sheet.cell(HEADER_ROW, index, column.title)
            head.font = Font(name=FONT, bold=True)
            head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            head.border = _BORDER
            numbered = sheet.cell(HEADER_ROW + 1, index, f"({index})")
            numbered.alignment = Alignment(horizontal="center")
            numbered.font = Font(name=FONT)
            numbered.border = _BORDER
            sheet.column_dimensions[get_column_letter(index)].width = column.xlsx_width
        for offset, entry in enumerate(rows):
            for index, column in enumerate(columns, start=1):
                cell = sheet.cell(HEADER_ROW + 2 + offset, index, _cell_value(entry, column.key))
                cell.border = _BORDER
                cell.font = Font(name=FONT)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if column.key in ("doc_date", "transfer_date"):
                    cell.number_format = DATE_FORMAT
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 2, 1)
        _page_setup(sheet, HEADER_ROW + 1 + len(rows))
    if not book.sheetnames:
        book.create_sheet("chung")
    buffer = io.BytesIO()
    book.save(buffer)
    # The same register, the same bytes: no time of saving in the file (steady).
    return steady(buffer.getvalue(), register_time(entries))


def export_xlsx(entries: list[Entry], year: int, path: Path,
                names: Mapping[str, str] | None = None) -> Path:
    """Write the year's register to `path` (.xlsx), atomically."""
    write_atomic(path, workbook_bytes(entries, year, names))
    return path
