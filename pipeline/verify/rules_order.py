"""The order of a finished document's parts, checked against Nghị định 30/2020, Phụ lục I (the
order itself, which `templates check` also reads, is pipeline.rules.part_order's): the header
block first; the type name and trích yếu, then Kính gửi, before the body; the body before the
signature and Nơi nhận; a Phụ lục / Danh sách after them.

find_layout reads a document in that order (the title after the header table, the body up to
the signature table), so a part moved elsewhere is not where it looks: it reports the part
missing, or quietly reads it as something else. Here each top-level block is recognised on its
own, by what it says (Quốc hiệu, "Số:", a Phụ lục III type name, "Kính gửi", a Nơi nhận or
signature table), the order found is compared with the decree's, and the "missing" a misplaced
part caused elsewhere in the report is taken back. A document with no header block at all is
told so once, instead of its header elements one by one and a body line read as the date.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.rules.doc_types import type_by_title
from pipeline.rules.part_order import (
    ADDRESSED,
    ATTACHED,
    BODY,
    HEADER,
    MIDDLE,
    ORDER,
    SIGNATURE,
    TITLE,
    attached_start,
    middle_out_of_order,
)
from pipeline.verify.document import Document, Paragraph, Table
from pipeline.verify.layout import (
    NUMBER_LINE,
    QUOC_HIEU,
    TIEU_NGU,
    Layout,
    flat,
    is_recipients_heading,
    is_signature_table,
    similarity,
)
from pipeline.verify.report import DOCUMENT, Location, Msg, Report, excerpt, msg

LIKENESS = 0.75  # as alike to Quốc hiệu or Tiêu ngữ as the header finder asks
TRICH_YEU_LINES = 4  # a trích yếu longer than this is not one (as the title finder reads it)
DECISION_LABEL = "QUYẾT ĐỊNH"
ADDRESS_LINE = "Kính gửi"

# The rules a misplaced part makes fail although the part is there: taken back when the order
# rule names the part. The header's own elements go when the whole block is missing (said once).
MISSING_WHEN_PRESENT = {
    HEADER: ("quoc_hieu.missing", "tieu_ngu.missing", "co_quan.missing", "so_ky_hieu.missing",
             "dia_danh_ngay.missing", "trich_yeu_cong_van.missing"),
    TITLE: ("ten_loai.missing", "trich_yeu.missing", "tham_quyen_ban_hanh.missing"),
    ADDRESSED: ("kinh_gui.missing",),
    SIGNATURE: ("noi_nhan.missing", "chu_ky.missing", "chu_ky_ho_ten.missing"),
}  # fmt: skip
HEADER_RULES = ("quoc_hieu.", "tieu_ngu.", "co_quan.", "co_quan_chu_quan.", "so_ky_hieu.",
                "dia_danh_ngay.", "trich_yeu_cong_van.")  # fmt: skip
# The rules about the lines of one part: when the order is broken, the layout reads a line of
# another part as this one's (a body line taken for the type name, the moved title read as body),
# and what these rules say of that line is the misplacement's doing, not a fault of its own.
PART_RULES = {TITLE: ("ten_loai.", "trich_yeu."), BODY: ("noi_dung.",)}
CLOSING = "noi_dung.closing"  # said of the line the layout reads as the content's last
# Said of a "./." before the line the layout reads as the content's last: of the true last line
# when a part moved under the body made another line the layout's last.
CLOSING_EARLY = "noi_dung.closing_early"


@dataclass(frozen=True)
class Placed:
    """A top-level block of the document recognised as (a line of) one part."""

    part: str
    block: Paragraph | Table
    position: int

    @property
    def first(self) -> Paragraph | None:
        """The block's first paragraph with text: where the part is shown and quoted."""
        if isinstance(self.block, Paragraph):
            return self.block
        return next((p for p in self.block.paragraphs() if not p.is_empty), None)

    @property
    def where(self) -> Location:
        first = self.first
        if first is not None:
            return first.where
        return Location("table", table=self.block.number) if isinstance(self.block, Table) else (
            DOCUMENT
        )

    @property
    def text(self) -> str:
        first = self.first
        return first.text if first is not None else ""


