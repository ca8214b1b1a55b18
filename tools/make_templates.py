"""Write the first version of the .docx templates under templates/.

The templates are the source of truth once they exist: a maintainer edits them in Word or
LibreOffice. This script only records how the first version was laid out (styles with the
Nghị định 30/2020 values, the shared blocks, the page set-up) so it can be rebuilt from scratch:
    python tools/make_templates.py            # writes templates/ (overwrites!)
Each template gets the same styles so it looks right when opened on its own; at render time the
styles, page set-up and page-number headers of templates/khung.docx are used for every type.
"""

from __future__ import annotations

import io
import math
import re
import sys
import zipfile
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Emu, Mm, Pt, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from pipeline.ooxml_names import DOCUMENT_LANGUAGE, TABLE_PROPERTIES
from pipeline.render.compose import COLLAPSED_BREAK
from pipeline.rules.metrics import widest_twips

ROOT = Path(__file__).resolve().parents[1] / "templates"
FONT = "Times New Roman"
LANGUAGE = DOCUMENT_LANGUAGE  # the documents' language (w:lang): Word proofs the text in it
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Page set-up (Phụ lục I): A4, margins top/bottom 20 mm, left 30 mm, right 15 mm.
PAGE_W, PAGE_H = Mm(210), Mm(297)


def mm(value: float) -> Twips:
    """Millimetres rounded up to whole twips, so a margin never falls below the decree's."""
    return Twips(math.ceil(value * 1440 / 25.4))


MARGINS = {"top": mm(20), "bottom": mm(20), "left": mm(30), "right": mm(15)}
HEADER_DISTANCE = Mm(10)
TEXT_WIDTH = int(PAGE_W - MARGINS["left"] - MARGINS["right"])
LANDSCAPE_TEXT_WIDTH = int(PAGE_H - MARGINS["left"] - MARGINS["right"])

J = WD_ALIGN_PARAGRAPH
# Kính gửi as a list: the word starts KINH_GUI_HANG before the lines, which stand at KINH_GUI_LEFT.
KINH_GUI_LEFT, KINH_GUI_HANG = Mm(55), Mm(25)
# "- " at 14 pt in Times New Roman (pipeline.rules.metrics: 8.16 pt): a recipient's wrapped lines
# stand under its text, not under its dash.
KINH_GUI_DASH = Twips(163)
# name: (size pt, bold, italic, alignment, first-line indent, space before, space after, extra)
PARAGRAPH_STYLES: dict[str, tuple[float, bool, bool, object, object, float, float, dict]] = {
    "QuocHieu": (12, True, False, J.CENTER, None, 0, 0, {}),
    "TieuNgu": (13, True, False, J.CENTER, None, 0, 0, {}),
    "CoQuanChuQuan": (12, False, False, J.CENTER, None, 0, 0, {}),
    "CoQuanBanHanh": (12, True, False, J.CENTER, None, 0, 0, {}),
    "DuongKe": (6, False, False, J.CENTER, None, 0, 0, {"exact": 4}),
    "DuongKeTrichYeu": (6, False, False, J.CENTER, None, 0, 12, {"exact": 4}),
    "SoKyHieu": (13, False, False, J.CENTER, None, 4, 0, {}),
    "TrichYeuCongVan": (12, False, False, J.CENTER, None, 6, 0, {}),
    "DiaDanhNgay": (14, False, True, J.CENTER, None, 6, 0, {}),
    "TenLoai": (14, True, False, J.CENTER, None, 24, 0, {"keep_next": True}),
    "TrichYeu": (14, True, False, J.CENTER, None, 0, 0, {"keep_next": True}),
    "ThamQuyenBanHanh": (14, True, False, J.CENTER, None, 12, 6, {"keep_next": True}),
    # Kính gửi: one recipient centred on the line, or "Kính gửi:" then "- ...;" lines aligned.
    "KhoangCach": (14, False, False, J.LEFT, None, 0, 0, {}),
    "KinhGui": (14, False, False, J.CENTER, None, 0, 12, {"keep_next": True}),
    "KinhGuiDanhSach": (14, False, False, J.LEFT, -(KINH_GUI_HANG + KINH_GUI_DASH), 0, 0,
                        {"keep_next": True, "left": KINH_GUI_LEFT + KINH_GUI_DASH,
                         "tab": KINH_GUI_LEFT}),
    "KinhGuiDong": (14, False, False, J.LEFT, -KINH_GUI_DASH, 0, 0,
                    {"keep_next": True, "left": KINH_GUI_LEFT + KINH_GUI_DASH}),
    "KinhGuiCuoi": (14, False, False, J.LEFT, -KINH_GUI_DASH, 0, 12,
                    {"keep_next": True, "left": KINH_GUI_LEFT + KINH_GUI_DASH}),
    "NoiDung": (14, False, False, J.JUSTIFY, Mm(12.7), 0, 6, {"line": 1.1}),
    "NoiDungCuoi": (14, False, False, J.JUSTIFY, Mm(12.7), 0, 6, {"line": 1.1, "keep_next": True}),
    "CanCu": (14, False, True, J.JUSTIFY, Mm(12.7), 0, 6, {"line": 1.1}),
    "Muc": (14, True, False, J.JUSTIFY, Mm(12.7), 6, 6, {"line": 1.1, "keep_next": True}),
    "KhoanTieuDe": (14, True, False, J.JUSTIFY, Mm(12.7), 0, 6, {"line": 1.1, "keep_next": True}),
    "TieuDeGiua": (14, True, False, J.CENTER, None, 6, 6, {"keep_next": True}),
    "NoiNhanTieuDe": (12, True, True, J.LEFT, None, 12, 0, {}),
    "NoiNhan": (11, False, False, J.LEFT, None, 0, 0, {}),
    "ChuKyThamQuyen": (14, True, False, J.CENTER, None, 12, 0, {"contextual": True}),
    "ChuKyKhoangTrong": (14, False, False, J.CENTER, None, 0, 0, {}),
    "ChuKyHoTen": (14, True, False, J.CENTER, None, 0, 0, {}),
    "PhuLucSo": (14, True, False, J.CENTER, None, 0, 0, {"keep_next": True}),
    "PhuLucTieuDe": (14, True, False, J.CENTER, None, 0, 0, {"keep_next": True}),
    "PhuLucKemTheo": (14, False, True, J.CENTER, None, 0, 12, {"keep_next": True}),
    "BangTieuDe": (13, True, False, J.CENTER, None, 3, 3, {}),
    "BangNoiDung": (13, False, False, J.LEFT, None, 3, 3, {}),
    "BangSo": (13, False, False, J.CENTER, None, 3, 3, {}),
    "BangTien": (13, False, False, J.RIGHT, None, 3, 3, {}),
    "BangNhom": (13, True, False, J.LEFT, None, 3, 3, {"keep_next": True}),
    "BangTen": (14, True, False, J.CENTER, None, 6, 6, {"keep_next": True}),
    "SoTrang": (13, False, False, J.CENTER, None, 0, 0, {}),
}
CHARACTER_STYLES = {
    "Strong": (True, False),
    "Emphasis": (False, True),
    "StrongEmphasis": (True, True),
}


