"""What an award list finds valid but worth a word: the same name given the same award in two
units (two people, or one listed by two schools) is a warning carried by the AwardList, at its
file, sheet and row, and said by check, render and build after the decision's name. Also: a
council's members typed in capitals print in title case, as an award list's do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.errors import InputError
from tests.test_award_named import decision
from tests.test_total_rows import workbook
from tests.test_wording import PROFILE

DAY = dt.date(2026, 1, 8)
LDTT = "Lao động tiên tiến"
HOA_SEN, CHIENG_MUNG = "Trường Mầm non Hoa Sen", "Trường Tiểu học Chiềng Mung"
FIRST = 3  # the first row under the title (row 1) and the header (row 2)


def person(n: int, name: str, unit: str, award: str = LDTT, kind: str = "Cá nhân") -> list[object]:
    return [n, name, "Giáo viên" if kind == "Cá nhân" else None, unit, award, kind, None]


def rows(*later: list[object]) -> list[list[object]]:
    """Two teachers of Hoa Sen, one of Chiềng Mung, then `later`."""
    return [
        person(1, "Tòng Thị Kim Phượng", HOA_SEN),
        person(2, "Lò Văn An", HOA_SEN),
        person(3, "Cầm Văn Bình", CHIENG_MUNG),
        *later,
    ]


# --- the AwardList carries its warnings -------------------------------------------------------


def test_the_same_name_and_award_in_two_units_is_a_warning(tmp_path: Path) -> None:
    path = workbook(tmp_path, rows(person(4, "Tòng Thị Kim Phượng", CHIENG_MUNG)))
    awards = read_award_list(path, DAY)
    assert len(awards.entries) == 4  # both rows kept: maybe two people
    [warning] = awards.warnings
    assert (warning.key, warning.file, warning.sheet, warning.row, warning.field) == (
        "sheet.same_name_two_units", str(path), "DS", FIRST + 3, "Họ và tên"
    )
    assert warning.message("vi") == (
        f"{path}, trang tính 'DS', dòng 6, trường 'Họ và tên': 'Tòng Thị Kim Phượng' có ở hai "
        f"đơn vị, cùng danh hiệu/hình thức '{LDTT}': dòng 3 ({HOA_SEN}) và dòng 6 "
        f"({CHIENG_MUNG}); nếu là một người, hãy xóa một dòng"
    )
    en = warning.message("en")
    assert "is listed in two units" in en and "row 3 (Trường Mầm non Hoa Sen)" in en
    assert "if they are one person, delete one of the rows" in en


@pytest.mark.parametrize(
    ("first", "second"),
    [("Lò Thị Hoà", "Lò Thị Hòa"), ("Lò Thị Thuý", "LÒ THỊ THÚY"), ("lò thị hoa", "Lò Thị Hoa")],
)
def test_names_compare_as_the_duplicate_check_compares_them(
    tmp_path: Path, first: str, second: str
) -> None:
    """Tone placement and case aside (Entry.recipient), as an exact duplicate is refused."""
    path = workbook(tmp_path, rows(person(4, first, HOA_SEN), person(5, second, CHIENG_MUNG)))
    [warning] = read_award_list(path, DAY).warnings
    assert (warning.row, warning.params["first"]) == (FIRST + 4, FIRST + 3)


@pytest.mark.parametrize(
    "later",
    [
        [person(4, "Tòng Thị Kim Phượng", CHIENG_MUNG, award="Chiến sĩ thi đua cơ sở")],
        [person(4, "Lò Văn Cường", CHIENG_MUNG)],
        # a tập thể's name in two schools is two collectives
        [person(4, "Tổ Mẫu giáo lớn", HOA_SEN, "Tập thể lao động tiên tiến", "Tập thể"),
         person(5, "Tổ Mẫu giáo lớn", CHIENG_MUNG, "Tập thể lao động tiên tiến", "Tập thể")],
    ],
)  # fmt: skip
def test_no_warning_for_another_award_another_name_or_a_collective(
    tmp_path: Path, later: list[list[object]]
) -> None:
    assert read_award_list(workbook(tmp_path, rows(*later)), DAY).warnings == ()


def test_the_same_name_in_the_same_unit_is_still_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path, rows(person(4, "Tòng Thị Kim Phượng", HOA_SEN)))
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert (caught.value.key, caught.value.row) == ("sheet.duplicate_entry", FIRST + 3)


def test_a_third_unit_is_warned_of_too(tmp_path: Path) -> None:
    later = [person(4, "Tòng Thị Kim Phượng", CHIENG_MUNG),
             person(5, "Tòng Thị Kim Phượng", "Trường Mầm non Hoa Ban")]  # fmt: skip
    warnings = read_award_list(workbook(tmp_path, rows(*later)), DAY).warnings
    assert [(w.row, w.params["first"]) for w in warnings] == [(6, 3), (7, 3)]


# --- the decision's warnings: check, render and build say them ----------------------------------

DECISION = decision("Ủy ban nhân dân huyện Mai Sơn", "{list}")
AWARDS = """\
khen_thuong:
  danh_sach: ds.csv
  hanh_dong: Công nhận danh hiệu Lao động tiên tiến năm 2024
  tieu_de_danh_sach: Cá nhân được công nhận danh hiệu Lao động tiên tiến
  tien_thuong: khong"""
COUNCIL = """\
hoi_dong:
  danh_sach: hd.csv
  hanh_dong: Thành lập Hội đồng thi đua, khen thưởng huyện Mai Sơn"""


def office(tmp_path: Path, listed: str, *, sheet: str, text: str) -> Path:
    """A workspace with the huyện's profile, a list file and a decision naming it."""
    (tmp_path / "co-quan").mkdir()
    (tmp_path / "co-quan" / "huyen.yaml").write_text(PROFILE, "utf-8")
    (tmp_path / sheet).write_text(text, "utf-8")
    path = tmp_path / "qd.yaml"
    path.write_text(DECISION.format(list=listed), "utf-8")
    return path


