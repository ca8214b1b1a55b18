"""Context of a Kế hoạch: numbered Mục and khoản, closing './.', appendix of key tasks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    without_decree_mark,
)
from pipeline.context.sections import sections_context
from pipeline.model.agency import Unit
from pipeline.model.ke_hoach import PlanData
from pipeline.render.styles import StyleSheet
from pipeline.rules.numbering import roman
from pipeline.rules.phrases import APPENDIX_HEADINGS


class Write(Protocol):
    """A phrase of a document's wording, filled (DocumentInfo.write)."""

    def __call__(self, key: str, values: Mapping[str, str] | None = None) -> str: ...


def task_appendices(
    plan: PlanData, units: Mapping[str, Unit], attached: str, write: Write
) -> list[dict]:
    """Phụ lục of key tasks, numbered I, II when there are several, under `attached`; `write`
    gives the plan's wording: an appendix's name from its number ("" for the only one: phrase
    phu_luc_ten) and the table's column headings (phu_luc_cot_*)."""
    several = len(plan.phu_luc) > 1
    # phu_luc_cot_nhiem_vu -> cot.nhiem_vu in the template.
    headings = {key.removeprefix("phu_luc_cot_"): write(key) for key in APPENDIX_HEADINGS}

    def unit_name(text: str | None) -> str:
        # A unit may be named by its abbreviation in the profile.
        if text is None:
            return ""
        return units[text].ten if text in units else text

    return [
        {
            "ten": write("phu_luc_ten", {"so": roman(number) if several else ""}),
            "cot": headings,
            "tieu_de": appendix.tieu_de.upper(),
            "kem_theo": attached,
            "nhiem_vu": [
                {
                    "stt": row_number,
                    "noi_dung": row.noi_dung,
                    "chu_tri": unit_name(row.chu_tri),
                    "phoi_hop": unit_name(row.phoi_hop),
                    "thoi_gian": row.thoi_gian,
                }
                for row_number, row in enumerate(appendix.nhiem_vu, start=1)
            ],
        }
        for number, appendix in enumerate(plan.phu_luc, start=1)
    ]


def plan_body(plan: PlanData) -> dict[str, Any]:
    """A plan's text as printed, alone or issued by a decision: its paragraphs and sections
    without a typed "./." (common.without_decree_mark: the decree's mark closes the content's
    last paragraph only), then its closing paragraph (ket_thuc), which ends with it."""
    return {
        "mo_dau": [block_context(b, without_decree_mark) for b in plan.mo_dau],
        "cac_muc": sections_context(plan.muc, text=without_decree_mark),
        "ket_thuc": closing_runs(plan.ket_thuc),
    }


def plan_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/ke-hoach.docx prints."""
    plan = info.data
    assert isinstance(plan, PlanData)
    context = common_context(info, styles)
    attached = info.write("phu_luc_kem_theo")
    appendices = task_appendices(plan, info.agency.don_vi, attached, info.write)
    context.update(
        **plan_body(plan),
        cac_phu_luc=appendices,
        phan_cuoi="ngang" if appendices else None,
    )
    return context
