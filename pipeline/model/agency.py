"""Hồ sơ cơ quan: the office described once, referenced by every document it issues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from pipeline.model.base import Record

Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]


class Unit(Record):
    """Đơn vị: a phòng, ban or trung tâm of the agency."""

    ten: str = Field(min_length=1)


class Signer(Record):
    """Người ký: a usual signer, with how they sign (thẩm quyền ký)."""

    ho_ten: str = Field(min_length=1)
    chuc_vu: str = Field(min_length=1, description="the signer's own title")
    tham_quyen: Authority | None = None
    thay_cho: str | None = Field(
        default=None,
        description="TM.: the collective body; KT., TL., TUQ., Q.: the head's title",
    )

    @model_validator(mode="after")
    def _authority_needs_whom(self) -> Signer:
        if self.tham_quyen and not self.thay_cho:
            raise ValueError("tham_quyen needs thay_cho (the body or the head's title)")
        return self


class Agency(Record):
    """Cơ quan ban hành with its chủ quản, abbreviation, place, units, signers, recipient groups."""

    co_quan_chu_quan: str | None = None
    ten_co_quan: str = Field(min_length=1, description="as printed in the header: VĂN PHÒNG")
    ten_day_du: str = Field(min_length=1, description="in running text: Văn phòng UBND tỉnh ...")
    viet_tat: str = Field(pattern=r"^[A-ZĐ0-9]+$", description="in ký hiệu: VPUBND")
    dia_danh: str = Field(min_length=1, description="place name of the date line: Sơn La")
    don_vi: dict[str, Unit] = Field(default_factory=dict)
    nguoi_ky: dict[str, Signer] = Field(default_factory=dict)
    nhom_noi_nhan: dict[str, list[str]] = Field(default_factory=dict)
