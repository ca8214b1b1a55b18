"""Báo cáo: a report in Mục and khoản whose figures come from the year's decisions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import Item, Section

TableKind = Literal["khen_thuong", "don_vi"]


class ReportItem(Item):
    """A khoản that may also show tables of figures after its paragraphs."""

    bang: list[TableKind] = Field(default_factory=list)


class ReportSection(Section):
    """A Mục of the report."""

    khoan: list[ReportItem] = Field(default_factory=list)  # type: ignore[assignment]


class ReportData(DocumentData):
    """A yearly Báo cáo tổng kết as a clerk describes it; {{ so_lieu }} names computed figures."""

    loai: Literal["bao_cao"]
    nam: int = Field(
        ge=2000, le=2100,
        description="the year reported on: award decisions dated in it, in any folder, count",
    )  # fmt: skip
    mo_dau: list[Block] = Field(min_length=1)
    muc: list[ReportSection] = Field(min_length=1)
    ket_thuc: str = Field(min_length=1)
