"""Leftovers of `vanthu init`, the starters and verify (s37): one list of init's answers, one
reader of a shipped file's English twin, a starter read once, one reader of a name's level and
place; a phòng of a thành phố thuộc tỉnh is of a gone level as a phòng of a huyện is, a phòng
of a city of the country's never is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

import pipeline.starters as starters
from pipeline.errors import InputError
from pipeline.starters import gone_level, make_starter, read_starter, shipped_text
from pipeline.starters.office import name_place, preset_of, starter_date, stated_level
from pipeline.workspace.init import (
    OfficeAnswers,
    agency_profile,
    init_workspace,
    readme_text,
    refuse_legacy_answers,
)
from pipeline.workspace.parameters import OPTIONS, TYPED_ANSWERS
from tests.test_gone_level_r15 import dated_2026, gone_warnings

NAME = "Lò Văn A"
DAY = date(2026, 3, 10)
PHONG = "PHÒNG VĂN HÓA VÀ THÔNG TIN"


def _run(cli: click.Group, *args: str, lang: str = "vi"):
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert "Traceback" not in result.output, result.output
    return result


def _phong(chief: str) -> OfficeAnswers:
    return OfficeAnswers(kieu="phong", dia_danh="", nguoi_ky=NAME, ten_co_quan=PHONG,
                         co_quan_chu_quan=chief, viet_tat="VHTT")  # fmt: skip


# --- 1. one list of the answers ---------------------------------------------------------------


def test_the_options_name_every_answer_and_the_typed_ones_are_all_but_the_kind() -> None:
    assert set(OPTIONS) == {field.name for field in fields(OfficeAnswers)}
    assert TYPED_ANSWERS == ("dia_danh", "nguoi_ky", "pho", "ten_co_quan", "ten_day_du",
                             "co_quan_chu_quan", "viet_tat")  # fmt: skip


@pytest.mark.parametrize("name", TYPED_ANSWERS)
def test_every_typed_answer_is_checked_for_a_legacy_font(name: str) -> None:
    answers = {"kieu": "phong", "dia_danh": "Sơn La", "nguoi_ky": NAME, name: "S¬n La"}
    with pytest.raises(InputError) as caught:
        refuse_legacy_answers(OfficeAnswers(**answers))
    assert caught.value.params["option"].name == name


# --- 2. one reader of a shipped file's English twin -------------------------------------------


def test_the_english_twin_of_a_starter_and_of_the_readme() -> None:
    folder = resources.files("pipeline.starters")
    assert shipped_text("pipeline.starters", "ke-hoach.yaml", "en") == folder.joinpath(
        "ke-hoach.en.yaml").read_text("utf-8")  # fmt: skip
    assert read_starter("ke-hoach.yaml", "vi") == folder.joinpath("ke-hoach.yaml").read_text(
        "utf-8")  # fmt: skip
    # A file without a twin (the lists) is the same in either language.
    assert read_starter("danh-sach-khen-thuong.csv", "en") == read_starter(
        "danh-sach-khen-thuong.csv", "vi")  # fmt: skip
    english, vietnamese = readme_text("X", "x", 2026, "en"), readme_text("X", "x", 2026, "vi")
    workspace = resources.files("pipeline.workspace")
    assert english.splitlines()[0] == workspace.joinpath("README-van-thu.en.md").read_text(
        "utf-8").splitlines()[0].replace("$ten", "X")  # fmt: skip
    assert english != vietnamese


# --- 3. a starter read once ---------------------------------------------------------------------


@pytest.fixture()
def starter_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The starter files read (opened through importlib.resources) while the test runs."""
    read: list[str] = []
    files = resources.files

    def counting(package: Any) -> Any:
        folder = files(package)
        if package != "pipeline.starters":
            return folder

        class Folder:
            def joinpath(self, name: str) -> Any:
                entry = folder.joinpath(name)

                class Entry:
                    def is_file(self) -> bool:
                        return entry.is_file()

                    def read_text(self, encoding: str) -> str:
                        read.append(name)
                        return entry.read_text(encoding)

                return Entry()

        return Folder()

    monkeypatch.setattr(starters.resources, "files", counting)
    return read


def test_init_reads_its_starter_once(tmp_path: Path, starter_reads: list[str]) -> None:
    """A phòng of a huyện: its starter dated in 2025, the note saying the date it bears."""
    made = init_workspace(tmp_path / "ws", _phong("UBND HUYỆN MAI SƠN"), today=DAY)
    assert made.notes and "ghi ngày 06/01/2025" in made.notes[0]
    assert starter_reads == ["ke-hoach.yaml"]


def test_new_reads_its_starter_once(tmp_path: Path, starter_reads: list[str]) -> None:
    made = init_workspace(tmp_path / "ws", _phong("UBND HUYỆN MAI SƠN"), today=DAY)
    starter_reads.clear()
    target = made.root / "inputs" / "2026" / "tt.yaml"
    target.parent.mkdir(exist_ok=True)
    new = make_starter("to-trinh", target, today=DAY)
    assert new.notes and "10/01/2025" in new.notes[0]
    assert starter_reads == ["to-trinh.yaml"]


# --- 4. one reader of a name's level and place ------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN",
        ["ỦY BAN NHÂN DÂN", "HUYỆN MAI SƠN"],  # a profile's header name, in lines
        "ỦY BAN NHÂN DÂN | HUYỆN MAI SƠN",  # as typed to vanthu init, broken by the clerk
        "Ủy ban nhân dân huyện Mai Sơn",
        unicodedata.normalize("NFD", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN"),
    ],
)
def test_a_name_s_level_and_place_whatever_its_form(name: Any) -> None:
    assert name_place(name) == ("huyện", "Mai Sơn")


