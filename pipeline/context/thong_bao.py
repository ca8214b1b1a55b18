"""Context of a Thông báo: opening, numbered Mục and khoản, closing './.'."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    without_decree_mark,
)
from pipeline.context.sections import sections_context
from pipeline.model.thong_bao import NoticeData, ScheduleRow
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import numeric_date, weekday
from pipeline.rules.phrases import SCHEDULE_HEADINGS


def schedule_row(row: ScheduleRow) -> dict[str, Any]:
    """One row of the lịch công tác: 'Thứ Hai' / '05/02/2024' / '08 giờ 00' in the first cell."""
    day = weekday(row.ngay)
    lines = [day[0].upper() + day[1:], numeric_date(row.ngay)]
    if row.gio:
        lines.append(row.gio)
    return {
        "thoi_gian": rich_runs("\n".join(lines)),
        "noi_dung": rich_runs(row.noi_dung),
        "chu_tri": row.chu_tri or "",
        "thanh_phan": row.thanh_phan or "",
        "dia_diem": row.dia_diem or "",
    }


def notice_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/thong-bao.docx prints."""
    data = info.data
    assert isinstance(data, NoticeData)
    context = common_context(info, styles)
    context.update(
        mo_dau=[block_context(b, without_decree_mark) for b in data.mo_dau],
        cac_muc=sections_context(data.muc, text=without_decree_mark),
        lich=[schedule_row(row) for row in data.lich],
        # The lịch's column headings, each a phrase (lich_cot_thoi_gian -> lich_cot.thoi_gian).
        lich_cot={key.removeprefix("lich_cot_"): info.write(key) for key in SCHEDULE_HEADINGS},
        ket_thuc=closing_runs(data.ket_thuc),
    )
    return context
