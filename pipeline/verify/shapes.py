"""Drawings of a paragraph, and which of them are lines (the rules under header elements)."""

from __future__ import annotations

import re

from lxml import etree

from pipeline.verify.model import Shape
from pipeline.verify.ooxml import NS, as_int, inside, q

EMU_PER_PT = 12700


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
    """Drawings of a paragraph: DrawingML inline/anchor shapes and VML lines and shapes."""
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
            shapes.append(Shape(kind, width, is_line))
    for pict in paragraph.iter(q("w:pict")):
        if inside(pict, paragraph, skip):
            continue
        for line in pict.iter(q("v:line")):
            start = str(line.get("from", "0,0")).split(",")[0]
            end = str(line.get("to", "0,0")).split(",")[0]
            x1, x2 = length_pt(start), length_pt(end)
            width = abs(x2 - x1) if x1 is not None and x2 is not None else None
            shapes.append(Shape("vml", width, True))
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
            shapes.append(Shape("vml", width, is_line))
    return shapes
