"""In sổ: the year's register as a printable .docx in the form of Phụ lục IV.

A4 landscape, Times New Roman, one table per sequence with the form's ten columns; the header
row and the "(1) ... (10)" row repeat on every page (w:tblHeader), rows never split across pages.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from pipeline.register.columns import FORM_COLUMNS, by_sequence, printed_cell
from pipeline.register.model import Entry
from pipeline.register.steady import register_time, steady
from pipeline.register.texts import printable
from pipeline.render.output import write_atomic

FONT = "Times New Roman"
TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"


def _repeat_and_keep(row: object, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    no_split = OxmlElement("w:cantSplit")
    properties.append(no_split)
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _set_font(document: object) -> None:
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name = FONT
    style.font.size = Pt(11)  # the table's size: a register row should fit one or two lines
    fonts = style.element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(0)


def document_bytes(entries: list[Entry], year: int, agency_name: str | None = None, *,
                   names: Mapping[str, str] | None = None) -> bytes:
    """The printable register of a year as .docx bytes, the same for the same rows (steady);
    each office is named by `names` (id → the agency's name, offices.office_names), else by
    `agency_name`, else by its id."""
    document = Document()
    _set_font(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.0)
    section.top_margin = section.bottom_margin = Cm(1.5)
    groups = by_sequence(entries)
    if not groups:
        groups[(agency_name or "", "chung")] = []
    for index, ((agency, sequence), rows) in enumerate(sorted(groups.items())):
        if index:
            document.add_page_break()
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(TITLE)
        run.bold, run.font.size = True, Pt(14)
        sub = document.add_paragraph()
        sub.add_run(f"Năm {year}").font.size = Pt(13)
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        where = document.add_paragraph()
        shown = (names or {}).get(agency) or agency_name or agency
        where.add_run(printable(f"{shown} — dãy số: {sequence}")).font.size = Pt(13)
        where.alignment = WD_ALIGN_PARAGRAPH.CENTER
        where.paragraph_format.space_after = Pt(6)
        table = document.add_table(rows=2, cols=len(FORM_COLUMNS))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for position, column in enumerate(FORM_COLUMNS):
            for header_row, text in ((0, column.title), (1, f"({position + 1})")):
                cell = table.rows[header_row].cells[position]
                cell.text = text
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.runs[0].bold = header_row == 0
        for header_row in table.rows[:2]:
            _repeat_and_keep(header_row, header=True)
        for entry in rows:
            cells = table.add_row().cells
            for position, column in enumerate(FORM_COLUMNS):
                # A control character of a row written before the register checked its
                # texts, which no .docx can hold, as its code (texts.printable).
                cells[position].text = printable(printed_cell(entry, column.key))
        for row in table.rows[2:]:
            _repeat_and_keep(row, header=False)
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        for position, column in enumerate(FORM_COLUMNS):
            table.columns[position].width = Cm(column.width_cm)
            for cell in table.columns[position].cells:
                cell.width = Cm(column.width_cm)
    buffer = io.BytesIO()
    document.save(buffer)
    # The same register, the same bytes: no time of saving in the file (steady).
    return steady(buffer.getvalue(), register_time(entries))


def export_docx(entries: list[Entry], year: int, path: Path,
                agency_name: str | None = None, *, names: Mapping[str, str] | None = None) -> Path:
    """Write the printable register of a year to `path` (.docx), atomically."""
    write_atomic(path, document_bytes(entries, year, agency_name, names=names))
    return path
