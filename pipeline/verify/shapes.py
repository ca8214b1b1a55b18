"""Drawings of a paragraph, which of them are lines (the rules under header elements), how
each line or paragraph border is stroked: solid, dashed or double (Phụ lục I wants a solid rule,
nét liền), or not drawn at all; where a floating drawing stands across the page; the
paragraphs of a header's text boxes (a page number may be printed in one); and the body's
floating text boxes (TextBox), in which a phôi's field may be typed, each with where its text
prints (render.form.box_frame) and its paragraphs, kept apart from the body's."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from pipeline.render.form import Frame, box_frame
from pipeline.verify.model import Paragraph, Part, Shape
from pipeline.verify.ooxml import NS, as_int, inside, q

EMU_PER_PT = 12700


@dataclass(frozen=True)
class Stroke:
    """How a line is drawn: kind "solid", "dashed", "double" (two or three strokes), "other"
    (wavy, 3-D, a picture border) or "none" (not drawn: no outline, or a transparent one);
    value as the file writes it ("dash", "dbl", "double")."""

    kind: str = "solid"
    value: str = ""

    @property
    def solid(self) -> bool:
        return self.kind == "solid"


SOLID = Stroke()
NOT_DRAWN = Stroke("none")

# DrawingML (a:ln): a:prstDash other than "solid" or an a:custDash is dashed; a compound line
# (cmpd) other than "sng" draws two or three strokes.
# VML (v:stroke): dashstyle other than "solid" is dashed; linestyle other than "single" draws
# two or three strokes.
# A paragraph border (w:val, ST_Border): "single" and "thick" draw one solid stroke (how thick
# a rule is Phụ lục I does not say); the names below draw several strokes or dashes; any other
# (wave, threeDEmboss, the picture borders) is no plain line either.
BORDER_SOLID = frozenset({"single", "thick"})
BORDER_DASHED = frozenset(
    {"dotted", "dashed", "dotDash", "dotDotDash", "dashSmallGap", "dashDotStroked"}
)
BORDER_DOUBLE = frozenset(
    {
        "double", "triple", "doubleWave",
        "thinThickSmallGap", "thickThinSmallGap", "thinThickThinSmallGap",
        "thinThickMediumGap", "thickThinMediumGap", "thinThickThinMediumGap",
        "thinThickLargeGap", "thickThinLargeGap", "thinThickThinLargeGap",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """Where a floating drawing stands across the page (wp:positionH; VML's
    mso-position-horizontal): in its `frame` ("column", "margin", "page", "character",
    "leftMargin", ... as wp:positionH names them), aligned there (`align`: left, center, right,
    inside, outside) or `offset_pt` from the frame's left edge; `width_pt` its width.
    Frame "inline": not floating, in the line of the paragraph holding it."""

    frame: str
    align: str | None = None
    offset_pt: float | None = None
    width_pt: float | None = None

    def centre(self, left: float, right: float) -> float | None:
        """Where the drawing's middle stands when its frame runs from `left` to `right`
        (points, in any one coordinate); None when its place is not known from these."""
        if self.align == "center":
            return (left + right) / 2
        if self.width_pt is None:
            return None
        if self.align == "left":
            return left + self.width_pt / 2
        if self.align == "right":
            return right - self.width_pt / 2
        if self.align is None and self.offset_pt is not None:
            return left + self.offset_pt + self.width_pt / 2
        return None  # inside, outside: the page's side decides


@dataclass
class Drawn(Shape):
    """A drawing with the stroke of its outline (a line's dash and compound style), and its
    place when it floats (None: inline, or a place not read)."""

    stroke: Stroke = SOLID
    place: Place | None = None


@dataclass
class TextBox(Drawn):
    """A floating text box of a body paragraph (a wp:anchor holding wps:txbx): where its text
    prints (`frame`, render.form.box_frame; None when not known), its content (a
    w:txbxContent) and its paragraphs as the reader reads them, each in the box's frame (a
    phôi's field may be typed in one). The rules of every document read the body's own
    paragraphs, not these; a batch of Giấy khen reads both (rules_certificate)."""

    frame: Frame | None = None
    content: etree._Element | None = field(default=None, repr=False, compare=False)
    paragraphs: list[Paragraph] = field(default_factory=list)


def boxed_in(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraphs of the floating text boxes `paragraph` holds, in its order."""
    return [p for box in paragraph.shapes if isinstance(box, TextBox) for p in box.paragraphs]


def with_text_boxes(paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
    """`paragraphs`, each followed by the paragraphs of the floating text boxes it holds: where
    a phôi's fields are looked for (a batch's pages, a field's place in its template)."""
    return [found for paragraph in paragraphs for found in (paragraph, *boxed_in(paragraph))]


@dataclass
class BoxedParagraph(Paragraph):
    """A paragraph of a text box (w:txbxContent) in a header or footer: where the box stands
    (`box`, None when not known) and the part's paragraph holding the box (`holder`), whose
    line places an inline box."""

    box: Place | None = None
    holder: Paragraph | None = None


@dataclass
class PartWithBoxes(Part):
    """A header or footer part with the paragraphs of its text boxes, kept apart from its own
    (Part.paragraphs, which every run rule reads): only the page number is looked for there."""

    boxed: list[BoxedParagraph] = field(default_factory=list)


def boxed_paragraphs(part: Part) -> list[BoxedParagraph]:
    """The paragraphs of the text boxes of a header or footer part."""
    return part.boxed if isinstance(part, PartWithBoxes) else []


def stroke_of(shape: Shape) -> Stroke:
    """The stroke of a shape read by paragraph_shapes (solid for any other)."""
    return shape.stroke if isinstance(shape, Drawn) else SOLID


def border_stroke(value: str | None) -> Stroke:
    """The stroke of a paragraph border of w:val `value`."""
    if value is None or value in BORDER_SOLID:
        return SOLID
    if value in BORDER_DASHED:
        return Stroke("dashed", value)
    if value in BORDER_DOUBLE:
        return Stroke("double", value)
    return Stroke("other", value)


def edge_stroke(props: Mapping[str, object], edge: str) -> Stroke:
    """The stroke of a paragraph's border `edge` ("top", "bottom"), from its resolved
    properties (render.styles: its own pPr over its styles' over the document defaults)."""
    value = props.get(f"border_{edge}_style")
    return border_stroke(value if isinstance(value, str) else None)


# The fills an outline (a:ln) may be drawn with; without one, the shape's style (wps:style's
# a:lnRef) gives it, idx 0 meaning no line.
_LINE_FILLS = tuple(q(f"a:{name}") for name in ("solidFill", "gradFill", "pattFill"))


def _drawingml_stroke(drawing: etree._Element) -> Stroke:
    """The stroke of a DrawingML shape's outline (its first a:ln), solid when it sets none;
    NOT_DRAWN when the outline is set to none (a:noFill: "No line" in Word), is fully
    transparent, or takes no fill of its own from a style that draws none (a:lnRef idx 0).
    A width of 0 is drawn, as the thinnest line the printer makes (a hairline)."""
    line = drawing.find(".//a:ln", NS)
    reference = drawing.find(".//wps:style/a:lnRef", NS)
    no_style_line = reference is not None and reference.get("idx") == "0"
    if line is None:
        return NOT_DRAWN if no_style_line else SOLID
    if line.find("a:noFill", NS) is not None:
        return NOT_DRAWN
    fill = next((child for child in line if child.tag in _LINE_FILLS), None)
    if fill is None and no_style_line:
        return NOT_DRAWN
    alpha = fill.find("*/a:alpha", NS) if fill is not None and fill.tag == _LINE_FILLS[0] else None
    if alpha is not None and as_int(alpha.get("val")) == 0:
        return NOT_DRAWN
    dash = line.find("a:prstDash", NS)
    value = dash.get("val") if dash is not None else None
    if value not in (None, "solid"):
        return Stroke("dashed", str(value))
    if line.find("a:custDash", NS) is not None:
        return Stroke("dashed", "custDash")
    compound = line.get("cmpd")
    if compound not in (None, "sng"):
        return Stroke("double", str(compound))
    return SOLID


# VML's false (ST_TrueFalse), in any case.
_VML_FALSE = frozenset({"f", "false"})


def _vml_stroke(shape: etree._Element) -> Stroke:
    """The stroke of a VML line or shape (its v:stroke), solid when it sets none; NOT_DRAWN
    when the shape is not stroked (stroked="f", or its v:stroke on="f")."""
    if str(shape.get("stroked", "")).strip().lower() in _VML_FALSE:
        return NOT_DRAWN
    stroke = shape.find("v:stroke", NS)
    if stroke is None:
        return SOLID
    if str(stroke.get("on", "")).strip().lower() in _VML_FALSE:
        return NOT_DRAWN
    dash = stroke.get("dashstyle")
    if dash not in (None, "solid"):
        return Stroke("dashed", str(dash))
    style = stroke.get("linestyle")
    if style not in (None, "single"):
        return Stroke("double", str(style))
    return SOLID


def length_pt(text: str) -> float | None:
    """A VML length ('117pt', '1.5in', '3cm', '20mm', '40px', bare number = pt) in points."""
    match = re.match(r"\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|emu)?\s*$", text)
    if not match:
        return None
    value = float(match[1])
    factor = {"pt": 1, None: 1, "in": 72, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
    unit = match[2]
    return value / EMU_PER_PT if unit == "emu" else value * factor[unit]


def anchor_place(anchor: etree._Element) -> Place | None:
    """Where a floating DrawingML drawing (wp:anchor) stands across the page; None when its
    wp:positionH gives neither an alignment nor an offset (a percentage: not read)."""
    extent = anchor.find("wp:extent", NS)
    cx = as_int(extent.get("cx")) if extent is not None else None
    width = cx / EMU_PER_PT if cx is not None else None
    if anchor.get("simplePos") in ("1", "true", "on"):  # wp:simplePos: from the page's corner
        simple = anchor.find("wp:simplePos", NS)
        x = as_int(simple.get("x")) if simple is not None else None
        return Place("page", offset_pt=x / EMU_PER_PT, width_pt=width) if x is not None else None
    position = anchor.find("wp:positionH", NS)
    if position is None:
        return None
    frame = str(position.get("relativeFrom") or "column")
    align = position.findtext("wp:align", namespaces=NS)
    if align and align.strip():
        return Place(frame, align=align.strip(), width_pt=width)
    offset = as_int(position.findtext("wp:posOffset", namespaces=NS))
    if offset is None:
        return None
    return Place(frame, offset_pt=offset / EMU_PER_PT, width_pt=width)


# VML's mso-position-horizontal-relative, as wp:positionH names the same frames.
_VML_FRAMES = {
    "text": "column", "margin": "margin", "page": "page", "char": "character",
    "left-margin-area": "leftMargin", "right-margin-area": "rightMargin",
    "inner-margin-area": "insideMargin", "outer-margin-area": "outsideMargin",
}  # fmt: skip


def _vml_style(shape: etree._Element) -> dict[str, str]:
    """A VML shape's CSS-like style attribute, its names in lower case."""
    items = (item.split(":", 1) for item in str(shape.get("style", "")).split(";") if ":" in item)
    return {name.strip().lower(): value.strip() for name, value in items}


def vml_place(style: Mapping[str, str], width: float | None, start: float = 0) -> Place:
    """Where a VML shape of `style` stands: floating (position:absolute) in its frame, at its
    margin-left (plus `start`, where a line's `from` starts) or aligned; else inline."""
    if style.get("position", "").lower() != "absolute":
        return Place("inline", width_pt=width)
    frame = _VML_FRAMES.get(style.get("mso-position-horizontal-relative", "text").lower(), "")
    align = style.get("mso-position-horizontal", "absolute").lower()
    if align != "absolute":
        return Place(frame, align=align, width_pt=width)
    left = length_pt(style.get("margin-left", style.get("left", "0")))
    return Place(frame, offset_pt=left + start if left is not None else None, width_pt=width)


def text_box_place(content: etree._Element) -> Place | None:
    """Where the text box holding `content` (a w:txbxContent) stands: its DrawingML anchor's
    place, frame "inline" for an inline one (its width with it), or its VML shape's."""
    for ancestor in content.iterancestors():
        if ancestor.tag == q("wp:anchor"):
            return anchor_place(ancestor)
        if ancestor.tag == q("wp:inline"):
            extent = ancestor.find("wp:extent", NS)
            cx = as_int(extent.get("cx")) if extent is not None else None
            return Place("inline", width_pt=cx / EMU_PER_PT if cx is not None else None)
        if ancestor.tag in (q("v:shape"), q("v:rect"), q("v:roundrect")):
            style = _vml_style(ancestor)
            return vml_place(style, length_pt(style["width"]) if "width" in style else None)
        if ancestor.tag == q("w:p"):
            break
    return None


# The text of a DrawingML text box (a wps:wsp drawn in a wp:anchor).
_BOX_CONTENT = "a:graphic/a:graphicData/wps:wsp/wps:txbx/w:txbxContent"


def paragraph_shapes(paragraph: etree._Element) -> list[Shape]:
    """Drawings of a paragraph: DrawingML inline/anchor shapes and VML lines and shapes, each
    with its stroke and, floating, its place. A line that is not drawn (no outline) is left
    out: on paper there is no line, as if there were no drawing."""
    shapes: list[Shape] = []
    skip = {q("mc:Fallback"), q("w:txbxContent")}
    for kind in ("inline", "anchor"):
        for drawing in paragraph.iter(q(f"wp:{kind}")):
            if inside(drawing, paragraph, skip):
                continue
            extent = drawing.find("wp:extent", NS)
            cx = as_int(extent.get("cx")) if extent is not None else None
            cy = as_int(extent.get("cy")) if extent is not None else None
            geometry = drawing.find(".//a:prstGeom", NS)
            preset = geometry.get("prst") if geometry is not None else None
            connector = drawing.find(".//wps:cNvCnPr", NS) is not None
            picture = drawing.find(".//a:graphicData", NS)
            is_picture = picture is not None and "picture" in str(picture.get("uri", ""))
            is_line = (
                preset in ("line", "straightConnector1")
                or connector
                or (not is_picture and (cy == 0 or cx == 0))
            )
            stroke = _drawingml_stroke(drawing)
            if is_line and stroke is NOT_DRAWN:
                continue
            width = cx / EMU_PER_PT if cx else None
            place = anchor_place(drawing) if kind == "anchor" else None
            content = drawing.find(_BOX_CONTENT, NS) if kind == "anchor" else None
            if content is not None:
                shapes.append(TextBox(kind, width, is_line, stroke, place, box_frame(drawing),
                                      content))  # fmt: skip
                continue
            shapes.append(Drawn(kind, width, is_line, stroke, place))
    for pict in paragraph.iter(q("w:pict")):
        if inside(pict, paragraph, skip):
            continue
        for line in pict.iter(q("v:line")):
            stroke = _vml_stroke(line)
            if stroke is NOT_DRAWN:
                continue
            start = str(line.get("from", "0,0")).split(",")[0]
            end = str(line.get("to", "0,0")).split(",")[0]
            x1, x2 = length_pt(start), length_pt(end)
            width = abs(x2 - x1) if x1 is not None and x2 is not None else None
            first = min(x1, x2) if x1 is not None and x2 is not None else 0
            place = vml_place(_vml_style(line), width, first)
            shapes.append(Drawn("vml", width, True, stroke, _floating(place)))
        for shape in pict.iter(q("v:shape"), q("v:rect")):
            style = _vml_style(shape)
            width = length_pt(style["width"]) if "width" in style else None
            height = length_pt(style["height"]) if "height" in style else 0
            is_line = (
                shape.get(q("o:connectortype")) is not None
                or str(shape.get("type", "")).endswith("_x0000_t32")
                or (height == 0)
            )
            stroke = _vml_stroke(shape)
            if is_line and stroke is NOT_DRAWN:
                continue
            place = _floating(vml_place(style, width))
            shapes.append(Drawn("vml", width, is_line, stroke, place))
    return shapes


def _floating(place: Place) -> Place | None:
    """`place` when the drawing floats; None for one in the line (placed as its text is)."""
    return None if place.frame == "inline" else place
