"""Ô 1–5 of Phụ lục I: Quốc hiệu, Tiêu ngữ, agency, Số, date line, type name, trích yếu, rules.

Each element is compared with its spec (size, weight, slant, case, alignment); the texts with a
prescribed form (Quốc hiệu, Tiêu ngữ, Số, date line) are read back with the rules layer.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.rules.agency_names import (
    capitalised_place,
    full_agency_name,
    leading_abbreviation,
)
from pipeline.rules.dates import date_line_pattern, day_text, month_text
from pipeline.rules.doc_types import DocumentType, document_type, type_by_abbreviation
from pipeline.rules.metrics import PORTRAIT_TEXT_WIDTH_PT, longest_line_pt, text_width_pt
from pipeline.rules.numbering import MIXED_CASE_AGENCIES, with_leading_zero
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import QUOC_HIEU, TIEU_NGU, Layout, RuleMark, flat, similarity
from pipeline.verify.report import DOCUMENT, Report, literal, msg
from pipeline.verify.shapes import Drawn
from pipeline.verify.specs import INDENT_SLACK, align_msg, check_format, cm_text
from pipeline.verify.typed_emphasis import check_typed_title, own_subject

# Length of each rule against its text's longest line: Tiêu ngữ's as long as the text, the
# others 1/3 to 1/2 of it; the margins allow for drawing by hand and for font metrics.
RULE_RATIOS = {"tieu_ngu": (0.85, 1.15), "co_quan": (0.30, 0.55), "trich_yeu": (0.30, 0.55)}
RULE_EXPECTED = {"tieu_ngu": "rule_full", "co_quan": "rule_part", "trich_yeu": "rule_part"}
NUMBER_SHAPE = re.compile(r"^Số:(?P<space>\s*)(?P<number>[^/\s]*)\s*/(?P<code>.*)$")
CODE_SHAPE = re.compile(r"^[^\W_]+(-[^\W_]+)*$")
BLANK_NUMBER = re.compile(r"^[.…]*$")
# The issuing agency's tag: the cell holding it makes a shared block's table a header table, even
# one whose Quốc hiệu an office replaced (khoi/dau-trang, khoi/dau-kem-theo print it).
AGENCY_TAG = re.compile(r"\{\{-?\s*(?:r\s+)?co_quan_ban_hanh\b")
TIEU_NGU_LIKENESS = 0.6  # as the layout finds Tiêu ngữ under the Quốc hiệu
# A line wraps when it is wider than its column by more than this (measured widths are estimates).
WRAP_SLACK_PT = 0.5
# Phụ lục III gives a Công văn no abbreviation; clerks who give it one write this.
MADE_UP_LETTER_ABBREVIATION = "CV"


def check_header(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 1–4."""
    _sides(layout, report)
    _national(doc, layout, report)
    _agency(doc, layout, report)
    _number(doc, layout, report)
    _date_line(doc, layout, report)


def check_header_block(doc: Document, layout: Layout, report: Report) -> None:
    """A shared block holding the header table (khoi/dau-trang): every document prints its
    Quốc hiệu and Tiêu ngữ from there, so they are required in the block, spelt as Phụ lục I
    spells them, with their rules. The agency, Số and date line stay tags, as in any template."""
    if layout.quoc_hieu is not None:
        _sides(layout, report)  # every document prints the block's columns as they stand
        _national(doc, layout, report)
        _agency(doc, layout, report)
        _number(doc, layout, report)
        if layout.tieu_ngu is not None:  # the date line is found under it: else a guess
            _date_line(doc, layout, report)
        return
    tag = _agency_paragraph(doc)
    if tag is None or tag.cell is None:
        return  # not a header block
    agency = tag.cell
    row = agency.table.rows[agency.row - 1]
    lines = [
        p
        for cell in row
        if cell is not agency
        for p in cell.paragraphs
        if not p.is_empty and not p.is_control and not p.only_tags
    ]
    stand_in = next(iter(lines), None)  # what the office put in the Quốc hiệu's place
    where = stand_in.where if stand_in is not None else tag.where
    found = literal(stand_in.text) if stand_in is not None else msg("absent")
    report.add("quoc_hieu.missing", where, found, literal(QUOC_HIEU))
    motto = next((p for p in lines if _motto_like(p)), None)
    if motto is None:
        report.add("tieu_ngu.missing", where, msg("absent"), literal(TIEU_NGU))
    elif flat(motto.text) != TIEU_NGU:
        report.add("tieu_ngu.text", motto.where, literal(motto.text), literal(TIEU_NGU))


