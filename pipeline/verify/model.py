"""What verify reads a .docx into: paragraphs with resolved formatting, tables, sections, parts.

Pure data with the few properties the rules ask of it; reader.py builds it from the package XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.render.styles import StyleSheet
from pipeline.verify.report import Location

DEFAULT_SIZE = 10.0  # w:sz default, in points

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
CONTROL = re.compile(r"^(\s*\{%.*?%\}\s*)+$", re.S)
ONLY_TAGS = re.compile(r"^(\s*(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})\s*)+$", re.S)


@dataclass
class Shape:
    """A drawing in a paragraph: inline, anchored (floating) or VML; width in points."""

    kind: str
    width_pt: float | None
    is_line: bool


@dataclass
class Run:
    """A run of text with its formatting resolved through styles and defaults."""

    text: str
    size: float
    bold: bool
    italic: bool
    caps: bool
    font: str
    font_hansi: str
    color: str | None
    field: str | None  # instruction of the field this run shows the result of (PAGE, ...)
    hidden: bool = False
    # Small caps (w:smallCaps) without All caps: its lower-case letters print as capitals at
    # a smaller size (caps says it prints in capitals at all, either way).
    small_caps: bool = False


@dataclass
class Paragraph:
    """One paragraph with its resolved paragraph properties and runs."""

    index: int  # position among all paragraphs of the part, in document order
    where: Location
    style_id: str | None
    runs: list[Run]
    props: dict[str, object]
    shapes: list[Shape]
    fields: list[str]
    section: int
    cell: Cell | None
    page_break: bool = False
    mark_size: float = DEFAULT_SIZE  # size of the paragraph mark: an empty line's height

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if not r.hidden)

    @property
    def visible_runs(self) -> list[Run]:
        """Runs that show something other than spaces."""
        return [r for r in self.runs if r.text.strip() and not r.hidden]

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    @property
    def is_control(self) -> bool:
        """A docxtpl control paragraph ({%p for ... %}), removed when the template is rendered."""
        return bool(CONTROL.match(self.text))

    @property
    def has_tag(self) -> bool:
        return bool(TAG.search(self.text))

    @property
    def only_tags(self) -> bool:
        return bool(ONLY_TAGS.match(self.text))

    @property
    def alignment(self) -> str:
        return str(self.props.get("alignment", "left"))

    def twips(self, key: str) -> int:
        value = self.props.get(key, 0)
        return int(value) if isinstance(value, int | float) else 0

    @property
    def first_line(self) -> int:
        """First-line indent in twips (negative: hanging); character units converted."""
        chars = self.props.get("first_line_chars")
        if isinstance(chars, int):
            sizes = [r.size for r in self.visible_runs] or [DEFAULT_SIZE]
            return round(chars / 100 * max(sizes) * 20)
        return self.twips("first_line")

    def available_pt(self, section_width_pt: float | None) -> float | None:
        """Width the paragraph's lines may take: container width less indents."""
        base = self.cell.available_pt if self.cell is not None else section_width_pt
        if base is None:
            return None
        return base - (self.twips("left") + self.twips("right")) / 20


@dataclass
class Cell:
    """A table cell: its place, width and paragraphs."""

    table: Table
    row: int
    column: int
    width: int | None  # twips
    margins: int  # left + right cell margins, twips
    paragraphs: list[Paragraph] = field(default_factory=list)
    borders: tuple[str, ...] = ()  # the edges (top, bottom, left, right) that print a line

    @property
    def available_pt(self) -> float | None:
        return None if self.width is None else (self.width - self.margins) / 20


@dataclass
class Table:
    """A table: rows of cells, whether the first row repeats as a header."""

    number: int
    section: int
    rows: list[list[Cell]] = field(default_factory=list)
    header_repeats: bool = False
    nested: bool = False
    # Where it stands across the page, as Word places it: its alignment (w:jc: "center",
    # "right"/"end", else from the left margin), its indent from the left margin (w:tblInd),
    # whether it floats (w:tblpPr: placed by its own offsets) and its width in twips (its widest
    # row's cells, else w:tblW, else its grid; None when its widths are template tags).
    align: str | None = None
    indent: int = 0
    floating: bool = False
    width: int | None = None
    # Its columns' widths in twips as its grid gives them (w:tblGrid): what tells a table the
    # templates in force print from another one (rules_amounts.table_origin).
    grid: tuple[int, ...] = ()

    def cells(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row]

    def paragraphs(self) -> list[Paragraph]:
        return [p for cell in self.cells() for p in cell.paragraphs]


@dataclass
class Part:
    """A header or footer part and its paragraphs."""

    name: str
    kind: str  # "header" | "footer"
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Section:
    """Page set-up of one section, its headers and footers, and its top-level blocks."""

    number: int
    width: int | None  # twips
    height: int | None
    margins: dict[str, int]
    title_page: bool
    restart: int | None
    number_format: str | None  # pgNumType w:fmt: decimal, lowerRoman, ...
    headers: dict[str, Part | None]
    footers: dict[str, Part | None]
    blocks: list[Paragraph | Table] = field(default_factory=list)
    # Whether the section begins on a page of its own (w:type nextPage, oddPage, evenPage, the
    # default) rather than on the previous section's last page (continuous, nextColumn).
    starts_page: bool = True

    @property
    def landscape(self) -> bool:
        return bool(self.width and self.height and self.width > self.height)

    @property
    def text_width_pt(self) -> float | None:
        if not self.width or "left" not in self.margins or "right" not in self.margins:
            return None
        return (self.width - self.margins["left"] - self.margins["right"]) / 20

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class Document:
    """A whole .docx as verify sees it."""

    path: Path
    styles: StyleSheet
    sections: list[Section]
    paragraphs: list[Paragraph]  # every body paragraph, tables included, in document order
    tables: list[Table]
    parts: dict[str, Part]

    @property
    def blocks(self) -> list[Paragraph | Table]:
        return [b for s in self.sections for b in s.blocks]
