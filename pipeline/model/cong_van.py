"""Công văn: a letter with no type name: 'V/v ...' under Số, Kính gửi, its text, './.'."""

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from pipeline.model.addressing import Addressees, as_list
from pipeline.model.base import Date, Record, without_label
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.wording import located
from pipeline.rules.dates import numeric_date


class IncomingLetter(Record):
    """The letter a công văn trả lời answers: its number, date, sender and subject."""

    so: str = Field(min_length=1, description="its Số, ký hiệu as printed: 125/SNV-TĐKT")
    ngay: Date
    cua: str = Field(min_length=1, description="who sent it: Sở Nội vụ")
    ve_viec: str = Field(min_length=1, description="what it is about")


class LetterData(DocumentData):
    """A Công văn as a clerk describes it; trich_yeu prints as 'V/v ...' under the number."""

    loai: Literal["cong_van"]
    kinh_gui: Annotated[Addressees, without_label("Kính gửi")]  # printed after "Kính gửi:"
    tra_loi: IncomingLetter | None = Field(
        default=None, description="công văn trả lời: the letter answered (an opening is written)"
    )
    noi_dung: list[Block] = Field(min_length=1)
    ket_thuc: str = Field(min_length=1, description="closing paragraph; './.' is added")

    @field_validator("tra_loi")
    @classmethod
    def _answers_an_earlier_letter(
        cls, value: IncomingLetter | None, info: ValidationInfo
    ) -> IncomingLetter | None:
        # A reply dated before the letter it answers is a typing slip (most often the year).
        # Said at the answered letter's day, the line to correct, not at the tra_loi: above it.
        issued = info.data.get("ngay")
        if value is not None and issued is not None and value.ngay > issued:
            answered = numeric_date(value.ngay)
            raise located(("ngay",), "data.reply_before_letter", answered, answered=answered,
                          issued=numeric_date(issued))  # fmt: skip
        return value

    @property
    def addressees(self) -> list[str]:
        return as_list(self.kinh_gui)