def set_fonts(rpr_owner: object) -> None:
    """Times New Roman for every script, never a theme font."""
    font = rpr_owner.font  # type: ignore[attr-defined]
    font.name = FONT
    rpr = rpr_owner.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def paragraph_style(doc: Document, name: str, size: float, bold: bool, italic: bool,
                    align: object):  # fmt: skip
    """A quick paragraph style on Normal, Times New Roman at `size`, weight, slant, alignment."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    set_fonts(style)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.paragraph_format.alignment = align
    return style


def define_styles(doc: Document) -> None:
    """The frame's styles: document defaults, paragraph styles and character styles."""
    styles = doc.styles
    normal = styles["Normal"]
    set_fonts(normal)
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # Defaults too, so tables and anything without a style are Times New Roman.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    # Vietnamese, not python-docx's English: Word proofs the text in the document's language
    # (every word underlined as misspelt English otherwise), and LibreOffice writes it into the
    # PDF (/Lang), which screen readers follow.
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in list(lang.attrib):
        del lang.attrib[attr]
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    # Built-in styles of python-docx's default template point at theme fonts: Times everywhere.
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    for name, spec in PARAGRAPH_STYLES.items():
        size, bold, italic, align, indent, before, after, extra = spec
        style = paragraph_style(doc, name, size, bold, italic, align)
        fmt = style.paragraph_format
        fmt.first_line_indent = indent
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        if "left" in extra:
            fmt.left_indent = extra["left"]
        if "tab" in extra:
            fmt.tab_stops.add_tab_stop(extra["tab"])
        if "line" in extra:
            fmt.line_spacing = extra["line"]
        if "exact" in extra:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(extra["exact"])
        fmt.keep_with_next = extra.get("keep_next", False)
        if extra.get("contextual"):
            # Word's "don't add space between paragraphs of the same style".
            style.element.get_or_add_pPr().insert_element_before(
                OxmlElement("w:contextualSpacing"),
                "w:mirrorIndents",
                "w:suppressOverlap",
                "w:jc",
                "w:textDirection",
                "w:textAlignment",
                "w:outlineLvl",
                "w:rPr",
            )
        fmt.widow_control = True
    for name, (bold, italic) in CHARACTER_STYLES.items():
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        # Only what the style adds: a "not bold" in Emphasis would print an italic word of a
        # bold title regular (None leaves the paragraph's own weight and slant).
        style.font.bold = bold or None
        style.font.italic = italic or None


def setup_page(doc: Document) -> None:
    """A4 portrait, Decree margins, page numbers centred at the top from page 2."""
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = HEADER_DISTANCE
    section.gutter = Mm(0)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.style = doc.styles["SoTrang"]
    add_field(para, "PAGE")
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = doc.styles["SoTrang"]


