"""The document's own Số, ký hiệu and date, as its header prints them.

Read by the rule that every '(... kèm theo Quyết định số ... ngày ...)' line names them
(rules_decision) and by `verify --so-dang-ky`, which looks them up in the register: one reading,
so that both find the same number and date in the same lines. Whether those lines have the
shape Phụ lục I asks for is rules_header's business; here they are only read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.verify.layout_model import Layout, flat

# "Số: 05/QĐ-UBND" → "05/QĐ-UBND" (the text is flat: single spaces, trimmed).
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\S+)")
# "Sơn La, ngày 12 tháng 3 năm 2024" → 12, 3, 2024
_DATE = re.compile(r"ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})")


@dataclass(frozen=True)
class OwnDate:
    """The date line's date as written ('12 tháng 3 năm 2024') and as a date (None when no
    such day exists: 31 tháng 02)."""

    text: str
    value: date | None


def own_number(layout: Layout) -> str | None:
    """The Số, ký hiệu the document prints, None when its number line holds none."""
    if layout.so_ky_hieu is None:
        return None
    match = _NUMBER.match(flat(layout.so_ky_hieu.text))
    return match["number"] if match else None


def own_date(layout: Layout) -> OwnDate | None:
    """The date of the document's place-and-date line, None when it holds none."""
    if layout.dia_danh_ngay is None:
        return None
    match = _DATE.search(flat(layout.dia_danh_ngay.text))
    if match is None:
        return None
    day, month, year = (int(match[name]) for name in ("day", "month", "year"))
    try:
        value: date | None = date(year, month, day)
    except ValueError:
        value = None
    text = f"{match['day']} tháng {match['month']} năm {match['year']}"
    return OwnDate(text, value)