def test_the_profile_states_the_level_init_read() -> None:
    """A phòng's level as init read its chủ quản (its running-text name) and as the starters
    read the profile init wrote."""
    profile = agency_profile(_phong("UBND | THÀNH PHỐ SƠN LA"))
    assert profile["ten_day_du"] == "Phòng Văn hóa và Thông tin thành phố Sơn La"
    preset = preset_of(profile)
    assert preset is not None
    assert stated_level(profile, preset) == ("thành phố", "UBND THÀNH PHỐ SƠN LA")


# --- 5. a phòng of a thành phố thuộc tỉnh is of a gone level ----------------------------------


@pytest.mark.parametrize(
    ("chief", "level"),
    [
        ("UBND THÀNH PHỐ SƠN LA", "thành phố thuộc tỉnh"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ LÀO CAI", "thành phố thuộc tỉnh"),
        ("UBND HUYỆN MAI SƠN", "huyện"),
    ],
)
def test_init_dates_the_starter_of_a_phong_of_a_gone_level_before_the_reform(
    tmp_path: Path, chief: str, level: str
) -> None:
    made = init_workspace(tmp_path / "ws", _phong(chief), today=DAY)
    dated = f"{starter_date(read_starter('ke-hoach.yaml'), date(2025, 6, 30)):%d/%m/%Y}"
    assert made.document.parent.name == "2025"
    assert f"ngay: {dated}" in made.document.read_text("utf-8")
    (note,) = made.notes
    assert f"'{chief}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025" in note
    assert f"ghi ngày {dated}" in note


def test_vanthu_init_says_so_for_a_phong_of_a_thanh_pho_thuoc_tinh(
    tmp_path: Path, cli: click.Group
) -> None:
    result = _run(cli, "init", str(tmp_path / "ws"), "--kieu", "phong", "--co-quan", PHONG,
                  "--chu-quan", "UBND THÀNH PHỐ SƠN LA", "--viet-tat", "VHTT", "--nguoi-ky",
                  NAME)  # fmt: skip
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "'UBND THÀNH PHỐ SƠN LA' là cơ quan cấp thành phố thuộc tỉnh" in said
    assert (tmp_path / "ws" / "inputs" / "2025" / "ke-hoach.yaml").is_file()


@pytest.mark.parametrize(
    "city", ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
)
def test_a_phong_of_a_city_of_the_country_is_of_no_gone_level(tmp_path: Path, city: str) -> None:
    answers = _phong(f"UBND THÀNH PHỐ {city.upper()}")
    assert gone_level(agency_profile(answers)) is None
    made = init_workspace(tmp_path / "ws", answers, today=DAY)
    assert made.document.parent.name == "2026" and made.notes == ()


@pytest.mark.parametrize(
    ("chief", "level"),
    [("UBND THÀNH PHỐ SƠN LA", "thành phố thuộc tỉnh"), ("UBND HUYỆN MAI SƠN", "huyện")],
)
def test_check_warns_of_a_phong_of_a_gone_level_from_the_reform(
    tmp_path: Path, cli: click.Group, chief: str, level: str
) -> None:
    made = init_workspace(tmp_path / "ws", _phong(chief), today=DAY)
    assert gone_warnings(made.document) == []  # its starter, dated 2025: as init dated it
    plan = dated_2026(made.document, made.root)
    (warning,) = gone_warnings(plan)
    assert f"'{chief}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025" in warning
    result = _run(cli, "check", str(plan))
    said = [line for line in result.output.splitlines() if "01/07/2025" in line]
    assert result.exit_code == 0 and len(said) == 1 and "trường 'ngay'" in said[0]


def test_check_does_not_warn_of_a_phong_of_a_city_of_the_country(tmp_path: Path) -> None:
    made = init_workspace(tmp_path / "ws", _phong("UBND THÀNH PHỐ HÀ NỘI"), today=DAY)
    assert gone_warnings(dated_2026(made.document, made.root)) == []


def test_new_dates_a_phong_of_a_thanh_pho_thuoc_tinh_s_document_before_the_reform(
    tmp_path: Path,
) -> None:
    made = init_workspace(tmp_path / "ws", _phong("UBND THÀNH PHỐ SƠN LA"), today=DAY)
    target = made.root / "inputs" / "2026" / "qd.yaml"
    target.parent.mkdir(exist_ok=True)
    (note,) = make_starter("quyet-dinh", target, today=DAY).notes
    assert "'UBND THÀNH PHỐ SƠN LA' là cơ quan cấp thành phố thuộc tỉnh" in note
    assert re.search(r"(?m)^ngay: \d\d/\d\d/2025", target.read_text("utf-8"))


@pytest.mark.parametrize(
    ("chief", "gone"),
    [
        ("UBND THÀNH PHỐ SƠN LA", ("UBND THÀNH PHỐ SƠN LA", "thành phố thuộc tỉnh")),
        ("UBND HUYỆN MAI SƠN", ("UBND HUYỆN MAI SƠN", "huyện")),
        ("UBND THÀNH PHỐ HUẾ", None),
        ("UBND TỈNH SƠN LA", None),
    ],
)
def test_a_council_of_a_thanh_pho_thuoc_tinh_is_of_a_gone_level(
    tmp_path: Path, chief: str, gone: tuple[str, str] | None
) -> None:
    answers = OfficeAnswers(kieu="hoi-dong-tdkt", dia_danh="", nguoi_ky=NAME,
                            co_quan_chu_quan=chief)  # fmt: skip
    assert gone_level(agency_profile(answers)) == gone
    made = init_workspace(tmp_path / "ws", answers, today=DAY)
    assert made.document.parent.name == ("2025" if gone else "2026")
