"""Find the elements of Phụ lục I in a document: header block, title, body, signature, appendices.

Elements are found by what any office's document has, not by vanthu's style names: Quốc hiệu by
its text, the agency in the other column of its table, "Số" and "Nơi nhận" by their words, the
title by the Phụ lục III type names. A template (tags instead of text) is read the same way, its
control paragraphs ({%p ... %}) left out as rendering removes them.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.rules.doc_types import DocumentType, document_type, type_by_title
from pipeline.verify.document import Cell, Document, Paragraph, Table
from pipeline.verify.layout_header import (
    ABOUT_LINE,
    DATE_WORDS,
    HEADER_SEARCH,
    NUMBER_LINE,
    QUOC_HIEU,
    TIEU_NGU,
    HeaderFinder,
)
from pipeline.verify.layout_model import (
    Appendix,
    AttachedPart,
    Layout,
    RuleMark,
    flat,
    nfc,
    similarity,
)

__all__ = [
    "ABOUT_LINE",
    "DATE_WORDS",
    "HEADER_SEARCH",
    "NUMBER_LINE",
    "QUOC_HIEU",
    "TIEU_NGU",
    "Appendix",
    "AttachedPart",
    "Layout",
    "RuleMark",
    "find_layout",
    "is_signature_table",
    "flat",
    "nfc",
    "similarity",
]


# The roles that sign a Biên bản, as its two signature columns head them.
SIGNING_ROLES = frozenset({"THƯ KÝ", "CHỦ TỌA", "CHỦ TRÌ", "NGƯỜI GHI BIÊN BẢN"})
RECIPIENTS_HEADING = "nơi nhận"
# A line as short as the heading and this alike to it is the heading mistyped ("Nơi nhân:",
# "Noi nhan:"): it is read as the heading so that verify quotes it, not call Nơi nhận missing.
HEADING_LIKENESS = 0.75
HEADING_MAX_CHARS = len("Nơi nhận:") + 3


def bare(text: str) -> str:
    """Lower case without diacritics: 'Nơi nhân:' -> 'noi nhan:'."""
    decomposed = unicodedata.normalize("NFD", flat(text).lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_recipients_heading(text: str) -> bool:
    """'Nơi nhận:' (or the heading mistyped, in a line of its own) heading a column."""
    line = flat(text).lower()
    if line.startswith(RECIPIENTS_HEADING):
        return True
    if len(line) > HEADING_MAX_CHARS:
        return False
    plain = bare(line).rstrip(":. ")
    return plain == "noi nhan" or similarity(line.rstrip(":. "), RECIPIENTS_HEADING) >= (
        HEADING_LIKENESS
    )


def split_signer(
    lines: list[Paragraph], cell: Cell | None = None
) -> tuple[list[Paragraph], Paragraph | None]:
    """(authority and title lines, the name): the name is the last of two or more lines.

    Not when, in its `cell`, that last line is in capitals, follows the line above without a
    gap and is followed by the blank lines of the seal space: it is a title line ("CHỦ TỊCH")
    and the name under the space was left out (deleted, never typed).
    """
    if len(lines) < 2:
        return lines, None
    if cell is not None and _title_above_the_space(lines[-2], lines[-1], cell):
        return lines, None
    return lines[:-1], lines[-1]


def _title_above_the_space(above: Paragraph, last: Paragraph, cell: Cell) -> bool:
    """Whether `last` is a title line with the seal space under it and no name after that."""
    text = flat(last.text)
    if not text.isupper():
        return False
    paragraphs = cell.paragraphs
    at = next((i for i, p in enumerate(paragraphs) if p is last), None)
    start = next((i for i, p in enumerate(paragraphs) if p is above), None)
    if at is None or start is None:
        return False
    gap_before = any(p.is_empty for p in paragraphs[start + 1 : at])
    blank_after = any(p.is_empty and not p.shapes for p in paragraphs[at + 1 :])
    return blank_after and not gap_before


DRAFT_MARK = "DỰ THẢO"  # over a draft a Tờ trình attaches
# A Quyết định's thẩm quyền ban hành (ô 5b) under the trích yếu: one line, or a long one broken.
AUTHORITY_LINES = 2
# What opens the lines under it: the căn cứ, the articles; never the thẩm quyền itself.
AFTER_AUTHORITY = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Kính gửi|Điều\s+\d)", re.I)


def is_decision_label(text: str) -> bool:
    """The label "QUYẾT ĐỊNH:" above the articles however written: 'Quyết định:', 'QUYẾT  ĐỊNH'."""
    return " ".join(bare(text).rstrip(":. ").split()) == "quyet dinh"


def is_authority_line(p: Paragraph) -> bool:
    """A line of a Quyết định's thẩm quyền ban hành where it stands, under the trích yếu:
    centred or in capitals (set elsewhere, it is still the line, its alignment the fault), not
    "QUYẾT ĐỊNH:" (a decision without căn cứ has it next) nor a căn cứ or an article."""
    text = flat(p.text)
    if is_decision_label(text) or AFTER_AUTHORITY.match(text):
        return False
    return p.alignment == "center" or (not p.has_tag and _in_capitals(p))


def _in_capitals(p: Paragraph) -> bool:
    """Letters all upper-case (or shown so), two words at least: a heading, not a sentence."""
    runs = [r for r in p.visible_runs if any(c.isalpha() for c in r.text)]
    return (
        bool(runs)
        and len(flat(p.text).split()) >= 2
        and all(r.caps or r.text == r.text.upper() for r in runs)
    )


# The tags that print a type template's type name and trích yếu (render.context): a template's
# title lines are read by the tags they hold, however the maintainer aligned them, so that each
# rule lands on its own line and a deleted one is missing, not the next line taken for it.
TITLE_TAG = re.compile(r"^\{\{-?\s*ten_loai\s*-?\}\}$")
SUMMARY_TAG = re.compile(r"^\{\{-?\s*r\s+trich_yeu\s*-?\}\}$")


class _Finder(HeaderFinder):
    """The header block, then title, body, signature and appendices, in reading order."""

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
        tagged = self.template and TITLE_TAG.match(flat(candidate.text)) is not None
        if self.template and SUMMARY_TAG.match(flat(candidate.text)):
            rest = blocks[first:]  # its type name deleted: the trích yếu is read as such
        elif (
            tagged
            or found_type is not None
            or (
                candidate.alignment == "center"
                and not flat(candidate.text).startswith("Kính gửi")
                and not layout.is_cong_van
                and (not self.template or candidate.has_tag)
                and layout.type_code != "cong_van"
            )
        ):
            layout.ten_loai = candidate
            layout.title_type = found_type
            rest = blocks[first + 1 :]
        else:
            return blocks
        read_as = layout.doc_type or layout.title_type
        decision = read_as is not None and read_as.code == "quyet_dinh"
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
            if flat(block.text).startswith(("Căn cứ", "Kính gửi")):
                return rest[i:]
            if decision and self._authority_under(block, rest[i:]):
                return rest[i:]  # its rule left out: the thẩm quyền is no line of the trích yếu
            layout.trich_yeu.append(block)
            mark = self.own_rule(block)
            if mark:
                layout.trich_yeu_rule = mark
                return rest[i + 1 :]
        return []

    def _authority_under(self, p: Paragraph, blocks: list[Paragraph | Table]) -> bool:
        """A Quyết định's thẩm quyền under its trích yếu whose rule was left out: a line in
        capitals after trích yếu lines in lower case (a trích yếu is never wholly in capitals,
        the thẩm quyền always), no rule drawn under it or the centred lines after it (`blocks`,
        from p on): a rule there ends the trích yếu, p one of its lines."""
        written = [flat(x.text) for x in self.layout.trich_yeu]
        if not any(text != text.upper() for text in written):
            return False
        if p.has_tag or not _in_capitals(p) or not is_authority_line(p):
            return False
        for block in blocks:
            if not isinstance(block, Paragraph):
                break
            if self.own_rule(block) or self.carrier_rule(block):
                return False
            if not block.is_empty and block.alignment != "center":
                break
        return True

    def signature(self, blocks: list[Paragraph | Table]) -> int | None:
        """Find the Nơi nhận / signature table; its position in `blocks`."""
        for position, block in enumerate(blocks):
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                for cell in row:
                    texts = self.recipients_lines(cell)
                    if texts:
                        self.signature_cells(block, row, cell, texts)
                        return position
        found = self.two_signatures(blocks)
        return found if found is not None else self.lone_signature(blocks)

    def recipients_lines(self, cell: Cell) -> list[Paragraph]:
        """The lines of `cell` when the first is a Nơi nhận heading, else none."""
        texts = [p for p in cell.paragraphs if self.usable(p)]
        return texts if texts and is_recipients_heading(texts[0].text) else []

    def lone_signature(self, blocks: list[Paragraph | Table]) -> int | None:
        """A signature table whose Nơi nhận was left out: a row of two cells, one empty, the
        other a signature (two or more centred lines, the first in capitals); its position."""
        for position, block in enumerate(blocks):
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                if len(row) != 2:
                    continue
                empty = [
                    n for n, cell in enumerate(row) if not any(map(self.usable, cell.paragraphs))
                ]
                if len(empty) != 1:
                    continue
                n = 1 - empty[0]
                lines = self.signer_lines(row[n])
                if len(lines) < 2 or not all(p.alignment == "center" for p in lines):
                    continue
                if not flat(lines[0].text).isupper():
                    continue
                layout = self.layout
                layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten = split_signer(lines, row[n])
                return position
        return None

    def two_signatures(self, blocks: list[Paragraph | Table]) -> int | None:
        """A table of two signatures side by side (Biên bản: THƯ KÝ, CHỦ TỌA), Nơi nhận below it
        if any; its position in `blocks`."""
        for position, block in enumerate(blocks):
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                columns = [self.signer_lines(cell) for cell in row]
                if len(columns) != 2 or not any(
                    lines and flat(lines[0].text).upper() in SIGNING_ROLES for lines in columns
                ):
                    continue
                layout = self.layout
                left, right = columns
                layout.chu_ky_trai_tham_quyen, layout.chu_ky_trai_ho_ten = split_signer(
                    left, row[0]
                )
                layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten = split_signer(right, row[1])
                self.recipients_below(blocks[position + 1 :], block)
                return position
        return None

    def signer_lines(self, cell: Cell) -> list[Paragraph]:
        """The lines of a signature: titles then the name, '(Chữ ký ...)' hints left out."""
        return [
            p for p in cell.paragraphs if self.usable(p) and not re.match(r"^\s*\(.*\)\s*$", p.text)
        ]

    def recipients_below(self, blocks: list[Paragraph | Table], table: Table) -> None:
        """Nơi nhận under the signatures: its heading, then its lines up to a table or section."""
        lines = []
        for block in blocks:
            if not isinstance(block, Paragraph) or block.section != table.section:
                break
            if self.usable(block):
                lines.append(block)
        if lines and is_recipients_heading(lines[0].text):
            self.layout.noi_nhan_tieu_de, self.layout.noi_nhan = lines[0], lines[1:]

    def signature_cells(
        self, table: Table, row: list[Cell], left: Cell, texts: list[Paragraph]
    ) -> None:
        """Nơi nhận lines in `left` (and the rows under it: recipients_go_on); authority,
        titles and name in the other cell."""
        layout = self.layout
        layout.noi_nhan_tieu_de = texts[0]
        layout.noi_nhan = texts[1:] + self.recipients_go_on(table, row, left)
        others = [c for c in row if c is not left]
        if not others:
            return
        signer = others[-1]
        layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten = split_signer(
            self.signer_lines(signer), signer
        )

    def recipients_go_on(self, table: Table, row: list[Cell], left: Cell) -> list[Paragraph]:
        """The Nơi nhận lines that go on in the rows under the heading's, in its column, beside
        cells left empty: a list too long to share a page with the closing paragraph prints its
        first lines beside the signature and the others in a row under it (khoi/ky-ten). Not
        in a template, whose rows under the first are printed for such a list only."""
        if self.template:
            return []
        column = next(n for n, cell in enumerate(row) if cell is left)
        start = next(n for n, found in enumerate(table.rows) if found is row)
        lines: list[Paragraph] = []
        for following in table.rows[start + 1 :]:
            if len(following) != len(row):
                break
            others = [cell for n, cell in enumerate(following) if n != column]
            if any(self.usable(p) for cell in others for p in cell.paragraphs):
                break
            own = [p for p in following[column].paragraphs if self.usable(p)]
            if not own or is_recipients_heading(own[0].text):
                break
            lines += own
        return lines

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
            while content and len(layout.tham_quyen) < AUTHORITY_LINES:
                if not is_authority_line(content[0]):
                    break
                layout.tham_quyen.append(content.pop(0))
        addressees_go_on = False  # "Kính gửi:" or a "- ...;" line: the list goes on
        for p in content:
            text = flat(p.text)
            if text.startswith("Kính gửi") or (addressees_go_on and text.startswith("-")):
                layout.kinh_gui.append(p)
                addressees_go_on = text.endswith((":", ";"))
                continue
            addressees_go_on = False
            if is_decision and text.rstrip(":").upper() == "QUYẾT ĐỊNH" and text.isupper():
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

    def attached_parts(self, blocks: list[Paragraph | Table]) -> None:
        """Documents printed after the signature (what a decision issues, the draft decision a
        Tờ trình attaches): each starts a section with its type name (QUY CHẾ, KẾ HOẠCH,
        QUYẾT ĐỊNH), under the header block when repeated."""
        paragraphs = [b for b in blocks if isinstance(b, Paragraph) and self.usable(b)]
        starts = [
            i for i, p in enumerate(paragraphs)
            if p.alignment == "center" and type_by_title(flat(p.text)) is not None
            and self._opens_section(p)
        ]  # fmt: skip
        appendix_starts = {id(a.start) for a in self.layout.appendices}
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(paragraphs)
            # A part's own Phụ lục (a plan's appendix of tasks) ends its text.
            end = next(
                (i for i in range(start + 1, end) if id(paragraphs[i]) in appendix_starts), end
            )
            title, *rest = paragraphs[start:end]
            trich_yeu = rest.pop(0) if rest and rest[0].alignment == "center" else None
            kem_theo = rest.pop(0) if rest and flat(rest[0].text).startswith("(") else None
            self.layout.attached.append(AttachedPart(title, trich_yeu, kem_theo, rest))

    def _opens_section(self, p: Paragraph) -> bool:
        """Whether p is the first text of its section outside the header block's table (after
        the DỰ THẢO mark of a draft)."""
        section = self.doc.sections[p.section - 1]
        texts = [b for b in section.paragraphs() if self.usable(b)]
        if texts and flat(texts[0].text).upper() == DRAFT_MARK:
            texts = texts[1:]
        return bool(texts) and texts[0] is p

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
        if end is not None and not self.template:
            self.attached_parts(rest[end + 1 :])
        return self.layout


def find_layout(doc: Document, doc_type: DocumentType | None, template: bool = False) -> Layout:
    """The elements of `doc`, read as a document of `doc_type` (None: from its title)."""
    layout = _Finder(doc, doc_type, template).run()
    if layout.doc_type is None:
        layout.doc_type = layout.title_type
    if layout.doc_type is None and layout.is_cong_van and not template:
        # A Công văn has no type name: its "V/v ..." under the number says what it is (a
        # template is named after its type, and the header block holds a V/v slot for all).
        layout.doc_type = document_type("cong_van")
    return layout


def is_signature_table(doc: Document, table: Table) -> bool:
    """Whether `table` holds Nơi nhận and the signature, or a signature alone, as find_layout
    reads the signature table (a Nơi nhận column, two signatures side by side, one signature
    beside an empty cell)."""
    return _Finder(doc, None, template=False).signature([table]) is not None


def block_signatures(doc: Document, template: bool) -> list[tuple[list[Paragraph], Paragraph]]:
    """The signatures of a fragment (a shared block such as khoi/ky-ten): (title lines, name) of
    each cell beside a Nơi nhận heading, and of each pair of side-by-side cells whose two or more
    lines are all bold and centred (a Biên bản's two signatures)."""
    finder = _Finder(doc, None, template)
    found: list[tuple[list[Paragraph], Paragraph]] = []
    for table in doc.tables:
        for row in table.rows:
            columns = [finder.signer_lines(cell) for cell in row]
            heading = [n for n, cell in enumerate(row) if finder.recipients_lines(cell)]
            if heading:
                signers = [lines for n, lines in enumerate(columns) if n not in heading]
            elif len(columns) == 2 and all(_signer_like(lines) for lines in columns):
                signers = columns
            else:
                continue
            for lines in signers:
                titles, name = split_signer(lines)
                if titles and name is not None:
                    found.append((titles, name))
    return found


def _signer_like(lines: list[Paragraph]) -> bool:
    """Two or more lines, every one bold and centred: how a signature prints."""
    return len(lines) >= 2 and all(
        p.alignment == "center" and p.visible_runs and all(r.bold for r in p.visible_runs)
        for p in lines
    )
