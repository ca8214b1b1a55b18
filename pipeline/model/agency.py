"""Hồ sơ cơ quan: the office described once, referenced by every document it issues."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from pipeline.model.base import Record
from pipeline.model.wording import Lines, ListLayout, PhraseOverrides, invalid
from pipeline.rules.money import unknown_award

Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]
AUTHORITIES: tuple[str, ...] = get_args(Authority)
# Ký hiệu of an agency as real offices write it: UBND, VPUBND, TTg, HĐTĐKT (letters and digits).
ABBREVIATION = re.compile(r"^[^\W_]+$")


class Unit(Record):
    """Đơn vị: a phòng, ban or trung tâm of the agency."""

    ten: str = Field(min_length=1)


def _decree_award(name: str) -> str:
    """A decree's award that an office name stands for: one the money tables know, else the
    office's list would be refused at a row that is right, for a typo made here."""
    closest = unknown_award(name)
    if closest is not None:
        raise invalid("wording.unknown_decree_award", name=name, suggestion=closest)
    return name


class Signer(Record):
    """Người ký: a usual signer, with how they sign (thẩm quyền ký)."""

    ho_ten: str = Field(min_length=1)
    chuc_vu: Lines = Field(
        min_length=1,
        description="the signer's own title; or every line above the name, as a list: "
        "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]",
    )
    tham_quyen: Authority | None = None
    thay_cho: str | None = Field(
        default=None,
        description="TM.: the collective body; KT., TL., TUQ., Q.: the head's title",
    )

    @field_validator("tham_quyen")
    @classmethod
    def _authority_once(cls, value: Any, info: ValidationInfo) -> Any:
        # chuc_vu as lines is every line above the name (README), its own authority line
        # included: tham_quyen/thay_cho would print that line a second time.
        titles = str(info.data.get("chuc_vu") or "").splitlines()
        written = next((t for t in titles if t.strip().upper().startswith(AUTHORITIES)), None)
        if value and written:
            raise invalid("wording.authority_twice", line=written.strip(), authority=value)
        return value

    @model_validator(mode="after")
    def _authority_needs_whom(self) -> Signer:
        if self.tham_quyen and not self.thay_cho:
            raise invalid("wording.authority_needs_whom")
        return self


class Agency(Record):
    """Cơ quan ban hành with its chủ quản, abbreviation, place, units, signers, recipient groups."""

    co_quan_chu_quan: Lines | None = Field(
        default=None, description="ô 2, upper line(s); a list for several lines"
    )
    ten_co_quan: Lines = Field(
        min_length=1, description="as printed in the header: VĂN PHÒNG; a list for several lines"
    )
    ten_day_du: str = Field(min_length=1, description="in running text: Văn phòng UBND tỉnh ...")
    viet_tat: str = Field(description="in ký hiệu: VPUBND, UBND, TTg (Phụ lục III: mixed case)")
    dia_danh: str = Field(min_length=1, description="place name of the date line: Sơn La")
    don_vi: dict[str, Unit] = Field(default_factory=dict)
    nguoi_ky: dict[str, Signer] = Field(default_factory=dict)
    nhom_noi_nhan: dict[str, list[str]] = Field(default_factory=dict)
    cau_chu: PhraseOverrides | None = Field(  # type: ignore[valid-type]
        default=None, description="the office's own wording of the phrases vanthu writes"
    )
    ten_khen_thuong: dict[str, Annotated[str, AfterValidator(_decree_award)]] = Field(
        default_factory=dict,
        description="the office's award names → the decree's award they are paid as",
    )
    danh_sach: ListLayout | None = Field(default=None, description="how its lists are laid out")

    @field_validator("viet_tat")
    @classmethod
    def _abbreviation(cls, value: str) -> str:
        if not ABBREVIATION.match(value):
            raise invalid("wording.bad_abbreviation", value=value)
        return value
