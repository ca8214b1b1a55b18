"""Giấy mời's own rule ("Trân trọng kính mời"), and a weekday written beside a date must be that
date's weekday (in any document: an invitation's Thời gian most of all)."""

from __future__ import annotations

import re
from datetime import date

from pipeline.rules.dates import weekday
from pipeline.verify.document import Document
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import DOCUMENT, Report, literal, msg

WEEKDAY_DATE = re.compile(
    r"(?P<thu>thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật),? ngày (?P<day>\d{1,2}) tháng "
    r"(?P<month>\d{1,2}) năm (?P<year>\d{4})",
    re.IGNORECASE,
)


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
        for match in WEEKDAY_DATE.finditer(flat(p.text)):
            try:
                day = date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue  # not a real date: the date rules say so where they apply
            wanted = weekday(day)
            if match["thu"].lower() != wanted.lower():
                report.add("noi_dung.thu", p.where, literal(match["thu"]), literal(wanted))
