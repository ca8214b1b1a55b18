"""WordprocessingML names and the small element helpers the .docx reader shares."""

from __future__ import annotations

from lxml import etree

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


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Direct children named `name`, looking through content controls and custom XML."""
    out = []
    for child in element:
        if child.tag == q(name):
            out.append(child)
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find("w:sdtContent", NS) if child.tag == q("w:sdt") else child
            if content is not None:
                out.extend(children(content, name))
    return out


def block_elements(container: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables of a body or cell, in order, content controls unwrapped."""
    out = []
    for child in container:
        if child.tag in (q("w:p"), q("w:tbl")):
            out.append(child)
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find("w:sdtContent", NS) if child.tag == q("w:sdt") else child
            if content is not None:
                out.extend(block_elements(content))
    return out


def inside(element: etree._Element, root: etree._Element, tags: set[str]) -> bool:
    """Whether an ancestor of `element` below `root` has one of `tags`."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