def _motto_like(p: Paragraph) -> bool:
    return similarity(flat(p.text).lower(), TIEU_NGU.lower()) >= TIEU_NGU_LIKENESS


def _agency_paragraph(doc: Document) -> Paragraph | None:
    """The paragraph holding the issuing agency's tag in a row of two cells or more."""
    for p in doc.paragraphs:
        cell = p.cell
        if cell is not None and AGENCY_TAG.search(p.text):
            if len(cell.table.rows[cell.row - 1]) >= 2:
                return p
    return None


def check_title(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 5: type name, trích yếu and its rule, the issuing authority of a Quyết định."""
    title = layout.ten_loai
    expects_title = not layout.is_cong_van and layout.type_code != "cong_van"
    if title is None:
        if expects_title and not layout.template:
            report.add("ten_loai.missing", DOCUMENT, msg("absent"), msg("type_name"))
        return
    check_format(report, "ten_loai", title)
    if not title.has_tag:
        if layout.title_type is None:
            report.add("ten_loai.text", title.where, literal(title.text), msg("type_names"))
        elif layout.doc_type is not None and layout.doc_type.code != layout.title_type.code:
            report.add(
                "ten_loai.text", title.where, literal(title.text), literal(layout.doc_type.title)
            )
    if not layout.trich_yeu:
        if not layout.template:
            report.add("trich_yeu.missing", title.where, msg("absent"), msg("trich_yeu"))
        return
    check_typed_title(doc, report, "trich_yeu", layout.trich_yeu, own_subject)
    _rule(doc, "trich_yeu", layout.trich_yeu, layout.trich_yeu_rule, report)
    for p in layout.tham_quyen:
        check_format(report, "tham_quyen_ban_hanh", p)
    _authority_present(layout, report)


def _authority_present(layout: Layout, report: Report) -> None:
    """Ô 5b: every Quyết định names who issues it under its trích yếu, a collective (ỦY BAN
    NHÂN DÂN TỈNH ...) or a head (CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...) alike. Not asked of a
    document titled as another type (ten_loai.text says what it is) nor of a template."""
    title = layout.title_type
    if layout.template or layout.tham_quyen or not layout.trich_yeu:
        return
    if title is None or title.code != "quyet_dinh" or layout.type_code != "quyet_dinh":
        return
    where = layout.trich_yeu[-1].where
    report.add("tham_quyen_ban_hanh.missing", where, msg("absent"), msg("issuing_authority"))


def _sides(layout: Layout, report: Report) -> None:
    """Ô 1 top right, ô 2 and 3 top left: the header table's columns swapped keep every element's
    own format (the agency is read in the Quốc hiệu's other column, wherever it is), so only
    where they stand tells it. Read in one table: a header laid out otherwise has no columns."""
    qh = layout.quoc_hieu
    left = [*layout.co_quan_chu_quan, *layout.co_quan, layout.so_ky_hieu]
    agency = next((p for p in left if p is not None and p.cell is not None), None)
    if qh is None or qh.cell is None or agency is None or agency.cell is None:
        return
    if agency.cell.table is qh.cell.table and agency.cell.column > qh.cell.column:
        report.add("header.columns", qh.where, msg("header_swapped"), msg("header_sides"))


def _national(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 1: Quốc hiệu and Tiêu ngữ, their exact text, format and the rule under Tiêu ngữ."""
    qh = layout.quoc_hieu
    if qh is None:
        if not layout.template:
            report.add("quoc_hieu.missing", DOCUMENT, msg("absent"), literal(QUOC_HIEU))
        return
    if flat(qh.text) != QUOC_HIEU:
        report.add("quoc_hieu.text", qh.where, literal(qh.text), literal(QUOC_HIEU))
    check_format(report, "quoc_hieu", qh, skip=("case",))
    runs = qh.visible_runs
    if runs:
        size = max(r.size for r in runs)
        width = text_width_pt(flat(qh.text), size, bold=all(r.bold for r in runs))
        available = qh.available_pt(section_width(doc, qh))
        if "\n" in qh.text.strip() or (available is not None and width > available + WRAP_SLACK_PT):
            report.add("quoc_hieu.one_line", qh.where, msg("several_lines"), msg("one_line"))
    tn = layout.tieu_ngu
    if tn is None:
        report.add("tieu_ngu.missing", qh.where, msg("absent"), literal(TIEU_NGU))
        return
    if flat(tn.text) != TIEU_NGU:
        report.add("tieu_ngu.text", tn.where, literal(tn.text), literal(TIEU_NGU))
    check_format(report, "tieu_ngu", tn)
    _rule(doc, "tieu_ngu", [tn], layout.tieu_ngu_rule, report)


def _agency(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 2: parent and issuing agency, and the rule under the issuing agency."""
    if not layout.co_quan:
        if not layout.template and layout.quoc_hieu is not None:
            report.add("co_quan.missing", layout.quoc_hieu.where, msg("absent"), msg("agency"))
        return
    for p in layout.co_quan_chu_quan:
        check_format(report, "co_quan_chu_quan", p)
    for p in layout.co_quan:
        check_format(report, "co_quan", p)
    for p in [*layout.co_quan_chu_quan, *layout.co_quan]:
        _broken_by_the_page(doc, p, report)
    _abbreviated(layout, report)
    _rule(doc, "co_quan", layout.co_quan, layout.co_quan_rule, report)


def _abbreviated(layout: Layout, report: Report) -> None:
    """Ô 2: the issuing agency's own name in full ("ỦY BAN NHÂN DÂN XÃ ..."), never "UBND XÃ
    ...": Phụ lục I lets only the cơ quan chủ quản's name shorten UBND, HĐND ... (the same
    abbreviations `vanthu init` writes in full, rules.agency_names).

    Read only where the name is told from the chủ quản: the chủ quản found apart (layout_header.
    parent_lines: by style, weight or the names the lines read), or the name one paragraph;
    several paragraphs none of these told apart may still be a chủ quản over the name."""
    if layout.co_quan_chu_quan or len(layout.co_quan) == 1:
        p = layout.co_quan[0]
        if p.has_tag:
            return
        text = flat(p.text.replace("\n", " "))
        if leading_abbreviation(text) is not None:
            report.add("co_quan.abbreviated", p.where, literal(text),
                       literal(full_agency_name(text.upper())))  # fmt: skip


def _broken_by_the_page(doc: Document, p: Paragraph, report: Report) -> None:
    """An agency line wider than its column: the page breaks the name where the office did not
    ("HỘI ĐỒNG THI ĐUA - KHEN" / "THƯỞNG")."""
    for line in lines_wider_than(p, column_width(doc, p)):
        report.add("co_quan.wraps", p.where, literal(line), msg("agency_lines"))


def column_width(doc: Document, p: Paragraph) -> float | None:
    """Width in points of the column `p` is set in: its cell's, else its section's text width.
    The column's width, as _rule reads it: indents may be what shortens a hand-made rule."""
    return p.cell.available_pt if p.cell else section_width(doc, p)


def lines_wider_than(p: Paragraph, available: float | None) -> list[str]:
    """The lines of `p` (its own line breaks) wider than `available` points: the page wraps
    them where the text did not break them. None for a template's tags or an unknown width."""
    runs = p.visible_runs
    if not runs or available is None or p.has_tag:
        return []
    size = max(r.size for r in runs)
    bold = all(r.bold for r in runs)
    caps = all(r.caps for r in runs)  # shown in capitals: measured in capitals
    limit = available + WRAP_SLACK_PT
    return [
        line
        for line in p.text.split("\n")
        if text_width_pt(flat(line.upper() if caps else line), size, bold=bold) > limit
    ]


def section_width(doc: Document, p: Paragraph) -> float | None:
    """Text width of the section p is in, in points."""
    return doc.sections[p.section - 1].text_width_pt if p.section else None


def _rule(
    doc: Document, element: str, texts: list[Paragraph], mark: RuleMark | None, report: Report
) -> None:
    """The solid rule under an element: present, centred, of the length Phụ lục I gives."""
    last = texts[-1]
    expected = msg(RULE_EXPECTED[element])
    if mark is None:
        report.add(f"{element}.rule", last.where, msg("absent"), expected)
        return
    if mark.kind == "tag":
        return
    if mark.inline and mark.carrier.alignment != "center":
        report.add(
            f"{element}.rule_position",
            mark.carrier.where,
            align_msg(mark.carrier.alignment),
            align_msg("center"),
        )
    _floating_rule_place(doc, element, texts, mark, report)
    if mark.width_pt is None or any(p.has_tag for p in texts):
        return
    runs = [r for p in texts for r in p.visible_runs]
    if not runs:
        return
    size = max(r.size for r in runs)
    bold = all(r.bold for r in runs)
    # Lines wrap at the container's width; the text's own indents may be what shortens a border.
    limit = (last.cell.available_pt if last.cell else section_width(doc, last)) or (
        PORTRAIT_TEXT_WIDTH_PT
    )
    text = "\n".join(flat(line) for p in texts for line in p.text.split("\n"))
    reference = longest_line_pt(text, size, bold=bold, limit_pt=limit)
    if reference <= 0:
        return
    low, high = RULE_RATIOS[element]
    ratio = mark.width_pt / reference
    if not low <= ratio <= high:
        report.add(
            f"{element}.rule_length",
            mark.carrier.where,
            msg("rule_length", length=f"{mark.width_pt:.0f}", ratio=f"{ratio:.2f}"),
            msg(
                "rule_range",
                low=f"{low * reference:.0f}",
                high=f"{high * reference:.0f}",
                text=f"{reference:.0f}",
            ),
        )


def _floating_rule_place(
    doc: Document, element: str, texts: list[Paragraph], mark: RuleMark, report: Report
) -> None:
    """A floating rule (wp:anchor; VML's position:absolute) under the middle of its text: it
    stands where its own offsets put it (shapes.Place), whatever its paragraph's alignment, so
    that is what is read. Its frame is the column (in a table cell, the cell), the margin or
    the page; in a cell, a place counted from the margin or the page is not judged (Word may
    lay the drawing out in its cell: where it prints is not known without its layout), nor
    one from a character in a line of text."""
    if mark.kind != "shape" or mark.inline:
        return
    line = next((s for s in mark.carrier.shapes if s.is_line and s.kind != "inline"), None)
    place = line.place if isinstance(line, Drawn) else None
    last = texts[-1]
    width = last.cell.available_pt if last.cell else section_width(doc, last)
    if place is None or width is None:
        return
    frames = {"column": (0.0, width)}
    if last.cell is None:
        frames["margin"] = (0.0, width)
        section = doc.sections[last.section - 1] if last.section else None
        left = section.margins.get("left") if section is not None else None
        if section is not None and section.width and left is not None:
            frames["page"] = (-left / 20, (section.width - left) / 20)
    if mark.carrier.is_empty:  # the drawing's anchor is all its line holds
        at = _line_centre(mark.carrier, width)
        frames["character"] = (at, at)
    frame = frames.get(place.frame)
    centre = place.centre(*frame) if frame is not None else None
    middle = _text_middle(last, width)
    if centre is None or middle is None:
        return
    shift = abs(centre - middle) * 20  # twips
    if shift > INDENT_SLACK:
        found = msg("floating_off_centre", shift=cm_text(shift))
        report.add(f"{element}.rule_position", mark.carrier.where, found, msg("rule_under_text"))


def _line_centre(p: Paragraph, width: float) -> float:
    """Where (points from its column's left) an empty line of `p` puts its anchor: between its
    indents as its alignment says."""
    start, end = p.twips("left") / 20, width - p.twips("right") / 20
    if p.alignment == "center":
        return (start + end) / 2
    return end if p.alignment in ("right", "end") else start


def _text_middle(p: Paragraph, width: float) -> float | None:
    """The middle (points from its column's left) of the text of `p`: of its indents when it
    is centred (Phụ lục I's case), else of its longest line from where its alignment starts
    it; None for a template's tags, whose length is not known."""
    start, end = p.twips("left") / 20, width - p.twips("right") / 20
    if p.alignment == "center":
        return (start + end) / 2
    runs = p.visible_runs
    if not runs or p.has_tag:
        return None
    text = "\n".join(flat(line) for line in p.text.split("\n"))
    size, bold = max(r.size for r in runs), all(r.bold for r in runs)
    length = longest_line_pt(text, size, bold=bold, limit_pt=max(end - start, 1))
    return end - length / 2 if p.alignment in ("right", "end") else start + length / 2


def _number(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 3: 'Số: 05/KH-VPUBND' — shape, leading zero, type abbreviation, capitals."""
    p = layout.so_ky_hieu
    if p is None:
        if not layout.template and layout.quoc_hieu is not None:
            report.add("so_ky_hieu.missing", DOCUMENT, msg("absent"), msg("number_shape"))
        return
    check_format(report, "so_ky_hieu", p)
    check_typed_title(doc, report, "trich_yeu_cong_van", layout.trich_yeu_cong_van, own_subject)
    runs = p.visible_runs
    if runs and runs[0].bold:
        report.add("so_ky_hieu.bold", p.where, msg("bold"), msg("not_bold"))
    if p.has_tag:
        return
    text = flat(p.text)
    match = NUMBER_SHAPE.match(text)
    if (
        not match
        or not CODE_SHAPE.match(match["code"])
        or (not BLANK_NUMBER.match(match["number"]) and not match["number"].isdigit())
        # A number is written "Số: 05/...": after the colon a space, and from 01 up (a blank
        # left for the number written by hand, "Số:     /QĐ-UBND", is the decree's own form).
        or (match["number"].isdigit() and (not match["space"] or int(match["number"]) == 0))
    ):
        report.add("so_ky_hieu.format", p.where, literal(text), msg("number_shape"))
        return
    number, groups = match["number"], match["code"].split("-")
    if number.isdigit() and int(number) > 0 and number != with_leading_zero(int(number)):
        report.add(
            "so_ky_hieu.leading_zero",
            p.where,
            literal(number),
            literal(with_leading_zero(int(number))),
        )
    doc_type = layout.doc_type
    cong_van = layout.is_cong_van or (doc_type is not None and doc_type.code == "cong_van")
    typed = not cong_van and doc_type is not None and bool(doc_type.abbreviation)
    if typed and doc_type is not None:
        if len(groups) < 2:
            report.add("so_ky_hieu.format", p.where, literal(text), msg("number_shape"))
        elif groups[0] != doc_type.abbreviation:
            named = type_by_abbreviation(groups[0])
            found = (
                msg("abbreviation_of", abbreviation=groups[0], name=named.name)
                if named
                else (literal(groups[0]))
            )
            report.add(
                "so_ky_hieu.type",
                p.where,
                found,
                msg("abbreviation_of", abbreviation=doc_type.abbreviation, name=doc_type.name),
            )
    if cong_van:
        _letter_code(layout, p, groups, report)
    agency_groups = groups[1:] if typed else groups
    # Some agencies write their own abbreviation in mixed case (345/QĐ-TTg).
    if any(g != g.upper() and g not in MIXED_CASE_AGENCIES for g in agency_groups):
        report.add(
            "so_ky_hieu.case",
            p.where,
            literal("-".join(agency_groups)),
            literal("-".join(agency_groups).upper()),
        )


def _letter_code(layout: Layout, p: Paragraph, groups: list[str], report: Report) -> None:
    """Ô 3 of a Công văn: the agency's abbreviation then the drafting unit's (123/VPUBND-TH),
    no type abbreviation before them (Phụ lục III gives it none: not KH-, not a made-up CV-).

    A first group spelt like a type abbreviation is the agency's own when the agency's name on
    the document opens with words of those initials (CT: CỤC THUẾ TỈNH SƠN LA): only then is it
    not reported."""
    first = groups[0]
    named: DocumentType | None = type_by_abbreviation(first)
    if named is None and first.upper() == MADE_UP_LETTER_ABBREVIATION:
        named = document_type("cong_van")
    code = "-".join(groups)
    if named is not None and not _initials(layout.co_quan).startswith(first):
        rest = groups[1:]
        found = msg("type_first", code=code, abbreviation=f"{first} ({named.name})")
    elif len(groups) < 2:
        rest = groups
        found = msg("no_unit", code=code)
    else:
        return
    if len(rest) >= 2:
        expected = msg("cong_van_code", code="-".join(rest))
    elif rest:
        expected = msg("cong_van_code_unit", agency=rest[0])
    else:
        expected = msg("cong_van_code_shape")
    report.add("so_ky_hieu.cong_van", p.where, found, expected)


def _initials(names: list[Paragraph]) -> str:
    """The first letters of the words of the agency's name: CT for CỤC THUẾ."""
    words = " ".join(flat(p.text) for p in names).replace("-", " ").split()
    return "".join(word[:1] for word in words).upper()


def _date_line(doc: Document, layout: Layout, report: Report) -> None:
    """Ô 4: 'Sơn La, ngày 05 tháng 02 năm 2022' — shape, leading zeros, a real date, on one
    line of its column (not "..., ngày 05 tháng 01 năm" / "2026")."""
    p = layout.dia_danh_ngay
    if p is None:
        if not layout.template and layout.quoc_hieu is not None:
            report.add("dia_danh_ngay.missing", DOCUMENT, msg("absent"), msg("date_shape"))
        return
    check_format(report, "dia_danh_ngay", p)
    for line in lines_wider_than(p, column_width(doc, p)):
        report.add("dia_danh_ngay.wraps", p.where, literal(line), msg("date_one_line"))
    if p.has_tag:
        return
    text = flat(p.text)
    match = date_line_pattern().match(text)
    if not match:
        report.add("dia_danh_ngay.format", p.where, literal(text), msg("date_shape"))
        return
    day, month, year = match["day"], match["month"], match["year"]
    place, capitalised = match["place"], capitalised_place(match["place"])
    if capitalised != place:  # "Sơn la", not only "sơn La"
        report.add("dia_danh_ngay.place", p.where, literal(place), literal(capitalised))
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        report.add(
            "dia_danh_ngay.date", p.where, literal(f"{day}/{month}/{year}"), msg("real_date")
        )
    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        want_day, want_month = day_text(int(day)), month_text(int(month))
        if (day, month) != (want_day, want_month):
            report.add(
                "dia_danh_ngay.leading_zero",
                p.where,
                literal(f"ngày {day} tháng {month}"),
                literal(f"ngày {want_day} tháng {want_month}"),
            )
