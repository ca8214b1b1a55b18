"""Rules of the types addressed to someone: Công văn (V/v, Kính gửi), Tờ trình (Kính gửi, Kính
trình), and the "- Như trên;" that opens their Nơi nhận (Nghị định 30/2020, Phụ lục I)."""

from __future__ import annotations

import re

from pipeline.verify.document import Document
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import DOCUMENT, Report, literal, msg

# Types whose body opens with "Kính gửi:" and whose Nơi nhận opens with "- Như trên;".
ADDRESSED = frozenset({"cong_van", "to_trinh"})
NHU_TREN = "- Như trên;"
# "- Như trên;" with the purpose in brackets, as an office's phrase table may word it (cau_chu:
# nhu_tren: "Như trên (để thực hiện)"): Phụ lục I shows "- Như trên;" and, for the recipients
# of an article, "- Như Điều 3;" lines with text; verify reads a .docx, not the office's phrases,
# so it accepts what any office may write after it, a bracketed purpose.
NHU_TREN_LINE = re.compile(r"^- Như trên(?: ?\([^()]*\S[^()]*\))?;$")


def check_addressed(doc: Document, layout: Layout, report: Report) -> None:
    """V/v under Số (Công văn), Kính gửi, the closing 'Kính trình ...' (Tờ trình), '- Như trên;'
    first in Nơi nhận."""
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
