"""Địa danh, ngày tháng: the date line and date phrases of Phụ lục I.

Written by hand rather than with a Babel pattern because the decree's leading-zero rule is not a
CLDR pattern: days below 10 take a zero, but of the months only 1 and 2 do (ngày 05 tháng 02,
ngày 15 tháng 3, ngày 22 tháng 12).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from pipeline.patterns import lazy
from pipeline.phrase import Phrase

# The patterns of this module are compiled when first needed (each once: patterns.lazy, or
# functools.cache for those made of several), not at import: a build of award decisions whose
# texts type no weekday, time or duty uses none of them (8.2 M instructions of its start,
# callgrind).


# The years a document's title speaks of: "năm 2022" in a trích yếu.
_year_said = lazy(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)


def years_said(text: str) -> list[int]:
    """The years `text` names as 'năm 2022', in order (NFC or not)."""
    return [int(year) for year in _year_said().findall(unicodedata.normalize("NFC", text))]


def day_text(day: int) -> str:
    """Day of month as printed: a leading zero below 10."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month as printed: a leading zero only for January and February."""
    return f"{month:02d}" if month < 3 else str(month)


def date_phrase(value: date) -> str:
    """'ngày 22 tháng 12 năm 2021' — used in date lines and in 'Kèm theo ... ngày ...'."""
    return f"ngày {day_text(value.day)} tháng {month_text(value.month)} năm {value.year}"


def numeric_date(value: date) -> str:
    """'05/02/2024': a date in figures (a schedule's day, a message)."""
    return value.strftime("%d/%m/%Y")


def date_line(place: str, value: date) -> str:
    """Ô số 4: 'Sơn La, ngày 05 tháng 02 năm 2022'."""
    return f"{place}, {date_phrase(value)}"


# A date line as date_line writes it, its place, day, month and year as groups.
date_line_pattern = lazy(
    r"^(?P<place>[^,]+), ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})$"
)


# Thứ in Vietnamese, Monday first (date.weekday() order); Sunday is "Chủ nhật".
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


# A time of day as clerks type it: 8:00, 8h, 8 giờ 30, 14g30.
_time = lazy(r"^(\d{1,2})\s*(?:giờ|g|h|:)\s*(?:(\d{1,2})\s*(?:phút|p)?)?$", re.IGNORECASE)


def weekday(value: date) -> str:
    """'thứ Hai' ... 'Chủ nhật': the day of the week of `value`, computed, never typed."""
    return WEEKDAYS[value.weekday()]


# The catalogue keys of the days of the week, Monday first: data.weekday_1 ... data.weekday_7.
_WEEKDAY_KEYS = tuple(f"data.weekday_{n}" for n in range(1, 8))


def weekday_said(value: date) -> Phrase:
    """The day of the week of `value` in the language a message is shown in (thứ Hai, Monday):
    a message's words, where `weekday` is the text a document prints."""
    return Phrase(_WEEKDAY_KEYS[value.weekday()])


def weekday_date(value: date) -> str:
    """'thứ Hai, ngày 05 tháng 02 năm 2024' (Giấy mời's Thời gian)."""
    return f"{weekday(value)}, {date_phrase(value)}"


# A weekday typed beside a date in running text, in the forms clerks write: "thứ Năm, ngày 12
# tháng 3 năm 2025" (the way Phụ lục I writes both), "thứ Năm, ngày 12/3/2025" (or 12-3-2025,
# 12.3.2025, with or without "ngày"), "thứ 5 ..." (thứ 2 to thứ 7), and the weekday in brackets
# after the date: "ngày 12/3/2025 (thứ Năm)". The weekdays are WEEKDAYS' own words.
_WEEKDAY = rf"(?P<thu>{'|'.join(map(re.escape, WEEKDAYS))}|thứ [2-7](?!\d))"
_LONG_DATE = r"ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})"
_NUMERIC_DATE = r"(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"


@cache
def _weekday_dates() -> tuple[re.Pattern[str], ...]:
    """A weekday typed beside a date, in each of the forms above."""
    return tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (
            rf"{_WEEKDAY},? {_LONG_DATE}",
            rf"{_WEEKDAY},? (?:ngày )?{_NUMERIC_DATE}",
            rf"{_LONG_DATE} \({_WEEKDAY}\)",
            rf"{_NUMERIC_DATE} \({_WEEKDAY}\)",
        )
    )


# A weekday's words after one of these nouns are an ordinal, not a day: "lần thứ 2, ngày ...",
# "Kỳ họp thứ năm, ngày ..." (after "họp" only in a session's name: "Hội nghị họp thứ Năm"
# is a day).
_ORDINAL_NOUNS = frozenset((
    "lần", "kỳ", "kì", "khóa", "khoá", "phiên", "đợt", "vòng", "hạng", "giải", "lớp", "số",
    "nghị", "hội", "tuần", "tháng", "năm", "bậc", "cấp", "loại", "mục", "điều", "khoản",
))  # fmt: skip
_SESSION_NOUNS = frozenset(("kỳ", "kì", "phiên", "cuộc", "buổi"))


def _ordinal(flat: str, start: int) -> bool:
    """Whether the weekday's words at `start` follow an ordinal's noun (_ORDINAL_NOUNS)."""
    before = flat[max(0, start - 16) : start].lower().split()
    if not before:
        return False
    if before[-1] == "họp":
        return len(before) > 1 and before[-2] in _SESSION_NOUNS
    return before[-1] in _ORDINAL_NOUNS


def _typed_weekday(typed: str) -> str:
    """The weekday `typed` names, in WEEKDAYS' words: 'thứ 5' is 'thứ Năm'."""
    if typed[-1:].isdigit():
        return WEEKDAYS[int(typed[-1]) - 2]
    return typed


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class WrongWeekday:
    """A weekday typed beside a date that is not that date's: as typed, the date, and the
    weekday it falls on (`wanted`, as the document would print it)."""

    typed: str
    day: date
    wanted: str


def wrong_weekdays(text: str) -> Iterator[WrongWeekday]:
    """Each weekday typed beside a date in `text` (the forms of _weekday_dates) that is not
    that date's, in order. Read on one line, NFC (a folded YAML text, an NFD keyboard, a docx
    paragraph's runs read alike); a date that does not exist is skipped: the date rules say so
    where they apply.

    One reading for `vanthu verify` (rule noi_dung.thu, on the printed document) and for loading
    (the data's own texts, refused before the register gives a number)."""
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    found = sorted(
        (match for pattern in _weekday_dates() for match in pattern.finditer(flat)),
        key=lambda match: match.start("thu"),
    )
    for match in found:
        if _ordinal(flat, match.start("thu")):
            continue
        try:
            day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
        wanted = weekday(day)
        if _typed_weekday(match["thu"]).lower() != wanted.lower():
            yield WrongWeekday(typed=match["thu"], day=day, wanted=wanted)


def any_weekday_date(texts: Iterable[str]) -> bool:
    """Whether any of `texts` may hold a weekday beside a date, read as wrong_weekdays reads
    one: a single search over all of them, so that the texts of a document with none (almost
    every one) are not each normalised and searched in turn (that was 2 % of a build). True
    may also come from a match across two texts; wrong_weekdays, text by text, then says."""
    joined = unicodedata.normalize("NFC", " ".join(texts))
    folded = joined.lower()
    if "thứ" not in folded and "chủ" not in folded:  # every weekday _weekday_dates reads
        return False
    flat = " ".join(joined.split())
    return any(pattern.search(flat) is not None for pattern in _weekday_dates())


def time_text(text: str) -> str | None:
    """'08 giờ 00' from 8:00, 8h, 8 giờ 30, 14g30; None when it is not a time of day."""
    match = _time().match(text.strip())
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d} giờ {minute:02d}"


# Ngày nghỉ lễ of the Bộ luật Lao động 2019 (Điều 112) that fall on one date every year, by
# the catalogue key of their name (Tết Dương lịch; New Year's Day under --lang en); the lunar
# ones (Tết, Giỗ Tổ Hùng Vương) and the day added to Quốc khánh move, and are not told.
FIXED_HOLIDAYS = {
    (1, 1): "data.holiday_new_year",
    (30, 4): "data.holiday_reunification",
    (1, 5): "data.holiday_labour_day",
    (2, 9): "data.holiday_national_day",
}


SUNDAY = WEEKDAYS[6]  # "Chủ nhật"


def day_off(value: date) -> str | None:
    """The day off `value` falls on: SUNDAY, or the name of a fixed-date public holiday; None
    for a working day (Saturday included: offices sign on it often enough).

    A holiday's name is a Phrase: a warning that carries it says it in the language the
    warning is shown in, not the one it was found in."""
    if value.weekday() == 6:
        return SUNDAY
    key = FIXED_HOLIDAYS.get((value.day, value.month))
    return Phrase(key) if key is not None else None


# A duty ("Trực lãnh đạo ngày nghỉ", "Lãnh đạo trực", "Trực Tết"), not "trực tuyến" (online),
# "trực tiếp" (in person), "trực thuộc" (under), "trực quan" (visual).
_on_duty = lazy(r"\btrực\b(?!\s+(?:tuyến|tiếp|thuộc|quan)\b)", re.IGNORECASE)


def on_duty(text: str) -> bool:
    """Whether a lịch công tác row's text is a duty: a weekly schedule sets those on the days
    off by design (the Sunday's trực lãnh đạo), so its day off is no typing slip."""
    return _on_duty().search(unicodedata.normalize("NFC", text)) is not None
