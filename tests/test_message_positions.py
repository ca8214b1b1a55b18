"""What a clerk reads when a YAML data file is wrong (r10a F8): an item of a list is named as
people count, from 1 (the fourth row of `lich:` is lich[4]), at that item's own line; a time
that is no time of day is said once; a public holiday is named in English under --lang en."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.yaml_source import dotted
from pipeline.rules.dates import day_off

NOTICE = Path("2024") / "tb-lich-cong-tac-tuan.yaml"
# The fourth row of the example's lich: (ngay 18/02/2024, gio "7:30").
FOURTH_ROW = '  - ngay: 18/02/2024\n    gio: "7:30"\n'


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def edited(inputs: Path, old: str, new: str) -> tuple[Path, list[str]]:
    """The example Thông báo with `old` written as `new`, and its lines."""
    path = inputs / NOTICE
    text = path.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    return path, text.splitlines()


def line_of(lines: list[str], start: str) -> int:
    """1-based number of the one line that starts with `start`."""
    found = [n for n, line in enumerate(lines, start=1) if line.startswith(start)]
    assert len(found) == 1, found
    return found[0]


def errors(path: Path, lang: str) -> list[str]:
    result = vanthu("--lang", lang, "check", str(path))
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith(("Lỗi", "Error"))]


# --- 1. positions counted from 1, at the item's line -------------------------------------------


def test_dotted_counts_items_from_one() -> None:
    assert dotted(("noi_nhan", 0)) == "noi_nhan[1]"
    assert dotted(("lich", 3, "gio")) == "lich[4].gio"
    assert dotted(("phu_luc", 0, "nhiem_vu", 11, "ten")) == "phu_luc[1].nhiem_vu[12].ten"
    assert dotted(("thoi_gian", "gio")) == "thoi_gian.gio"


def test_a_bad_value_in_the_fourth_row_names_lich_4_at_its_line(inputs_copy: Path) -> None:
    path, lines = edited(inputs_copy, FOURTH_ROW, FOURTH_ROW.replace('"7:30"', "25:70"))
    line = line_of(lines, "    gio: 25:70")
    assert errors(path, "vi") == [
        f"Lỗi: {path}, dòng {line}, trường 'lich[4].gio': giờ không hợp lệ '25:70': dùng dạng "
        "08:00, 8 giờ 30 hoặc 14h30"
    ]
    assert errors(path, "en") == [
        f"Error: {path}, line {line}, field 'lich[4].gio': invalid time '25:70': use 08:00, "
        "8 giờ 30 or 14h30"
    ]


def test_a_missing_field_of_an_item_is_at_the_items_line(inputs_copy: Path) -> None:
    # The fourth row without its noi_dung: the row's own line, not the line of `lich:`.
    path, lines = edited(inputs_copy, "    noi_dung: Trực lãnh đạo ngày nghỉ\n", "")
    row = line_of(lines, "  - ngay: 18/02/2024")
    assert row != line_of(lines, "lich:")
    for said in (errors(path, "vi"), errors(path, "en")):
        assert len(said) == 1
        assert f"{row}, " in said[0] and "'lich[4].noi_dung'" in said[0], said


def test_an_item_of_the_wrong_kind_is_named_from_one_at_its_line(inputs_copy: Path) -> None:
    # The first Nơi nhận a list where a line of text belongs.
    path, lines = edited(inputs_copy, "  - Lãnh đạo Văn phòng\n", "  - [a, b]\n")
    line = line_of(lines, "  - [a, b]")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert (caught.value.field, caught.value.line) == ("noi_nhan[1]", line)


def test_an_error_raised_after_loading_names_the_item_from_one(inputs_copy: Path) -> None:
    # A check of the loaded document (a Nơi nhận group the profile lacks) names it the same way.
    path, lines = edited(inputs_copy, "  - nhom: noi-bo\n", "  - nhom: noi-bo-x\n")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.field == "noi_nhan[2].nhom"
    assert caught.value.line == line_of(lines, "  - nhom: noi-bo-x")


# --- 2. a time that is no time of day, said once -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"), [("25:70", "25:70"), ('"8h70"', "8h70"), ("sáng", "sáng"), ("7.30", "7.3")]
)
def test_a_bad_time_is_said_once(inputs_copy: Path, typed: str, value: str) -> None:
    path, _ = edited(inputs_copy, FOURTH_ROW, FOURTH_ROW.replace('"7:30"', typed))
    for lang in ("vi", "en"):
        (said,) = errors(path, lang)
        assert said.count(value) == 1, said
        for twice in ("không hợp lệ: giờ", "nhận được", "invalid value", "got:"):
            assert twice not in said, said


def test_a_reason_that_does_not_name_the_value_still_shows_it(inputs_copy: Path) -> None:
    # The end of a meeting before its start is said with the hours as printed (06 giờ 15):
    # what was typed follows, as before.
    invitation = inputs_copy / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml"
    text = invitation.read_text("utf-8")
    assert '  gio: "8:00"' in text
    invitation.write_text(text.replace('  gio: "8:00"', '  den: "6:15"\n  gio: "8:00"', 1), "utf-8")
    (said,) = errors(invitation, "vi")
    assert "'thoi_gian.den'" in said and "(nhận được: '6:15')" in said, said


# --- 3. holiday names in the message's language ------------------------------------------------


HOLIDAYS = [
    (date(2024, 1, 1), "Tết Dương lịch", "New Year's Day"),
    (date(2024, 4, 30), "Ngày Chiến thắng", "Reunification Day"),
    (date(2024, 5, 1), "Ngày Quốc tế Lao động", "International Labour Day"),
    (date(2024, 9, 2), "Quốc khánh", "National Day"),
]


@pytest.mark.parametrize(("day", "vi", "en"), HOLIDAYS)
def test_a_holiday_is_named_in_either_language(day: date, vi: str, en: str) -> None:
    name = day_off(day)
    assert name == vi
    describe = getattr(name, "describe", None)
    assert describe is not None and describe("vi") == vi and describe("en") == en


def test_the_holiday_warning_in_english_names_the_holiday_in_english(inputs_copy: Path) -> None:
    path, lines = edited(inputs_copy, "ngay: 09/02/2024\n", "ngay: 02/09/2024\n")
    line = line_of(lines, "ngay: 02/09/2024")

    def warnings(lang: str) -> list[str]:
        result = vanthu("--lang", lang, "check", str(path))
        assert result.exit_code == 0, result.output
        return [w for w in result.output.splitlines() if w.startswith(("Cảnh báo", "Warning"))]

    assert warnings("en") == [
        f"Warning: {path}: line {line}, field 'ngay': 02/09/2024 is the public holiday National "
        "Day: check the document's date"
    ]
    assert warnings("vi") == [
        f"Cảnh báo: {path}: dòng {line}, trường 'ngay': ngày 02/09/2024 là ngày nghỉ lễ Quốc "
        "khánh: kiểm tra lại ngày văn bản"
    ]
