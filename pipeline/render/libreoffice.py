"""What a LibreOffice save of a template loses that vanthu can put back when reading it.

The header block (khoi/dau-trang, khoi/dau-kem-theo) takes its column widths from vanthu: its
table's w:tblW, w:gridCol and w:tcW hold `{{ dau_trang.tong }}`, `{{ dau_trang.trai }}` and
`{{ dau_trang.phai }}` (pipeline.context.common.columns_for fits them to the agency's name and
the Quốc hiệu). LibreOffice reads a width only as a number: it lays such a table out as two
equal columns of the text width and saves those numbers (4676 and 4677 twips on A4 with the
Decree's margins), so a template a maintainer opened and saved, even unchanged, printed the
Quốc hiệu on two lines. A width is an attribute, which cannot hold a tag LibreOffice keeps, so
the template cannot be written in a form that survives: the tags are put back here instead,
where the table is still recognisably vanthu's header as LibreOffice saved it (two columns, one
holding the Quốc hiệu, split equally into the two halves of its page's text width). Widths a
maintainer chose are kept as they are, and templates check warns of them
(tpl.header_widths_fixed): unequal columns, and equal ones that do not fill the text width
(two 60 mm columns, 12000 twips in all, are a choice; 4677 + 4677 on A4 is what LibreOffice's
save, and Word's "Distribute columns evenly" on the full-width table, write). An equal split of
the text width cannot be told from LibreOffice's, so it is replaced, and templates check says so
(tpl.header_widths_restored): a maintainer who set it on purpose learns why it did not print.

Section breaks, which LibreOffice also moved, are kept by the templates' own form instead
(tools/make_templates.py, SECTION_BREAK_TEXT).
"""

from __future__ import annotations

from typing import Any

from pipeline.ooxml_blocks import paragraph_text
from pipeline.ooxml_names import W_CLARK

QUOC_HIEU_STYLE = "QuocHieu"
# The tags of the header block's widths (tools/make_templates.py, block_header).
TABLE_WIDTH = "{{ dau_trang.tong }}"
COLUMN_WIDTHS = ("{{ dau_trang.trai }}", "{{ dau_trang.phai }}")
# How far apart two columns LibreOffice split equally may be: the odd twip of the text width.
_EQUAL_SPLIT_SLACK = 1
# How far the two columns' sum may be from the page's text width in LibreOffice's split: it
# rounds each half down (4676 + 4677 = 9353 of 9354), Word through its own units.
_TEXT_WIDTH_SLACK = 20
# The text width of A4 with the Decree's usual margins (30 and 15 mm), for a table whose
# section says nothing of its page.
_USUAL_TEXT_WIDTH = 9354


def restored_header_widths(document_xml: bytes) -> bytes:
    """word/document.xml with the width tags of vanthu's header table put back where a
    LibreOffice save turned them into an equal split; unchanged (the same bytes) otherwise."""
    if b"dau_trang" in document_xml or b"<w:tbl>" not in document_xml:
        return document_xml  # the tags are there, or there is no table to restore
    # Imported here: most templates (and every one vanthu wrote) stop above.
    from lxml import etree

    from pipeline.render.header_texts import QUOC_HIEU

    if QUOC_HIEU_STYLE.encode() not in document_xml and QUOC_HIEU.encode() not in document_xml:
        return document_xml

    try:
        root = etree.fromstring(document_xml)
    except etree.XMLSyntaxError:
        return document_xml  # reading the template says so, with the place
    restored = [table for table in root.iter(f"{W_CLARK}tbl") if _restore(table)]
    if not restored:
        return document_xml
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _restore(table: Any) -> bool:
    """Put the width tags back into `table` if it is the header table split equally."""
    grid = table.findall(f"{W_CLARK}tblGrid/{W_CLARK}gridCol")
    rows = table.findall(f"{W_CLARK}tr")
    if len(grid) != len(COLUMN_WIDTHS) or not rows or not _holds_quoc_hieu(table):
        return False
    widths = [_twips(column.get(f"{W_CLARK}w")) for column in grid]
    if None in widths or abs(widths[0] - widths[1]) > _EQUAL_SPLIT_SLACK:  # type: ignore[operator]
        return False
    if abs(sum(widths) - _text_width(table)) > _TEXT_WIDTH_SLACK:  # type: ignore[arg-type]
        return False  # equal columns of the maintainer's own width: kept
    cells = [row.findall(f"{W_CLARK}tc") for row in rows]
    if any(len(row) != len(COLUMN_WIDTHS) for row in cells):
        return False  # merged or added cells: not the block as vanthu wrote it
    for column, tag in zip(grid, COLUMN_WIDTHS, strict=True):
        column.set(f"{W_CLARK}w", tag)
    for row in cells:
        for cell, tag in zip(row, COLUMN_WIDTHS, strict=True):
            _set_width(cell, "tcPr", "tcW", tag)
    _set_width(table, "tblPr", "tblW", TABLE_WIDTH)
    return True


