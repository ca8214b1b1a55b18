"""Find the elements of Phụ lục I in a document: header block, title, body, signature, appendices.

Elements are found by what any office's document has, not by vanthu's style names: Quốc hiệu by
its text, the agency in the other column of its table, "Số" and "Nơi nhận" by their words, the
title by the Phụ lục III type names. A template (tags instead of text) is read the same way, its
control paragraphs ({%p ... %}) left out as rendering removes them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.rules.doc_types import DocumentType, type_by_title
from pipeline.verify.document import Cell, Document, Paragraph, Section, Table

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_SEARCH = 40  # paragraphs from the start where Quốc hiệu may stand
# "Số: 05/KH-UBND", "Số 05/KH-UBND", "Số:     /QĐ-UBND" (number left blank), not "Số tiền".
NUMBER_LINE = re.compile(r"^Số\s*(:|[\d.…]+\s*/)")
ABOUT_LINE = re.compile(r"^V/v\b")
DATE_WORDS = re.compile(r"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+")


def nfc(text: str) -> str:
    """The text in NFC."""
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    """One line, single spaces, NFC."""
    return " ".join(nfc(text).split())


def similarity(a: str, b: str) -> float:
    """How alike two strings are, 0 to 1."""
    return difflib.SequenceMatcher(None, a, b).ratio()


@dataclass
class RuleMark:
    """The solid rule (đường kẻ) under an element: a line shape, a border, or a template tag."""

    kind: str  # "shape" | "border" | "tag"
    width_pt: float | None
    carrier: Paragraph
    inline: bool = False


@dataclass
class Appendix:
    """A Phụ lục (or attached Danh sách): its heading lines and tables."""

    start: Paragraph
    title: Paragraph | None
    attached: Paragraph | None
    section: Section
    at_section_start: bool
    tables: list[Table] = field(default_factory=list)


@dataclass
class Layout:
    """The elements found in one document (None or [] when absent)."""

    template: bool
    doc_type: DocumentType | None = None
    title_type: DocumentType | None = None
    is_cong_van: bool = False
    header_table: Table | None = None
    quoc_hieu: Paragraph | None = None
    tieu_ngu: Paragraph | None = None
    tieu_ngu_rule: RuleMark | None = None
    co_quan_chu_quan: list[Paragraph] = field(default_factory=list)
    co_quan: list[Paragraph] = field(default_factory=list)
    co_quan_rule: RuleMark | None = None
    so_ky_hieu: Paragraph | None = None
    trich_yeu_cong_van: list[Paragraph] = field(default_factory=list)
    dia_danh_ngay: Paragraph | None = None
    ten_loai: Paragraph | None = None
    trich_yeu: list[Paragraph] = field(default_factory=list)
    trich_yeu_rule: RuleMark | None = None
    tham_quyen: list[Paragraph] = field(default_factory=list)
    kinh_gui: list[Paragraph] = field(default_factory=list)
    quyet_dinh: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    signature_table: Table | None = None
    noi_nhan_tieu_de: Paragraph | None = None
    noi_nhan: list[Paragraph] = field(default_factory=list)
    chu_ky_tham_quyen: list[Paragraph] = field(default_factory=list)
    chu_ky_ho_ten: Paragraph | None = None
    appendices: list[Appendix] = field(default_factory=list)


class _Finder:
    """Walks one document once, filling a Layout."""

    def __init__(self, doc: Document, doc_type: DocumentType | None, template: bool) -> None:
        self.doc = doc
        self.layout = Layout(template=template, doc_type=doc_type)
        self.template = template
        self.blocks = doc.blocks

    def usable(self, p: Paragraph) -> bool:
        """A paragraph with text that stays in the rendered document."""
        return not p.is_empty and not (self.template and p.is_control)

    def section_width(self, p: Paragraph) -> float | None:
        """Text width of the section p is in, in points."""
        for section in self.doc.sections:
            if section.number == p.section:
                return section.text_width_pt
        return None

    def container(self, p: Paragraph) -> list[Paragraph]:
        """The paragraphs p stands among: its cell, or the top-level paragraphs."""
        if p.cell is not None:
            return p.cell.paragraphs
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def after(self, p: Paragraph) -> list[Paragraph]:
        """Paragraphs after p in its container, control paragraphs of a template left out."""
        items = self.container(p)
        position = next(i for i, item in enumerate(items) if item is p)
        return [x for x in items[position + 1 :] if not (self.template and x.is_control)]

    # --- rules under elements -------------------------------------------------------------

    def own_rule(self, p: Paragraph) -> RuleMark | None:
        """A rule drawn by the paragraph itself: bottom border or a line shape in it."""
        lines = [s for s in p.shapes if s.is_line]
        if lines:
            return RuleMark("shape", lines[0].width_pt, p, inline=lines[0].kind == "inline")
        if p.props.get("border_bottom"):
            return RuleMark("border", p.available_pt(self.section_width(p)), p)
        return None

    def carrier_rule(self, p: Paragraph) -> RuleMark | None:
        """A rule held by a paragraph without text: line shape, top border or (template) tag."""
        if self.template and p.only_tags and p.text.strip().startswith("{{r"):
            return RuleMark("tag", None, p)
        if not p.is_empty:
            return None
        lines = [s for s in p.shapes if s.is_line]
        if lines:
            return RuleMark("shape", lines[0].width_pt, p, inline=lines[0].kind == "inline")
        if p.props.get("border_top"):
            return RuleMark("border", p.available_pt(self.section_width(p)), p)
        return None

    def rule_under(self, p: Paragraph) -> RuleMark | None:
        """The rule under p: in p, in the empty paragraphs after it, or floating in the next one."""
        mark = self.own_rule(p)
        if mark:
            return mark
        for following in self.after(p):
            mark = self.carrier_rule(following)
            if mark:
                return mark
            if not following.is_empty:
                floating = [s for s in following.shapes if s.is_line and s.kind != "inline"]
                if floating:
                    return RuleMark("shape", floating[0].width_pt, following)
                return None
        return None

    # --- header block ---------------------------------------------------------------------

    def find_quoc_hieu(self) -> None:
        """Quốc hiệu by its text, Tiêu ngữ under it, and the header table around them."""
        best: tuple[float, Paragraph] | None = None
        for p in self.doc.paragraphs[:HEADER_SEARCH]:
            if not self.usable(p) or p.section != 1:
                continue
            score = similarity(flat(p.text).upper(), QUOC_HIEU)
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, p)
        if best is None:
            return
        qh = best[1]
        self.layout.quoc_hieu = qh
        following = [x for x in self.after(qh) if not x.is_empty]
        if following and similarity(flat(following[0].text).lower(), TIEU_NGU.lower()) >= 0.6:
            self.layout.tieu_ngu = following[0]
            self.layout.tieu_ngu_rule = self.rule_under(following[0])
        if qh.cell is not None:
            self.layout.header_table = qh.cell.table
            self.header_columns(qh.cell)

    def header_columns(self, qh_cell: Cell) -> None:
        """Agency, Số and V/v in the other column; the date line under Tiêu ngữ."""
        table = qh_cell.table
        row = table.rows[qh_cell.row - 1]
        others = [c for c in row if c is not qh_cell]
        if others:
            agency_cell = row[qh_cell.column - 2] if qh_cell.column > 1 else others[0]
            self.agency(agency_cell)
            column = self.column_paragraphs(table, agency_cell)
            number = next((p for p in column if NUMBER_LINE.match(flat(p.text))), None)
            if number is not None:
                self.layout.so_ky_hieu = number
                rest = column[column.index(number) + 1 :]
                about = [p for p in rest if p.cell is number.cell and self.usable(p)]
                if about and ABOUT_LINE.match(flat(about[0].text)):
                    self.layout.trich_yeu_cong_van = about
                    self.layout.is_cong_van = True
        above = [self.layout.quoc_hieu, self.layout.tieu_ngu]
        if self.layout.tieu_ngu_rule:
            above.append(self.layout.tieu_ngu_rule.carrier)
        last = max(p.index for p in above if p is not None)
        for p in self.column_paragraphs(table, qh_cell):
            if p.index > last and self.usable(p):
                self.layout.dia_danh_ngay = p
                break

    def column_paragraphs(self, table: Table, cell: Cell) -> list[Paragraph]:
        """Paragraphs of `cell` and of the cells below it in the same column."""
        out: list[Paragraph] = []
        for row in table.rows[cell.row - 1 :]:
            if len(row) >= cell.column:
                below = row[cell.column - 1]
                out.extend(x for x in below.paragraphs if not (self.template and x.is_control))
        return out

    def agency(self, cell: Cell) -> None:
        """Cơ quan chủ quản and ban hành: the lines above the rule (or above Số)."""
        texts: list[Paragraph] = []
        for p in cell.paragraphs:
            if self.template and p.is_control:
                continue
            if NUMBER_LINE.match(flat(p.text)) or ABOUT_LINE.match(flat(p.text)):
                break
            mark = self.carrier_rule(p) if texts else None
            if mark:
                self.layout.co_quan_rule = mark
                break
            if p.is_empty:
                continue
            texts.append(p)
            mark = self.own_rule(p)
            if mark:
                self.layout.co_quan_rule = mark
                break
        if not self.layout.co_quan_rule and texts:
            self.layout.co_quan_rule = self.rule_under(texts[-1])
        if len(texts) > 1 and not all(r.bold for p in texts for r in p.visible_runs):
            self.layout.co_quan_chu_quan, self.layout.co_quan = texts[:1], texts[1:]
        else:
            self.layout.co_quan = texts

    def header_fallbacks(self, region: list[Paragraph]) -> None:
        """Without a header table: Số and the date line found by their words."""
        for p in region:
            if self.layout.so_ky_hieu is None and NUMBER_LINE.match(flat(p.text)):
                self.layout.so_ky_hieu = p
            elif self.layout.dia_danh_ngay is None and DATE_WORDS.search(flat(p.text)):
                self.layout.dia_danh_ngay = p

    # --- title, body, signature -----------------------------------------------------------

    def top_level(self) -> list[Paragraph | Table]:
        """Blocks after the header block."""
        blocks = self.blocks
        if self.layout.header_table is not None:
            position = next(i for i, b in enumerate(blocks) if b is self.layout.header_table)
            return blocks[position + 1 :]
        found = [
            p
            for p in (
                self.layout.quoc_hieu,
                self.layout.tieu_ngu,
                self.layout.so_ky_hieu,
                self.layout.dia_danh_ngay,
            )
            if p is not None and p.cell is None
        ]
        if self.layout.tieu_ngu_rule and self.layout.tieu_ngu_rule.carrier.cell is None:
            found.append(self.layout.tieu_ngu_rule.carrier)
        if not found:
            return blocks
        last = max(found, key=lambda p: p.index)
        position = next(i for i, b in enumerate(blocks) if b is last)
        return blocks[position + 1 :]

    def title(self, blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
        """Find the type name, trích yếu and its rule; return the blocks after them."""
        layout = self.layout
        first = next(
            (i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and self.usable(b)), None
        )
        if first is None:
            return blocks
        candidate = blocks[first]
        assert isinstance(candidate, Paragraph)
        found_type = type_by_title(flat(candidate.text))
        if found_type is not None and found_type.code == "cong_van":
            found_type = None
        if found_type is not None or (
            candidate.alignment == "center"
            and not flat(candidate.text).startswith("Kính gửi")
            and not layout.is_cong_van
            and (not self.template or candidate.has_tag)
            and (layout.doc_type is None or layout.doc_type.code != "cong_van")
        ):
            layout.ten_loai = candidate
            layout.title_type = found_type
        else:
            return blocks
        rest = blocks[first + 1 :]
        for i, block in enumerate(rest):
            if not isinstance(block, Paragraph):
                return rest[i:]
            if self.template and block.is_control:
                continue
            if layout.trich_yeu:
                mark = self.carrier_rule(block)
                if mark:
                    layout.trich_yeu_rule = mark
                    return rest[i + 1 :]
            if block.is_empty:
                continue
            if layout.trich_yeu and (
                block.alignment != "center" or len(layout.trich_yeu) >= 4 or self.template
            ):
                return rest[i:]
            if flat(block.text).startswith("Căn cứ"):
                return rest[i:]
            layout.trich_yeu.append(block)
            mark = self.own_rule(block)
            if mark:
                layout.trich_yeu_rule = mark
                return rest[i + 1 :]
        return []

    def signature(self, blocks: list[Paragraph | Table]) -> int | None:
        """Find the Nơi nhận / signature table; its position in `blocks`."""
        for position, block in enumerate(blocks):
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                for cell in row:
                    texts = [p for p in cell.paragraphs if self.usable(p)]
                    if texts and flat(texts[0].text).lower().startswith("nơi nhận"):
                        self.signature_cells(block, row, cell, texts)
                        return position
        return None

    def signature_cells(
        self, table: Table, row: list[Cell], left: Cell, texts: list[Paragraph]
    ) -> None:
        """Nơi nhận lines in `left`; authority, titles and name in the other cell."""
        layout = self.layout
        layout.signature_table = table
        layout.noi_nhan_tieu_de = texts[0]
        layout.noi_nhan = texts[1:]
        others = [c for c in row if c is not left]
        if not others:
            return
        lines = [
            p
            for p in others[-1].paragraphs
            if self.usable(p) and not re.match(r"^\s*\(.*\)\s*$", p.text)
        ]
        if len(lines) >= 2:
            layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten = lines[:-1], lines[-1]
        else:
            layout.chu_ky_tham_quyen = lines

    def body(self, blocks: list[Paragraph | Table], end: int | None) -> None:
        """Body paragraphs up to the signature; Quyết định's authority line and label apart."""
        layout = self.layout
        section = next((b.section for b in blocks), 1)
        stop = end if end is not None else len(blocks)
        content = [
            b
            for b in blocks[:stop]
            if isinstance(b, Paragraph)
            and self.usable(b)
            and (end is not None or b.section == section)
        ]
        doc_type = layout.doc_type or layout.title_type
        is_decision = doc_type is not None and doc_type.code == "quyet_dinh"
        if is_decision:
            while content and content[0].alignment == "center" and len(layout.tham_quyen) < 2:
                if flat(content[0].text).startswith("Căn cứ"):
                    break
                layout.tham_quyen.append(content.pop(0))
        for p in content:
            text = flat(p.text)
            if text.startswith("Kính gửi"):
                layout.kinh_gui.append(p)
            elif is_decision and text.rstrip(":").upper() == "QUYẾT ĐỊNH" and text.isupper():
                layout.quyet_dinh.append(p)
            else:
                layout.body.append(p)

    def appendices(self, blocks: list[Paragraph | Table]) -> None:
        """Phụ lục / Danh sách after the signature: heading lines and tables."""
        starts: list[int] = []
        for position, block in enumerate(blocks):
            if not isinstance(block, Paragraph) or not self.usable(block):
                continue
            text = flat(block.text).lower()
            section = self.doc.sections[block.section - 1]
            first_of_section = (
                next((p for p in section.paragraphs() if self.usable(p)), None) is block
            )
            if text.startswith(("phụ lục", "danh sách")) and (
                first_of_section or block.page_break or not starts
            ):
                starts.append(position)
            elif self.template and first_of_section and block.section > 1 and block.has_tag:
                starts.append(position)
        for n, position in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            start = blocks[position]
            assert isinstance(start, Paragraph)
            section = self.doc.sections[start.section - 1]
            first = next(p for p in section.paragraphs() if self.usable(p))
            lines = [b for b in blocks[position + 1 : end] if isinstance(b, Paragraph)]
            lines = [p for p in lines if self.usable(p)]
            title = lines[0] if lines else None
            attached = None
            if len(lines) > 1 and (
                lines[1].text.strip().startswith("(") or (self.template and lines[1].has_tag)
            ):
                attached = lines[1]
            tables = [b for b in blocks[position:end] if isinstance(b, Table)]
            self.layout.appendices.append(
                Appendix(start, title, attached, section, first is start, tables)
            )

    def run(self) -> Layout:
        """Find every element, in reading order."""
        self.find_quoc_hieu()
        if self.layout.header_table is None:
            region = [
                p for p in self.doc.paragraphs[:HEADER_SEARCH] if p.cell is None and self.usable(p)
            ]
            title_at = next((i for i, p in enumerate(region) if type_by_title(flat(p.text))), None)
            self.header_fallbacks(region[:title_at])
        rest = self.title(self.top_level())
        end = self.signature(rest)
        self.body(rest, end)
        self.appendices(rest[end + 1 :] if end is not None else [b for b in rest if b.section > 1])
        return self.layout


def find_layout(doc: Document, doc_type: DocumentType | None, template: bool = False) -> Layout:
    """The elements of `doc`, read as a document of `doc_type` (None: from its title)."""
    layout = _Finder(doc, doc_type, template).run()
    if layout.doc_type is None:
        layout.doc_type = layout.title_type
    return layout
