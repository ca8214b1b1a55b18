"""Lines of the header and the signature: their tables print none (Phụ lục I, ô 1–4 and ô 7–9);
the rules under Tiêu ngữ, the agency and the trích yếu are one solid stroke, centred.

A rule's presence, its length and the alignment of a line shape's paragraph are rules_header's;
here its stroke, and the indents of the paragraph that draws it, which move a border or a line
as they move text.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.verify.document import Document, Paragraph, Table
from pipeline.verify.layout_model import Layout, RuleMark
from pipeline.verify.report import Location, Report, msg
from pipeline.verify.specs import INDENT_SLACK, centre_shift, cm_text


def check_borders(doc: Document, layout: Layout, report: Report) -> None:
    """A line printed around or between the cells of the header's or the signature's table:
    one violation per table, at its first cell that prints one. Then the rules under the
    header's elements (check_rule_lines): the same check list runs on documents and on shared
    blocks (FRAGMENT_CHECKS), whose header block holds them too."""
    del doc  # every check takes it; the tables hang from the layout's paragraphs
    header = [layout.quoc_hieu, layout.tieu_ngu, *layout.co_quan_chu_quan, *layout.co_quan,
              layout.so_ky_hieu, layout.dia_danh_ngay]  # fmt: skip
    signature = [layout.noi_nhan_tieu_de, *layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten,
                 *layout.chu_ky_trai_tham_quyen, layout.chu_ky_trai_ho_ten]  # fmt: skip
    seen: set[int] = set()
    found = (("header.borders", header, layout.header_table), ("chu_ky.borders", signature, None))
    for rule, paragraphs, extra in found:
        for table in _tables_of(paragraphs, extra):
            if table.number in seen:
                continue
            seen.add(table.number)
            lined = next((cell for cell in table.cells() if cell.borders), None)
            if lined is None:
                continue
            where = Location("cell", table=table.number, row=lined.row, column=lined.column,
                             paragraph=1 if lined.paragraphs else None)  # fmt: skip
            report.add(rule, where, msg("borders"), msg("no_borders"))
    check_rule_lines(layout, report)


def check_rule_lines(layout: Layout, report: Report) -> None:
    """The rules under Tiêu ngữ, the issuing agency and the trích yếu: a solid rule (nét
    liền), not dashed nor double; centred by the indents of the paragraph holding it."""
    found = (
        ("tieu_ngu", [layout.tieu_ngu], layout.tieu_ngu_rule),
        ("co_quan", layout.co_quan, layout.co_quan_rule),
        ("trich_yeu", layout.trich_yeu, layout.trich_yeu_rule),
    )
    for element, texts, mark in found:
        if mark is None or mark.kind == "tag":
            continue
        stroke = mark.stroke
        if not stroke.solid:
            found_msg = msg(f"stroke_{stroke.kind}", value=stroke.value)
            report.add(f"{element}.rule_style", mark.carrier.where, found_msg, msg("stroke_solid"))
        _rule_indents(element, texts, mark, report)


def _rule_indents(
    element: str, texts: Sequence[Paragraph | None], mark: RuleMark, report: Report
) -> None:
    """A rule drawn by a paragraph of its own, off the middle by that paragraph's indents: a
    border runs from its left to its right indent, a line centred in it is centred between
    them. Not when the text's own paragraph draws it: its indents move the text too, and the
    text's alignment (specs.check_format) says so once. Nor for a line whose paragraph is not
    centred, which rules_header reports, nor a floating line, placed by its own offsets."""
    carrier = mark.carrier
    if any(carrier is p for p in texts):
        return
    if mark.kind == "border":
        shift = abs(carrier.twips("left") - carrier.twips("right")) / 2
    elif mark.inline and carrier.alignment == "center":
        shift = centre_shift(carrier)
    else:
        return
    if shift > INDENT_SLACK:
        found = msg("rule_indents", left=cm_text(carrier.twips("left")),
                    right=cm_text(carrier.twips("right")), shift=cm_text(shift))  # fmt: skip
        report.add(f"{element}.rule_position", carrier.where, found, msg("rule_centred"))


def _tables_of(paragraphs: list[Paragraph | None], extra: Table | None) -> list[Table]:
    """The tables holding `paragraphs` (and `extra`), in document order, each once."""
    tables = [p.cell.table for p in paragraphs if p is not None and p.cell is not None]
    if extra is not None:
        tables.append(extra)
    unique = {table.number: table for table in tables}
    return [unique[number] for number in sorted(unique)]
