"""Ô 7 and 9b: Nơi nhận (heading, "- ...;" items, "- Lưu: ....") and the signature; appendices
(their amounts on one line: rules_amounts, for every table)."""

from __future__ import annotations

import re

from pipeline.rules.agency_names import authority_kind, signing_mismatch
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout, flat
from pipeline.verify.model import TAG
from pipeline.verify.report import DOCUMENT, Location, Report, excerpt, literal, msg
from pipeline.verify.rules_header import lines_wider_than, section_width
from pipeline.verify.rules_recipients import (
    check_executors,
    check_group_items,
    check_repeated_recipients,
)
from pipeline.verify.rules_seal import check_seal_space
from pipeline.verify.specs import check_format

HEADING = "Nơi nhận:"
LAST_LINE = re.compile(r"^- Lưu: VT\b.*\.$")
LAST_LINE_TEMPLATE = re.compile(r"^- Lưu: .*\.$")
# A template's line whose text is a tag ("{{ luu }}", after its dash or not) prints the data's
# words: its shape is judged in the rendered document only.
ONLY_A_TAG = re.compile(r"^(?:- )?\{\{(?:(?!\}\}).)*\}\}$", re.S)
# Ô 7a: after these the signer's own title follows on a line of its own (KT. CHỦ TỊCH / PHÓ CHỦ
# TỊCH; TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH). "Q." is the acting head (Q. CHÁNH VĂN PHÒNG): the
# head's title is the whole signature line, the name comes right under it.
NEEDS_OWN_TITLE = ("TM.", "KT.", "TL.", "TUQ.")
# Thừa lệnh, thừa ủy quyền: the head lets the head of a unit sign some kinds of document; a
# decision in the head's authority is signed by the head, or KT. by a deputy.
DELEGATED_TO_UNIT = ("TL.", "TUQ.")
# Types whose form has no Nơi nhận of its own: one is printed only when the document is sent.
RECIPIENTS_OPTIONAL = frozenset({"bien_ban"})


def check_recipients(doc: Document, layout: Layout, report: Report) -> None:
    """Nơi nhận: heading 12 pt bold italic; items 11 pt, '- ' ... ';' ('+ ' in a group only),
    the last '- Lưu: ... .'; a Quyết định's addressing its executors ('- Như Điều 3;')."""
    heading = layout.noi_nhan_tieu_de
    code = layout.type_code
    if heading is None:
        if not layout.template and code not in RECIPIENTS_OPTIONAL:
            report.add("noi_nhan.missing", DOCUMENT, msg("absent"), literal(HEADING))
        return
    if flat(heading.text) != HEADING:
        report.add("noi_nhan_tieu_de.text", heading.where, literal(heading.text), literal(HEADING))
    check_format(report, "noi_nhan_tieu_de", heading)
    items = layout.noi_nhan
    if not items:
        report.add("noi_nhan.last", heading.where, msg("absent"), msg("archive_line"))
        return
    for n, p in enumerate(items):
        check_format(report, "noi_nhan", p)
        text = flat(p.text)
        last = n == len(items) - 1
        if text in ("-", "+"):  # a line whose text was left empty: only its dash is printed
            report.add("noi_nhan.empty", p.where, msg("dash_only"), msg("recipient"))
            if not last:
                continue
        elif layout.template and TAG.match(text):
            pass  # "{{ nhom }}": the dash, if any, is the data's
        elif not text.startswith(("- ", "+ ")):  # "+ " outside a group: check_group_items
            report.add(
                "noi_nhan.dash", p.where, msg("line_start", text=excerpt(text, 20)), msg("dash")
            )
        if layout.template and ONLY_A_TAG.match(text):
            continue  # "- {{ luu }}", "{{ nhom }}": how the line ends is the data's too
        if last:
            shape = LAST_LINE_TEMPLATE if p.has_tag else LAST_LINE
            if not shape.match(text):
                report.add("noi_nhan.last", p.where, literal(text), msg("archive_line"))
        elif not text.endswith((";", ":")):
            report.add("noi_nhan.semicolon", p.where, literal(text[-1:]), literal(";"))
    check_repeated_recipients(items, report)
    check_group_items(items, report)
    check_executors(layout, report)


def check_signature(doc: Document, layout: Layout, report: Report) -> None:
    """Authority and title lines in bold capitals, centred; the signer's name bold, centred."""
    titles = layout.chu_ky_tham_quyen
    if not titles:
        # Nghị định 30, Điều 8 and Phụ lục I ô 7: every văn bản hành chính carries the
        # signer's authority/title and name (a Giấy khen batch is checked apart, by its form).
        # Reported at Nơi nhận when there is one (the signature sits beside it), else at the file.
        if not layout.template:
            heading = layout.noi_nhan_tieu_de
            where = heading.where if heading is not None else DOCUMENT
            report.add("chu_ky.missing", where, msg("absent"), msg("signature"))
        return
    for p in titles:
        check_format(report, "chu_ky_tham_quyen", p)
    _check_position(layout, report)
    _check_own_title(titles, report)
    name = layout.chu_ky_ho_ten
    if name is None:
        if not layout.template:
            report.add("chu_ky_ho_ten.missing", titles[-1].where, msg("absent"), msg("signer"))
    else:
        check_format(report, "chu_ky_ho_ten", name)
    check_seal_space(titles, name, report, layout.template)
    check_seal_space(
        layout.chu_ky_trai_tham_quyen, layout.chu_ky_trai_ho_ten, report, layout.template
    )
    # A Biên bản's second signature (thư ký, on the left) is checked by check_minutes; only
    # whether its lines fit is checked here, as for the right-hand one.
    _broken_by_the_page(doc, titles, name, report)
    _broken_by_the_page(doc, layout.chu_ky_trai_tham_quyen, layout.chu_ky_trai_ho_ten, report)
    if layout.type_code == "quyet_dinh" and not layout.template:
        check_signing_authority(layout, report)
        check_decision_not_delegated(layout, report)


