"""Thông báo: a notice (kết luận cuộc họp, a decision made known): opening, Mục, closing."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import Section


class NoticeData(DocumentData):
    """A Thông báo as a clerk describes it: running text as in a Kế hoạch, without appendix."""

    loai: Literal["thong_bao"]
    mo_dau: list[Block] = Field(min_length=1)
    muc: list[Section] = Field(default_factory=list, description="Mục I., II. (optional)")
    ket_thuc: str = Field(min_length=1, description="closing sentence; './.' is added")
