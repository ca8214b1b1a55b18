"""Read a .docx into what verify checks: paragraphs with resolved formatting, tables, sections.

Works on the package XML with lxml, not on python-docx, so that any document opens (hand-made,
with text boxes, fields, theme fonts, numbering) and every value is resolved the way Word does:
direct formatting, then character style, paragraph style (through basedOn), numbering and
docDefaults, with the shared StyleSheet doing the style part.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.errors import InputError
from pipeline.render.styles import StyleSheet
from pipeline.verify.report import Location

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
EMU_PER_PT = 12700
DEFAULT_FONT = "Times New Roman"  # what Word uses when no level names a font
DEFAULT_SIZE = 10.0  # w:sz default, in points
DEFAULT_CELL_MARGIN = 108  # twips, Word's "Normal Table"

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
CONTROL = re.compile(r"^(\s*\{%.*?%\}\s*)+$", re.S)
ONLY_TAGS = re.compile(r"^(\s*(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})\s*)+$", re.S)


def q(name: str) -> str:
    """Clark name of a prefixed tag: q('w:p')."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


_SKIPPED = {q("w:del"), q("w:moveFrom"), q("w:txbxContent"), q("mc:Fallback"), q("w:pPr")}


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


def read_document(path: Path) -> Document:
    """Open `path` as a .docx; InputError when it is not one."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError("verify.no_file", file=path) from None
    except (zipfile.BadZipFile, IsADirectoryError, OSError) as exc:
        raise InputError(
            "verify.not_docx", file=path, reason=str(exc) or type(exc).__name__
        ) from None
    with archive:
        try:
            return _Reader(path, archive).read()
        except KeyError as exc:
            raise InputError("verify.not_docx", file=path, reason=f"{exc.args[0]}") from None
        except etree.XMLSyntaxError as exc:
            raise InputError("verify.not_docx", file=path, reason=str(exc)) from None


class _Reader:
    """Builds a Document from the parts of one package."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        names = set(archive.namelist())
        self.main = self._main_part(names)
        self.rels = self._relationships(self.main)
        styles_part = self._related("styles")
        empty = f'<w:styles xmlns:w="{W}"/>'.encode()
        self.styles = StyleSheet(archive.read(styles_part) if styles_part in names else empty)
        self.theme = self._theme_fonts(self._related("theme"), names)
        self.numbering = self._numbering(self._related("numbering"), names)
        self.tables: list[Table] = []
        self.paragraphs: list[Paragraph] = []
        self.parts: dict[str, Part] = {}

    # --- package ------------------------------------------------------------------------

    def _main_part(self, names: set[str]) -> str:
        """Name of the main document part (word/document.xml in practice)."""
        if "[Content_Types].xml" in names:
            types = etree.fromstring(self.archive.read("[Content_Types].xml"))
            for override in types:
                if str(override.get("ContentType", "")).endswith("document.main+xml"):
                    return str(override.get("PartName")).lstrip("/")
        return "word/document.xml"

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type suffix, part name) for `part`."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.archive.namelist():
            return {}
        root = etree.fromstring(self.archive.read(rels_name))
        out = {}
        for rel in root:
            target = str(rel.get("Target", ""))
            if rel.get("TargetMode") == "External":
                continue
            full = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            out[str(rel.get("Id"))] = (str(rel.get("Type", "")).rsplit("/", 1)[-1], full)
        return out

    def _related(self, kind: str) -> str:
        """Part name of the document's first relationship of a type (styles, theme, ...)."""
        for rel_type, target in self.rels.values():
            if rel_type == kind:
                return target
        return ""

    def _theme_fonts(self, part: str, names: set[str]) -> dict[str, str]:
        """minorHAnsi, majorAscii, ... → typeface, from the theme part."""
        if part not in names:
            return {}
        root = etree.fromstring(self.archive.read(part))
        fonts = {}
        for scheme in ("major", "minor"):
            latin = root.find(f".//a:{scheme}Font/a:latin", NS)
            if latin is not None and latin.get("typeface"):
                for suffix in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                    fonts[f"{scheme}{suffix}"] = str(latin.get("typeface"))
        return fonts

    def _numbering(self, part: str, names: set[str]) -> dict[tuple[str, int], dict[str, object]]:
        """(numId, level) → paragraph properties the numbering level gives (its indents)."""
        if part not in names:
            return {}
        root = etree.fromstring(self.archive.read(part))
        abstract = {}
        for node in root.findall("w:abstractNum", NS):
            levels = {}
            for lvl in node.findall("w:lvl", NS):
                levels[int(lvl.get(q("w:ilvl")) or 0)] = self.styles.paragraph_props(
                    lvl.find("w:pPr", NS)
                )
            abstract[node.get(q("w:abstractNumId"))] = levels
        out = {}
        for num in root.findall("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            levels = abstract.get(ref.get(q("w:val")) if ref is not None else None, {})
            for level, props in levels.items():
                out[(str(num.get(q("w:numId"))), level)] = props
        return out

    # --- body ---------------------------------------------------------------------------

    def read(self) -> Document:
        """The body, section by section, with every table and header part."""
        root = etree.fromstring(self.archive.read(self.main))
        body = root.find("w:body", NS)
        if body is None:
            raise KeyError("w:body")
        sections: list[Section] = []
        blocks: list[Paragraph | Table] = []
        top_number = 0
        for element in _block_elements(body):
            if element.tag == q("w:p"):
                top_number += 1
                where = Location("paragraph", paragraph=top_number)
                paragraph = self._paragraph(
                    element, where, len(sections) + 1, None, self.paragraphs
                )
                blocks.append(paragraph)
                sect = element.find("w:pPr/w:sectPr", NS)
                if sect is not None:
                    sections.append(self._section(sect, len(sections) + 1, blocks, sections))
                    blocks = []
            elif element.tag == q("w:tbl"):
                blocks.append(self._table(element, len(sections) + 1, nested=False))
        final = body.find("w:sectPr", NS)
        sections.append(self._section(final, len(sections) + 1, blocks, sections))
        return Document(self.path, self.styles, sections, self.paragraphs, self.tables, self.parts)

    def _section(
        self,
        sect: etree._Element | None,
        number: int,
        blocks: list[Paragraph | Table],
        previous: list[Section],
    ) -> Section:
        """A section from its sectPr; header and footer references inherited when missing."""
        width = height = None
        margins: dict[str, int] = {}
        title_page = False
        restart = None
        number_format = None
        refs: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
        if sect is not None:
            size = sect.find("w:pgSz", NS)
            if size is not None:
                width = _int(size.get(q("w:w")))
                height = _int(size.get(q("w:h")))
            mar = sect.find("w:pgMar", NS)
            if mar is not None:
                for side in ("top", "bottom", "left", "right", "gutter"):
                    value = _int(mar.get(q(f"w:{side}")))
                    if value is not None:
                        margins[side] = abs(value)
                if "left" in margins:
                    margins["left"] += margins.pop("gutter", 0)
            title = sect.find("w:titlePg", NS)
            title_page = title is not None and title.get(q("w:val")) not in ("0", "false", "off")
            numbering = sect.find("w:pgNumType", NS)
            if numbering is not None:
                restart = _int(numbering.get(q("w:start")))
                number_format = numbering.get(q("w:fmt"))
            for kind in ("header", "footer"):
                for ref in sect.findall(f"w:{kind}Reference", NS):
                    refs[kind][str(ref.get(q("w:type")) or "default")] = str(ref.get(q("r:id")))
        headers: dict[str, Part | None] = {}
        footers: dict[str, Part | None] = {}
        for kind, target in (("header", headers), ("footer", footers)):
            for variant in ("default", "first", "even"):
                rid = refs[kind].get(variant)
                if rid is not None:
                    target[variant] = self._part(rid, kind)
                elif previous:  # a section without its own reference inherits the previous one's
                    inherited = previous[-1].headers if kind == "header" else previous[-1].footers
                    target[variant] = inherited.get(variant)
                else:
                    target[variant] = None
        return Section(
            number,
            width,
            height,
            margins,
            title_page,
            restart,
            number_format,
            headers,
            footers,
            blocks,
        )

    def _part(self, rid: str, kind: str) -> Part | None:
        """The header or footer part of a relationship, read once."""
        target = self.rels.get(rid)
        if target is None or target[1] not in self.archive.namelist():
            return None
        name = target[1]
        if name in self.parts:
            return self.parts[name]
        part = Part(posixpath.basename(name), kind)
        self.parts[name] = part
        root = etree.fromstring(self.archive.read(name))
        number = 0
        for element in root.iter(q("w:p")):
            if _inside(element, root, {q("w:txbxContent"), q("mc:Fallback")}):
                continue
            number += 1
            where = Location("part", part=part.name, paragraph=number)
            part.paragraphs.append(self._paragraph(element, where, 0, None, part.paragraphs))
        return part

    def _table(self, element: etree._Element, section: int, nested: bool) -> Table:
        """A table, its cells' widths and paragraphs (nested tables flattened into the cell)."""
        table = Table(len(self.tables) + 1, section, nested=nested)
        self.tables.append(table)
        margins = _cell_margins(element.find("w:tblPr", NS), DEFAULT_CELL_MARGIN * 2)
        grid = [_int(c.get(q("w:w"))) or 0 for c in element.findall("w:tblGrid/w:gridCol", NS)]
        for row_number, tr in enumerate(_children(element, "w:tr"), start=1):
            if row_number == 1:
                header = tr.find("w:trPr/w:tblHeader", NS)
                table.header_repeats = header is not None and header.get(q("w:val")) not in (
                    "0",
                    "false",
                    "off",
                )
            row: list[Cell] = []
            grid_col = 0
            for col_number, tc in enumerate(_children(tr, "w:tc"), start=1):
                tc_pr = tc.find("w:tcPr", NS)
                span = _int(_attr(tc_pr, "w:gridSpan")) or 1
                width = _cell_width(tc_pr, grid[grid_col : grid_col + span])
                grid_col += span
                cell = Cell(table, row_number, col_number, width, _cell_margins(tc_pr, margins))
                row.append(cell)
                number = 0
                for child in _block_elements(tc):
                    if child.tag == q("w:p"):
                        number += 1
                        where = Location(
                            "cell",
                            table=table.number,
                            row=row_number,
                            column=col_number,
                            paragraph=number,
                        )
                        cell.paragraphs.append(
                            self._paragraph(child, where, section, cell, self.paragraphs)
                        )
                    elif child.tag == q("w:tbl"):
                        inner = self._table(child, section, nested=True)
                        cell.paragraphs.extend(inner.paragraphs())
            table.rows.append(row)
        return table

    def _paragraph(
        self,
        element: etree._Element,
        where: Location,
        section: int,
        cell: Cell | None,
        collection: list[Paragraph],
    ) -> Paragraph:
        """A paragraph with properties resolved: docDefaults < style < numbering < direct."""
        ppr = element.find("w:pPr", NS)
        style_el = ppr.find("w:pStyle", NS) if ppr is not None else None
        style_id = style_el.get(q("w:val")) if style_el is not None else None
        style_id = style_id or self.styles.default_paragraph_style
        props = dict(self.styles.default_paragraph)
        style_props = self.styles.style_paragraph_props(style_id)
        direct = self.styles.paragraph_props(ppr)
        props.update(style_props)
        num_id = direct.get("num_id", style_props.get("num_id"))
        level = direct.get("num_level", style_props.get("num_level", 0))
        if num_id is not None and num_id != "0":
            numbered = self.numbering.get((str(num_id), int(level)), {})  # type: ignore[call-overload]
            props.update(
                {k: v for k, v in numbered.items() if k in ("left", "right", "first_line")}
            )
        props.update(direct)
        runs, fields = self._runs(element, style_id)
        paragraph = Paragraph(
            index=len(collection),
            where=where,
            style_id=style_id,
            runs=runs,
            props=props,
            shapes=_shapes(element),
            fields=fields,
            section=section,
            cell=cell,
            page_break=_page_break(element),
        )
        paragraph.where = where.with_excerpt(paragraph.text)
        collection.append(paragraph)
        return paragraph

    def _runs(self, element: etree._Element, style_id: str | None) -> tuple[list[Run], list[str]]:
        """The runs of a paragraph (field codes left out) and the instructions of its fields."""
        runs: list[Run] = []
        fields: list[str] = []
        stack: list[list[str]] = []  # complex fields: [instruction, state]
        for node in _inline_nodes(element):
            if node.tag == q("w:fldSimple"):
                instruction = str(node.get(q("w:instr"), "")).strip()
                fields.append(instruction)
                for run in node.iter(q("w:r")):
                    runs.append(self._run(run, style_id, instruction))
                continue
            for child in node:
                if child.tag == q("w:fldChar"):
                    kind = child.get(q("w:fldCharType"))
                    if kind == "begin":
                        stack.append(["", "code"])
                    elif kind == "separate" and stack:
                        stack[-1][1] = "result"
                        fields.append(stack[-1][0].strip())
                    elif kind == "end" and stack:
                        if stack[-1][1] == "code":
                            fields.append(stack[-1][0].strip())
                        stack.pop()
                elif child.tag == q("w:instrText") and stack:
                    stack[-1][0] += child.text or ""
            if stack and stack[-1][1] == "code":
                continue
            run = self._run(node, style_id, stack[-1][0].strip() if stack else None)
            runs.append(run)
        return runs, fields

    def _run(self, node: etree._Element, style_id: str | None, instruction: str | None) -> Run:
        """One run, its formatting resolved through the StyleSheet."""
        rpr = node.find("w:rPr", NS)
        char_style = None
        if rpr is not None and rpr.find("w:rStyle", NS) is not None:
            char_style = rpr.find("w:rStyle", NS).get(q("w:val"))
        props = self.styles.resolve_run(style_id, char_style, rpr)
        return Run(
            text=_run_text(node),
            size=float(props.get("size") or DEFAULT_SIZE),  # type: ignore[arg-type]
            bold=bool(props.get("bold", False)),
            italic=bool(props.get("italic", False)),
            caps=bool(props.get("caps", False) or props.get("small_caps", False)),
            font=self._font(props.get("font")),
            font_hansi=self._font(props.get("font_hansi", props.get("font"))),
            color=props.get("color"),  # type: ignore[arg-type]
            field=instruction,
            hidden=bool(props.get("hidden", False)),
        )

    def _font(self, value: object) -> str:
        """A font name, theme fonts (theme:minorHAnsi) resolved through the theme part."""
        if not value:
            return DEFAULT_FONT
        name = str(value)
        if name.startswith("theme:"):
            return self.theme.get(name[6:], name[6:])
        return name


# --- helpers ------------------------------------------------------------------------------


def _int(value: object) -> int | None:
    """An integer attribute value, None when absent or malformed."""
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return None


def _attr(element: etree._Element | None, path: str) -> str | None:
    """w:val of the child at `path` of `element`."""
    if element is None:
        return None
    child = element.find(path, NS)
    return None if child is None else child.get(q("w:val"))


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    """Direct children named `name`, looking through content controls and custom XML."""
    out = []
    for child in element:
        if child.tag == q(name):
            out.append(child)
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find("w:sdtContent", NS) if child.tag == q("w:sdt") else child
            if content is not None:
                out.extend(_children(content, name))
    return out


def _block_elements(container: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables of a body or cell, in order, content controls unwrapped."""
    out = []
    for child in container:
        if child.tag in (q("w:p"), q("w:tbl")):
            out.append(child)
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find("w:sdtContent", NS) if child.tag == q("w:sdt") else child
            if content is not None:
                out.extend(_block_elements(content))
    return out


def _inside(element: etree._Element, root: etree._Element, tags: set[str]) -> bool:
    """Whether an ancestor of `element` below `root` has one of `tags`."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _inline_nodes(paragraph: etree._Element) -> list[etree._Element]:
    """Runs and simple fields of a paragraph in order, skipping deletions and text boxes."""
    out: list[etree._Element] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag in (q("w:r"), q("w:fldSimple")):
                out.append(child)
            else:
                walk(child)

    walk(paragraph)
    return out


def _run_text(run: etree._Element) -> str:
    """What a run shows: text, tabs and line breaks."""
    parts = []
    for child in run:
        if child.tag == q("w:t"):
            parts.append(child.text or "")
        elif child.tag == q("w:tab") or child.tag == q("w:ptab"):
            parts.append("\t")
        elif child.tag in (q("w:br"), q("w:cr")):
            if child.get(q("w:type")) in (None, "textWrapping"):
                parts.append("\n")
        elif child.tag == q("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _page_break(paragraph: etree._Element) -> bool:
    """Whether the paragraph starts a page: page break before it, or a break before its text."""
    ppr = paragraph.find("w:pPr", NS)
    before = ppr.find("w:pageBreakBefore", NS) if ppr is not None else None
    if before is not None and before.get(q("w:val")) not in ("0", "false", "off"):
        return True
    for node in paragraph.iter(q("w:br"), q("w:t")):
        if node.tag == q("w:t") and (node.text or "").strip():
            return False
        if node.tag == q("w:br") and node.get(q("w:type")) == "page":
            return True
    return False


def _cell_margins(props: etree._Element | None, default: int) -> int:
    """Left plus right cell margins in twips (tblCellMar / tcMar, else `default`)."""
    if props is None:
        return default
    mar = props.find("w:tblCellMar", NS)
    if mar is None:
        mar = props.find("w:tcMar", NS)
    if mar is None:
        return default
    total = 0
    for names in (("left", "start"), ("right", "end")):
        side = next(
            (mar.find(f"w:{n}", NS) for n in names if mar.find(f"w:{n}", NS) is not None), None
        )
        total += (_int(side.get(q("w:w"))) or 0) if side is not None else default // 2
    return total


def _cell_width(tc_pr: etree._Element | None, grid: list[int]) -> int | None:
    """A cell's width in twips: tcW when in dxa, else its grid columns."""
    if tc_pr is not None:
        width = tc_pr.find("w:tcW", NS)
        if width is not None and width.get(q("w:type"), "dxa") == "dxa":
            value = _int(width.get(q("w:w")))
            if value:
                return value
    return sum(grid) or None


def _length_pt(text: str) -> float | None:
    """A VML length ('117pt', '1.5in', '3cm', '20mm', '40px', bare number = pt) in points."""
    match = re.match(r"\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|emu)?\s*$", text)
    if not match:
        return None
    value = float(match[1])
    factor = {"pt": 1, None: 1, "in": 72, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
    unit = match[2]
    return value / EMU_PER_PT if unit == "emu" else value * factor[unit]


def _shapes(paragraph: etree._Element) -> list[Shape]:
    """Drawings of a paragraph: DrawingML inline/anchor shapes and VML lines and shapes."""
    shapes: list[Shape] = []
    skip = {q("mc:Fallback"), q("w:txbxContent")}
    for kind in ("inline", "anchor"):
        for drawing in paragraph.iter(q(f"wp:{kind}")):
            if _inside(drawing, paragraph, skip):
                continue
            extent = drawing.find("wp:extent", NS)
            cx = _int(extent.get("cx")) if extent is not None else None
            cy = _int(extent.get("cy")) if extent is not None else None
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
        if _inside(pict, paragraph, skip):
            continue
        for line in pict.iter(q("v:line")):
            start = str(line.get("from", "0,0")).split(",")[0]
            end = str(line.get("to", "0,0")).split(",")[0]
            x1, x2 = _length_pt(start), _length_pt(end)
            width = abs(x2 - x1) if x1 is not None and x2 is not None else None
            shapes.append(Shape("vml", width, True))
        for shape in pict.iter(q("v:shape"), q("v:rect")):
            style = dict(
                item.split(":", 1) for item in str(shape.get("style", "")).split(";") if ":" in item
            )
            width = _length_pt(style.get("width", "")) if "width" in style else None
            height = _length_pt(style.get("height", "0")) if "height" in style else 0
            is_line = (
                shape.get(q("o:connectortype")) is not None
                or str(shape.get("type", "")).endswith("_x0000_t32")
                or (height == 0)
            )
            shapes.append(Shape("vml", width, is_line))
    return shapes
