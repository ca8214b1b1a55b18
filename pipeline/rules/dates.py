"""Địa danh, ngày tháng: the date line and date phrases of Phụ lục I.

Written by hand rather than with a Babel pattern because the decree's leading-zero rule is not a
CLDR pattern: days below 10 take a zero, but of the months only 1 and 2 do (ngày 05 tháng 02,
ngày 15 tháng 3, ngày 22 tháng 12).
"""

from __future__ import annotations

import re
from datetime import date


def day_text(day: int) -> str:
    """Day of month as printed: a leading zero below 10."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month as printed: a leading zero only for January and February."""
    return f"{month:02d}" if month < 3 else str(month)


def date_phrase(value: date) -> str:
    """'ngày 22 tháng 12 năm 2021' — used in date lines and in 'Kèm theo ... ngày ...'."""
    return f"ngày {day_text(value.day)} tháng {month_text(value.month)} năm {value.year}"


def date_line(place: str, value: date) -> str:
    """Ô số 4: 'Sơn La, ngày 05 tháng 02 năm 2022'."""
    return f"{place}, {date_phrase(value)}"


DATE_LINE_PATTERN = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})$"
)
