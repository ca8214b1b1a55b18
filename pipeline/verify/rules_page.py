"""Page rules: A4, orientation and margins per section; page numbers (from 1, none on page 1,
centred)."""

from __future__ import annotations

import math
import re

from pipeline.rules.metrics import HEADER_OVERHANG_TWIPS, text_width_pt
from pipeline.verify.document import Document, Paragraph, Part, Section, Table
from pipeline.verify.layout import Layout
from pipeline.verify.report import Location, Report, literal, msg
from pipeline.verify.shapes import BoxedParagraph, Place, boxed_paragraphs
from pipeline.verify.specs import INDENT_SLACK, align_msg, check_format, cm_text

TWIPS_PER_MM = 1440 / 25.4
A4_TWIPS = (11906, 16838)
SIZE_TOLERANCE = 30  # twips, about half a millimetre
MARGIN_TOLERANCE_MM = 0.25
# Phụ lục I margins in millimetres, (least, most).
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
LINE_HEIGHT = 1.15  # a single line of Times New Roman is about 1.15 em high


def check_pages(doc: Document, layout: Layout, report: Report) -> None:
    """Paper size, orientation and margins of every section."""
    for section in doc.sections:
        where = Location("section", section=section.number)
        if section.width is None or section.height is None:
            if not layout.template:
                report.add("page.size", where, msg("undeclared"), msg("a4"))
        else:
            short, long_ = sorted((section.width, section.height))
            if (
                abs(short - A4_TWIPS[0]) > SIZE_TOLERANCE
                or abs(long_ - A4_TWIPS[1]) > SIZE_TOLERANCE
            ):
                report.add(
                    "page.size",
                    where,
                    msg("paper", width=_mm(section.width), height=_mm(section.height)),
                    msg("a4"),
                )
            if section.landscape and not _may_be_landscape(doc, section, layout):
                report.add("page.orientation", where, msg("landscape"), msg("portrait"))
        for side, (low, high) in MARGINS_MM.items():
            value = section.margins.get(side)
            if value is None:
                if not layout.template:
                    report.add(
                        "page.margin",
                        where,
                        msg(f"margin_{side}", mm="?"),
                        msg(f"margin_{side}", mm=f"{low}–{high}"),
                    )
                continue
            mm = value / TWIPS_PER_MM
            if not low - MARGIN_TOLERANCE_MM <= mm <= high + MARGIN_TOLERANCE_MM:
                report.add(
                    "page.margin",
                    where,
                    msg(f"margin_{side}", mm=f"{mm:.1f}".rstrip("0").rstrip(".")),
                    msg(f"margin_{side}", mm=f"{low}–{high}"),
                )


# How far past the limit a table may reach before it is said: rounding of a width set in mm.
TABLE_SLACK_TWIPS = 14  # a quarter of a millimetre


def check_table_widths(doc: Document, layout: Layout, report: Report) -> None:
    """Each table of the body within its page: at most HEADER_OVERHANG_TWIPS (5 mm) into the
    left or right margin, as far as vanthu's own header table reaches when an agency's name and
    the Quốc hiệu need it (rules.metrics.header_columns), and never off the paper. A header
    table a maintainer made wider in Word (13000 twips on A4) cut the Quốc hiệu off at the
    paper's edge while every rule on its text passed. A nested table is its cell's business;
    a table whose widths are a template's tags is measured where it renders."""
    for table in doc.tables:
        if table.nested or table.width is None or not table.section:
            continue
        section = doc.sections[table.section - 1]
        left, right = section.margins.get("left"), section.margins.get("right")
        if not section.width or left is None or right is None:
            continue
        text = section.width - left - right
        limit = text + 2 * HEADER_OVERHANG_TWIPS
        if table.floating:  # placed by its own offsets: only its width can be judged
            start = (text - table.width) // 2
        else:
            start = _table_start(table, text)
        reach = max(-start, start + table.width - text, 0)
        if table.width <= limit + TABLE_SLACK_TWIPS and reach <= (
            HEADER_OVERHANG_TWIPS + TABLE_SLACK_TWIPS
        ):
            continue
        part = msg("header_table") if table is layout.header_table else msg(
            "table_n", table=table.number
        )
        past = max(-start - left, start + table.width - text - right, 0)
        found = msg(
            "table_off_paper" if past > TABLE_SLACK_TWIPS else "table_reach", part=part,
            width=_mm1(table.width), reach=_mm1(reach), past=_mm1(past),
            paper=_mm1(section.width),
        )  # fmt: skip
        expected = msg(
            "table_limit", limit=_mm1(limit), text=_mm1(text), overhang=_mm1(HEADER_OVERHANG_TWIPS)
        )
        report.add("bang.width", Location("table", table=table.number), found, expected)


