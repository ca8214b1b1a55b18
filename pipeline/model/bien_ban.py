"""Biên bản: the minutes of a meeting: when and where, chủ trì, thư ký, thành phần, nội dung with
vote counts, kết luận, when it ended; signed by the thư ký and the chủ tọa."""

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from pipeline.model.base import Date, Filled, PersonName, Record, new_list
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData, Recipient
from pipeline.model.wording import ClockHour, YesNo, invalid, located
from pipeline.rules.dates import numeric_date
from pipeline.text.normalize import nfc

# How a hội nghị's trích yếu or cuoc_hop begins, compared as same_name compares.
CONFERENCE = "hội nghị"


def same_name(name: str) -> str:
    """A name as the attendance lists compare it: case, spacing and Unicode form aside."""
    return " ".join(nfc(name).casefold().split())


class MinutesTime(Record):
    """When the meeting began and ended: hours as typed (08:00, 8 giờ 30), the day it began and,
    when not the same, the day it ended."""

    gio: ClockHour = Field(min_length=1, description="when it began")
    ngay: Date | None = Field(default=None, description="the day; empty: the minutes' own date")
    den_ngay: Date | None = Field(default=None, description="the day it ended, if another")
    den: ClockHour = Field(min_length=1, description="when it ended")

    @field_validator("den_ngay")
    @classmethod
    def _ends_after_it_began(cls, value: Date | None, info: ValidationInfo) -> Date | None:
        day = info.data.get("ngay")
        if value is not None and day is not None and value < day:
            raise invalid(
                "data.end_day_before_start", start=numeric_date(day), end=numeric_date(value)
            )
        return value

    @field_validator("den")
    @classmethod
    def _ends_after_start(cls, value: str, info: ValidationInfo) -> str:
        start, day = info.data.get("gio"), info.data.get("ngay")
        if "den_ngay" not in info.data:
            return value  # refused itself (_ends_after_it_began): no day to compare the hours in
        end_day = info.data["den_ngay"]
        # Both read as "HH giờ MM", zero-padded: their order as text is their order in time.
        same_day = end_day is None or end_day == day
        if same_day and start is not None and value <= start:
            raise invalid("data.end_before_start", start=start, end=value)
        return value


class Person(Record):
    """Someone at the meeting: name and title (chức vụ, vai trò in the meeting). The name as
    the minutes print it (base.printed_name): the thư ký's signs them, in regular case as the
    chủ tọa's (Phụ lục I, ô 7c), and the lists print each name as the signature does."""

    ho_ten: PersonName = Field(min_length=1)
    chuc_vu: Filled | None = Field(default=None, min_length=1)


class Absentee(Person):
    """A member who did not attend, with the reason."""

    ly_do: Filled = Field(min_length=1, description="why: đi công tác, nghỉ phép ...")


class Attendance(Record):
    """Thành phần: the members present and absent (their counts are computed), and guests."""

    co_mat: list[Person] = Field(min_length=1, description="members present")
    vang_mat: list[Absentee] = Field(default_factory=new_list, description="members absent")
    khach_moi: list[Person] = Field(default_factory=new_list, description="guests, not voting")

    @model_validator(mode="after")
    def _each_member_once(self) -> "Attendance":
        # A name listed twice, or both present and absent, would put wrong counts in the minutes.
        seen: dict[str, str] = {}
        for field, people in (("co_mat", self.co_mat), ("vang_mat", self.vang_mat)):
            for index, person in enumerate(people):
                name = same_name(person.ho_ten)
                if name in seen:
                    twice = seen[name] == field
                    key = "data.attendee_twice" if twice else "data.present_and_absent"
                    raise located(
                        (field, index, "ho_ten"), key, person.ho_ten, name=person.ho_ten,
                        first=f"thanh_phan.{seen[name]}",
                    )  # fmt: skip
                seen[name] = field
        return self

    def present(self, name: str) -> bool:
        """Whether `name` is among the members present (co_mat)."""
        return same_name(name) in {same_name(p.ho_ten) for p in self.co_mat}

    def attending(self, name: str) -> bool:
        """Whether `name` is at the meeting: a member present, or a guest."""
        return self.present(name) or same_name(name) in {
            same_name(p.ho_ten) for p in self.khach_moi
        }


class Vote(Record):
    """Kết quả biểu quyết: the members for and against; the rest of those present abstained.

    The totals and the percentage are computed from the attendance, never typed."""

    tan_thanh: int = Field(ge=0)
    khong_tan_thanh: int = Field(default=0, ge=0)


class Item(Record):
    """One item of the meeting (1., 2. ...): a title, what was said, and a vote if any."""

    tieu_de: str = Field(min_length=1)
    doan: list[Block] = Field(default_factory=new_list)
    bieu_quyet: Vote | None = None


