"""Find the header block: Quốc hiệu, Tiêu ngữ, the agency, Số and V/v, the date line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.rules.agency_names import (
    AGENCY_KINDS,
    ORGAN_ABBREVIATIONS,
    PARENT_KINDS,
    name_parts,
    organ_length,
)
from pipeline.text.tones import same_spelling
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
# The paragraph style vanthu's header block sets the cơ quan chủ quản in (khoi/dau-trang).
PARENT_STYLE = "CoQuanChuQuan"
# A line ending so goes on in the next one: the name is one, broken between lines.
NAME_GOES_ON = ("-", "–", ",", "và", "của", "thuộc", "trực", "về", "các", "với")


def _phrases(table: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of a table as word keys (same_spelling), longest first."""
    found = {
        tuple(same_spelling(word) for word in phrase.split())
        for phrase in table.replace("\n", "|").split("|")
        if phrase.strip()
    }
    return tuple(sorted(found, key=len, reverse=True))


_AGENCY_KEYS = _phrases(AGENCY_KINDS)
_PARENT_KEYS = _phrases(PARENT_KINDS) + _AGENCY_KEYS
_ABBREVIATION_KEYS = frozenset(same_spelling(a) for a in ORGAN_ABBREVIATIONS)
_GOES_ON_KEYS = frozenset(same_spelling(word) for word in NAME_GOES_ON)


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
        parents = parent_lines(texts)
        self.layout.co_quan_chu_quan, self.layout.co_quan = texts[:parents], texts[parents:]

    def header_fallbacks(self, region: list[Paragraph]) -> None:
        """Without a header table: Số and the date line found by their words."""
        for p in region:
            if self.layout.so_ky_hieu is None and NUMBER_LINE.match(flat(p.text)):
                self.layout.so_ky_hieu = p
            elif self.layout.dia_danh_ngay is None and DATE_WORDS.search(flat(p.text)):
                self.layout.dia_danh_ngay = p


def parent_lines(texts: Sequence[Paragraph]) -> int:
    """How many of the agency column's lines above its rule are the cơ quan chủ quản's.

    Told first by vanthu's style for it, then by weight (regular lines over bold ones: Phụ lục I
    sets the chủ quản regular, the agency bold), then by the names the lines read, so that a
    chủ quản set bold, or a document without vanthu's styles, is still told from an agency name
    broken over two lines: the chủ quản is a whole name of a body (UBND TỈNH SƠN LA, BỘ Y TẾ),
    the agency's line under it opens a name of its own (SỞ ..., PHÒNG ...), where a broken name
    goes on ("SỞ NÔNG NGHIỆP VÀ" / "PHÁT TRIỂN NÔNG THÔN"). Failing these, as weight alone read
    it: the first of several lines not all bold, unless the name goes on from it.
    """
    if len(texts) < 2:
        return 0
    styled = next((n for n, p in enumerate(texts) if p.style_id != PARENT_STYLE), len(texts))
    if 0 < styled < len(texts):
        return styled
    weights = [_bold(p) for p in texts]
    regular = weights.index(True) if True in weights else len(texts)
    if 0 < regular < len(texts) and all(weights[regular:]) and not _goes_on(texts, regular):
        return regular
    named = [n for n in range(1, len(texts)) if _name_starts(texts, n)]
    if named:
        return named[-1]
    return 0 if all(weights) or _goes_on(texts, 1) else 1


def _bold(p: Paragraph) -> bool:
    runs = p.visible_runs
    return bool(runs) and all(r.bold for r in runs)


def _words(texts: Sequence[Paragraph]) -> list[str]:
    return " ".join(flat(p.text) for p in texts).split()


def _opening(words: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest of `phrases` that `words` open with, else 0."""
    keys = tuple(same_spelling(word.strip(",.;:()")) for word in words[:4])
    return next((len(phrase) for phrase in phrases if keys[: len(phrase)] == phrase), 0)


def _goes_on(texts: Sequence[Paragraph], at: int) -> bool:
    """Whether one name goes on from the lines before `at` into the line at `at`: the line above
    ends with "VÀ", "-", "," (or the line opens with "VÀ"); or a phrase of agencies' names runs
    across the break ("CƠ" / "SỞ"), or opens there longer than the kind of agency the line
    opens with ("PHÒNG CHỐNG ...", "QUỸ ĐẤT")."""
    above, below = _words(texts[:at]), _words(texts[at:])
    if not above or not below:
        return False
    last = above[-1]
    if last.endswith(("-", "–", ",")) or same_spelling(last) in _GOES_ON_KEYS:
        return True
    if same_spelling(below[0]) in _GOES_ON_KEYS:
        return True
    start, kind = len(above), _opening(below, _AGENCY_KEYS)
    for part in name_parts([*above, *below]):
        across = part.start < start < part.end
        longer = 0 < kind < part.end - part.start and part.start == start
        if part.role in ("word", "fixed") and (across or longer):
            return True
    return False


def _name_starts(texts: Sequence[Paragraph], at: int) -> bool:
    """Whether the lines from `at` name an agency of their own under the lines before them: those
    a whole name of a body (its kind and more: not "ỦY BAN NHÂN DÂN" alone), these opening with
    a kind of agency, the name not going on across the break (_goes_on)."""
    above, below = _words(texts[:at]), _words(texts[at:])
    kind = _opening(below, _AGENCY_KEYS)
    if not above or not kind:
        return False
    parent = organ_length(above) or _opening(above, _PARENT_KEYS)
    if not parent and same_spelling(above[0].strip(",.")) in _ABBREVIATION_KEYS:
        parent = 1
    return 0 < parent < len(above) and not _goes_on(texts, at)