def _table_start(table: Table, text: int) -> int:
    """Where `table`'s left edge stands from the left margin, in twips (left of it: negative)."""
    if table.align == "center":
        return (text - (table.width or 0)) // 2
    if table.align in ("right", "end"):
        return text - (table.width or 0)
    return table.indent


def _mm1(twips: int) -> str:
    """Twips as millimetres to one decimal, for messages about widths."""
    return f"{twips / TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".")


def _mm(twips: int) -> str:
    """Twips as whole millimetres, for messages."""
    return f"{twips / TWIPS_PER_MM:.0f}"


def _may_be_landscape(doc: Document, section: Section, layout: Layout) -> bool:
    """A later page holding a table or an appendix may be landscape; the first page may not."""
    if section.number == 1:
        return False
    if layout.template or section.tables():
        return True
    return any(a.section is section for a in layout.appendices)


def page_field_paragraphs(part: Part | None) -> list[Paragraph]:
    """Paragraphs of a header or footer that hold a PAGE field, those of its text boxes
    (shapes.BoxedParagraph) with them: a number printed in a text box is printed."""
    if part is None:
        return []
    return [
        p for p in (*part.paragraphs, *boxed_paragraphs(part))
        if any(f.split()[:1] == ["PAGE"] for f in p.fields if f)
    ]  # fmt: skip


def _box_off_centre(p: Paragraph, section: Section) -> float | None:
    """How far (points) the text box holding `p` stands off the middle of the page's text,
    when it is a text box (shapes.BoxedParagraph) whose place is known and it is off both the
    middle of the text and the middle of the paper (a box centred on the margin or on the page
    counts as centred, as a page number is: the middle of the top margin); else None. A box in
    a header's table cell is placed by its cell's frame, not read."""
    if not isinstance(p, BoxedParagraph) or p.box is None or not section.width:
        return None
    holder, box = p.holder, p.box
    width = section.text_width_pt
    left = section.margins.get("left")
    if width is None or left is None or (holder is not None and holder.cell is not None):
        return None
    if box.frame == "inline":  # in the holder's line: where its alignment puts the box
        if holder is None or box.width_pt is None:
            return None
        start, end = holder.twips("left") / 20, width - holder.twips("right") / 20
        align = {"center": "center", "right": "right", "end": "right"}.get(holder.alignment)
        centre = Place("line", align=align or "left", width_pt=box.width_pt).centre(start, end)
    else:
        frames = {
            "column": (0.0, width),
            "margin": (0.0, width),
            "page": (-left / 20, section.width / 20 - left / 20),
        }
        frame = frames.get(box.frame)
        centre = box.centre(*frame) if frame is not None else None
    if centre is None:
        return None
    off = min(abs(centre - width / 2), abs(centre - (section.width / 2 - left) / 20))
    return off if off * 20 > INDENT_SLACK else None


def check_page_numbers(doc: Document, layout: Layout, report: Report) -> None:
    """Page numbers: a PAGE field centred in the header, not on the first page, not in a footer,
    counting from 1."""
    first = doc.sections[0]
    first_header = first.headers.get("first") if first.title_page else first.headers.get("default")
    for p in page_field_paragraphs(first_header):
        report.add(
            "so_trang.first_page", p.where, msg("page_number_shown"), msg("page_number_hidden")
        )
    checked: set[str] = set()
    for section in doc.sections:
        for variant, part in section.headers.items():
            if part is None or part.name in checked:
                continue
            checked.add(part.name)
            for p in page_field_paragraphs(part):
                if variant == "first" and section is first:
                    continue  # already reported as shown on page 1
                check_format(report, "so_trang", p)
                off = _box_off_centre(p, section)
                if off is not None:
                    found = msg("box_off_centre", shift=cm_text(off * 20))
                    report.add("so_trang.align", p.where, found, align_msg("center"))
                instruction = next(f for f in p.fields if f.split()[:1] == ["PAGE"])
                if re.search(r"\\\*\s*(roman|alphabetic)", instruction, re.I):
                    report.add("so_trang.arabic", p.where, literal(instruction), literal("PAGE"))
        if section.number_format not in (None, "decimal"):
            report.add(
                "so_trang.arabic",
                Location("section", section=section.number),
                literal(str(section.number_format)),
                literal("decimal"),
            )
        for part in section.footers.values():
            if part is None or part.name in checked:
                continue
            checked.add(part.name)
            for p in page_field_paragraphs(part):
                report.add("so_trang.position", p.where, msg("in_footer"), msg("in_header"))
    # An appendix that opens its section numbers its pages from 1: when it does not, that is
    # the fault (check_appendices: so_trang.restart), not the number its first page lacks nor
    # the one it starts from.
    own = {a.section.number for a in layout.appendices if a.at_section_start}
    _check_first_number(doc, report, own)
    if not layout.template:
        _check_missing_numbers(doc, report, own)


