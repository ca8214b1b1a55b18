"""Findings r11a F7: the days a document holds something on, and weekdays typed beside dates.

- A Giấy mời's thoi_gian.ngay, a Thông báo's lich[].ngay and a Biên bản's thoi_gian.ngay /
  den_ngay on a Sunday or a fixed public holiday are warned at their line and field, with the
  weekday, as the document's own date is (a Saturday is not; nor a lịch row that is a duty).
- A weekday typed beside a date in the data's texts that is not that date's ("thứ Năm, ngày 07
  tháng 02 năm 2024", a Wednesday) is refused by check, render and build before the register
  gives a number: the rule `vanthu verify` applies to the printed document (noi_dung.thu), read
  by the same code (rules.dates.wrong_weekdays).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import click
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.rules.dates import on_duty, weekday_said, wrong_weekdays
from tests.test_daily_findings import _run, xa

__all__ = ["xa"]  # the fixture, used by name

INVITATION = Path("2024") / "giay-moi-hoi-nghi-tong-ket.yaml"  # ngay: 29/01/2024
SCHEDULE = Path("2024") / "tb-lich-cong-tac-tuan.yaml"
MINUTES = Path("2024") / "bb-hop-hoi-dong-tdkt.yaml"  # ngay: 06/02/2024


def edited(path: Path, old: str, new: str) -> list[str]:
    """`path` with `old` written as `new` (once), and its lines."""
    text = path.read_text("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    return text.splitlines()


def line_of(lines: list[str], text: str) -> int:
    """1-based number of the one line that holds `text`."""
    found = [n for n, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, found
    return found[0]


def check(path: Path, lang: str = "vi") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "check", str(path)])


def warnings(path: Path, lang: str = "vi") -> list[str]:
    result = check(path, lang)
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith(("Cảnh báo", "Warn"))]


def errors(path: Path, lang: str = "vi") -> list[str]:
    result = check(path, lang)
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith(("Lỗi", "Error"))]


# --- 1. a meeting's day on a day off --------------------------------------------------------


def test_an_invitation_to_a_sunday_is_warned_at_its_line(inputs_copy: Path) -> None:
    path = inputs_copy / INVITATION
    lines = edited(path, "  ngay: 05/02/2024", "  ngay: 04/02/2024")
    line = line_of(lines, "  ngay: 04/02/2024")
    assert warnings(path) == [
        f"Cảnh báo: {path}: dòng {line}, trường 'thoi_gian.ngay': ngày 04/02/2024 là Chủ nhật: "
        "kiểm tra lại ngày tổ chức ghi trong giấy mời"
    ]
    assert warnings(path, "en") == [
        f"Warning: {path}: line {line}, field 'thoi_gian.ngay': 04/02/2024 is a Sunday: check "
        "the day it is held, in the invitation"
    ]


def test_an_invitation_to_a_holiday_names_the_holiday_and_the_weekday(inputs_copy: Path) -> None:
    path = inputs_copy / INVITATION
    lines = edited(path, "  ngay: 05/02/2024", "  ngay: 30/04/2024")
    line = line_of(lines, "  ngay: 30/04/2024")
    assert warnings(path) == [
        f"Cảnh báo: {path}: dòng {line}, trường 'thoi_gian.ngay': ngày 30/04/2024 (thứ Ba) là "
        "ngày nghỉ lễ Ngày Chiến thắng: kiểm tra lại ngày tổ chức ghi trong giấy mời"
    ]
    assert warnings(path, "en") == [
        f"Warning: {path}: line {line}, field 'thoi_gian.ngay': 30/04/2024 (Tuesday) is the "
        "public holiday Reunification Day: check the day it is held, in the invitation"
    ]


def test_a_saturday_meeting_is_not_warned(inputs_copy: Path) -> None:
    """As for the document's own date: offices meet (and sign) on a Saturday often enough."""
    path = inputs_copy / INVITATION
    edited(path, "  ngay: 05/02/2024", "  ngay: 03/02/2024")
    assert warnings(path) == []


def test_a_schedule_row_on_a_sunday_is_warned_but_not_a_duty(inputs_copy: Path) -> None:
    path = inputs_copy / SCHEDULE
    # The example's own Sunday row is the leaders' duty (Trực lãnh đạo ngày nghỉ): no warning.
    assert "Trực lãnh đạo ngày nghỉ" in path.read_text("utf-8")
    assert warnings(path) == []
    lines = edited(path, "  - ngay: 15/02/2024", "  - ngay: 18/02/2024")
    line = [n for n, text in enumerate(lines, start=1) if text == "  - ngay: 18/02/2024"][0]
    assert warnings(path) == [
        f"Cảnh báo: {path}: dòng {line}, trường 'lich[3].ngay': ngày 18/02/2024 là Chủ nhật: "
        "kiểm tra lại ngày của dòng lịch công tác này"
    ]


def test_a_minutes_meeting_on_a_sunday_is_warned_for_each_day_typed(inputs_copy: Path) -> None:
    path = inputs_copy / MINUTES
    lines = edited(path, '  den: "11:30"\n',
                   '  den: "11:30"\n  ngay: 03/02/2024\n  den_ngay: 04/02/2024\n')  # fmt: skip
    line = line_of(lines, "den_ngay: 04/02/2024")
    assert warnings(path) == [  # the Saturday it began is not told
        f"Cảnh báo: {path}: dòng {line}, trường 'thoi_gian.den_ngay': ngày 04/02/2024 là Chủ "
        "nhật: kiểm tra lại ngày họp ghi trong biên bản"
    ]
    edited(path, "  ngay: 03/02/2024", "  ngay: 04/02/2024")
    said = warnings(path)
    assert len(said) == 2 and "trường 'thoi_gian.ngay': ngày 04/02/2024 là Chủ nhật" in said[0]


