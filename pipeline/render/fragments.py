"""WordprocessingML fragments made from data: runs of clerk text, and the rules under titles.

Everything a clerk typed goes through `markupsafe.escape`, so `&`, `<`, `{{ }}` print as typed.
The light inline markup (**bold**, *italic*, backslash escapes) is parsed by markdown-it with
every rule off except emphasis, escapes and line breaks: no links, no HTML, no entities.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from pipeline.rules.metrics import EMU_PER_POINT

# Character styles of the frame's styles.xml that carry emphasis (not direct formatting).
STYLE_BOLD = "Strong"
STYLE_ITALIC = "Emphasis"
STYLE_BOLD_ITALIC = "StrongEmphasis"

RULE_THICKNESS_EMU = 9525  # 0.75 pt: a "solid rule" that prints as a thin line


@cache
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "escape", "newline"])


def _run(text: str, style: str | None) -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _break(style: str | None) -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f"<w:r>{props}<w:br/></w:r>"


def _style(bold: int, italic: int) -> str | None:
    if bold and italic:
        return STYLE_BOLD_ITALIC
    if bold:
        return STYLE_BOLD
    if italic:
        return STYLE_ITALIC
    return None


def rich_runs(text: str) -> Markup:
    """Runs of `text` with **bold** and *italic* as character styles, line breaks as <w:br/>."""
    tokens = _inline_parser().parseInline(text)[0].children or []
    bold = italic = 0
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("softbreak", "hardbreak"):
            out.append(_break(_style(bold, italic)))
        elif token.content:
            out.append(_run(token.content, _style(bold, italic)))
    return Markup("".join(out))


def rule_run(length_pt: float, shape_id: int = 1) -> Markup:
    """A run holding a horizontal line, in line with text, `length_pt` long.

    Inline (not anchored) so it centres with its paragraph whatever the column width; docx
    consumers renumber docPr ids (docxtpl's fix_docpr_ids does, and so does the fast engine).
    """
    cx = round(length_pt * EMU_PER_POINT)
    return Markup(
        "<w:r><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="0"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Đường kẻ {shape_id}"/>'
        "<wp:cNvGraphicFramePr/>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<wps:cNvCnPr/><wps:spPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{RULE_THICKNESS_EMU}">'
        '<a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )
