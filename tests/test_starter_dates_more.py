"""A starter (`vanthu init`, `vanthu new`) is dated on a day the office's own calendar check
does not warn about: no Sunday, no fixed-date public holiday, no day after today, and never a
day of another year than today's (its number would come from that year's sổ). On 1 January
(Tết Dương lịch) there is no such day: the starter bears 1 January and its holiday warning."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipeline.rules.dates import day_off
from pipeline.starters import COMPANIONS, read_starter, write_starter
from pipeline.starters.office import dated_starter, starter_date

_NGAY = re.compile(r"^ngay: (\d{2})/(\d{2})/(\d{4})\b", re.MULTILINE)
# The starters with a date of their own ("ngay: 15/01/$nam").
DATED = [kind for kind in COMPANIONS if "\nngay: " in read_starter(f"{kind}.yaml")]


def _written_date(path: Path) -> date:
    found = _NGAY.search(path.read_text("utf-8"))
    assert found, path
    return date(int(found[3]), int(found[2]), int(found[1]))


@pytest.mark.parametrize("kind", COMPANIONS)
def test_a_starter_made_on_new_years_day_stays_in_its_year(kind: str, tmp_path: Path) -> None:
    today = date(2027, 1, 1)
    written = write_starter(kind, tmp_path / f"{kind}.yaml", today=today)
    for path in written:
        if path.suffix == ".yaml" and "ngay: " in path.read_text("utf-8"):
            assert _written_date(path) == today, path  # not 31/12/2026, a number of 2026


@pytest.mark.parametrize(
    ("kind", "today", "dated"),
    [
        ("cong-van", date(2027, 3, 1), date(2027, 1, 11)),  # 10/01/2027 is a Sunday: the Monday
        ("cong-van", date(2027, 1, 11), date(2027, 1, 11)),
        ("cong-van", date(2027, 1, 10), date(2027, 1, 9)),  # Sunday: the Saturday before
        ("quyet-dinh", date(2028, 1, 1), date(2028, 1, 1)),  # no working day of 2028 yet
        ("quyet-dinh", date(2028, 1, 2), date(2028, 1, 1)),  # a Sunday: not back into 2027
        ("quyet-dinh", date(2028, 1, 3), date(2028, 1, 3)),
        ("quyet-dinh", date(2027, 1, 4), date(2027, 1, 4)),
        ("ke-hoach", date(2026, 1, 5), date(2026, 1, 5)),
    ],
)
def test_a_starters_own_day_off_moves_to_the_next_working_day_up_to_today(
    kind: str, today: date, dated: date
) -> None:
    text = read_starter(f"{kind}.yaml")
    assert starter_date(text, today) == dated
    assert f"ngay: {dated:%d/%m/%Y}" in dated_starter(text, today)


@pytest.mark.parametrize("kind", DATED)
def test_no_starter_is_dated_on_a_day_the_calendar_check_warns_of(kind: str) -> None:
    """Every day of three years, a leap year among them, for every starter with a date."""
    text = read_starter(f"{kind}.yaml")
    today = date(2026, 1, 1)
    while today.year < 2029:
        day = starter_date(text, today)
        assert day <= today and day.year == today.year, (kind, today, day)
        # A day off only when the year has had no working day yet (1 January, a Sunday after it)
        first_working = next(d for d in (date(today.year, 1, n) for n in range(1, 5))
                             if day_off(d) is None)  # fmt: skip
        assert day_off(day) is None or today < first_working, (kind, today, day)
        today += timedelta(days=1)
