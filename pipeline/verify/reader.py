"""Read a .docx into what verify checks: paragraphs with resolved formatting, tables, sections.

Works on the package XML with lxml, not on python-docx, so that any document opens (hand-made,
with text boxes, fields, theme fonts, numbering) and every value is resolved the way Word does:
direct formatting, then character style, paragraph style (through basedOn), numbering and
docDefaults, with the shared StyleSheet doing the style part.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from pipeline.errors import InputError
from pipeline.phrase import Phrase
from pipeline.verify.borders import TableBorders
from pipeline.verify.model import DEFAULT_SIZE, Cell, Document, Paragraph, Part, Section, Table
from pipeline.verify.ooxml import (
    NS,
    as_int,
    block_elements,
    child_val,
    children,
    inside,
    q,
    table_grid,
)
from pipeline.verify.package import Package, PartTooLarge
from pipeline.verify.report import Location
from pipeline.verify.runs import RunReader, starts_page
from pipeline.verify.shapes import (
    BoxedParagraph,
    PartWithBoxes,
    TextBox,
    paragraph_shapes,
    text_box_place,
)

if TYPE_CHECKING:
    from pipeline.render.output import ReadReason

DEFAULT_CELL_MARGIN = 108  # twips, Word's "Normal Table"


def read_document(path: Path) -> Document:
    """Open `path` as a .docx; InputError when it is not one."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError("verify.no_file", file=path) from None
    except PermissionError:  # no permission; on Windows, held open by Word: not a bad .docx
        raise InputError("verify.unreadable_file", file=path) from None
    except (zipfile.BadZipFile, IsADirectoryError, OSError, EOFError) as exc:
        raise InputError("verify.not_docx", file=path, reason=_unzipped(path, exc)) from None
    with archive:
        try:
            return _Reader(path, archive).read()
        except KeyError:  # no word/document.xml, or a part it names: another zip named .docx
            reason = Phrase("verify.reason_parts")
            raise InputError("verify.not_docx", file=path, reason=reason) from None
        except PartTooLarge as exc:
            limit = exc.limit // (1024 * 1024)
            reason = Phrase("verify.reason_part_too_large", part=exc.part, limit=limit)
            raise InputError("verify.not_docx", file=path, reason=reason) from None
        # A number past a float's range ("1e999" as an indent) is no whole number either
        # (OverflowError): damaged as much as one that is no number (ValueError).
        except (
            etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, ValueError, OverflowError, OSError
        ):  # fmt: skip
            reason = Phrase("verify.reason_damaged_inside")
            raise InputError("verify.not_docx", file=path, reason=reason) from None


def _unzipped(path: Path, exc: BaseException) -> Phrase | ReadReason:
    """Why `path` opened as no zip, in the catalogue's words (zipfile's are English): an
    empty file, an old Word .doc, a folder, or a file damaged or cut short; one that cannot be
    opened at all (a name too long for the system, a symlink loop), why in words."""
    if isinstance(exc, IsADirectoryError):
        return Phrase("verify.reason_folder")
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as cannot:
        from pipeline.render.output import ReadReason  # only for a file that cannot be opened

        return ReadReason(cannot)
    if not start:
        return Phrase("verify.reason_empty")
    from pipeline.load.spreadsheet.detect import OLE2_MAGIC  # only for a file that is no zip

    if start.startswith(OLE2_MAGIC):  # Word 97-2003's .doc
        return Phrase("verify.reason_old_doc")
    return Phrase("verify.reason_damaged")


def _refuse_markup_in_text(path: Path, body: etree._Element) -> None:
    """InputError for a <w:t> holding elements (a run, a drawing: a field of runs printed
    inside a template's run text), which the schema forbids: Word refuses the file, LibreOffice
    drops the text, and the rules, reading the text around it, would pass it."""
    for text in body.iter(q("w:t")):
        inner = next((child for child in text if isinstance(child.tag, str)), None)
        if inner is None:  # text, or a comment: no element
            continue
        paragraph = next(text.iterancestors(q("w:p")), text)
        near = " ".join("".join(paragraph.itertext()).split())[:60]
        element = f"w:{etree.QName(inner).localname}"
        reason = Phrase("verify.reason_run_in_text", element=element, near=near)
        raise InputError("verify.not_docx", file=path, reason=reason)


