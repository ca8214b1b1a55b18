"""Leftovers of the gone level (r15): `vanthu check` knows a UBND of a thành phố thuộc tỉnh is of
a level gone since 01/07/2025 as `vanthu init` does (starters.levels.gone_level, one function
for both), never a city of the country's (Hà Nội, Huế ...); `vanthu init` takes the place, and
its level, from the name in running text when only that is given.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.api import check as check_inputs
from pipeline.starters import gone_level, make_starter
from pipeline.workspace.init import OfficeAnswers, agency_profile, default_place, init_workspace

NAME = "Lò Văn A"
DAY = date(2026, 3, 10)


def _run(cli: click.Group, *args: str, lang: str = "vi"):
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert "Traceback" not in result.output, result.output
    return result


def _workspace(folder: Path, kieu: str, ten_co_quan: str) -> Path:
    """A workspace made by init_workspace for the office, and a plan of its dated 05/01/2026 in
    inputs/2026 (its starter copied, as a clerk starts next year's): the document to check."""
    answers = OfficeAnswers(kieu=kieu, dia_danh="", nguoi_ky=NAME, ten_co_quan=ten_co_quan)
    made = init_workspace(folder, answers, today=DAY)
    return dated_2026(made.document, folder)


def dated_2026(starter: Path, folder: Path) -> Path:
    """The workspace's starter `starter` dated 05/01/2026 in inputs/2026 of the workspace at
    `folder` (as a clerk starts next year's plan from it): the document to check."""
    text = starter.read_text("utf-8")
    year = re.search(r"(?m)^ngay: \d\d/\d\d/(\d{4})", text)
    assert year is not None
    dated = re.sub(r"(?m)^ngay: .*$", "ngay: 05/01/2026", text).replace(
        f"năm {year.group(1)}", "năm 2026")  # fmt: skip
    plan = folder / "inputs" / "2026" / "ke-hoach.yaml"
    plan.parent.mkdir(exist_ok=True)
    plan.write_text(dated, "utf-8")
    return plan


def gone_warnings(plan: Path) -> list[str]:
    """What check_inputs warns of the plan's office's level."""
    report = check_inputs([plan])
    assert not report.errors, report.errors
    return [warning for warning in report.warnings if "01/07/2025" in warning]


# --- 1. check reads the gone level as init does ------------------------------------------------


def test_a_city_of_a_province_s_document_from_the_reform_is_warned(
    tmp_path: Path, cli: click.Group
) -> None:
    plan = _workspace(tmp_path / "sl", "ubnd-huyen", "ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA")
    (warning,) = gone_warnings(plan)
    assert ("'ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA' là cơ quan cấp thành phố thuộc tỉnh, cấp này "
            "không còn từ 01/07/2025") in warning  # fmt: skip
    result = _run(cli, "check", str(plan))
    said = [line for line in result.output.splitlines() if "01/07/2025" in line]
    assert result.exit_code == 0 and len(said) == 1, result.output
    assert "cấp thành phố thuộc tỉnh" in said[0] and "trường 'ngay'" in said[0]
    english = _run(cli, "check", str(plan), lang="en").output
    assert "is a thành phố thuộc tỉnh-level body, a level that no longer exists" in english


def test_its_starter_dated_before_the_reform_is_not_warned(tmp_path: Path) -> None:
    """init dates the starter 30/06/2025 for that office: check and init agree on the level."""
    answers = OfficeAnswers(kieu="ubnd-huyen", dia_danh="", nguoi_ky=NAME,
                            ten_co_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA")  # fmt: skip
    made = init_workspace(tmp_path / "sl", answers, today=DAY)
    assert made.document.parent.name == "2025"
    assert gone_warnings(made.document) == []


def test_a_district_s_document_is_still_warned(tmp_path: Path) -> None:
    plan = _workspace(tmp_path / "ms", "ubnd-huyen", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN")
    (warning,) = gone_warnings(plan)
    assert "'ỦY BAN NHÂN DÂN HUYỆN MAI SƠN' là cơ quan cấp huyện" in warning


@pytest.mark.parametrize(
    ("kieu", "name"),
    [
        ("ubnd-tinh", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
        ("ubnd-tinh", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
        ("ubnd-xa", "ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU"),
        # A city of the country's whose profile looks like a district's (its units VP, NV):
        # still the city's, never warned.
        ("ubnd-huyen", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
        ("ubnd-huyen", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
        ("ubnd-huyen", "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ"),
    ],
)
def test_a_present_level_is_never_warned(tmp_path: Path, kieu: str, name: str) -> None:
    assert gone_warnings(_workspace(tmp_path / "ws", kieu, name)) == []


@pytest.mark.parametrize(
    "city", ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
)
def test_a_city_of_the_country_is_of_no_gone_level_whatever_its_profile(city: str) -> None:
    profile = agency_profile(OfficeAnswers(kieu="ubnd-huyen", dia_danh=city, nguoi_ky=NAME,
                                           ten_co_quan=f"ỦY BAN NHÂN DÂN THÀNH PHỐ {city}"))
    assert gone_level(profile) is None
    other = agency_profile(OfficeAnswers(kieu="ubnd-huyen", dia_danh="Lào Cai", nguoi_ky=NAME,
                                         ten_co_quan="UBND THÀNH PHỐ LÀO CAI"))  # fmt: skip
    assert gone_level(other) == ("ỦY BAN NHÂN DÂN THÀNH PHỐ LÀO CAI", "thành phố thuộc tỉnh")


# --- 3. the place (and its level) from the name in running text --------------------------------


@pytest.mark.parametrize(
    ("full", "place"),
    [
        ("Ủy ban nhân dân thành phố Hà Nội", "Hà Nội"),
        ("Ủy ban nhân dân tỉnh Sơn La", "Sơn La"),
        ("Ủy ban nhân dân xã Chiềng Mung", "Chiềng Mung"),
        ("Ủy ban nhân dân phường Tô Hiệu", "Tô Hiệu"),
        ("Ủy ban nhân dân đặc khu Phú Quốc", "Phú Quốc"),
        ("Sở Tư pháp tỉnh Lào Cai", "Lào Cai"),
        # Two places: which one the date line carries is not said.
        ("Ủy ban nhân dân xã Chiềng Mung, tỉnh Sơn La", None),
        ("Trường THPT Chu Văn An", None),
    ],
)
def test_the_place_of_a_full_name(full: str, place: str | None) -> None:
    assert default_place(None, None, full) == place


def test_the_header_s_own_place_comes_first() -> None:
    assert default_place("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", None, "Ủy ban nhân dân tỉnh Sơn La") \
        == "Chiềng Mung"  # fmt: skip


@pytest.mark.parametrize(
    ("kieu", "full", "header", "place"),
    [
        ("ubnd-tinh", "Ủy ban nhân dân thành phố Hà Nội", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"],
         "Hà Nội"),
        ("ubnd-xa", "Ủy ban nhân dân phường Tô Hiệu", ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÔ HIỆU"],
         "Tô Hiệu"),
        ("ubnd-tinh", "Ủy ban nhân dân tỉnh Sơn La", ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"], "Sơn La"),
    ],
)  # fmt: skip
def test_init_with_only_the_full_name_takes_its_place_and_level(
    tmp_path: Path, cli: click.Group, kieu: str, full: str, header: list[str], place: str
) -> None:
    profile = agency_profile(OfficeAnswers(kieu=kieu, dia_danh="", nguoi_ky=NAME, ten_day_du=full))
    assert (profile["dia_danh"], profile["ten_co_quan"], profile["ten_day_du"]) == (
        place, header, full)  # fmt: skip
    # vanthu init without --dia-danh and without a terminal: not asked, not refused.
    result = _run(cli, "init", str(tmp_path / "ws"), "--kieu", kieu, "--ten-day-du", full,
                  "--nguoi-ky", NAME)  # fmt: skip
    assert result.exit_code == 0, result.output
    written = next((tmp_path / "ws" / "inputs" / "co-quan").glob("*.yaml")).read_text("utf-8")
    assert f"dia_danh: {place}" in written and header[1] in written


# --- 2. the present office's kind as the caller gives it ---------------------------------------


def test_new_names_the_present_kinds_as_the_caller_gives_them(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = OfficeAnswers(kieu="ubnd-huyen", dia_danh="Mai Sơn", nguoi_ky=NAME)
    made = init_workspace(tmp_path / "ws", answers, today=DAY)
    target = made.root / "inputs" / "2026" / "qd.yaml"
    target.parent.mkdir(exist_ok=True)
    (note,) = make_starter("quyet-dinh", target, today=DAY).notes
    assert "(init_workspace với kieu='ubnd-xa', hoặc kieu='phong', co_quan_chu_quan=" in note
    assert not re.search(r"--[a-z]", note) and "vanthu init" not in note
    monkeypatch.chdir(made.root)
    result = _run(cli, "new", "quyet-dinh", "-o", "inputs/2026/qd2.yaml")
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert ("(vanthu init --kieu ubnd-xa, hoặc --kieu phong --chu-quan 'ỦY BAN NHÂN DÂN XÃ "
            "...')") in said and "kieu=" not in said  # fmt: skip


def test_the_check_warning_names_the_kind_not_a_command(tmp_path: Path) -> None:
    """check, render and build make their warnings into text in the library (and its
    workers): the same words to a clerk and to a library caller, no command in them."""
    plan = _workspace(tmp_path / "ms", "ubnd-huyen", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN")
    (warning,) = gone_warnings(plan)
    assert warning.endswith("(kiểu cơ quan ubnd-xa, hoặc phong của UBND xã)")
    assert "vanthu init" not in warning and "kieu=" not in warning
