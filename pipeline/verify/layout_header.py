"""Find the header block: Quốc hiệu, Tiêu ngữ, the agency, Số and V/v, the date line."""

from __future__ import annotations

import re

from pipeline.verify.document import Cell, Paragraph, Table
from pipeline.verify.layout_model import flat, similarity
from pipeline.verify.layout_walker import Walker

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_SEARCH = 40  # paragraphs from the start where Quốc hiệu may stand
# "Số: 05/KH-UBND", "Số 05/KH-UBND", "Số:     /QĐ-UBND" (number left blank), not "Số tiền".
# "Số:" in any case: "SỐ: 05/..." is the Số line, its capitals a fault of its form (rules_header).
NUMBER_LINE = re.compile(r"^Số\s*(:|[\d.…]+\s*/)", re.IGNORECASE)
ABOUT_LINE = re.compile(r"^V/v\b")
DATE_WORDS = re.compile(r"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+")


class HeaderFinder(Walker):
    """Finds the header block, by its words and its table rather than by style names."""

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
