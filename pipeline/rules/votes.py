"""Kết quả biểu quyết: the figures a Biên bản writes, computed from the counts of its data."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percent_text(part: int, whole: int) -> str:
    """`part` of `whole` in per cent as Vietnamese writes it: '88,89', '100', '66,67'."""
    if whole <= 0:
        raise ValueError("a share of nothing")
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{value:f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def vote_figures(for_: int, against: int, present: int, members: int) -> dict[str, str]:
    """The fields of the câu chữ bieu_quyet: for, against, abstaining, those present and all
    members, the share for of either."""
    if for_ + against > present or present > members:
        raise ValueError("more votes than members present")
    return {
        "tan_thanh": str(for_),
        "khong_tan_thanh": str(against),
        "khong_bieu_quyet": str(present - for_ - against),
        "tong_so": str(present),
        "ty_le": percent_text(for_, present),
        "so_thanh_vien": str(members),
        "ty_le_thanh_vien": percent_text(for_, members),
    }
