"""Giấy mời: an invitation: Trân trọng kính mời, Thời gian (giờ, thứ, ngày), Địa điểm, Nội dung,
Thành phần."""

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from pipeline.model.addressing import Addressees, as_list
from pipeline.model.base import Date, Filled, Record, new_list, without_label
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.wording import ClockHour, invalid, located
from pipeline.rules.dates import numeric_date


class MeetingTime(Record):
    """When: the hour as typed (08:00, 8 giờ 30, 14h30) and the day; the weekday is computed."""

    gio: ClockHour = Field(min_length=1)
    den: ClockHour | None = Field(default=None, min_length=1, description="when it ends (optional)")
    ngay: Date

    @field_validator("den")
    @classmethod
    def _ends_after_start(cls, value: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("gio")
        # Both read as "HH giờ MM", zero-padded: their order as text is their order in time.
        if value is not None and start is not None and value <= start:
            raise invalid("data.end_before_start", start=start, end=value)
        return value


class InvitationData(DocumentData):
    """A Giấy mời as a clerk describes it."""

    loai: Literal["giay_moi"]
    mo_dau: list[Block] = Field(default_factory=new_list, description="what is held, by whom")
    # Each printed after its label (the phrase table's kinh_moi, dia_diem ...): a label typed
    # again is dropped (base.without_label).
    kinh_moi: Annotated[Addressees, without_label("Trân trọng kính mời")]
    thoi_gian: MeetingTime
    dia_diem: Annotated[Filled, without_label("Địa điểm")] = Field(min_length=1)
    noi_dung: Annotated[Filled | None, without_label("Nội dung")] = Field(default=None,
                                                                          min_length=1)
    thanh_phan: Annotated[Addressees | None, without_label("Thành phần")] = None
    ket_thuc: str | None = Field(default=None, min_length=1, description="'./.' is added")

    @field_validator("thoi_gian")
    @classmethod
    def _not_before_issue(cls, value: MeetingTime, info: ValidationInfo) -> MeetingTime:
        # An invitation dated after its meeting is a typing slip (most often the year). Said at
        # the meeting's day, the line to correct, not at the thoi_gian: above it.
        issued = info.data.get("ngay")
        if issued is not None and value.ngay < issued:
            meeting = numeric_date(value.ngay)
            raise located(("ngay",), "data.meeting_before_issue", meeting, meeting=meeting,
                          issued=numeric_date(issued))  # fmt: skip
        return value

    @property
    def addressees(self) -> list[str]:
        return as_list(self.kinh_moi)