class _Reader:
    """Builds a Document from the parts of one package."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.package = Package(archive)
        self.styles = self.package.styles
        self.numbering = self.package.numbering
        self.run_reader = RunReader(self.styles, self.package.theme)
        self.tables: list[Table] = []
        self.paragraphs: list[Paragraph] = []
        self.parts: dict[str, Part] = {}

    def read(self) -> Document:
        """The body, section by section, with every table and header part."""
        root = self.package.xml(self.package.main)
        body = root.find("w:body", NS)
        if body is None:
            raise KeyError("w:body")
        _refuse_markup_in_text(self.path, body)
        sections: list[Section] = []
        blocks: list[Paragraph | Table] = []
        top_number = 0
        for element in block_elements(body):
            if element.tag == q("w:p"):
                top_number += 1
                where = Location("paragraph", paragraph=top_number)
                paragraph = self._paragraph(
                    element, where, len(sections) + 1, None, self.paragraphs
                )
                self._read_text_boxes(paragraph)
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
        starts_page = True
        if sect is not None:
            starts_page = child_val(sect, "w:type") not in ("continuous", "nextColumn")
            size = sect.find("w:pgSz", NS)
            if size is not None:
                width = as_int(size.get(q("w:w")))
                height = as_int(size.get(q("w:h")))
            mar = sect.find("w:pgMar", NS)
            if mar is not None:
                for side in ("top", "bottom", "left", "right", "gutter"):
                    value = as_int(mar.get(q(f"w:{side}")))
                    if value is not None:
                        margins[side] = abs(value)
                if "left" in margins:
                    margins["left"] += margins.pop("gutter", 0)
            title = sect.find("w:titlePg", NS)
            title_page = title is not None and title.get(q("w:val")) not in ("0", "false", "off")
            numbering = sect.find("w:pgNumType", NS)
            if numbering is not None:
                restart = as_int(numbering.get(q("w:start")))
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
            starts_page,
        )

    def _part(self, rid: str, kind: str) -> Part | None:
        """The header or footer part of a relationship, read once."""
        target = self.package.rels.get(rid)
        if target is None or target[1] not in self.package.names:
            return None
        name = target[1]
        if name in self.parts:
            return self.parts[name]
        part = PartWithBoxes(posixpath.basename(name), kind)
        self.parts[name] = part
        root = self.package.xml(name)
        number = 0
        read: dict[etree._Element, Paragraph] = {}  # the part's own, by element
        boxed: list[etree._Element] = []
        for element in root.iter(q("w:p")):
            if inside(element, root, {q("mc:Fallback")}):
                continue  # the same drawing again, for programs that read no DrawingML
            if inside(element, root, {q("w:txbxContent")}):
                boxed.append(element)
                continue
            number += 1
            where = Location("part", part=part.name, paragraph=number)
            read[element] = self._paragraph(element, where, 0, None, part.paragraphs)
        # A text box's paragraphs after the part's own, numbered on from them: a page number
        # may be printed in one (a box centred in the header), which the rules on page numbers
        # read; the run rules read the part's own paragraphs, as before.
        numbered = list(part.paragraphs)  # for each its index among the part's paragraphs
        for element in boxed:
            number += 1
            where = Location("part", part=part.name, paragraph=number)
            content = next(element.iterancestors(q("w:txbxContent")))
            holder = next((read[p] for p in content.iterancestors(q("w:p")) if p in read), None)
            own = self._paragraph(element, where, 0, None, numbered)
            part.boxed.append(
                BoxedParagraph(
                    **{f.name: getattr(own, f.name) for f in fields(Paragraph)},
                    box=text_box_place(content),
                    holder=holder,
                )
            )
        return part

    def _read_text_boxes(self, holder: Paragraph) -> None:
        """The paragraphs of the floating text boxes of body paragraph `holder` (shapes.TextBox),
        read as the body's are, at the holder's place and each in its box's frame: a phôi's
        field may be typed in one. Kept with the box: the rules of every document read the
        body's own paragraphs, as before."""
        for box in holder.shapes:
            if not isinstance(box, TextBox) or box.content is None:
                continue
            for element in children(box.content, "w:p"):
                read = self._paragraph(element, holder.where, holder.section, None, box.paragraphs)
                if box.frame is not None:
                    read.props["frame"] = box.frame

    def _table(self, element: etree._Element, section: int, nested: bool) -> Table:
        """A table, its cells' widths and paragraphs (nested tables flattened into the cell)."""
        table = Table(len(self.tables) + 1, section, nested=nested)
        self.tables.append(table)
        margins = _cell_margins(element.find("w:tblPr", NS), DEFAULT_CELL_MARGIN * 2)
        table.grid = table_grid(element)
        grid = list(table.grid)
        borders = TableBorders(element, self.styles.by_id)
        rows = children(element, "w:tr")
        for row_number, tr in enumerate(rows, start=1):
            if row_number == 1:
                header = tr.find("w:trPr/w:tblHeader", NS)
                table.header_repeats = header is not None and header.get(q("w:val")) not in (
                    "0",
                    "false",
                    "off",
                )
            row: list[Cell] = []
            grid_col = 0
            cells = children(tr, "w:tc")
            for col_number, tc in enumerate(cells, start=1):
                tc_pr = tc.find("w:tcPr", NS)
                span = as_int(child_val(tc_pr, "w:gridSpan")) or 1
                width = _cell_width(tc_pr, grid[grid_col : grid_col + span])
                grid_col += span
                cell = Cell(table, row_number, col_number, width, _cell_margins(tc_pr, margins))
                cell.borders = borders.cell_edges(tc, row_number, col_number, len(rows), len(cells))
                row.append(cell)
                number = 0
                for child in block_elements(tc):
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
        _place(table, element.find("w:tblPr", NS), grid)
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
        runs, fields = self.run_reader.runs(element, style_id)
        mark = self.styles.resolve_run(
            style_id, None, ppr.find("w:rPr", NS) if ppr is not None else None
        )
        paragraph = Paragraph(
            index=len(collection),
            where=where,
            style_id=style_id,
            runs=runs,
            props=props,
            shapes=paragraph_shapes(element),
            fields=fields,
            section=section,
            cell=cell,
            page_break=starts_page(element),
            mark_size=float(mark.get("size") or DEFAULT_SIZE),  # type: ignore[arg-type]
        )
        paragraph.where = where.with_excerpt(paragraph.text)
        collection.append(paragraph)
        return paragraph


