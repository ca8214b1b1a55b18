"""Thông báo: a notice (kết luận cuộc họp, a decision made known): opening, Mục, closing."""

from typing import Literal

from pydantic import Field

from pipeline.model.base import Date, Filled, Record, new_list
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import Section
from pipeline.model.wording import ClockHour


class ScheduleRow(Record):
    """A row of a lịch công tác: the day (its weekday computed), the hour, what, who, where."""

    ngay: Date
    gio: ClockHour | None = Field(default=None, min_length=1, description="08:00, 14h30")
    noi_dung: str = Field(min_length=1)
    chu_tri: str | None = None
    thanh_phan: str | None = None
    # A place of punctuation alone ("...": not yet known) is refused, as in a Giấy mời.
    dia_diem: Filled | None = None


class NoticeData(DocumentData):
    """A Thông báo as a clerk describes it: running text as in a Kế hoạch, without appendix."""

    loai: Literal["thong_bao"]
    mo_dau: list[Block] = Field(min_length=1)
    muc: list[Section] = Field(default_factory=new_list, description="Mục I., II. (optional)")
    lich: list[ScheduleRow] = Field(
        default_factory=new_list, description="thông báo lịch công tác: a table after the Mục"
    )
    ket_thuc: str = Field(min_length=1, description="closing sentence; './.' is added")