def restored_widths(document_xml: bytes) -> list[int] | None:
    """The equal column widths of the header table that restored_header_widths replaces in
    `document_xml` (what templates check tells the maintainer), None when it replaces none."""
    if restored_header_widths(document_xml) is document_xml:
        return None
    from lxml import etree

    root = etree.fromstring(document_xml)
    for table in root.iter(f"{W_CLARK}tbl"):
        grid = table.findall(f"{W_CLARK}tblGrid/{W_CLARK}gridCol")
        if len(grid) == len(COLUMN_WIDTHS) and _holds_quoc_hieu(table):
            widths = [_twips(column.get(f"{W_CLARK}w")) for column in grid]
            if None not in widths:
                return [w for w in widths if w is not None]
    return None


def _text_width(table: Any) -> int:
    """The text width (paper less left and right margins and gutter) of the section `table`
    stands in: the first section break after it, else the body's last section."""
    sect = None
    for following in table.itersiblings(f"{W_CLARK}p"):
        sect = following.find(f"{W_CLARK}pPr/{W_CLARK}sectPr")
        if sect is not None:
            break
    if sect is None:
        body = table.getparent()
        sect = body.find(f"{W_CLARK}sectPr") if body is not None else None
    size = sect.find(f"{W_CLARK}pgSz") if sect is not None else None
    margins = sect.find(f"{W_CLARK}pgMar") if sect is not None else None
    if size is None or margins is None:
        return _USUAL_TEXT_WIDTH
    page = _twips(size.get(f"{W_CLARK}w"))
    sides = [_twips(margins.get(f"{W_CLARK}{side}", "0")) for side in ("left", "right", "gutter")]
    if page is None or None in sides:
        return _USUAL_TEXT_WIDTH
    return page - sum(side for side in sides if side is not None)


def _holds_quoc_hieu(table: Any) -> bool:
    """Whether a paragraph of `table` itself (not of a table nested in it) is the Quốc hiệu."""
    from pipeline.render.header_texts import QUOC_HIEU

    for paragraph in table.iterfind(f"{W_CLARK}tr/{W_CLARK}tc/{W_CLARK}p"):
        style = paragraph.find(f"{W_CLARK}pPr/{W_CLARK}pStyle")
        if style is not None and style.get(f"{W_CLARK}val") == QUOC_HIEU_STYLE:
            return True
        if " ".join(paragraph_text(paragraph).split()) == QUOC_HIEU:
            return True
    return False


def _twips(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def _set_width(owner: Any, properties: str, name: str, tag: str) -> None:
    """`owner`'s width element (w:tcW of a cell, w:tblW of the table) set to `tag` in twips,
    added first in its properties where LibreOffice left none."""
    props = owner.find(f"{W_CLARK}{properties}")
    if props is None:
        return  # a cell or table without properties has no width to set: the grid holds it
    width = props.find(f"{W_CLARK}{name}")
    if width is None:
        width = props.makeelement(f"{W_CLARK}{name}", {})
        # tblW follows tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
        # tblStyleColBandSize; tcW follows cnfStyle. LibreOffice writes none of those first
        # but tblStyle and cnfStyle.
        first = props.find(f"{W_CLARK}tblStyle" if name == "tblW" else f"{W_CLARK}cnfStyle")
        props.insert(0 if first is None else props.index(first) + 1, width)
    width.set(f"{W_CLARK}w", tag)
    width.set(f"{W_CLARK}type", "dxa")