class MinutesData(DocumentData):
    """A Biên bản as a clerk describes it: nguoi_ky is the chủ tọa, who signs on the right."""

    loai: Literal["bien_ban"]
    # Only when the minutes are sent: the decree's form has no Nơi nhận of its own.
    noi_nhan: list[Recipient] = Field(default_factory=new_list)  # type: ignore[assignment]
    cuoc_hop: Filled = Field(
        min_length=1, description="what met and why, after 'Vào lúc ..., tại'"
    )
    hoi_nghi: YesNo | None = Field(
        default=None,
        description="co: a hội nghị (đại biểu, 'Hội nghị kết thúc vào ...'); empty: when "
        "trich_yeu or cuoc_hop begins with 'Hội nghị'",
    )
    thoi_gian: MinutesTime
    dia_diem: Filled = Field(min_length=1)
    chu_toa: Filled | None = Field(
        default=None, min_length=1, description="the chair's title here; empty: the signer's"
    )
    thu_ky: Person
    thanh_phan: Attendance
    noi_dung: list[Item] = Field(min_length=1)
    ket_luan: list[Block] = Field(default_factory=new_list)

    @property
    def conference(self) -> bool:
        """Whether the minutes are a hội nghị's: as hoi_nghi says, else when its trích yếu or
        cuoc_hop begins with "Hội nghị" (the minutes of a meeting say "Họp ..." or name who
        met)."""
        if self.hoi_nghi is not None:
            return self.hoi_nghi
        texts = (self.trich_yeu, self.cuoc_hop)
        return any(same_name(text).startswith(CONFERENCE) for text in texts)

    @field_validator("thoi_gian")
    @classmethod
    def _not_after_the_minutes(cls, value: MinutesTime, info: ValidationInfo) -> MinutesTime:
        # Minutes dated before the meeting they record: a typing slip (most often the year).
        # Said at the meeting's day, the line to correct, not at the thoi_gian: above it.
        issued, day = info.data.get("ngay"), value.ngay
        if issued is not None and day is not None and day > issued:
            meeting = numeric_date(day)
            raise located(("ngay",), "data.minutes_before_meeting", meeting, meeting=meeting,
                          issued=numeric_date(issued))  # fmt: skip
        return value

    @model_validator(mode="after")
    def _ends_by_the_minutes(self) -> "MinutesData":
        # The day it ended, beside the day it began when thoi_gian.ngay is empty (the minutes'
        # own date, which MinutesTime does not know) and the minutes that record its end.
        when = self.thoi_gian
        if when.den_ngay is None:
            return self
        began = when.ngay if when.ngay is not None else self.ngay
        place = ("thoi_gian", "den_ngay")
        if when.den_ngay < began:
            raise located(place, "data.end_day_before_start", numeric_date(when.den_ngay),
                          start=numeric_date(began), end=numeric_date(when.den_ngay))  # fmt: skip
        if when.den_ngay == began and when.den <= when.gio:  # as typed: "HH giờ MM" both
            raise located(("thoi_gian", "den"), "data.end_before_start", when.den,
                          start=when.gio, end=when.den)  # fmt: skip
        if when.den_ngay > self.ngay:
            end = numeric_date(when.den_ngay)
            raise located(place, "data.minutes_before_end", end, end=end,
                          issued=numeric_date(self.ngay))  # fmt: skip
        return self

    @model_validator(mode="after")
    def _secretary_attends(self) -> "MinutesData":
        # The thư ký signs the minutes: someone at the meeting, a member or an invited guest.
        if not self.thanh_phan.attending(self.thu_ky.ho_ten):
            raise located(
                ("thu_ky", "ho_ten"), "data.secretary_absent", self.thu_ky.ho_ten,
                name=self.thu_ky.ho_ten,
            )  # fmt: skip
        return self

    @field_validator("noi_dung")
    @classmethod
    def _votes_within_attendance(cls, value: list[Item], info: ValidationInfo) -> list[Item]:
        attendance = info.data.get("thanh_phan")
        if attendance is None:
            return value
        present = len(attendance.co_mat)
        for index, item in enumerate(value):
            vote = item.bieu_quyet
            if vote is not None and vote.tan_thanh + vote.khong_tan_thanh > present:
                # Said at the count to correct: tán thành when it alone is too many or nobody
                # voted against, else the không tán thành that took the sum past those present.
                alone = vote.tan_thanh > present or not vote.khong_tan_thanh
                field = "tan_thanh" if alone else "khong_tan_thanh"
                raise located(
                    (index, "bieu_quyet", field), "data.votes_over_present", getattr(vote, field),
                    votes=vote.tan_thanh + vote.khong_tan_thanh, present=present,
                    item=item.tieu_de,
                )  # fmt: skip
        return value