def _check_first_number(doc: Document, report: Report, own_numbering: set[int]) -> None:
    """so_trang.start where a section numbers its first page other than 1 (w:pgNumType
    w:start="5": the second page prints 6). Phụ lục I numbers the pages from 1: a section that
    sets no start goes on from the one before it (the first from 1), one that starts again
    (an issued Quy chế, a draft decision after a Tờ trình) starts from 1."""
    for section in doc.sections:
        start = section.restart
        if start is None or start == 1 or section.number in own_numbering:
            continue
        report.add(
            "so_trang.start",
            Location("section", section=section.number),
            msg("page_start", number=start),
            msg("page_start", number=1),
        )


def _check_missing_numbers(doc: Document, report: Report, own_numbering: set[int]) -> None:
    """so_trang.missing where a page that needs a number prints a header without a PAGE field.

    ND30 numbers every page but the first, an appendix on its own from 1. Which pages need one
    is decided section by section, from the document itself: a section's later pages (those
    after the page it starts on) print its default header; a section that starts a page and
    continues the numbering prints, on its first page, its first-page header (w:titlePg) or
    its default one. A section of one page after which the numbering starts again needs none:
    LibreOffice saves such a section (a decision before its Danh sách) with only the header its
    single page shows, the one without the number. A header part several sections print is
    reported once, at the first section that needs its number. `own_numbering`: the sections
    (by number) whose numbering ought to start again, whether or not it does.
    """
    reported: set[str | None] = set()
    for section, runs_on in zip(doc.sections, _runs_past_first_page(doc), strict=True):
        needed = [section.headers.get("default")] if runs_on else []
        if section.number not in own_numbering and _continues_numbering(section):
            needed.append(section.headers.get("first" if section.title_page else "default"))
        for part in needed:
            key = part.name if part is not None else None
            if key in reported or page_field_paragraphs(part):
                continue
            reported.add(key)
            report.add(
                "so_trang.missing",
                Location("section", section=section.number),
                msg("absent"),
                msg("page_field"),
            )


def _continues_numbering(section: Section) -> bool:
    """Whether a section's first page is a page of the document after its first: a later
    section that starts a page without starting the numbering again from 1."""
    restarts = section.restart is not None and section.restart <= 1
    return section.number > 1 and section.starts_page and not restarts


def _paragraph_height(p: Paragraph, width_pt: float) -> float:
    """Estimated height of a paragraph in points: wrapped lines, line spacing, spacing."""
    runs = p.visible_runs
    size = max((r.size for r in runs), default=p.runs[0].size if p.runs else 12)
    bold = bool(runs) and all(r.bold for r in runs)
    lines = 0
    for line in p.text.split("\n"):
        lines += max(1, math.ceil(text_width_pt(line, size, bold=bold) / max(width_pt, 1)))
    rule = p.props.get("line_rule", "auto")
    spacing = p.props.get("line", 240)
    line_height = size * LINE_HEIGHT
    if rule == "auto" and isinstance(spacing, int):
        line_height *= spacing / 240
    elif isinstance(spacing, int):
        line_height = spacing / 20
    return lines * line_height + (p.twips("before") + p.twips("after")) / 20


def _runs_past_first_page(doc: Document) -> list[bool]:
    """For each section, whether its text runs past the page it starts on: a rough measure of
    its height against its page (no layout engine here), a section that does not start a page
    (continuous) taking up where the previous one ended."""
    out = []
    offset = 0.0  # how far down its last page the previous section ended, in points
    for section in doc.sections:
        page = _text_height_pt(section)
        start = offset if not section.starts_page and section.number > 1 else 0.0
        end = start + _section_height_pt(section)
        out.append(end > page)
        offset = math.fmod(end, page) if page > 0 else 0.0
    return out


def _text_height_pt(section: Section) -> float:
    """The height a page of the section gives its text: the paper less the top and bottom
    margins (A4 and 2 cm margins when the section does not say)."""
    return (
        (section.height or A4_TWIPS[1])
        - section.margins.get("top", 1134)
        - section.margins.get("bottom", 1134)
    ) / 20


def _section_height_pt(section: Section) -> float:
    """Estimated height of a section's text, its paragraphs and tables one after another."""
    width = section.text_width_pt or 450
    total = 0.0
    for block in section.blocks:
        if isinstance(block, Table):
            total += _table_height(block)
        else:
            total += _paragraph_height(block, block.available_pt(width) or width)
    return total


def _table_height(table: Table) -> float:
    """Estimated height of a table: the tallest cell of each row."""
    total = 0.0
    for row in table.rows:
        heights = [
            sum(_paragraph_height(p, cell.available_pt or 100) for p in cell.paragraphs)
            for cell in row
        ]
        total += max(heights, default=0)
    return total
