"""Context of a Thông báo: opening, numbered Mục and khoản, closing './.'."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import DocumentInfo, block_context, closing, common_context
from pipeline.context.sections import sections_context
from pipeline.model.thong_bao import NoticeData
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet


def notice_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/thong-bao.docx prints."""
    data = info.data
    assert isinstance(data, NoticeData)
    context = common_context(info, styles)
    context.update(
        mo_dau=[block_context(b) for b in data.mo_dau],
        cac_muc=sections_context(data.muc),
        ket_thuc=rich_runs(closing(data.ket_thuc)),
    )
    return context
