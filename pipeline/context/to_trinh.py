"""Context of a Tờ trình: Kính gửi, running text in Mục, 'Kính trình ... xem xét, quyết định./.'."""

from __future__ import annotations

from typing import Any

from pipeline.context.addressing import addressed_recipients, addressee_names, kinh_gui_context
from pipeline.context.common import DocumentInfo, block_context, closing, common_context
from pipeline.context.sections import sections_context
from pipeline.model.to_trinh import SubmissionData
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet


def submission_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/to-trinh.docx prints."""
    data = info.data
    assert isinstance(data, SubmissionData)
    context = common_context(info, styles)
    decides = data.kinh_trinh or ", ".join(addressee_names(data.kinh_gui))
    context.update(
        kinh_gui=kinh_gui_context(data.kinh_gui),
        mo_dau=[block_context(b) for b in data.mo_dau],
        cac_muc=sections_context(data.muc),
        sau_cac_muc=[block_context(b) for b in data.doan_cuoi],
        ket_thuc=rich_runs(closing(info.write("kinh_trinh", {"kinh_trinh": decides}))),
        noi_nhan=addressed_recipients(info, context["noi_nhan"]),
    )
    return context
