"""Context of a Tờ trình: Kính gửi, running text in Mục, 'Kính trình ... xem xét, quyết định./.',
and the draft Quyết định it attaches (dự thảo), built as the decision itself would be."""

from __future__ import annotations

from typing import Any

from pipeline.context.addressing import addressed_recipients, addressee_names, kinh_gui_context
from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    without_decree_mark,
)
from pipeline.context.quyet_dinh import decision_context
from pipeline.context.sections import sections_context
from pipeline.context.signature_room import recipients_context
from pipeline.load.attachments import SubmissionAttachments
from pipeline.model.to_trinh import SubmissionData
from pipeline.render.styles import StyleSheet


def draft_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any] | None:
    """The draft decision's own context, as the decision itself would print."""
    attached = info.attachments
    if not isinstance(attached, SubmissionAttachments) or attached.draft is None:
        return None
    return decision_context(attached.draft, styles)


def joined(names: list[str]) -> str:
    """Names as a sentence lists them: 'A', 'A và B', 'A, B và C'."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def submission_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/to-trinh.docx prints."""
    data = info.data
    assert isinstance(data, SubmissionData)
    context = common_context(info, styles)
    draft = draft_context(info, styles)
    decides = data.kinh_trinh or joined(addressee_names(data.kinh_gui))
    context.update(
        kinh_gui=kinh_gui_context(data.kinh_gui),
        mo_dau=[block_context(b, without_decree_mark) for b in data.mo_dau],
        cac_muc=sections_context(data.muc, text=without_decree_mark),
        sau_cac_muc=[block_context(b, without_decree_mark) for b in data.doan_cuoi],
        ket_thuc=closing_runs(info.sentence("kinh_trinh", {"kinh_trinh": decides})),
        **recipients_context(addressed_recipients(info, context["noi_nhan"]), context, styles),
        du_thao=draft,
        phan_cuoi="doc" if draft is not None else None,
    )
    return context
