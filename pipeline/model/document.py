"""What every administrative document has: number, date, trích yếu, Nơi nhận, signer."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from pipeline.model.base import Date, Record
from pipeline.model.wording import PhraseOverrides, invalid


class RecipientGroup(Record):
    """A named group of recipients from the agency profile."""

    nhom: str = Field(min_length=1)


# "Lưu: VT, TH." copied into the recipients from an old document's Nơi nhận, or typed with
# its colon forgotten ("Lưu VT, VP", "Lưu văn thư"): without the colon only what a filing line
# names next (an abbreviation such as VT, VP, TCHC: capitals without tone marks; văn thư; hồ
# sơ), so that a recipient named Lưu ("Lưu Văn Bình", "LƯU VĂN BÌNH") stays one.
_FILING_LINE = re.compile(
    r"^[\s\-–]*lưu\s*(?::|\s(?:(?-i:[A-Z0-9Đ]{2,})\b|văn\s+thư\b|hồ\s+sơ\b))", re.IGNORECASE
)


def _not_filing_line(line: str) -> str:
    """A recipient, not the filing line vanthu writes itself (it would print twice, the typed
    one as "- Lưu: VT, TH.;")."""
    if _FILING_LINE.match(line):
        raise invalid("data.filing_line_typed", line=" ".join(line.split()))
    return line


Recipient = Annotated[str, AfterValidator(_not_filing_line)] | RecipientGroup

AUTO_NUMBER = "tu_dong"  # so: tu_dong — the next number of the office's register (sổ văn bản đi)
Number = Annotated[int, Field(ge=1, le=99999)]


class DocumentData(Record):
    """Fields shared by every document type (Phụ lục I: ô 3, 4, 5, 7, 9)."""

    loai: str
    co_quan: str = Field(min_length=1, description="id of the agency profile (co-quan/<id>.yaml)")
    so: Number | Literal["tu_dong"] | None = Field(
        default=None, description="the number; tu_dong: from the register; empty: not yet given"
    )
    ngay: Date
    trich_yeu: str = Field(min_length=1)
    noi_nhan: list[Recipient] = Field(min_length=1)
    don_vi_soan_thao: str = Field(min_length=1, description="abbreviation of the drafting unit")
    nguoi_soan_thao: str | None = Field(default=None, description="drafter's initials: H")
    so_ban: int | None = Field(default=None, ge=1, le=99, description="copies kept")
    nguoi_ky: str = Field(min_length=1, description="id of a signer of the agency profile")
    cau_chu: PhraseOverrides | None = Field(  # type: ignore[valid-type]
        default=None, description="this document's own wording of the phrases vanthu writes"
    )

    @field_validator("nguoi_soan_thao")
    @classmethod
    def _initials(cls, value: str | None) -> str | None:
        if value is not None and not value.isalpha():
            raise invalid("data.bad_initials")
        return value

    @property
    def addressees(self) -> list[str]:
        """Whom the text itself addresses (Kính gửi, kính mời): none unless the kind says so.

        The register lists them before Nơi nhận."""
        return []

    @property
    def own_number(self) -> int | None:
        """The number this document is issued under, when typed (None: none yet, or not its
        own: a Giấy khen prints its decision's). Numbers are unique per office and year."""
        return self.so if isinstance(self.so, int) else None

    @property
    def template(self) -> str | None:
        """The template this document names itself (a phôi), None for its kind's own."""
        return None

    @property
    def needs_number(self) -> bool:
        """Whether the register gives this document its number (so: tu_dong)."""
        return self.so == AUTO_NUMBER
