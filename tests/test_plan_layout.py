"""The 2022 plan follows the Nghị định 30/2020 layout: values read back from the .docx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.render.styles import StyleSheet
from pipeline.rules.metrics import text_width_pt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


def fmt(paragraph: Paragraph, name: str):
    """A paragraph-format value: direct, else from the style chain."""
    value = getattr(paragraph.paragraph_format, name)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, name)
        style = style.base_style
    return value


@pytest.fixture(scope="module")
def styles(plan_docx: Path) -> StyleSheet:
    with zipfile.ZipFile(plan_docx) as archive:
        return StyleSheet(archive.read("word/styles.xml"))


def run_format(styles: StyleSheet, paragraph: Paragraph):
    return styles.paragraph_style_run(paragraph.style.style_id)


def by_text(document: DocumentObject, text: str) -> Paragraph:
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text == text:
                        return p
    for p in document.paragraphs:
        if p.text == text:
            return p
    raise AssertionError(f"no paragraph {text!r}")


def test_page_setup(plan_document: DocumentObject) -> None:
    main, *appendices = plan_document.sections
    assert main.page_width == pytest.approx(Mm(210), abs=Mm(0.5))
    assert main.page_height == pytest.approx(Mm(297), abs=Mm(0.5))
    assert main.orientation == WD_ORIENT.PORTRAIT
    for section in plan_document.sections:
        assert Mm(20) <= section.top_margin <= Mm(25)
        assert Mm(20) <= section.bottom_margin <= Mm(25)
        assert Mm(30) <= section.left_margin <= Mm(35)
        assert Mm(15) <= section.right_margin <= Mm(20)
    assert len(appendices) == 1
    assert appendices[0].orientation == WD_ORIENT.LANDSCAPE
    assert appendices[0].page_width == pytest.approx(Mm(297), abs=Mm(0.5))
    assert appendices[0].page_height == pytest.approx(Mm(210), abs=Mm(0.5))
    restart = appendices[0]._sectPr.find(f"{W}pgNumType")
    assert restart is not None and restart.get(f"{W}start") == "1"


def test_times_new_roman_everywhere(plan_docx: Path) -> None:
    with zipfile.ZipFile(plan_docx) as archive:
        for name in archive.namelist():
            # Text lives in the body, styles, headers and footers (numbering.xml's bullet
            # glyphs are Symbol by necessity, and no list uses them).
            if not re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(archive.read(name))
            for fonts in root.iter(f"{W}rFonts"):
                for attr, value in fonts.attrib.items():
                    assert "Theme" not in attr, f"{name}: theme font {attr}"
                    assert value == "Times New Roman", f"{name}: {attr}={value}"
    styles_root = etree.fromstring(zipfile.ZipFile(plan_docx).read("word/styles.xml"))
    default = styles_root.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert default is not None and default.get(f"{W}ascii") == "Times New Roman"


@pytest.mark.parametrize(
    ("text", "size", "bold", "italic"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False),
        ("Độc lập - Tự do - Hạnh phúc", 13, True, False),
        ("UBND TỈNH SƠN LA", 12, False, False),
        ("VĂN PHÒNG", 12, True, False),
        ("Số: 05/KH-VPUBND", 13, False, False),
        ("Sơn La, ngày 22 tháng 12 năm 2021", 14, False, True),
        ("KẾ HOẠCH", 14, True, False),
        ("I. MỤC ĐÍCH, YÊU CẦU", 14, True, False),
        ("1. Mục đích", 14, True, False),
        ("Nơi nhận:", 12, True, True),
        ("- Sở Nội vụ;", 11, False, False),
        ("- Lưu: VT, TCHCQT, H01b.", 11, False, False),
        ("CHÁNH VĂN PHÒNG", 14, True, False),
        ("Nguyễn Huy Anh", 14, True, False),
        ("Phụ lục", 14, True, False),
    ],
)
def test_sizes_weights_alignment(
    plan_document: DocumentObject, styles: StyleSheet, text: str, size: int, bold: bool,
    italic: bool,
) -> None:  # fmt: skip
    paragraph = by_text(plan_document, text)
    run = run_format(styles, paragraph)
    assert (run.size, run.bold, run.italic) == (size, bold, italic)
    for r in paragraph.runs:  # no direct formatting overriding the style
        assert r.font.size is None and r.font.bold is None and r.font.italic is None
    expected = WD_ALIGN_PARAGRAPH.CENTER
    if text.startswith(("Nơi", "- ")):
        expected = WD_ALIGN_PARAGRAPH.LEFT
    if text.startswith(("I.", "1.")):
        expected = WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt(paragraph, "alignment") == expected


def test_trich_yeu(plan_document: DocumentObject, styles: StyleSheet) -> None:
    paragraph = next(p for p in plan_document.paragraphs if p.style.style_id == "TrichYeu")
    run = run_format(styles, paragraph)
    assert (run.size, run.bold, run.italic) == (14, True, False)
    assert fmt(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_body_paragraphs(plan_document: DocumentObject, styles: StyleSheet) -> None:
    body = [
        p
        for p in plan_document.paragraphs
        if p.style.style_id in ("NoiDung", "NoiDungCuoi") and p.text
    ]
    assert len(body) >= 30
    for paragraph in body:
        assert fmt(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert Mm(10) <= fmt(paragraph, "first_line_indent") <= Mm(12.7)
        assert fmt(paragraph, "space_after") >= Pt(6)
        spacing = fmt(paragraph, "line_spacing")
        assert spacing is None or 1.0 <= spacing <= 1.5
        assert 13 <= run_format(styles, paragraph).size <= 14
    assert body[-1].text.endswith("./.")
    # The closing paragraph keeps with the signature block: no page with only a signature.
    assert fmt(body[-1], "keep_with_next") is True


def test_numbered_items_both_shapes(plan_document: DocumentObject) -> None:
    texts = [p.text for p in plan_document.paragraphs]
    assert "1. Tuyên truyền các văn bản về thi đua, khen thưởng" in texts
    inline = next(t for t in texts if t.startswith("3. Đẩy mạnh"))
    paragraph = plan_document.paragraphs[texts.index(inline)]
    number_run = next(r for r in paragraph.runs if r.text)
    assert number_run.text == "3." and number_run.style.style_id == "Strong"
    note = next(p for p in plan_document.paragraphs if p.text == "(Có nhiệm vụ trọng tâm kèm theo)")
    assert all(r.style.style_id == "Emphasis" for r in note.runs if r.text)


def rules_after(document: DocumentObject, text: str) -> float:
    """Length in points of the inline rule in the paragraph after the one holding `text`."""
    body = document.element.body
    for p in body.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")).replace("\n", "") == text:
            following = p.getnext()
            extent = following.find(".//wp:extent", NS)
            assert extent is not None, f"no rule under {text!r}"
            return int(extent.get("cx")) / 12700
    raise AssertionError(text)


def test_rules_under_tieu_ngu_agency_and_trich_yeu(plan_document: DocumentObject) -> None:
    tieu_ngu = "Độc lập - Tự do - Hạnh phúc"
    assert rules_after(plan_document, tieu_ngu) == pytest.approx(
        text_width_pt(tieu_ngu, 13, bold=True), rel=0.02
    )
    agency = rules_after(plan_document, "VĂN PHÒNG") / text_width_pt("VĂN PHÒNG", 12, bold=True)
    assert 1 / 3 <= agency <= 1 / 2
    line = "Triển khai, thực hiện công tác thi đua, khen thưởng năm 2022"
    trich_yeu = rules_after(plan_document, line + "của Văn phòng UBND tỉnh") / text_width_pt(
        line, 14, bold=True
    )
    assert 1 / 3 <= trich_yeu <= 1 / 2


def test_header_and_signature_tables_borderless(plan_document: DocumentObject) -> None:
    for table in plan_document.tables[:2]:
        borders = table._tbl.tblPr.find(f"{W}tblBorders")
        assert borders is not None
        assert {b.get(f"{W}val") for b in borders} == {"nil"}
        assert len(table.columns) == 2


def test_page_numbers_from_page_two(plan_document: DocumentObject, styles: StyleSheet) -> None:
    for section in plan_document.sections:
        assert section.different_first_page_header_footer
        assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
        header = section.header.paragraphs[0]
        instructions = "".join(t.text for t in header._p.iter(f"{W}instrText"))
        assert instructions.strip() == "PAGE"
        assert fmt(header, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert 13 <= run_format(styles, header).size <= 14


def test_appendix_table_header_repeats(plan_document: DocumentObject) -> None:
    table = plan_document.tables[2]
    header_row = table.rows[0]._tr
    assert header_row.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r._tr.find(f"{W}trPr/{W}tblHeader") is None for r in table.rows[1:])
