"""The blocks of a WordprocessingML body or cell, and an element's children, as Word lays them
out: content controls (w:sdt) and custom XML unwrapped. Below render/ and verify/ alike: render
locates a template's paragraphs as verify numbers a document's."""

from __future__ import annotations

from lxml import etree

from pipeline.ooxml_names import NS, q


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


def paragraph_text(paragraph: etree._Element) -> str:
    """The text of `paragraph`'s w:t runs joined as typed (no tabs or breaks): what render's
    template tools and its header repair compare with a known line."""
    return "".join(t.text or "" for t in paragraph.iter(q("w:t")))


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
