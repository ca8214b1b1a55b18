"""Which edges of a table's cells print a line: the header and signature tables have none.

Word decides a cell edge from, in order: the cell's own w:tcBorders, the table's w:tblBorders,
then the table style's (through basedOn), else the default table style's (Word's "Normal
Table" has none). An outer edge takes the table's top/bottom/left/right, an edge between cells
its insideH/insideV. A border of val "nil" or "none", or drawn in white, prints nothing.
python-docx does not resolve table borders, so this is read from the XML here.
"""

from __future__ import annotations

from lxml import etree

from pipeline.verify.ooxml import NS, q

EDGES = ("top", "bottom", "left", "right")
_SYNONYMS = {"start": "left", "end": "right"}  # the bidi-aware names of an edge
_INVISIBLE = {"nil", "none"}
_WHITE = {"FFFFFF", "ffffff"}

Edges = dict[str, bool]  # edge name (top, insideH, ...) → whether it prints a line


def _edges(borders: etree._Element | None) -> Edges:
    """The edges a w:tblBorders or w:tcBorders element sets, each as printed or not."""
    found: Edges = {}
    if borders is None:
        return found
    for child in borders:
        name = etree.QName(child).localname
        name = _SYNONYMS.get(name, name)
        value = child.get(q("w:val")) or "none"
        found[name] = value not in _INVISIBLE and child.get(q("w:color")) not in _WHITE
    return found


class TableBorders:
    """The table-level edges of one table: style chain first, the table's own on top."""

    def __init__(self, table: etree._Element, styles: dict[str | None, etree._Element]) -> None:
        props = table.find("w:tblPr", NS)
        style = props.find("w:tblStyle", NS) if props is not None else None
        style_id = style.get(q("w:val")) if style is not None else _default_table_style(styles)
        self.edges: Edges = {}
        for element in reversed(_style_chain(style_id, styles)):
            self.edges.update(_edges(element.find("w:tblPr/w:tblBorders", NS)))
        if props is not None:
            self.edges.update(_edges(props.find("w:tblBorders", NS)))

    def cell_edges(
        self, cell: etree._Element, row: int, column: int, rows: int, columns: int
    ) -> tuple[str, ...]:
        """The edges of the cell at (row, column), 1-based, that print a line."""
        props = cell.find("w:tcPr", NS)
        own = _edges(props.find("w:tcBorders", NS) if props is not None else None)
        outer = {
            "top": "top" if row == 1 else "insideH",
            "bottom": "bottom" if row == rows else "insideH",
            "left": "left" if column == 1 else "insideV",
            "right": "right" if column == columns else "insideV",
        }
        return tuple(edge for edge in EDGES if own.get(edge, self.edges.get(outer[edge], False)))


def _default_table_style(styles: dict[str | None, etree._Element]) -> str | None:
    for style_id, style in styles.items():
        if style.get(q("w:type")) == "table" and style.get(q("w:default")) in ("1", "true", "on"):
            return style_id
    return None


def _style_chain(
    style_id: str | None, styles: dict[str | None, etree._Element]
) -> list[etree._Element]:
    """The style and those it is based on, nearest first (a loop in basedOn stops it)."""
    chain: list[etree._Element] = []
    while style_id is not None and style_id in styles:
        style = styles[style_id]
        if any(s is style for s in chain):
            break
        chain.append(style)
        based = style.find("w:basedOn", NS)
        style_id = based.get(q("w:val")) if based is not None else None
    return chain