def _place(table: Table, props: etree._Element | None, grid: list[int]) -> None:
    """`table`'s alignment, indent, floating and width (Table.align ...), as Word lays it out:
    a fixed table is as wide as its cells (w:tcW, else the grid), whatever its w:tblW says."""
    rows = [[cell.width for cell in row] for row in table.rows]
    widths = [sum(w for w in row if w) for row in rows if row and all(row)]
    width = max(widths, default=None)
    if props is not None:
        table.align = child_val(props, "w:jc")
        indent = props.find("w:tblInd", NS)
        if indent is not None and indent.get(q("w:type"), "dxa") == "dxa":
            table.indent = as_int(indent.get(q("w:w"))) or 0
        table.floating = props.find("w:tblpPr", NS) is not None
        stated = props.find("w:tblW", NS)
        if width is None and stated is not None and stated.get(q("w:type"), "dxa") == "dxa":
            width = as_int(stated.get(q("w:w"))) or None
    table.width = width or sum(grid) or None


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
        total += (as_int(side.get(q("w:w"))) or 0) if side is not None else default // 2
    return total


def _cell_width(tc_pr: etree._Element | None, grid: list[int]) -> int | None:
    """A cell's width in twips: tcW when in dxa, else its grid columns."""
    if tc_pr is not None:
        width = tc_pr.find("w:tcW", NS)
        if width is not None and width.get(q("w:type"), "dxa") == "dxa":
            value = as_int(width.get(q("w:w")))
            if value:
                return value
    return sum(grid) or None
