"""Context of a Kế hoạch: numbered Mục and khoản, closing './.', appendix of key tasks."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import DocumentInfo, block_context, closing, common_context
from pipeline.context.sections import sections_context
from pipeline.model.ke_hoach import PlanData
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.numbering import roman


def plan_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/ke-hoach.docx prints."""
    plan = info.data
    assert isinstance(plan, PlanData)
    units = info.agency.don_vi
    context = common_context(info, styles)
    appendices = []
    for number, appendix in enumerate(plan.phu_luc, start=1):
        several = len(plan.phu_luc) > 1
        appendices.append(
            {
                "ten": f"Phụ lục {roman(number)}" if several else "Phụ lục",
                "tieu_de": appendix.tieu_de.upper(),
                "kem_theo": info.attached_line(),
                "nhiem_vu": [
                    {
                        "stt": row_number,
                        "noi_dung": row.noi_dung,
                        # A unit may be named by its abbreviation in the profile.
                        "chu_tri": units[row.chu_tri].ten if row.chu_tri in units else row.chu_tri,
                        "phoi_hop": units[row.phoi_hop].ten
                        if row.phoi_hop in units
                        else (row.phoi_hop or ""),
                        "thoi_gian": row.thoi_gian,
                    }
                    for row_number, row in enumerate(appendix.nhiem_vu, start=1)
                ],
            }
        )
    context.update(
        mo_dau=[block_context(b) for b in plan.mo_dau],
        cac_muc=sections_context(plan.muc),
        ket_thuc=rich_runs(closing(plan.ket_thuc)),
        cac_phu_luc=appendices,
        co_phu_luc=bool(appendices),
    )
    return context
