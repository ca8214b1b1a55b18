"""Giấy mời's own rule ("Trân trọng kính mời"), and a weekday written beside a date must be that
date's weekday (in any document: an invitation's Thời gian most of all)."""

from __future__ import annotations

from pipeline.rules.dates import wrong_weekdays
from pipeline.verify.document import Document
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import DOCUMENT, Report, literal, msg


def check_invitation(doc: Document, layout: Layout, report: Report) -> None:
    """'kính mời' in a Giấy mời; every 'thứ ..., ngày ...' naming its date's weekday."""
    if layout.template:
        return
    if layout.type_code == "giay_moi" and not any(
        "kính mời" in flat(p.text).lower() for p in layout.body
    ):
        invite = literal("Trân trọng kính mời: ...")
        report.add("giay_moi.kinh_moi", DOCUMENT, msg("absent"), invite)
    for p in layout.body:
        # Read as loading reads the data's texts (rules.dates): the two never disagree.
        for wrong in wrong_weekdays(p.text):
            report.add("noi_dung.thu", p.where, literal(wrong.typed), literal(wrong.wanted))
