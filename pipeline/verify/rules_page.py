"""Page rules: A4, orientation and margins per section; page numbers (none on page 1, centred)."""

from __future__ import annotations

import math
import re

from pipeline.rules.metrics import text_width_pt
from pipeline.verify.document import Document, Paragraph, Part, Section, Table
from pipeline.verify.layout import Layout
from pipeline.verify.report import Location, Report, literal, msg
from pipeline.verify.specs import check_format

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


def _page_fields(part: Part | None) -> list[Paragraph]:
    """Paragraphs of a header or footer that hold a PAGE field."""
    if part is None:
        return []
    return [p for p in part.paragraphs if any(f.split()[:1] == ["PAGE"] for f in p.fields if f)]


def check_page_numbers(doc: Document, layout: Layout, report: Report) -> None:
    """Page numbers: a PAGE field centred in the header, not on the first page, not in a footer."""
    first = doc.sections[0]
    first_header = first.headers.get("first") if first.title_page else first.headers.get("default")
    for p in _page_fields(first_header):
        report.add(
            "so_trang.first_page", p.where, msg("page_number_shown"), msg("page_number_hidden")
        )
    checked: set[str] = set()
    for section in doc.sections:
        for variant, part in section.headers.items():
            if part is None or part.name in checked:
                continue
            checked.add(part.name)
            for p in _page_fields(part):
                if variant == "first" and section is first:
                    continue  # already reported as shown on page 1
                check_format(report, "so_trang", p)
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
            for p in _page_fields(part):
                report.add("so_trang.position", p.where, msg("in_footer"), msg("in_header"))
    default = first.headers.get("default")
    if not layout.template and not _page_fields(default) and _probably_several_pages(doc):
        report.add(
            "so_trang.missing", Location("section", section=1), msg("absent"), msg("page_field")
        )


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


def _probably_several_pages(doc: Document) -> bool:
    """A rough measure of the first section's height against its page (no layout engine here)."""
    if len(doc.sections) > 1:
        return True
    section = doc.sections[0]
    width = section.text_width_pt or 450
    height_pt = (
        (section.height or 16838)
        - section.margins.get("top", 1134)
        - section.margins.get("bottom", 1134)
    ) / 20
    total = 0.0
    for block in section.blocks:
        if isinstance(block, Table):
            total += _table_height(block)
        else:
            total += _paragraph_height(block, block.available_pt(width) or width)
    return total > height_pt


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