def _check_own_title(titles: list[Paragraph], report: Report) -> None:
    """Ô 7a: the line right above the name is the signer's own title, never a TM./KT./TL./TUQ.
    line, whatever lines stand above it (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)."""
    last = flat(titles[-1].text.strip().rsplit("\n", 1)[-1])
    if last.upper().startswith(NEEDS_OWN_TITLE):
        report.add("chu_ky.authority", titles[-1].where, literal(last), msg("signer_title"))


def _check_position(layout: Layout, report: Report) -> None:
    """Ô 7: the signature is the right column of its table, Nơi nhận the left one."""
    heading = layout.noi_nhan_tieu_de
    signer = layout.chu_ky_tham_quyen[0].cell if layout.chu_ky_tham_quyen else None
    recipients = heading.cell if heading is not None else None
    if signer is None or recipients is None or signer.table is not recipients.table:
        return
    if signer.row == recipients.row and signer.column < recipients.column:
        report.add(
            "chu_ky.position",
            layout.chu_ky_tham_quyen[0].where,
            msg("signature_left"),
            msg("signature_right"),
        )


def check_signing_authority(layout: Layout, report: Report) -> None:
    """Ô 5b and ô 7a agree (rules.agency_names.signing_mismatch, the rule loading applies too):
    a decision in a collective body's authority is signed "TM. <tập thể>", one in a head's own
    authority has no TM. line. The first fails; the second is pointed out only."""
    titles = layout.chu_ky_tham_quyen
    if not titles or not layout.tham_quyen:
        return
    authority = " ".join(flat(p.text) for p in layout.tham_quyen)
    mismatch = signing_mismatch(authority, [flat(p.text) for p in titles])
    if mismatch is None:
        return
    first = flat(titles[0].text)
    shown = excerpt(authority.upper(), 60)
    if mismatch.refused:
        report.add("chu_ky.tm", titles[0].where, literal(first), msg("tm_needed", authority=shown))
    else:
        expected = msg("tm_not_needed", authority=shown, title=mismatch.title)
        report.warn("chu_ky.tm", titles[0].where, literal(first), expected)


def check_decision_not_delegated(layout: Layout, report: Report) -> None:
    """A Quyết định signed TL. or TUQ. is pointed out: it is signed by whoever holds the thẩm
    quyền ban hành (ô 5b), or KT. by a deputy, not by the head of a unit on the head's behalf.

    A warning only: whether a head may let some decisions be signed so is the office's own rule
    (its quy chế làm việc), which verify cannot read.
    """
    for p in layout.chu_ky_tham_quyen:
        line = flat(p.text)
        if not line.upper().startswith(DELEGATED_TO_UNIT):
            continue
        authority = " ".join(flat(q.text) for q in layout.tham_quyen)
        kind = authority_kind(authority)
        if kind is not None and kind[0] == "head":
            shown = excerpt(authority.upper(), 60)
            expected = msg("decision_signer_of", authority=shown, title=kind[1])
        else:
            expected = msg("decision_signer")
        report.warn("chu_ky.delegated", p.where, literal(line), expected)
        return


def _broken_by_the_page(
    doc: Document, titles: list[Paragraph], name: Paragraph | None, report: Report
) -> None:
    """A title line or a name wider than the signature's column: the page breaks it where the
    office did not ("TL. CHÁNH VĂN PHÒNG ỦY BAN" / "NHÂN DÂN TỈNH SƠN LA")."""
    for p in titles:
        for line in lines_wider_than(p, _available(doc, p)):
            report.add("chu_ky_tham_quyen.wraps", p.where, literal(line), msg("signer_lines"))
    if name is not None:
        for line in lines_wider_than(name, _available(doc, name)):
            report.add("chu_ky_ho_ten.wraps", name.where, literal(line), msg("signer_name_line"))


def _available(doc: Document, p: Paragraph) -> float | None:
    """Width p's lines may take: its cell's (or section's) less its indents, in points."""
    return p.available_pt(section_width(doc, p))


def check_appendices(doc: Document, layout: Layout, report: Report) -> None:
    """Phụ lục heading lines, page numbers of its own, table header rows repeated."""
    for appendix in layout.appendices:
        check_format(report, "phu_luc", appendix.start)
        if appendix.title is not None:
            check_format(report, "phu_luc_tieu_de", appendix.title)
        if appendix.attached is not None:
            check_format(report, "phu_luc_kem_theo", appendix.attached)
        # In a template, section breaks often sit in {%p if %} blocks: which section properties
        # an appendix gets is decided when rendering, so only rendered documents are checked.
        restarts = appendix.at_section_start and appendix.section.restart == 1
        if not restarts and not layout.template:
            report.add("so_trang.restart", appendix.start.where, msg("no_restart"), msg("restart"))
        for table in appendix.tables:
            if len(table.rows) > 1 and not table.header_repeats:
                report.add(
                    "bang.header_repeat",
                    Location("table", table=table.number),
                    msg("no_repeat"),
                    msg("repeat"),
                )
