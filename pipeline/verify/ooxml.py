"""WordprocessingML names and the small element helpers the .docx reader shares."""

from __future__ import annotations

from lxml import etree

# The walk of a body's blocks, shared with render (render.structure locates a template's
# paragraphs as verify numbers them).
from pipeline.ooxml_blocks import block_elements as block_elements
from pipeline.ooxml_blocks import children as children

# The names themselves live below render/ and verify/ alike; the reader's modules take them here.
from pipeline.ooxml_names import NS as NS
from pipeline.ooxml_names import W as W
from pipeline.ooxml_names import q as q


def as_int(value: object) -> int | None:
    """An integer attribute value, None when absent or malformed."""
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return None


def table_grid(table: etree._Element) -> tuple[int, ...]:
    """A w:tbl's columns' widths in twips as its grid gives them (w:tblGrid): read alike for a
    document's tables and a template's, which rules_amounts.table_origin compares."""
    return tuple(as_int(c.get(q("w:w"))) or 0 for c in table.findall("w:tblGrid/w:gridCol", NS))


def child_val(element: etree._Element | None, path: str) -> str | None:
    """w:val of the child at `path` of `element`."""
    if element is None:
        return None
    child = element.find(path, NS)
    return None if child is None else child.get(q("w:val"))


def inside(element: etree._Element, root: etree._Element, tags: set[str]) -> bool:
    """Whether an ancestor of `element` below `root` has one of `tags`."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