def add_field(para: Paragraph, instruction: str) -> None:
    """A complex field (PAGE) with a cached result of 1."""

    def run_with(child: OxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        para._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    text = OxmlElement("w:t")
    text.text = "1"
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def new_document() -> Document:
    doc = Document()
    define_styles(doc)
    setup_page(doc)
    props = doc.core_properties
    props.author = "vanthu"
    props.last_modified_by = "vanthu"
    props.title = ""
    props.comments = ""
    props.revision = 1
    from datetime import datetime

    props.created = datetime(2022, 1, 1)
    props.modified = datetime(2022, 1, 1)
    # python-docx's blank document has an empty first paragraph: start from nothing.
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def para(container: object, style: str, *texts: tuple[str, str | None] | str) -> Paragraph:
    """A paragraph of `style`; each text is plain or (text, character style)."""
    p = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    for text in texts:
        if isinstance(text, tuple):
            content, char_style = text
            p.add_run(content, style=char_style)
        else:
            p.add_run(text)
    return p


def borderless_table(doc_or_cell: object, widths: list[int], rows: int = 1) -> Table:
    table = doc_or_cell.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table_property(table, borders)
    set_widths(table, widths)
    return table


def table_property(table: Table, element: BaseOxmlElement) -> None:
    """`element` set as a property of `table`, in its place in w:tblPr, replacing the one
    there of its name (python-docx appends some properties after w:tblLook). The children of
    w:tblPr go in the schema's order (ooxml_names.TABLE_PROPERTIES), each at most once: Word may
    refuse a table whose properties come otherwise ("unreadable content"), as it does paragraph
    and run properties out of order."""
    tbl_pr = table._tbl.tblPr
    name = element.tag.rpartition("}")[2]
    for old in tbl_pr.findall(qn(f"w:{name}")):
        tbl_pr.remove(old)
    rank = TABLE_PROPERTIES.index(name)
    later = next(
        (child for child in tbl_pr
         if child.tag.rpartition("}")[2] in TABLE_PROPERTIES[rank + 1 :]),
        None,
    )  # fmt: skip
    if later is None:
        tbl_pr.append(element)
    else:
        later.addprevious(element)


def set_widths(table: Table, widths: list[int]) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        table_property(table, tbl_w)
    tbl_w.set(qn("w:w"), str(round(sum(widths) / 635)))  # EMU → twips
    tbl_w.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table_property(table, layout)
    for index, col in enumerate(table.columns):
        col.width = Emu(widths[index])
        for cell in col.cells:
            cell.width = Emu(widths[index])


def clear_cell(cell: _Cell) -> _Cell:
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


# A cell of a row spec: (columns it spans, paragraph style, texts as for para()).
Cell = tuple[int, str, tuple[tuple[str, str | None] | str, ...]]


def grid_table(doc: Document, widths: list[int], header: list[str], rows: list[list[Cell]]) -> None:
    """A bordered table: a header row repeated on every page, then one row per spec."""
    table = doc.add_table(rows=1 + len(rows), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, widths)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        para(clear_cell(cell), "BangTieuDe", text)
    for row, spec in zip(table.rows[1:], rows, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        column = 0
        for span, style, texts in spec:
            cell = row.cells[column]
            if span > 1:
                cell = cell.merge(row.cells[column + span - 1])
            para(clear_cell(cell), style, *texts)
            column += span


def loop_row(widths: list[int], tag: str) -> list[Cell]:
    """A row that holds only a {%tr %} tag (docxtpl replaces the whole row with it)."""
    return [(len(widths), "BangSo", (tag,))]


def looped(widths: list[int], loop: str, row: list[Cell]) -> list[list[Cell]]:
    """`row` repeated by docxtpl for each item of `loop` ("dong in bang.dong")."""
    return [loop_row(widths, f"{{%tr for {loop} %}}"), row, loop_row(widths, "{%tr endfor %}")]


def collapsed_mark(ppr: CT_PPr) -> None:
    """An empty paragraph that takes no room: its mark hidden, 1 pt high, no space around it.

    A section break is an empty paragraph after the signature table (or a Phụ lục's table).
    At 14 pt it goes to a page of its own when the table ends at the foot of a page, and the
    next section starts after it: a blank page numbered "2" in a signed document. The XML is
    pipeline.render.compose.COLLAPSED_BREAK (see there for the technique), which collapses such
    a paragraph in any template at render time.
    """
    ppr.extend(parse_xml(f"<w:pPr {nsdecls('w')}>{COLLAPSED_BREAK}</w:pPr>"))


# What a section break's paragraph holds: a Jinja comment, which prints nothing. LibreOffice
# (its DOCX import, then its save) drops an empty paragraph that only carries a section break and
# writes the break onto the paragraph before it, which is a {%p %} tag's here ({%p if danh_sach
# %}, {%p else %}): docxtpl replaces that paragraph by its tag, so the break was lost from every
# document (the Danh sách kept the decision's page numbers, a plan's first Phụ lục was landscape).
# A paragraph with text is kept where it is, by Word as by LibreOffice, so the break is read
# alike by them, docxtpl and `templates check`; the comment is hidden (as the mark is) and 1 pt
# high, so nothing shows or takes room. A break a maintainer puts on a tag's paragraph stays an
# error of `templates check` (tpl.section_in_tag), which names the paragraph.
SECTION_BREAK_TEXT = "{# ngắt phần #}"


def section_break(doc: Document, landscape: bool, restart: bool = False) -> None:
    """A paragraph that ends a section: portrait or landscape, numbering restarting or not.
    It takes no room (collapsed_mark; its text hidden like its mark), so the next section starts
    on the page right after the table before it, however full that page is. Its text
    (SECTION_BREAK_TEXT) keeps it a paragraph of its own through a LibreOffice save."""
    p = doc.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    collapsed_mark(ppr)
    run = p.add_run(SECTION_BREAK_TEXT)
    run._r.insert(0, deepcopy(ppr.find(qn("w:rPr"))))
    sect = OxmlElement("w:sectPr")
    kind = OxmlElement("w:type")
    kind.set(qn("w:val"), "nextPage")
    sect.append(kind)
    size = OxmlElement("w:pgSz")
    w, h = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    size.set(qn("w:w"), str(int(w.twips)))
    size.set(qn("w:h"), str(int(h.twips)))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    sect.append(size)
    if restart:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        sect.append(numbering)
    ppr.append(sect)


def final_landscape(doc: Document) -> None:
    section = doc.sections[-1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_H, PAGE_W
    number_from_one(section)


def number_from_one(section: Section) -> None:
    """The section's pages numbered from 1 again."""
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.find(qn("w:cols")).addprevious(numbering)


# --- shared blocks -------------------------------------------------------------------------

HEADER_WIDTHS = [int(Mm(62.5)), TEXT_WIDTH - int(Mm(62.5))]
SIGNATURE_WIDTHS = [int(Mm(75)), TEXT_WIDTH - int(Mm(75))]


def block_header(doc: Document, *, numbered: bool = True) -> None:
    """Ô 1–4: agency block and Quốc hiệu, Tiêu ngữ; Số and the date line on the second row
    (not `numbered`: the header of a document issued with a decision, which has neither)."""
    table = borderless_table(doc, HEADER_WIDTHS, rows=2 if numbered else 1)
    # The column widths follow the agency's name and Quốc hiệu (pipeline/rules/metrics.py).
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), "{{ dau_trang.tong }}")
    sides = ("{{ dau_trang.trai }}", "{{ dau_trang.phai }}")
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    for side, grid_col in zip(sides, grid, strict=True):
        grid_col.set(qn("w:w"), side)
    for row in table.rows:
        for side, cell in zip(sides, row.cells, strict=True):
            cell._tc.get_or_add_tcPr().find(qn("w:tcW")).set(qn("w:w"), side)
    left, right = (clear_cell(c) for c in table.rows[0].cells)
    para(left, "CoQuanChuQuan", "{%p if co_quan_chu_quan %}")
    para(left, "CoQuanChuQuan", "{{ co_quan_chu_quan }}")
    para(left, "CoQuanChuQuan", "{%p endif %}")
    para(left, "CoQuanBanHanh", "{{ co_quan_ban_hanh }}")
    para(left, "DuongKe", "{{r duong_ke_co_quan }}")
    para(right, "QuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    para(right, "TieuNgu", "Độc lập - Tự do - Hạnh phúc")
    para(right, "DuongKe", "{{r duong_ke_tieu_ngu }}")
    if not numbered:
        return
    left2, right2 = (clear_cell(c) for c in table.rows[1].cells)
    para(left2, "SoKyHieu", "Số: {{ so_ky_hieu }}")
    para(left2, "TrichYeuCongVan", "{%p if trich_yeu_cong_van %}")
    para(left2, "TrichYeuCongVan", "V/v ", "{{r trich_yeu_cong_van }}")
    para(left2, "TrichYeuCongVan", "{%p endif %}")
    para(right2, "DiaDanhNgay", "{{ dia_danh_ngay }}")


def signature_column(cell: _Cell, signer: str) -> None:
    """Ô 7: authority and title lines, room to sign, the name (variable `signer`)."""
    para(cell, "ChuKyThamQuyen", f"{{%p for dong in {signer}.tham_quyen %}}")
    para(cell, "ChuKyThamQuyen", "{{ dong }}")
    para(cell, "ChuKyThamQuyen", "{%p endfor %}")
    for _ in range(4):
        para(cell, "ChuKyKhoangTrong")
    para(cell, "ChuKyHoTen", f"{{{{ {signer}.ho_ten }}}}")


def recipients_below(doc: Document) -> None:
    """Ô 9b as loose paragraphs under two signatures: "Nơi nhận:", a "- ...;" line each (those
    of `noi_nhan`, then those of `noi_nhan_tiep`: a long list's last lines, which a single
    signature prints in rows under it), the "- Lưu: ..." line. The heading and the lines of
    `noi_nhan` keep with the next, so the heading never ends a page alone, and so does the last
    line, so "- Lưu" never starts one alone; a long list's other lines do not, so it breaks
    where the page ends instead of moving whole to the next page (a short one has no
    `noi_nhan_tiep`: it all keeps together)."""
    heading = para(doc, "NoiNhanTieuDe", "Nơi nhận:")
    para(doc, "NoiNhan", "{%p for nguoi_nhan in noi_nhan %}")
    kept = para(doc, "NoiNhan", "- {{ nguoi_nhan }};")
    para(doc, "NoiNhan", "{%p endfor %}")
    para(doc, "NoiNhan", "{%p for nguoi_nhan in noi_nhan_tiep %}")
    para(doc, "NoiNhan", "{%p if loop.last %}")
    last = para(doc, "NoiNhan", "- {{ nguoi_nhan }};")
    para(doc, "NoiNhan", "{%p else %}")
    para(doc, "NoiNhan", "- {{ nguoi_nhan }};")
    para(doc, "NoiNhan", "{%p endif %}")
    para(doc, "NoiNhan", "{%p endfor %}")
    para(doc, "NoiNhan", "- {{ luu }}")
    for paragraph in (heading, kept, last):
        paragraph.paragraph_format.keep_with_next = True


def signature_table(doc: Document, widths: list[int], rows: int = 1) -> Table:
    table = borderless_table(doc, widths, rows=rows)
    # Never split the signatures from their titles (and Nơi nhận) over two pages.
    unsplit(table.rows[0])
    return table


def unsplit(row: _Row) -> None:
    """A row that moves to the next page whole rather than break across two (w:cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def row_tag(row: _Row, tag: str) -> None:
    """A row that holds only a {%tr %} tag (docxtpl replaces the whole row with it)."""
    cell = row.cells[0].merge(row.cells[-1])
    para(clear_cell(cell), "NoiNhan", tag)


# A long Nơi nhận's last lines printed with "- Lưu: ..." in a row that never splits: a page
# never holds only its last line or two (LibreOffice ignores keep-with-next between the
# paragraphs of a cell: the lines of a row that breaks cannot be kept together otherwise).
KEPT_LAST = 2


def recipients_beside_signature(left: _Cell, middle: _Cell, last: _Cell) -> None:
    """Ô 9b in three rows: "Nơi nhận:" and the lines of `noi_nhan` beside the signature, in the
    row that never splits; those of `noi_nhan_tiep` (a long list's last lines) in the rows
    under it: all but the last KEPT_LAST in a row that flows on to the next page (`middle`),
    those and "- Lưu: ..." in one that never splits (`last`), so that at least three lines
    move together and no page holds the list's last line alone. A list so long that moving it
    whole with the closing paragraph could leave much of a page blank breaks so
    (pipeline.context.signature_room); vanthu hands each line to one of the two lists
    (pipeline.render.structure.recipients_as_printed). A short list leaves `noi_nhan_tiep`
    empty: all of it beside the signature, the rows under it unprinted.
    """
    para(left, "NoiNhanTieuDe", "Nơi nhận:")
    para(left, "NoiNhan", "{%p for nguoi_nhan in noi_nhan %}")
    para(left, "NoiNhan", "- {{ nguoi_nhan }};")
    para(left, "NoiNhan", "{%p endfor %}")
    para(left, "NoiNhan", "{%p if not noi_nhan_tiep %}")
    para(left, "NoiNhan", "- {{ luu }}")
    para(left, "NoiNhan", "{%p endif %}")
    para(middle, "NoiNhan", f"{{%p for nguoi_nhan in noi_nhan_tiep[:-{KEPT_LAST}] %}}")
    para(middle, "NoiNhan", "- {{ nguoi_nhan }};")
    para(middle, "NoiNhan", "{%p endfor %}")
    para(last, "NoiNhan", f"{{%p for nguoi_nhan in noi_nhan_tiep[-{KEPT_LAST}:] %}}")
    para(last, "NoiNhan", "- {{ nguoi_nhan }};")
    para(last, "NoiNhan", "{%p endfor %}")
    para(last, "NoiNhan", "- {{ luu }}")


def block_signature(doc: Document) -> None:
    """Ô 7 and 9b: Nơi nhận on the left, the signature on the right (a long Nơi nhận going on
    in rows under them: recipients_beside_signature); or, when a second person signs
    (chu_ky_trai: the thư ký of a Biên bản), the two signatures side by side and Nơi nhận, if
    any, below them."""
    # The usual form first: it is what a maintainer opening the block in Word looks for.
    para(doc, "NoiNhan", "{%p if not chu_ky_trai %}")
    table = signature_table(doc, SIGNATURE_WIDTHS, rows=7)
    rows = table.rows
    left, right = (clear_cell(c) for c in rows[0].cells)
    middle, middle_blank = (clear_cell(c) for c in rows[2].cells)
    last, last_blank = (clear_cell(c) for c in rows[5].cells)
    recipients_beside_signature(left, middle, last)
    signature_column(right, "chu_ky")
    for blank in (middle_blank, last_blank):
        para(blank, "NoiNhan")  # under the signature: nothing
    unsplit(rows[5])
    # The row that breaks only when it has lines of its own (a blank row would print one).
    row_tag(rows[1], f"{{%tr if noi_nhan_tiep|length > {KEPT_LAST} %}}")
    row_tag(rows[3], "{%tr endif %}")
    row_tag(rows[4], "{%tr if noi_nhan_tiep %}")
    row_tag(rows[6], "{%tr endif %}")
    para(doc, "NoiNhan", "{%p else %}")
    table = signature_table(doc, [TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2])
    left, right = (clear_cell(c) for c in table.rows[0].cells)
    signature_column(left, "chu_ky_trai")
    signature_column(right, "chu_ky")
    para(doc, "NoiNhan", "{%p if noi_nhan %}")
    # LibreOffice does not move a keep-with-next paragraph that directly follows a table (the
    # heading stayed alone under the signatures): a 1 pt paragraph kept with it goes between.
    spacer = para(doc, "NoiNhan").paragraph_format
    spacer.keep_with_next = True
    spacer.space_before = spacer.space_after = Pt(0)
    spacer.line_spacing_rule, spacer.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
    recipients_below(doc)
    para(doc, "NoiNhan", "{%p endif %}")
    para(doc, "NoiNhan", "{%p endif %}")


def block_attached_header(doc: Document) -> None:
    """The header block again over a Quy chế issued with a decision: agency and Quốc hiệu."""
    block_header(doc, numbered=False)


def block_article(doc: Document) -> None:
    """One Điều (variable `dieu`): 'Điều N.' in bold and its text, paragraphs, khoản, điểm,
    and the paragraphs after the khoản.

    A title standing alone keeps with its text; a last one-line article with the signature, and
    a text introducing its paragraphs or khoản ("... các nội dung sau:") with them (NoiDungCuoi:
    NoiDung kept with the next paragraph).
    """
    para(doc, "NoiDung", "{%p if dieu.cuoi or dieu.cau_dan %}")
    para(doc, "NoiDungCuoi", ("Điều {{ dieu.so }}.", "Strong"), " ", "{{r dieu.mo_dau }}")
    para(doc, "NoiDung", "{%p elif dieu.tieu_de_rieng %}")
    para(doc, "KhoanTieuDe", "Điều {{ dieu.so }}. ", "{{r dieu.mo_dau }}")
    para(doc, "NoiDung", "{%p else %}")
    para(doc, "NoiDung", ("Điều {{ dieu.so }}.", "Strong"), " ", "{{r dieu.mo_dau }}")
    para(doc, "NoiDung", "{%p endif %}")
    blocks_of(doc, "dieu.doan")
    # Khoản: the number upright like the text; a khoản with a title stands bold on its line.
    para(doc, "NoiDung", "{%p for khoan in dieu.khoan %}")
    item(doc, bold_number=False)
    para(doc, "NoiDung", "{%p endfor %}")
    # Paragraphs after the khoản (doan_sau), in the same block of running text as `doan`.
    blocks_of(doc, "dieu.doan_sau")


def kept_if_lead_in(doc: Document, line: str, *texts: tuple[str, str | None] | str) -> None:
    """A paragraph of `texts`: plain (NoiDung), or kept with the next (NoiDungCuoi) when `line`
    introduces what follows it ("- Các nội dung sau:", its `cau_dan`)."""
    para(doc, "NoiDung", f"{{%p if not {line}.cau_dan %}}")
    para(doc, "NoiDung", *texts)
    para(doc, "NoiDung", "{%p else %}")
    para(doc, "NoiDungCuoi", *texts)
    para(doc, "NoiDung", "{%p endif %}")


def block_paragraph(doc: Document) -> None:
    """One block of running text (variable `doan`): dash lines, điểm or a paragraph (its
    `kieu`: only one of the three prints); a paragraph, dash line or điểm that introduces what
    follows ("... như sau:") is kept with it (NoiDungCuoi: NoiDung kept with the next
    paragraph). The dash line's text stands first in the block, where a maintainer looks."""
    para(doc, "NoiDung", '{%p for dong in doan.dong if doan.kieu == "gach" %}')
    kept_if_lead_in(doc, "dong", "- ", "{{r dong.noi_dung }}")
    para(doc, "NoiDung", "{%p endfor %}")
    para(doc, "NoiDung", '{%p for diem in doan.dong if doan.kieu == "diem" %}')
    kept_if_lead_in(doc, "diem", "{{ diem.chu }}) ", "{{r diem.noi_dung }}")
    para(doc, "NoiDung", "{%p endfor %}")
    para(doc, "NoiDung", '{%p if doan.kieu == "doan" %}')
    kept_if_lead_in(doc, "doan", "{{r doan.noi_dung }}")
    para(doc, "NoiDung", "{%p endif %}")


def block_addressees(doc: Document) -> None:
    """Kính gửi (variable `kinh_gui`): one recipient on the line, or a list of '- ...;' lines."""
    para(doc, "KinhGui", "{%p if kinh_gui.mot %}")
    para(doc, "KinhGui", "Kính gửi: {{ kinh_gui.mot }}")
    para(doc, "KinhGui", "{%p else %}")
    para(doc, "KinhGuiDong", "{%p for dong in kinh_gui.danh_sach %}")
    para(doc, "KinhGuiDong", "{%p if loop.first %}")
    para(doc, "KinhGuiDanhSach", "Kính gửi:\t- {{ dong }}")
    para(doc, "KinhGuiDong", "{%p elif loop.last %}")
    para(doc, "KinhGuiCuoi", "- {{ dong }}")
    para(doc, "KinhGuiDong", "{%p else %}")
    para(doc, "KinhGuiDong", "- {{ dong }}")
    para(doc, "KinhGuiDong", "{%p endif %}")
    para(doc, "KinhGuiDong", "{%p endfor %}")
    para(doc, "KinhGui", "{%p endif %}")


def include(doc: Document, block: str) -> None:
    """A paragraph that docxtpl replaces with the shared block templates/khoi/<block>.docx."""
    para(doc, "NoiDung", f'{{%p include "khoi/{block}" %}}')


def closing(doc: Document) -> None:
    """The closing line ('... ./.') and Ô 7, 9b: Nơi nhận and the signature."""
    para(doc, "NoiDungCuoi", "{{r ket_thuc }}")
    include(doc, "ky-ten")


def blocks_of(doc: Document, variable: str) -> None:
    para(doc, "NoiDung", f"{{%p for doan in {variable} %}}")
    include(doc, "doan-van")
    para(doc, "NoiDung", "{%p endfor %}")


def articles_of(doc: Document, variable: str) -> None:
    para(doc, "NoiDung", f"{{%p for dieu in {variable} %}}")
    include(doc, "dieu")
    para(doc, "NoiDung", "{%p endfor %}")


def title_block(doc: Document) -> None:
    para(doc, "TenLoai", "{{ ten_loai }}")
    para(doc, "TrichYeu", "{{r trich_yeu }}")
    para(doc, "DuongKeTrichYeu", "{{r duong_ke_trich_yeu }}")


# --- document types -------------------------------------------------------------------------


def item(doc: Document, *, bold_number: bool) -> None:
    """One khoản (variable `khoan`): its title bold on a line of its own, or its number and
    text (the number bold in a Mục of a plan, upright in an Điều), kept with what follows
    when it introduces it ("2. Các nhiệm vụ sau:"), then its paragraphs."""
    number = ("{{ khoan.so }}.", "Strong") if bold_number else "{{ khoan.so }}."
    para(doc, "KhoanTieuDe", "{%p if khoan.tieu_de %}")
    para(doc, "KhoanTieuDe", "{{ khoan.so }}. ", "{{r khoan.tieu_de }}")
    para(doc, "NoiDung", "{%p elif khoan.cau_dan %}")
    para(doc, "NoiDungCuoi", number, " ", "{{r khoan.noi_dung }}")
    para(doc, "NoiDung", "{%p else %}")
    para(doc, "NoiDung", number, " ", "{{r khoan.noi_dung }}")
    para(doc, "NoiDung", "{%p endif %}")
    blocks_of(doc, "khoan.doan")


def block_sections(doc: Document) -> None:
    """Mục I., II. with their khoản (heading or numbered paragraph), text and figure tables."""
    para(doc, "Muc", "{%p for muc in cac_muc %}")
    para(doc, "Muc", "{{ muc.so }}. {{ muc.tieu_de }}")
    blocks_of(doc, "muc.doan")
    para(doc, "NoiDung", "{%p for khoan in muc.khoan %}")
    item(doc, bold_number=True)
    para(doc, "NoiDung", "{%p for bang in khoan.bang %}")
    include(doc, "bang-so-lieu")
    para(doc, "NoiDung", "{%p endfor %}")
    para(doc, "NoiDung", "{%p endfor %}")
    blocks_of(doc, "muc.doan_sau")
    para(doc, "Muc", "{%p endfor %}")


def figure_table(doc: Document, widths_mm: tuple[int, ...], fields: list[str]):
    """A table of `bang.dong` rows (STT, name, then `fields`) and a bold total row ('Tổng
    cộng'). Its headings and the total's label are the office's wording (phrases bao_cao_cot_*,
    bao_cao_tong_cong), which the context gives as bang.cot and bang.tong_cong."""
    widths = [int(Mm(w)) for w in widths_mm]
    header = [f"{{{{ bang.cot.{f} }}}}" for f in ("stt", "ten", *fields)]
    styles = {"tien": "BangTien"}
    row: list[Cell] = [(1, "BangSo", ("{{ dong.stt }}",)), (1, "BangNoiDung", ("{{ dong.ten }}",))]
    row += [(1, styles.get(f, "BangSo"), (f"{{{{ dong.{f} }}}}",)) for f in fields]
    total: list[Cell] = [(2, "BangTieuDe", ("{{ bang.tong_cong }}",))]
    total += [
        (1, styles.get(f, "BangSo"), ((f"{{{{ bang.tong.{f} }}}}", "Strong"),)) for f in fields
    ]
    grid_table(doc, widths, header, [*looped(widths, "dong in bang.dong", row), total])


# The longest usual "Tăng, giảm" value (pipeline.figures.change), as the bold Tổng cộng row
# prints it: a four-digit percentage. "1.250%" alone is wider than the 18 mm column it had,
# so LibreOffice cut it inside the number ("tăng / 1.250 / %"). Vietnamese writes "1.250%"
# with no space before the sign; nothing else is needed to keep them together, as a line may
# not break between a number and its "%" when the column is wide enough for both.
LONGEST_CHANGE = "tăng 1.250%"
# The longest usual award name, which the 51 mm name column held on one line; it now wraps
# in the 33 mm the money and count columns leave it, as longer names ("Chiến sĩ thi đua cấp
# tỉnh") did.
LONGEST_AWARD = "Tập thể lao động xuất sắc"
# The longest amount every money column of the built-in tables (the Danh sách's, both Báo cáo
# tables') holds on one line, as their Tổng cộng prints it: bold at 13 pt. A Sở's list of 143
# Chiến sĩ thi đua totals "1.003.860.000", which the 27-29 mm columns they had broke between
# its digits ("1.003.860.00 / 0") in LibreOffice and Word alike; a province's year of awards
# reaches ten digits. Up to 99.999.999.999 đồng now stands on one line; verify says of an
# amount its column cannot hold (bang.so_tien_mot_dong).
LONGEST_AMOUNT = "99.999.999.999"
# The longest count the Báo cáo's count columns hold on one line, bold in the total row: lượt
# of a year's awards (Bảng 1 counts one per award given). A tỉnh gives more than 9.999 Lao
# động tiên tiến a year (10.500 printed "10.50" / "0" in the 15 mm columns "9.999" sized):
# five digits now stand on one line, the room taken from the award's name, which wraps.
LONGEST_COUNT = "99.999"


def number_mm(text: str) -> int:
    """Width in whole mm of a column that holds the number `text` on one line, bold at 13 pt as
    a total row prints it, with the slack Word and LibreOffice round by (as the header's
    columns are sized: rules.metrics.widest_twips): a number must never wrap between its
    digits, where a name may wrap between its words."""
    return math.ceil(widest_twips(((text, 13, True),)) / 1440 * 25.4)


def awards_table_widths() -> tuple[int, ...]:
    """Columns of Bảng 'Kết quả khen thưởng' in mm, 165 in all (the portrait text width).

    Số tiền as wide as LONGEST_AMOUNT needs, the three count columns as LONGEST_COUNT needs
    (their headings wrap to a word a line, as Số tiền's does), "Tăng, giảm" as its longest
    usual value, each with a number's slack (its "1.250%" never wraps between its digits
    either), STT as before; the award's name takes the rest and wraps when it must.
    """
    stt, money = 14, number_mm(LONGEST_AMOUNT)
    change = number_mm(LONGEST_CHANGE)
    count = number_mm(LONGEST_COUNT)
    award = 165 - stt - money - change - 3 * count
    return (stt, award, count, count, money, count, change)


def units_table_widths() -> tuple[int, ...]:
    """Columns of Bảng 'Khen thưởng theo đơn vị' in mm, 165 in all: STT and the two count
    columns as before, Số tiền as wide as LONGEST_AMOUNT needs, the unit's name the rest."""
    stt, count, money = 14, 22, number_mm(LONGEST_AMOUNT)
    return (stt, 165 - stt - 2 * count - money, count, count, money)


def block_figure_tables(doc: Document) -> None:
    """Tables of figures computed from data (variable `bang`): awards by title, by unit."""
    counts = ["ca_nhan", "tap_the", "tien"]
    para(doc, "BangTen", '{%p if bang.kieu == "khen_thuong" %}')
    para(doc, "BangTen", "{{ bang.tieu_de }}")
    figure_table(doc, awards_table_widths(), [*counts, "nam_truoc", "tang_giam"])
    para(doc, "BangTen", '{%p elif bang.kieu == "don_vi" %}')
    para(doc, "BangTen", "{{ bang.tieu_de }}")
    figure_table(doc, units_table_widths(), counts)
    para(doc, "BangTen", "{%p endif %}")


def block_task_appendix(doc: Document) -> None:
    """Phụ lục of key tasks (variable `phu_luc`): heading, title, 'Kèm theo ...', the table. Its
    column headings are the office's wording (phrases phu_luc_cot_*), which the context gives
    as phu_luc.cot."""
    para(doc, "PhuLucSo", "{{ phu_luc.ten }}")
    para(doc, "PhuLucTieuDe", "{{ phu_luc.tieu_de }}")
    para(doc, "PhuLucKemTheo", "{{ phu_luc.kem_theo }}")
    widths = [int(Mm(14)), int(Mm(110)), int(Mm(45)), int(Mm(50)), int(Mm(33))]
    columns = ("stt", "nhiem_vu", "chu_tri", "phoi_hop", "thoi_gian")
    header = [f"{{{{ phu_luc.cot.{column} }}}}" for column in columns]
    row: list[Cell] = [
        (1, "BangSo", ("{{ nv.stt }}",)),
        (1, "BangNoiDung", ("{{ nv.noi_dung }}",)),
        (1, "BangNoiDung", ("{{ nv.chu_tri }}",)),
        (1, "BangNoiDung", ("{{ nv.phoi_hop }}",)),
        (1, "BangSo", ("{{ nv.thoi_gian }}",)),
    ]
    grid_table(doc, widths, header, looped(widths, "nv in phu_luc.nhiem_vu", row))
    final_landscape(doc)  # shown as it prints, on a landscape page


def running_document(doc: Document) -> None:
    """Header, title, opening, Mục, closing './.', Nơi nhận and signature: Kế hoạch, Báo cáo."""
    include(doc, "dau-trang")
    title_block(doc)
    blocks_of(doc, "mo_dau")
    include(doc, "cac-muc")
    closing(doc)


def type_to_trinh(doc: Document) -> None:
    """Tờ trình: header, title, Kính gửi, căn cứ and reasons, Mục, 'Kính trình ...', signature."""
    include(doc, "dau-trang")
    title_block(doc)
    include(doc, "kinh-gui")
    blocks_of(doc, "mo_dau")
    include(doc, "cac-muc")
    blocks_of(doc, "sau_cac_muc")
    closing(doc)
    draft_decision(doc)


# What a draft decision prints, rebound from `du_thao` (the decision's own context).
DRAFT_NAMES = (
    "dau_trang", "co_quan_chu_quan", "co_quan_ban_hanh", "duong_ke_co_quan", "duong_ke_tieu_ngu",
    "so_ky_hieu", "trich_yeu_cong_van", "dia_danh_ngay", "ten_loai", "trich_yeu",
    "duong_ke_trich_yeu", "tham_quyen", "can_cu", "theo_de_nghi", "cac_dieu", "noi_nhan",
    "noi_nhan_tiep", "luu", "chu_ky",
)


def draft_decision(doc: Document) -> None:
    """The draft Quyết định a Tờ trình attaches: a page of its own marked DỰ THẢO, then the
    decision as it would be issued (its header, title, articles and signature)."""
    para(doc, "NoiDung", "{%p if du_thao %}")
    section_break(doc, landscape=False)
    para(doc, "KhoangCach", ("DỰ THẢO", "Strong"))
    names = ", ".join(f"{name} = du_thao.{name}" for name in DRAFT_NAMES)
    para(doc, "NoiDung", f"{{%p with {names} %}}")
    include(doc, "dau-trang")
    decision_text(doc)
    para(doc, "NoiDung", "{%p endwith %}")
    para(doc, "NoiDung", "{%p endif %}")


def type_cong_van(doc: Document) -> None:
    """Công văn: header with 'V/v ...' under Số, Kính gửi, text, closing './.', signature."""
    include(doc, "dau-trang")
    para(doc, "KhoangCach")  # no title: a line's space between the header and Kính gửi
    include(doc, "kinh-gui")
    blocks_of(doc, "noi_dung")
    closing(doc)


def type_giay_moi(doc: Document) -> None:
    """Giấy mời: header, title, kính mời, Thời gian, Địa điểm, Nội dung, Thành phần, './.'."""
    include(doc, "dau-trang")
    title_block(doc)
    blocks_of(doc, "noi_dung")
    closing(doc)


def type_thong_bao(doc: Document) -> None:
    """Thông báo: header, title, opening, Mục with khoản, the lịch công tác table if any (its
    column headings the office's wording, phrases lich_cot_*, given as lich_cot), closing './.',
    Nơi nhận, signature."""
    include(doc, "dau-trang")
    title_block(doc)
    blocks_of(doc, "mo_dau")
    include(doc, "cac-muc")
    para(doc, "NoiDung", "{%p if lich %}")
    widths = [int(Mm(w)) for w in (28, 52, 27, 31, 27)]
    columns = ("thoi_gian", "noi_dung", "chu_tri", "thanh_phan", "dia_diem")
    header = [f"{{{{ lich_cot.{column} }}}}" for column in columns]
    row: list[Cell] = [
        (1, "BangSo", ("{{r dong.thoi_gian }}",)),
        (1, "BangNoiDung", ("{{r dong.noi_dung }}",)),
        (1, "BangNoiDung", ("{{ dong.chu_tri }}",)),
        (1, "BangNoiDung", ("{{ dong.thanh_phan }}",)),
        (1, "BangNoiDung", ("{{ dong.dia_diem }}",)),
    ]
    grid_table(doc, widths, header, looped(widths, "dong in lich", row))
    para(doc, "NoiDung", "{%p endif %}")
    closing(doc)


def type_bien_ban(doc: Document) -> None:
    """Biên bản: header, title, 'Vào lúc ...', thành phần, the items with their votes, kết luận,
    'Cuộc họp kết thúc vào ...', the thư ký's and the chủ tọa's signatures, Nơi nhận if any."""
    include(doc, "dau-trang")
    title_block(doc)
    blocks_of(doc, "mo_dau")
    para(doc, "KhoanTieuDe", "{{ nhan_noi_dung }}")
    para(doc, "NoiDung", "{%p for muc in cac_noi_dung %}")
    para(doc, "KhoanTieuDe", "{{ muc.so }}. ", "{{r muc.tieu_de }}")
    blocks_of(doc, "muc.doan")
    para(doc, "NoiDung", "{%p endfor %}")
    para(doc, "KhoanTieuDe", "{%p if nhan_ket_luan %}")
    para(doc, "KhoanTieuDe", "{{ nhan_ket_luan }}")
    blocks_of(doc, "ket_luan")
    para(doc, "KhoanTieuDe", "{%p endif %}")
    closing(doc)


def type_bao_cao(doc: Document) -> None:
    """Báo cáo: header, title, opening, Mục with text and tables of figures, closing, signature."""
    running_document(doc)


def task_appendices(doc: Document, variable: str, *, restart: bool) -> None:
    """Each Phụ lục of `variable` on pages of its own: the first after a portrait break (its
    numbering restarting if `restart`), the others after a landscape break restarting it."""
    para(doc, "NoiDung", f"{{%p for phu_luc in {variable} %}}")
    para(doc, "NoiDung", "{%p if loop.first %}")
    section_break(doc, landscape=False, restart=restart)
    para(doc, "NoiDung", "{%p else %}")
    section_break(doc, landscape=True, restart=True)
    para(doc, "NoiDung", "{%p endif %}")
    include(doc, "phu-luc-nhiem-vu")
    para(doc, "NoiDung", "{%p endfor %}")


def type_ke_hoach(doc: Document) -> None:
    """Kế hoạch: header, title, opening, Mục with khoản, closing, Nơi nhận, appendix of tasks."""
    running_document(doc)
    task_appendices(doc, "cac_phu_luc", restart=False)
    final_landscape(doc)


def list_widths_mm(*, role: bool = True) -> tuple[int, ...]:
    """Columns of the Danh sách with money in mm, 165 in all (the portrait text width of the
    section it is printed in): STT 14, Số tiền as wide as LONGEST_AMOUNT needs bold at 13 pt
    (its Tổng cộng), the rest shared by name, chức vụ and đơn vị as before (44 : 38 : 44),
    the odd mm to the names, which wrap between their words when they must. Without the chức
    vụ column (`role`), name and đơn vị share the rest."""
    stt = 14
    money = number_mm(LONGEST_AMOUNT)
    rest = 165 - stt - money
    if not role:
        return (stt, rest - rest // 2, rest // 2, money)
    role_mm = rest * 38 // 126
    unit = (rest - role_mm) // 2
    return (stt, rest - role_mm - unit, role_mm, unit, money)


def list_table(doc: Document, *, money: bool, role: bool = True) -> None:
    """The Danh sách's table: one row per line, a group heading or an entry; the chức vụ column
    only when `role` (a list none of whose entries has one prints none)."""
    keys = ("stt", "ten", "chuc_vu", "don_vi") if role else ("stt", "ten", "don_vi")
    header = [f"{{{{ danh_sach.cot.{key} }}}}" for key in keys]
    if money:
        widths = [int(Mm(w)) for w in list_widths_mm(role=role)]
        header.append("{{ danh_sach.cot.so_tien }}")
    elif role:
        widths = [int(Mm(14)), int(Mm(55)), int(Mm(45)), int(Mm(51))]
    else:
        widths = [int(Mm(14)), int(Mm(76)), int(Mm(75))]
    entry: list[Cell] = [
        (1, "BangSo", ("{{ dong.muc.stt }}",)),
        (1, "BangNoiDung", ("{{ dong.muc.ho_ten }}",)),
        *([(1, "BangNoiDung", ("{{ dong.muc.chuc_vu }}",))] if role else []),
        (1, "BangNoiDung", ("{{ dong.muc.don_vi }}",)),
    ]
    if money:
        entry.append((1, "BangTien", ("{{ dong.muc.so_tien }}",)))
    rows: list[list[Cell]] = [
        loop_row(widths, "{%tr for dong in danh_sach.dong %}"),
        loop_row(widths, "{%tr if dong.nhom %}"),
        [(len(widths), "BangNhom", ("{{ dong.nhom }}",))],
        loop_row(widths, "{%tr else %}"),
        entry,
        loop_row(widths, "{%tr endif %}"),
        loop_row(widths, "{%tr endfor %}"),
    ]
    if money:
        rows.append(
            [
                (len(widths) - 1, "BangTieuDe", ("{{ danh_sach.tong_cong_chu }}",)),
                (1, "BangTien", (("{{ danh_sach.tong_cong }}", "Strong"),)),
            ]
        )
    grid_table(doc, widths, header, rows)


def issued_regulation(doc: Document) -> None:
    """The Quy chế a decision issues, on a new page: the header again, QUY CHẾ and its title,
    '(Ban hành kèm theo Quyết định số ...)', then Chương I, II ... with their Điều."""
    para(doc, "NoiDung", "{%p if quy_che %}")
    section_break(doc, landscape=False)
    include(doc, "dau-kem-theo")
    para(doc, "TenLoai", "{{ quy_che.ten_loai }}")
    para(doc, "TrichYeu", "{{r quy_che.trich_yeu }}")
    para(doc, "PhuLucKemTheo", "{{ quy_che.kem_theo }}")
    para(doc, "NoiDung", "{%p for chuong in quy_che.cac_chuong %}")
    para(doc, "TieuDeGiua", "{%p if chuong.so %}")
    para(doc, "TieuDeGiua", "Chương {{ chuong.so }}")
    para(doc, "TieuDeGiua", "{{ chuong.tieu_de }}")
    para(doc, "TieuDeGiua", "{%p endif %}")
    articles_of(doc, "chuong.cac_dieu")
    para(doc, "NoiDung", "{%p endfor %}")
    para(doc, "NoiDung", "{%p endif %}")


def decision_text(doc: Document) -> None:
    """A Quyết định from its title to its signature: printed alone (quyet-dinh) or as the
    draft a Tờ trình attaches (to-trinh, variables rebound to the draft's)."""
    title_block(doc)
    para(doc, "ThamQuyenBanHanh", "{{ tham_quyen }}")
    para(doc, "CanCu", "{%p for dong in can_cu %}")
    para(doc, "CanCu", "{{ dong }}")
    para(doc, "CanCu", "{%p endfor %}")
    para(doc, "CanCu", "{{ theo_de_nghi }}")
    para(doc, "TieuDeGiua", "QUYẾT ĐỊNH:")
    articles_of(doc, "cac_dieu")
    include(doc, "ky-ten")


def type_quyet_dinh(doc: Document) -> None:
    """Quyết định: thẩm quyền, căn cứ, QUYẾT ĐỊNH:, articles, signature, attached Danh sách."""
    include(doc, "dau-trang")
    decision_text(doc)
    para(doc, "NoiDung", "{%p if danh_sach %}")
    section_break(doc, landscape=False)
    para(doc, "PhuLucSo", "{{ danh_sach.ten }}")
    para(doc, "PhuLucTieuDe", "{{ danh_sach.tieu_de }}")
    para(doc, "PhuLucKemTheo", "{{ danh_sach.kem_theo }}")
    # With money: an amount column and the total row; without: neither. A chức vụ column only
    # when an entry has one (a list of tập thể only has none to print).
    para(doc, "NoiDung", "{%p if danh_sach.co_tien and danh_sach.co_chuc_vu %}")
    list_table(doc, money=True)
    para(doc, "NoiDung", "{%p elif danh_sach.co_tien %}")
    list_table(doc, money=True, role=False)
    para(doc, "NoiDung", "{%p elif danh_sach.co_chuc_vu %}")
    list_table(doc, money=False)
    para(doc, "NoiDung", "{%p else %}")
    list_table(doc, money=False, role=False)
    para(doc, "NoiDung", "{%p endif %}")
    para(doc, "NoiDung", "{%p endif %}")
    para(doc, "NoiDung", "{%p if ke_hoach %}")
    section_break(doc, landscape=False)
    # Like the Quy chế below: a document issued with a decision carries the agency's header
    # (without Số and date) before its name (Nghị định 30, Phụ lục I).
    include(doc, "dau-kem-theo")
    para(doc, "TenLoai", "{{ ke_hoach.ten_loai }}")
    para(doc, "TrichYeu", "{{r ke_hoach.trich_yeu }}")
    para(doc, "PhuLucKemTheo", "{{ ke_hoach.kem_theo }}")
    para(doc, "NoiDung", "{%p with mo_dau = ke_hoach.mo_dau, cac_muc = ke_hoach.cac_muc %}")
    blocks_of(doc, "mo_dau")
    include(doc, "cac-muc")
    para(doc, "NoiDung", "{%p endwith %}")
    para(doc, "NoiDungCuoi", "{{r ke_hoach.ket_thuc }}")
    task_appendices(doc, "ke_hoach.cac_phu_luc", restart=True)
    para(doc, "NoiDung", "{%p endif %}")
    issued_regulation(doc)
    number_from_one(doc.sections[-1])


# --- Giấy khen: a phôi, positioned fields ---------------------------------------------------

# A4 landscape, the usual Giấy khen phôi; an office with other paper changes the section in Word.
PHOI_MARGIN = Mm(10)
# Each field: (style, x, y, width, height in mm from the paper's edge, size pt, bold, italic,
# alignment, exact height). The heading (Quốc hiệu, agency, GIẤY KHEN, "Tặng") is pre-printed.
PHOI_FIELDS: list[tuple[str, float, float, float, float, float, bool, bool, object, bool]] = [
    ("GiayKhenTen", 30, 80, 237, 14, 26, True, False, J.CENTER, True),
    ("GiayKhenDonVi", 30, 96, 237, 9, 16, False, True, J.CENTER, False),
    ("GiayKhenThanhTich", 40, 108, 217, 20, 15, False, False, J.CENTER, False),
    ("GiayKhenNgay", 160, 138, 117, 8, 14, False, True, J.CENTER, False),
    ("GiayKhenChucDanh", 160, 146, 117, 14, 14, True, False, J.CENTER, False),
    ("GiayKhenNguoiKy", 160, 182, 117, 8, 14, True, False, J.CENTER, False),
    ("GiayKhenQuyetDinh", 22, 172, 125, 7, 12, False, False, J.LEFT, False),
    ("GiayKhenSoVaoSo", 22, 180, 125, 7, 12, False, False, J.LEFT, False),
]
# Test print (in_thu): the phôi's printed border, drawn so that a clerk can lay a plain-paper
# print over a phôi against the light and see the fields fall inside it.
PHOI_BORDER = ("GiayKhenKhungPhoi", 12, 12, 273, 186)


def phoi_style(doc: Document, name: str, size: float, bold: bool, italic: bool, align: object):
    """A field's style: no space around it (the frame places it)."""
    style = paragraph_style(doc, name, size, bold, italic, align)
    style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    return style


def positioned(
    doc: Document, style: str, box: tuple[float, float, float, float], exact: bool, *texts: str
) -> Paragraph:
    """A paragraph of `style` in a frame `box` (x, y, width, height mm) from the paper's edge."""
    p = para(doc, style, *texts)
    frame_pr = OxmlElement("w:framePr")
    x, y, width, height = box
    for attr, value in (("w", mm(width)), ("h", mm(height)),
                        ("hRule", "exact" if exact else "atLeast"), ("wrap", "around"),
                        ("hAnchor", "page"), ("vAnchor", "page"), ("x", mm(x)), ("y", mm(y))):
        frame_pr.set(qn(f"w:{attr}"), str(value.twips) if isinstance(value, Twips) else value)
    p._p.get_or_add_pPr().find(qn("w:pStyle")).addnext(frame_pr)
    return p


def type_giay_khen(doc: Document) -> None:
    """Giấy khen: one page per certificate, fields positioned on the phôi, no page numbers."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_H, PAGE_W
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", PHOI_MARGIN)
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = True
    section.first_page_header.is_linked_to_previous = True
    for name, *_, size, bold, italic, align, _exact in PHOI_FIELDS:
        phoi_style(doc, name, size, bold, italic, align)
    phoi_style(doc, PHOI_BORDER[0], 6, False, False, J.CENTER)
    anchor = phoi_style(doc, "GiayKhenNeo", 1, False, False, J.LEFT)
    anchor.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    anchor.paragraph_format.line_spacing = Pt(1)
    para(doc, "GiayKhenNeo", "{%p for gk in giay_khen %}")
    para(doc, "GiayKhenNeo", "{%p if in_thu %}")
    border = positioned(doc, PHOI_BORDER[0], PHOI_BORDER[1:], True)
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        for attr, value in (("val", "double"), ("sz", "6"), ("space", "0"), ("color", "808080")):
            line.set(qn(f"w:{attr}"), value)
        borders.append(line)
    border_ppr = border._p.get_or_add_pPr()
    border_ppr.find(qn("w:framePr")).set(qn("w:wrap"), "through")
    border_ppr.find(qn("w:framePr")).addnext(borders)
    para(doc, "GiayKhenNeo", "{%p endif %}")
    texts = {
        "GiayKhenTen": "{{r gk.ten }}",
        "GiayKhenDonVi": "{{ gk.don_vi }}",
        "GiayKhenThanhTich": "{{ thanh_tich }}",
        "GiayKhenNgay": "{{ dia_danh_ngay }}",
        "GiayKhenChucDanh": "{{r chuc_danh }}",
        "GiayKhenNguoiKy": "{{ nguoi_ky }}",
        "GiayKhenQuyetDinh": "{{ quyet_dinh }}",
        "GiayKhenSoVaoSo": "{{ gk.so_vao_so }}",
    }
    for name, x, y, width, height, *_, exact in PHOI_FIELDS:
        positioned(doc, name, (x, y, width, height), exact, texts[name])
    # The frames of a page hang on the paragraph after them; it ends the page, except the last.
    end = para(doc, "GiayKhenNeo", "{%r if not loop.last %}")
    end.add_run().add_break(WD_BREAK.PAGE)
    end.add_run("{%r endif %}")
    para(doc, "GiayKhenNeo", "{%p endfor %}")


def frame(doc: Document) -> None:
    para(
        doc,
        "NoiDung",
        "Khung dùng chung của mọi loại văn bản: kiểu đoạn (Styles), lề và khổ "
        "giấy, số trang ở đầu trang từ trang 2. Sửa ở đây là sửa cho mọi mẫu.",
    )
    # Outputs take their settings from the frame. A line ended by a line break in a justified
    # paragraph is not stretched across the width (Word's "Don't expand character spaces on a
    # line ending with SHIFT+RETURN", which LibreOffice reads too): body text breaks into
    # paragraphs instead (pipeline.render.fragments.paragraph_runs), but an office's template
    # or a text that keeps its line breaks may still justify one.
    compat = doc.settings.element.find(qn("w:compat"))
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


TEMPLATES: dict[str, Callable[[Document], None]] = {
    "khung.docx": frame,
    "khoi/dau-trang.docx": block_header,
    "khoi/dau-kem-theo.docx": block_attached_header,
    "khoi/dieu.docx": block_article,
    "khoi/ky-ten.docx": block_signature,
    "khoi/doan-van.docx": block_paragraph,
    "khoi/cac-muc.docx": block_sections,
    "khoi/bang-so-lieu.docx": block_figure_tables,
    "khoi/phu-luc-nhiem-vu.docx": block_task_appendix,
    "khoi/kinh-gui.docx": block_addressees,
    "ke-hoach.docx": type_ke_hoach,
    "quyet-dinh.docx": type_quyet_dinh,
    "bao-cao.docx": type_bao_cao,
    "to-trinh.docx": type_to_trinh,
    "cong-van.docx": type_cong_van,
    "giay-moi.docx": type_giay_moi,
    "thong-bao.docx": type_thong_bao,
    "bien-ban.docx": type_bien_ban,
    "giay-khen.docx": type_giay_khen,
}


# python-docx's blank document carries a sample picture of a page and Word 2010's
# stylesWithEffects part (theme fonts, unused since Word 2013): neither belongs in a template.
DROPPED_PARTS = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}


def deterministic(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so regenerating gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in DROPPED_PARTS:
                continue
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info)
            if info.filename in ("_rels/.rels", "word/_rels/document.xml.rels"):
                data = re.sub(
                    rb"<Relationship [^>]*(thumbnail.jpeg|stylesWithEffects.xml)\"/>", b"", data
                )
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb"<Override [^>]*stylesWithEffects.xml\"[^>]*/>", b"", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def main(names: list[str]) -> None:
    for name, build in TEMPLATES.items():
        if names and name not in names:
            continue
        doc = new_document()
        build(doc)
        buffer = io.BytesIO()
        doc.save(buffer)
        target = ROOT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(deterministic(buffer.getvalue()))
        print(target.relative_to(ROOT.parent))


if __name__ == "__main__":
    main(sys.argv[1:])
