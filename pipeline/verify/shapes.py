"""Drawings of a paragraph, which of them are lines (the rules under header elements), and how
each line or paragraph border is stroked: solid, dashed or double (Phụ lục I wants a solid rule,
nét liền)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from pipeline.verify.model import Shape
from pipeline.verify.ooxml import NS, as_int, inside, q

EMU_PER_PT = 12700


@dataclass(frozen=True)
class Stroke:
    """How a line is drawn: kind "solid", "dashed", "double" (two or three strokes) or "other"
    (wavy, 3-D, a picture border); value as the file writes it ("dash", "dbl", "double")."""

    kind: str = "solid"
    value: str = ""

    @property
    def solid(self) -> bool:
        return self.kind == "solid"


SOLID = Stroke()

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


@dataclass
class Drawn(Shape):
    """A drawing with the stroke of its outline (a line's dash and compound style)."""

    stroke: Stroke = SOLID


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


def _drawingml_stroke(drawing: etree._Element) -> Stroke:
    """The stroke of a DrawingML shape's outline (its first a:ln), solid when it sets none."""
    line = drawing.find(".//a:ln", NS)
    if line is None:
        return SOLID
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


def _vml_stroke(shape: etree._Element) -> Stroke:
    """The stroke of a VML line or shape (its v:stroke), solid when it sets none."""
    stroke = shape.find("v:stroke", NS)
    if stroke is None:
        return SOLID
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


def paragraph_shapes(paragraph: etree._Element) -> list[Shape]:
    """Drawings of a paragraph: DrawingML inline/anchor shapes and VML lines and shapes, each
    with its stroke."""
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
            width = cx / EMU_PER_PT if cx else None
            shapes.append(Drawn(kind, width, is_line, _drawingml_stroke(drawing)))
    for pict in paragraph.iter(q("w:pict")):
        if inside(pict, paragraph, skip):
            continue
        for line in pict.iter(q("v:line")):
            start = str(line.get("from", "0,0")).split(",")[0]
            end = str(line.get("to", "0,0")).split(",")[0]
            x1, x2 = length_pt(start), length_pt(end)
            width = abs(x2 - x1) if x1 is not None and x2 is not None else None
            shapes.append(Drawn("vml", width, True, _vml_stroke(line)))
        for shape in pict.iter(q("v:shape"), q("v:rect")):
            style = dict(
                item.split(":", 1) for item in str(shape.get("style", "")).split(";") if ":" in item
            )
            width = length_pt(style.get("width", "")) if "width" in style else None
            height = length_pt(style.get("height", "0")) if "height" in style else 0
            is_line = (
                shape.get(q("o:connectortype")) is not None
                or str(shape.get("type", "")).endswith("_x0000_t32")
                or (height == 0)
            )
            shapes.append(Drawn("vml", width, is_line, _vml_stroke(shape)))
    return shapes