def check_part_order(doc: Document, layout: Layout, report: Report) -> None:
    """Header, title, Kính gửi, body, signature and appendices in Phụ lục I's order; a document
    with none of its header block told once. Templates are checked by `templates check`."""
    if layout.template:
        return
    placed = place_parts(doc)
    if not placed:
        return
    signed = next((i for i, p in enumerate(placed) if p.part == SIGNATURE), len(placed))
    main, after = placed[:signed], _after_signature(placed[signed:])
    present = {p.part for p in placed}
    expected = _expected_order(present)
    faults: list[tuple[str, Placed, list[Placed]]] = []

    header = next((p for p in main if p.part == HEADER), None)
    if header is None:
        later = next((p for p in after if p.part == HEADER), None)
        if later is None and _header_found_elsewhere(layout):
            return  # Quốc hiệu or Số where this walk does not look (a nested table): no guess
        if later is None:
            report.add("phan_dau.missing", DOCUMENT, msg("absent"), msg("part.header_block"))
            _take_back(report, present, header_missing=HEADER not in present)
            return
        faults.append(("part_after", later, placed[: placed.index(later)]))
    else:
        before = [p for p in main[: main.index(header)] if p.part != BODY]
        if before:
            faults.append(("part_after", header, before))
    start = main.index(header) + 1 if header is not None else 0
    middle = main[start:]
    for line, earlier in middle_out_of_order([p.part for p in middle]):
        faults.append(("part_after", middle[line], [middle[i] for i in earlier]))
    attached = next((p for p in main if p.part == ATTACHED), None)
    if attached is not None and signed < len(placed):
        faults.append(("part_before", attached, [placed[signed]]))
    misplaced = [p for p in after if p.part in MIDDLE]
    if misplaced:
        faults.append(("part_before", placed[signed], misplaced))
    for key, at, others in faults:
        report.add("bo_cuc.order", at.where, _found(key, at, others), expected)
    if faults:
        _take_back(report, present)
        _take_back_misread(report, placed, [*main, *after])


def _header_found_elsewhere(layout: Layout) -> bool:
    """Whether the header finder found the header's Quốc hiệu, table or Số."""
    return any(x is not None for x in (layout.quoc_hieu, layout.header_table, layout.so_ky_hieu))


def place_parts(doc: Document) -> list[Placed]:
    """The top-level blocks of the document that belong to a part, in document order (empty
    lines and tables that are none of the parts left out)."""
    out: list[Placed] = []
    blocks = doc.blocks
    following: str | None = None  # a part whose lines go on: the trích yếu, Kính gửi's list
    lines = 0
    for position, block in enumerate(blocks):
        if isinstance(block, Table):
            part = _table_part(doc, block)
            following = None
            if part is not None:
                out.append(Placed(part, block, position))
            continue
        if block.is_empty:
            if following == TITLE and lines:
                following = None  # the trích yếu ends at its rule (an empty paragraph)
            continue
        text = flat(block.text)
        part = _paragraph_part(doc, block, text)
        if part is None and following == TITLE and _continues_title(block, text, lines):
            part = TITLE
        elif part is None and following == ADDRESSED and text.startswith(("-", "+")):
            part = ADDRESSED
        elif part is None and following == SIGNATURE and text.startswith(("-", "+")):
            part = SIGNATURE
        part = part or BODY
        lines = lines + 1 if part == following else 0
        following = part if part in (TITLE, ADDRESSED, SIGNATURE) else None
        if part == ADDRESSED and not text.endswith((":", ";")) and lines:
            following = None
        out.append(Placed(part, block, position))
    return out


def _table_part(doc: Document, table: Table) -> str | None:
    """The header table (Quốc hiệu or Số in it), the signature / Nơi nhận table, or none."""
    for p in table.paragraphs():
        text = flat(p.text)
        if _is_quoc_hieu(text) or NUMBER_LINE.match(text):
            return HEADER
    return SIGNATURE if is_signature_table(doc, table) else None


def _paragraph_part(doc: Document, p: Paragraph, text: str) -> str | None:
    """The part a top-level line opens (or is, for the header's lines outside a table)."""
    if _is_quoc_hieu(text) or NUMBER_LINE.match(text):
        return HEADER
    if len(text) < 2 * len(TIEU_NGU) and similarity(text.lower(), TIEU_NGU.lower()) >= LIKENESS:
        return HEADER
    if text.startswith(ADDRESS_LINE):
        return ADDRESSED
    if is_recipients_heading(text) and len(text) < 2 * len("Nơi nhận:"):
        return SIGNATURE  # Nơi nhận under a Biên bản's two signatures
    if text.lower().startswith(("phụ lục", "danh sách")) and _opens_page(doc, p):
        return ATTACHED
    if p.alignment == "center" and _is_type_name(text):
        return TITLE
    return None


def _is_quoc_hieu(text: str) -> bool:
    return len(text) < 2 * len(QUOC_HIEU) and similarity(text.upper(), QUOC_HIEU) >= LIKENESS