LIST = f"""\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
Tòng Thị Kim Phượng,Giáo viên,{HOA_SEN},{LDTT},Cá nhân
Lò Văn An,Giáo viên,{HOA_SEN},{LDTT},Cá nhân
Tòng Thị Kim Phượng,Giáo viên,{CHIENG_MUNG},{LDTT},Cá nhân
"""


def test_the_decision_carries_the_lists_warnings(tmp_path: Path) -> None:
    path = office(tmp_path, AWARDS, sheet="ds.csv", text=LIST)
    [warning] = load_document(path).warnings
    assert (warning.key, warning.row) == ("sheet.same_name_two_units", 4)
    assert warning.message().startswith(f"{tmp_path / 'ds.csv'}, dòng 4, ")


def test_check_says_the_warning_after_the_decisions_name(tmp_path: Path) -> None:
    path = office(tmp_path, AWARDS, sheet="ds.csv", text=LIST)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if line.startswith("Cảnh báo:")]
    assert len(warned) == 1 and f"{tmp_path / 'ds.csv'}, dòng 4" in warned[0]
    assert "'Tòng Thị Kim Phượng' có ở hai đơn vị" in warned[0]
    assert "nếu là một người, hãy xóa một dòng" in warned[0]
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(path)])
    assert "Warning:" in result.output and "is listed in two units" in result.output


# --- a council's members: names typed in capitals, as an award list prints them -----------------

MEMBERS = """\
Họ và tên,Chức vụ,Vai trò
ĐẶNG VĂN HẢI THẮNG,Chủ tịch UBND huyện,Chủ tịch Hội đồng
Lò Thị Hoa,Trưởng phòng Nội vụ,Phó Chủ tịch Hội đồng
Ksor H'Hen,Chuyên viên,Ủy viên
"""


def test_council_members_typed_in_capitals_print_in_title_case(tmp_path: Path) -> None:
    path = office(tmp_path, COUNCIL, sheet="hd.csv", text=MEMBERS)
    members = load_document(path).info.attachments.members
    assert [row.values["ho_ten"] for row in members] == [
        "Đặng Văn Hải Thắng", "Lò Thị Hoa", "Ksor H'Hen"
    ]
    assert [row.values["vai_tro"] for row in members][0] == "Chủ tịch Hội đồng"  # as typed