def test_a_duty_is_told_from_words_that_only_begin_alike() -> None:
    assert on_duty("Trực lãnh đạo ngày nghỉ") and on_duty("Lãnh đạo Văn phòng trực")
    assert on_duty(unicodedata.normalize("NFD", "Trực Tết"))
    assert not on_duty("Họp trực tuyến với các huyện") and not on_duty("Giao ban")
    assert not on_duty("Làm việc trực tiếp tại cơ sở")


def test_the_weekday_is_said_in_the_message_language() -> None:
    said = weekday_said(date(2024, 4, 30))
    assert said == "thứ Ba" and said.describe("en") == "Tuesday"


# --- 2. a weekday typed beside a date -------------------------------------------------------


WRONG = "Đề nghị các đồng chí gửi báo cáo trước thứ Năm, ngày 07 tháng 02 năm 2024 và"


def test_a_wrong_typed_weekday_is_refused_at_its_line_and_field(inputs_copy: Path) -> None:
    path = inputs_copy / INVITATION
    lines = edited(path, "ket_thuc: Đề nghị các đồng chí", f"ket_thuc: {WRONG}")
    line = line_of(lines, "ket_thuc:")
    assert errors(path) == [
        f"Lỗi: {path}, dòng {line}, trường 'ket_thuc': 'thứ Năm' ghi cạnh ngày 07/02/2024, nhưng "
        "ngày này là thứ Tư: hãy sửa thành 'thứ Tư' (vanthu verify cũng báo lỗi này trên văn "
        "bản đã in)"
    ]
    assert errors(path, "en") == [
        f"Error: {path}, line {line}, field 'ket_thuc': 'thứ Năm' is written beside 07/02/2024, "
        "but that day is a Wednesday: change it to 'thứ Tư' (vanthu verify fails the printed "
        "document for it too)"
    ]
    edited(path, "thứ Năm, ngày 07", "thứ Tư, ngày 07")
    assert warnings(path) == []


def test_a_weekday_in_a_folded_nested_text_is_read_too(inputs_copy: Path) -> None:
    """A block of mo_dau, folded over two lines, typed on an NFD keyboard, opening a sentence."""
    path = inputs_copy / INVITATION
    text = unicodedata.normalize("NFD", "Hội nghị họp Thứ Hai,\n    ngày 06 tháng 02 năm 2024.")
    lines = edited(path, "triển khai nhiệm vụ năm 2024.", f"triển khai nhiệm vụ năm 2024. {text}")
    line = line_of(lines, "  - >-")
    (said,) = errors(path)
    assert said.startswith(f"Lỗi: {path}, dòng {line}, trường 'mo_dau[1]': "), said
    assert "ngày này là thứ Ba: hãy sửa thành 'Thứ Ba'" in unicodedata.normalize("NFC", said)


def test_the_reading_is_verify_s() -> None:
    """One reading for verify's noi_dung.thu and for loading: a date that does not exist, and a
    right weekday, say nothing."""
    text = "trước thứ Năm, ngày 12 tháng 3 năm 2025; Chủ nhật ngày 31 tháng 2 năm 2025; thứ Tư, " \
        "ngày 12 tháng 3 năm 2025"
    (wrong,) = wrong_weekdays(text)
    assert (wrong.typed, wrong.day, wrong.wanted) == ("thứ Năm", date(2025, 3, 12), "thứ Tư")
    from pipeline.verify import rules_invitation

    assert rules_invitation.wrong_weekdays is wrong_weekdays


def _invitation(folder: Path, cli: click.Group, ket_thuc: str) -> Path:
    """The Giấy mời starter of the commune, numbered by the register, closing with `ket_thuc`."""
    (year,) = folder.glob("inputs/20*")
    data = year / "gm-weekday.yaml"
    made = _run(cli, "new", "giay-moi", "-o", str(data))
    assert made.exit_code == 0, made.output
    text = data.read_text("utf-8")
    text, count = re.subn(r"(?m)^so:.*$", "so: tu_dong", text, count=1)
    text, more = re.subn(r"(?m)^ket_thuc:.*$", f"ket_thuc: {ket_thuc}", text, count=1)
    assert count == more == 1
    data.write_text(text, "utf-8")
    return data


def test_render_and_build_refuse_it_before_the_register_gives_a_number(
    xa: Path, cli: click.Group
) -> None:
    year = int(next(xa.glob("inputs/20*")).name)
    day = date(year, 1, 20)
    typed = ["thứ Hai", "thứ Ba"][day.weekday() == 0]  # never the right one
    data = _invitation(xa, cli, f"Đề nghị gửi báo cáo trước {typed}, ngày 20 tháng 01 năm {year}")
    name = data.relative_to(xa).as_posix()
    rendered = _run(cli, "render", name)
    assert rendered.exit_code == 1
    assert f"{name}, dòng " in rendered.output and "trường 'ket_thuc'" in rendered.output
    assert f"'{typed}' ghi cạnh ngày 20/01/{year}" in rendered.output, rendered.output
    built = _run(cli, "build")
    assert built.exit_code != 0 and "trường 'ket_thuc'" in built.output, built.output
    assert not list(xa.glob("outputs/**/gm-weekday.docx"))
    # Fixed, it takes the register's first number: none was spent on the refused runs.
    right = weekday_said(day)
    data.write_text(data.read_text("utf-8").replace(f"{typed}, ngày 20", f"{right}, ngày 20"),
                    "utf-8")  # fmt: skip
    rendered = _run(cli, "render", name)
    assert rendered.exit_code == 0, rendered.output
    assert "Số: 01/GM-" in rendered.output or "01/GM-" in rendered.output, rendered.output
