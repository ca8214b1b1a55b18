"""WordprocessingML names and the small element helpers the .docx reader shares."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def q(name: str) -> str:
    """Clark name of a prefixed tag: q('w:p')."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


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
