"""A phôi (the office's pre-printed form) as a template: its paper and its positioned fields.

A phôi template is a page of its own: its section gives the paper (A4 or the office's, portrait
or landscape) and each field is a paragraph positioned from the page's edge (w:framePr with
hAnchor/vAnchor="page"), styled with a named style (GiayKhenTen, ...). The maintainer moves a
field in Word (Format ▸ Frame, or drag it) or LibreOffice (Format ▸ Frame and Object ▸ Position),
and the renderer reads the fields back from the template, so nothing in code knows where they are.
A field placed from the page margin (Word's "relative to Margin" or "Column", LibreOffice's
"Page text area") is read as the paper places it: its x and y plus the page's margin.

A field may as well be typed in a text box (Insert ▸ Text Box: a floating wp:anchor holding
wps:wsp/wps:txbx/w:txbxContent, written again in VML, mc:Fallback, for older programs, which is
not read): the box is read as a frame (box_frame) where its text prints: its place from
wp:positionH/V (relativeFrom page, margin or column; as a frame's, one counted down from its
paragraph or line has no place on the paper and is refused), its size from wp:extent less its
inner margins (wps:bodyPr lIns, tIns, rIns, bIns), its height exact unless the box grows with its
text (Word's "Resize shape to fit text", a:spAutoFit).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from pipeline.errors import TemplateError
from pipeline.ooxml_names import NS as OOXML_NS
from pipeline.ooxml_names import q
from pipeline.patterns import lazy
from pipeline.render.package import DOCUMENT_PART, Package
from pipeline.render.styles import NS, Frame, StyleSheet, w
from pipeline.rules.metrics import Face

__all__ = [
    "ACHIEVEMENT_STYLE", "BORDER_STYLE", "DATE_STYLE", "DECISION_STYLE", "MM_PER_TWIP",
    "NAME_STYLE", "NUMBER_STYLE", "SIGNER_STYLE", "TEST_PRINT", "TITLE_STYLE", "UNIT_STYLE",
    "FormSheet", "Frame", "box_frame", "placed_on_paper", "twips_to_mm",
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
            if style is None or next(paragraph.iterancestors(_FALLBACK), None) is not None:
                continue  # a text box's VML copy repeats the DrawingML box read first
            style_id = style.get(w("val"))
            if style_id in self.frames:
                continue
            box = next(paragraph.iterancestors(_TEXT_BOX), None)
            if box is not None:
                self.frames[style_id] = self.in_box(box, margins, style_id)
                continue
            props = self.style_paragraph_props(style_id)
            props.update(self.paragraph_props(paragraph.find("w:pPr", NS)))
            frame = props.get("frame")
            if isinstance(frame, Frame):
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

    def in_box(self, content: etree._Element, margins: tuple[int, int], style_id: str) -> Frame:
        """Field `style_id` typed in the text box of `content` (a w:txbxContent), placed from
        the paper's edge as a frame is (box_frame, placed_on_paper); a box with no place on the
        paper (in the line, counted from its paragraph, aligned rather than at an offset) is
        refused, saying what to set."""
        anchor = next(content.iterancestors(_ANCHOR), None)
        frame = box_frame(anchor) if anchor is not None else None
        placed = placed_on_paper(frame, margins) if frame is not None else None
        if placed is None:
            raise TemplateError(
                "render.form_box_no_place", template=f"{self.name}.docx", style=style_id
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


# A text box's tags, and the VML copy of it (mc:Fallback) that programs without DrawingML read.
_TEXT_BOX, _ANCHOR, _FALLBACK = q("w:txbxContent"), q("wp:anchor"), q("mc:Fallback")
EMU_PER_TWIP = 635
# A text box's inner margins in EMU where wps:bodyPr sets none (Word's: 0.1" across, 0.05" down).
BOX_INSETS = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}
# wp:positionH/V relativeFrom as w:framePr's hAnchor/vAnchor name the same origin: the paper's
# edge (the left and top margin areas start there too), its margin, the column, the paragraph or
# line. Any other (a character, the right or bottom margin area, inside, outside) is not read.
_BOX_ACROSS = {"page": "page", "leftMargin": "page", "margin": "margin", "column": "text"}
_BOX_DOWN = {
    "page": "page", "topMargin": "page", "margin": "margin", "paragraph": "text", "line": "text",
}  # fmt: skip


def box_frame(anchor: etree._Element) -> Frame | None:
    """Where the text of a floating text box (`anchor`, a wp:anchor) prints, as the Frame of a
    positioned paragraph: its offsets from wp:positionH/V (wp:simplePos: from the paper's
    corner), its size from wp:extent less the box's inner margins (wps:bodyPr), its height
    exact unless the box grows with its text (a:spAutoFit). None when its place is no offset
    from an origin a frame has (aligned, in per cent, from a character) or it has no size:
    vanthu cannot say where it prints."""
    if anchor.get("simplePos") in ("1", "true", "on"):
        across, down = _simple_offset(anchor, "x"), _simple_offset(anchor, "y")
    else:
        across = _offset(anchor.find("wp:positionH", OOXML_NS), _BOX_ACROSS)
        down = _offset(anchor.find("wp:positionV", OOXML_NS), _BOX_DOWN)
    extent = anchor.find("wp:extent", OOXML_NS)
    width = _emu(extent.get("cx")) if extent is not None else None
    height = _emu(extent.get("cy")) if extent is not None else None
    if across is None or down is None or width is None or height is None:
        return None
    body = anchor.find(".//wps:bodyPr", OOXML_NS)
    left, top, right, bottom = (_inset(body, side) for side in BOX_INSETS)
    grows = body is not None and body.find("a:spAutoFit", OOXML_NS) is not None
    return Frame(
        x=(across[1] + left) // EMU_PER_TWIP, y=(down[1] + top) // EMU_PER_TWIP,
        width=(width - left - right) // EMU_PER_TWIP,
        height=(height - top - bottom) // EMU_PER_TWIP,
        h_anchor=across[0], v_anchor=down[0], exact=not grows,
    )  # fmt: skip


def _offset(position: etree._Element | None, origins: dict[str, str]) -> tuple[str, int] | None:
    """(origin as a frame names it, offset in EMU) of wp:positionH/V `position`; None for one
    aligned, in per cent, or from an origin a frame has not."""
    if position is None:
        return None
    origin = origins.get(str(position.get("relativeFrom")))
    offset = _emu(position.findtext("wp:posOffset", namespaces=OOXML_NS))
    return (origin, offset) if origin is not None and offset is not None else None


def _simple_offset(anchor: etree._Element, axis: str) -> tuple[str, int] | None:
    """A box placed by wp:simplePos: its `axis` ("x", "y") offset from the paper's corner."""
    simple = anchor.find("wp:simplePos", OOXML_NS)
    offset = _emu(simple.get(axis)) if simple is not None else None
    return ("page", offset) if offset is not None else None


def _inset(body: etree._Element | None, side: str) -> int:
    """The text box's inner margin `side` (lIns, ...) in EMU: wps:bodyPr's, else Word's."""
    value = _emu(body.get(side)) if body is not None else None
    return BOX_INSETS[side] if value is None else value


def _emu(value: str | None) -> int | None:
    """A length in EMU as DrawingML writes it (a whole number); None when none or no number."""
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def page_margins(document_xml: str) -> tuple[int, int]:
    """The page's left and top margins in twips (w:pgMar; none set: 0)."""
    found = _page_margins().search(document_xml)
    sides = dict(_margin_side().findall(found[0])) if found else {}
    return int(float(sides.get("left", 0))), int(float(sides.get("top", 0)))
