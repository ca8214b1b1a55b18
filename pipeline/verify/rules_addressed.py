"""Rules of the types addressed to someone: Công văn (V/v, Kính gửi), Tờ trình (Kính gửi, Kính
trình), and the "- Như trên;" that opens their Nơi nhận (Nghị định 30/2020, Phụ lục I)."""

from __future__ import annotations

import re

from pipeline.verify.document import Document
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import DOCUMENT, Report, excerpt, literal, msg
from pipeline.verify.rules_recipients import doubled_mark

# Types whose body opens with "Kính gửi:" and whose Nơi nhận opens with "- Như trên;".
ADDRESSED = frozenset({"cong_van", "to_trinh"})
NHU_TREN = "- Như trên;"
# "- Như trên;" with the purpose in brackets, as an office's phrase table may word it (cau_chu:
# nhu_tren: "Như trên (để thực hiện)"): Phụ lục I shows "- Như trên;" and, for the recipients
# of an article, "- Như Điều 3;" lines with text; verify reads a .docx, not the office's phrases,
# so it accepts what any office may write after it, a bracketed purpose.
NHU_TREN_LINE = re.compile(r"^- Như trên(?: ?\([^()]*\S[^()]*\))?;$")
# The label before the first addressee of a list: "Kính gửi:\t- Sở Tài chính;".
KINH_GUI_LABEL = re.compile(r"^Kính gửi\s*:\s*", re.IGNORECASE)


def check_addressed(doc: Document, layout: Layout, report: Report) -> None:
    """V/v under Số (Công văn), Kính gửi (its lines with one mark each, in any document that
    has it: check_addressee_marks), the closing 'Kính trình ...' (Tờ trình), '- Như trên;'
    first in Nơi nhận."""
    check_addressee_marks(doc, layout, report)
    code = layout.type_code
    if layout.template or code not in ADDRESSED:
        return
    if code == "cong_van" and not layout.trich_yeu_cong_van:
        where = layout.so_ky_hieu.where if layout.so_ky_hieu is not None else DOCUMENT
        report.add("trich_yeu_cong_van.missing", where, msg("absent"), literal("V/v ..."))
    if not layout.kinh_gui:
        report.add("kinh_gui.missing", DOCUMENT, msg("absent"), literal("Kính gửi: ..."))
    elif layout.noi_nhan and not NHU_TREN_LINE.match(flat(layout.noi_nhan[0].text)):
        first = layout.noi_nhan[0]
        report.add("noi_nhan.nhu_tren", first.where, literal(first.text), literal(NHU_TREN))
    last = layout.body[-1] if layout.body else None
    if code == "to_trinh" and (last is None or "kính trình" not in flat(last.text).lower()):
        where = last.where if last is not None else DOCUMENT
        found = literal(last.text) if last is not None else msg("absent")
        report.add("to_trinh.kinh_trinh", where, found, literal("Kính trình ..."))


def check_addressee_marks(doc: Document, layout: Layout, report: Report) -> None:
    """A Kính gửi line that prints a bullet after its own "- " ("Kính gửi:\t- - Sở Tài chính;",
    "- • Sở Y."): one typed or pasted from Word before the addressee, as Nơi nhận's lines are
    held to (rules_recipients.doubled_mark). Reported as kinh_gui.dash, at the line."""
    for p in layout.kinh_gui:
        for line in p.text.split("\n"):
            text = KINH_GUI_LABEL.sub("", flat(line), count=1)
            if doubled_mark(text):
                found = msg("line_start", text=excerpt(text, 20))
                report.add("kinh_gui.dash", p.where, found, msg("one_mark"))