def _is_type_name(text: str) -> bool:
    """A Phụ lục III type name standing alone (not a Công văn's, not "QUYẾT ĐỊNH:" over the
    articles)."""
    if text.endswith(":") or (text.upper() == DECISION_LABEL and not text.isupper()):
        return False
    found = type_by_title(text)
    return found is not None and found.code != "cong_van"


def _continues_title(p: Paragraph, text: str, lines: int) -> bool:
    """A trích yếu line under the type name: centred, before Căn cứ / Kính gửi."""
    return (
        p.alignment == "center"
        and lines < TRICH_YEU_LINES
        and not text.startswith(("Căn cứ", ADDRESS_LINE))
    )


def _opens_page(doc: Document, p: Paragraph) -> bool:
    """Whether p starts a page: after a page break, or first with text in a later section."""
    if p.page_break:
        return True
    if p.section <= 1:
        return False
    section = doc.sections[p.section - 1]
    return next((x for x in section.paragraphs() if not x.is_empty), None) is p


def _after_signature(placed: list[Placed]) -> list[Placed]:
    """What follows the signature and still belongs to the document: up to a part attached
    after it (a header, a type name, a Phụ lục heading) or another section."""
    end = attached_start([(p.part, p.block.section) for p in placed])
    out = [p for p in placed[1:end] if p.part != SIGNATURE]
    if end < len(placed):
        p = placed[end]
        same_section = p.block.section == placed[0].block.section
        if p.part == HEADER and same_section and not _attached_after(placed, p):
            out.append(p)  # the document's own header moved under its signature
    return out


def _attached_after(placed: list[Placed], header: Placed) -> bool:
    """Whether a header under the signature heads a document of its own: a type name follows."""
    at = placed.index(header)
    return any(p.part == TITLE for p in placed[at + 1 : at + 3])


def _expected_order(present: set[str]) -> Msg:
    """The decree's order of the parts this document has (the header always)."""
    parts = [p for p in ORDER if p in present or p == HEADER]
    return msg("part_order", order=_joined(parts, "part_arrow"))


def _found(key: str, at: Placed, others: list[Placed]) -> Msg:
    """'<part> đứng sau <parts> («first line»)' naming each part once, in the order found."""
    names: list[str] = []
    for p in others:
        if p.part not in names and p.part != at.part:
            names.append(p.part)
    return msg(key, part=msg(f"part.{at.part}"), others=_joined(names, "part_list"),
               text=excerpt(others[0].text, 30))  # fmt: skip


def _joined(parts: list[str], key: str) -> Msg:
    """Part names joined by the message `key` ('{head}, {tail}' or '{head} → {tail}')."""
    joined = msg(f"part.{parts[-1]}")
    for part in reversed(parts[:-1]):
        joined = msg(key, head=msg(f"part.{part}"), tail=joined)
    return joined


def _take_back(report: Report, present: set[str], *, header_missing: bool = False) -> None:
    """Drop the failures the order rule explains: a part called missing that is there (only
    misplaced); with no header block, its elements one by one, a body line read as the date
    line, and (a Công văn: Kính gửi and no type name) the type name a Công văn does not have."""
    drop: set[str] = set()
    for part in present:
        drop.update(MISSING_WHEN_PRESENT.get(part, ()))
    kept = []
    for v in report.violations:
        if v.rule in drop:
            continue
        if header_missing and v.rule.startswith(HEADER_RULES):
            continue
        if header_missing and v.rule == "ten_loai.missing" and ADDRESSED in present:
            continue
        kept.append(v)
    report.violations[:] = kept


def _take_back_misread(report: Report, placed: list[Placed], own: list[Placed]) -> None:
    """Drop what the part rules said of a line that belongs to another part (PART_RULES), the
    closing "./." asked of a line that is not the content's last, and the one found too early
    at the end of the line that is: the last body line of the document's own parts (`own`:
    before its signature, and any moved under it)."""
    part_of = {p.block.where.paragraph: p.part for p in placed if isinstance(p.block, Paragraph)}
    last = next((p.block for p in reversed(own) if p.part == BODY), None)
    last_line = last.where.paragraph if isinstance(last, Paragraph) else None
    kept = []
    for v in report.violations:
        part = part_of.get(v.where.paragraph) if v.where.kind == "paragraph" else None
        if part is not None:
            if v.rule == CLOSING and v.where.paragraph != last_line:
                continue
            if v.rule == CLOSING_EARLY and v.where.paragraph == last_line:
                continue
            owner = next((p for p, rules in PART_RULES.items() if v.rule.startswith(rules)), None)
            if owner is not None and owner != part:
                continue
        kept.append(v)
    report.violations[:] = kept
