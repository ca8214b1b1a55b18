"""Công văn: a letter with no type name: 'V/v ...' under Số, Kính gửi, its text, './.'."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.model.addressing import Addressees, as_list
from pipeline.model.base import Date, Record
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData


class IncomingLetter(Record):
    """The letter a công văn trả lời answers: its number, date, sender and subject."""

    so: str = Field(min_length=1, description="its Số, ký hiệu as printed: 125/SNV-TĐKT")
    ngay: Date
    cua: str = Field(min_length=1, description="who sent it: Sở Nội vụ")
    ve_viec: str = Field(min_length=1, description="what it is about")


class LetterData(DocumentData):
    """A Công văn as a clerk describes it; trich_yeu prints as 'V/v ...' under the number."""

    loai: Literal["cong_van"]
    kinh_gui: Addressees
    tra_loi: IncomingLetter | None = Field(
        default=None, description="công văn trả lời: the letter answered (an opening is written)"
    )
    noi_dung: list[Block] = Field(min_length=1)
    ket_thuc: str = Field(min_length=1, description="closing paragraph; './.' is added")

    @property
    def addressees(self) -> list[str]:
        return as_list(self.kinh_gui)
