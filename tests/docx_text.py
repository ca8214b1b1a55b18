"""The text of a .docx as a reader meets it: paragraphs in order, table cells included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

# A line break inside a paragraph, as written in the expected-text fixtures.
BREAK = " ⏎ "


def _paragraphs(element: _Element) -> Iterator[_Element]:
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:tbl"):
            for cell in child.iter(qn("w:tc")):
                yield from cell.iter(qn("w:p"))


def _text(paragraph: _Element) -> str:
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append(BREAK if node.tag == qn("w:br") else "\t")
    return "".join(parts)


def paragraph_texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, tables read cell by cell, in document order."""
    body = Document(str(path)).element.body
    return [text for p in _paragraphs(body) if (text := _text(p)).strip()]
