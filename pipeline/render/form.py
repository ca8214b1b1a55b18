"""A phôi (the office's pre-printed form) as a template: its paper and its positioned fields.

A phôi template is a page of its own: its section gives the paper (A4 or the office's, portrait
or landscape) and each field is a paragraph positioned from the page's edge (w:framePr with
hAnchor/vAnchor="page"), styled with a named style (GiayKhenTen, ...). The maintainer moves a
field in Word (Format ▸ Frame, or drag it) or LibreOffice (Format ▸ Frame and Object ▸ Position),
and the renderer reads the fields back from the template, so nothing in code knows where they are.
A field placed from the page margin (Word's "relative to Margin" or "Column", LibreOffice's
"Page text area") is read as the paper places it: its x and y plus the page's margin.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from pipeline.errors import TemplateError
from pipeline.patterns import lazy
from pipeline.render.package import DOCUMENT_PART, Package
from pipeline.render.styles import NS, Frame, StyleSheet, w
from pipeline.rules.metrics import Face

__all__ = [
    "ACHIEVEMENT_STYLE", "BORDER_STYLE", "DATE_STYLE", "DECISION_STYLE", "MM_PER_TWIP",
    "NAME_STYLE", "NUMBER_STYLE", "SIGNER_STYLE", "TEST_PRINT", "TITLE_STYLE", "UNIT_STYLE",
    "FormSheet", "Frame", "placed_on_paper", "twips_to_mm",
]  # fmt: skip

MM_PER_TWIP = 25.4 / 1440
# The context key a phôi's test print draws its border on (in_thu: co, or vanthu render --in-thu).
TEST_PRINT = "in_thu"
# The phôi's fields, by paragraph style (templates/giay-khen.docx; an office's own phôi in mau/
# uses the same names, placed where its paper wants them): named once here for the render that
# fits them (pipeline.context.giay_khen), templates check (pipeline.render.structure) and verify
# (pipeline.verify.rules_certificate and its modules), which must all mean the same fields.
NAME_STYLE = "GiayKhenTen"
UNIT_STYLE = "GiayKhenDonVi"  # chức vụ, đơn vị (pipeline.context.giay_khen.unit_line)
ACHIEVEMENT_STYLE = "GiayKhenThanhTich"
DATE_STYLE = "GiayKhenNgay"  # "Sơn La, ngày ...": phrase giay_khen_ngay
TITLE_STYLE, SIGNER_STYLE = "GiayKhenChucDanh", "GiayKhenNguoiKy"
DECISION_STYLE = "GiayKhenQuyetDinh"  # "Quyết định số ...": phrase giay_khen_quyet_dinh
NUMBER_STYLE = "GiayKhenSoVaoSo"  # "Số vào sổ: 1201": phrase giay_khen_so_vao_so
BORDER_STYLE = "GiayKhenKhungPhoi"  # the test print's border: it prints no text
_page_size = lazy(r'<w:pgSz\b[^>]*?w:w="(\d+)"[^>]*?w:h="(\d+)"')
_page_margins = lazy(r"<w:pgMar\b[^>]*>")
_margin_side = lazy(r'\bw:(top|left)="(-?\d+(?:\.\d+)?)"')


def twips_to_mm(value: float) -> float:
    return value * MM_PER_TWIP


class FormSheet(StyleSheet):
    """The styles of a phôi template (which must set its paper) and its fields by paragraph
    style."""

    def __init__(self, package: Package, name: str) -> None:
        super().__init__(package.parts["word/styles.xml"])
        self.name = name
        if _page_size().search(package.text(DOCUMENT_PART)) is None:  # a page without paper
            raise TemplateError(
                "render.template_not_docx", template=f"{name}.docx", reason="w:pgSz"
            )
        self.frames: dict[str, Frame] = {}
        margins = page_margins(package.text(DOCUMENT_PART))
        body = etree.fromstring(package.parts[DOCUMENT_PART]).find("w:body", NS)
        for paragraph in body.iter(w("p")) if body is not None else ():
            style = paragraph.find("w:pPr/w:pStyle", NS)
            if style is None:
                continue
            style_id = style.get(w("val"))
            props = self.style_paragraph_props(style_id)
            props.update(self.paragraph_props(paragraph.find("w:pPr", NS)))
            frame = props.get("frame")
            if isinstance(frame, Frame) and style_id not in self.frames:
                self.frames[style_id] = self.on_paper(frame, margins, style_id)

    def on_paper(self, frame: Frame, margins: tuple[int, int], style_id: str) -> Frame:
        """Field `style_id`'s frame placed from the paper's edge (placed_on_paper). One counted
        down from its own paragraph (Word's Vertical relative to Paragraph) has no place on the
        paper before it prints: refused, saying what to set."""
        placed = placed_on_paper(frame, margins)
        if placed is None:
            raise TemplateError(
                "tpl.form_field_paragraph_anchor", template=f"{self.name}.docx", style=style_id
            )
        return placed

    def face(self, style_id: str) -> Face:
        """How field `style_id`'s letters print, for fitting its text: its style's weight,
        font (w:rFonts ascii; none named: Times New Roman) and small caps (w:smallCaps)."""
        props = self.resolve_run(style_id, None, None)
        font = props.get("font")
        return Face(bool(props.get("bold", False)), font if isinstance(font, str) else None,
                    bool(props.get("small_caps", False)))  # fmt: skip

    def frame(self, style_id: str) -> Frame:
        """The field set in `style_id`; a template without it cannot print the batch."""
        found = self.frames.get(style_id)
        if found is None:
            raise TemplateError(
                "render.form_field_missing", template=f"{self.name}.docx", style=style_id
            )
        return found


# What a field's x and y count from, as w:framePr (hAnchor, vAnchor) and DrawingML
# (wp:positionH/V relativeFrom) name it: the paper's edge, or its own paragraph (or line), which
# has no place on the paper before the page is laid out. Any other (margin, text or column
# across) counts from the page's margin.
PAPER_ANCHORS = frozenset({"page"})
PARAGRAPH_ANCHORS = frozenset({"text", "paragraph", "line"})


def placed_on_paper(frame: Frame, margins: tuple[int, int]) -> Frame | None:
    """`frame` placed from the paper's edge, as it prints: one counted from the margin (or,
    across, from the column) moved by the page's left and top `margins`; None for one counted
    down from its own paragraph. The render (FormSheet), templates check and verify
    (pipeline.verify.certificate_room) all place a phôi's fields with this."""
    if frame.v_anchor in PARAGRAPH_ANCHORS:
        return None
    left, top = margins
    x = frame.x if frame.h_anchor in PAPER_ANCHORS else frame.x + left
    y = frame.y if frame.v_anchor in PAPER_ANCHORS else frame.y + top
    return replace(frame, x=x, y=y, h_anchor="page", v_anchor="page")


def page_margins(document_xml: str) -> tuple[int, int]:
    """The page's left and top margins in twips (w:pgMar; none set: 0)."""
    found = _page_margins().search(document_xml)
    sides = dict(_margin_side().findall(found[0])) if found else {}
    return int(float(sides.get("left", 0))), int(float(sides.get("top", 0)))
