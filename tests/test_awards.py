"""Award lists from the office's spreadsheet: prices, groups, order, and refused rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.awards import read_award_list
from pipeline.errors import InputError

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]
ROWS = [
    [1, "Trần Văn Bình", "Chuyên viên", "Phòng Tổng hợp", "Lao động tiên tiến", "Cá nhân"],
    [2, "Lò Thị Ánh", "Kế toán viên", "Phòng Quản trị - Tài vụ", "Lao động tiên tiến", "Cá nhân"],
    [3, "Nguyễn Văn An", "Trưởng phòng", "Phòng Kinh tế", "Chiến sĩ thi đua cơ sở", "Cá nhân"],
    [4, "Phòng Tổng hợp", "", "Văn phòng", "Tập thể lao động tiên tiến", "Tập thể"],
    [5, "Đinh Văn Ân", "Lái xe", "Phòng Quản trị - Tài vụ", "“Lao động tiên tiến”", "Cá nhân"],
]


def sheet(tmp_path: Path, rows: list[list[object]], title_rows: bool = True) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Danh sách"
    if title_rows:
        ws.append(["DANH SÁCH KHEN THƯỞNG"])
        ws.merge_cells("A1:F1")
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = tmp_path / "ds.xlsx"
    book.save(path)
    return path


def test_prices_groups_and_words(tmp_path: Path) -> None:
    awards = read_award_list(sheet(tmp_path, ROWS), date(2023, 1, 15))
    assert [g.award for g in awards.groups] == [
        "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến",
    ]  # fmt: skip
    ldtt = awards.groups[0]
    # 0,3 × 1.490.000 = 447.000 → 450.000 (rounded up to the next ten thousand)
    assert [e.amount for e in ldtt.entries] == [450_000, 450_000, 450_000]
    assert awards.groups[1].total == 1_490_000  # 1,0 × 1.490.000
    assert awards.groups[2].total == 1_200_000  # 0,8 × 1.490.000 = 1.192.000 → 1.200.000
    assert awards.total == 450_000 * 3 + 1_490_000 + 1_200_000
    assert awards.total_in_words == "Bốn triệu không trăm bốn mươi nghìn đồng."
    assert awards.count(collective=True) == 1 and awards.count(collective=False) == 4


def test_base_salary_follows_the_decision_date(tmp_path: Path) -> None:
    path = sheet(tmp_path, ROWS[:1])
    before = read_award_list(path, date(2023, 6, 30)).total
    after = read_award_list(path, date(2023, 7, 1)).total
    assert (before, after) == (450_000, 540_000)  # 0,3 × 1.800.000 = 540.000


def test_order_by_name_and_by_unit(tmp_path: Path) -> None:
    path = sheet(tmp_path, [r for r in ROWS if r[4] != "Tập thể lao động tiên tiến"])
    by_name = read_award_list(path, date(2023, 1, 15), order="ten")
    assert [e.name for e in by_name.entries] == [
        # Letters first (a < â), tones second: An, Ánh, Ân, Bình.
        "Nguyễn Văn An", "Lò Thị Ánh", "Đinh Văn Ân", "Trần Văn Bình",
    ]  # fmt: skip
    by_unit = read_award_list(path, date(2023, 1, 15), order="don_vi")
    assert [e.unit for e in by_unit.entries] == [
        "Phòng Kinh tế", "Phòng Quản trị - Tài vụ", "Phòng Quản trị - Tài vụ", "Phòng Tổng hợp",
    ]  # fmt: skip


def test_unknown_title_names_row_and_suggests(tmp_path: Path) -> None:
    rows = [*ROWS, [6, "Hà Văn Cường", "Chuyên viên", "Phòng Kinh tế", "Lao đông tiên tiền", ""]]
    with pytest.raises(InputError) as caught:
        read_award_list(sheet(tmp_path, rows), date(2023, 1, 15))
    message = caught.value.message("vi")
    assert "ds.xlsx" in message and "dòng 8" in message and "Lao động tiên tiến" in message


def test_same_person_twice_for_the_same_title(tmp_path: Path) -> None:
    rows = [*ROWS, [6, "Trần Văn  Bình", "Chuyên viên", "Phòng Tổng hợp", "lao động tiên tiến", ""]]
    with pytest.raises(InputError) as caught:
        read_award_list(sheet(tmp_path, rows), date(2023, 1, 15))
    message = caught.value.message("vi")
    assert "dòng 8" in message and "dòng 3" in message and "Trần Văn" in message


def test_date_before_first_base_salary(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_award_list(sheet(tmp_path, ROWS), date(2015, 1, 1))


def test_a_title_is_priced_for_each_kind_of_recipient(tmp_path: Path) -> None:
    # Each (title, tập thể or not) is priced once per list: a form given to a person and to a
    # collective has two amounts, a title given to a collective is refused at its own row.
    rows = [
        [1, "Trần Văn Bình", "", "Phòng Tổng hợp", "Giấy khen", "Cá nhân"],
        [2, "Phòng Kinh tế", "", "Văn phòng", "Giấy khen", "Tập thể"],
        [3, "Lò Thị Ánh", "", "Phòng Kinh tế", "Giấy khen", ""],
    ]
    awards = read_award_list(sheet(tmp_path, rows), date(2023, 1, 15))
    person, group, other = awards.entries
    assert person.amount == other.amount and group.amount == 2 * person.amount
    assert (awards.count(collective=False), awards.count(collective=True)) == (2, 1)
    assert awards.total == sum(e.amount for e in awards.entries) and awards.priced
    refused = [*rows, [4, "Phòng Nội chính", "", "Văn phòng", "Lao động tiên tiến", "Tập thể"]]
    with pytest.raises(InputError) as caught:
        read_award_list(sheet(tmp_path, refused), date(2023, 1, 15))
    assert caught.value.key == "money.award_not_for" and caught.value.row == 6


def test_an_unknown_kind_is_refused_at_every_row_it_is_written(tmp_path: Path) -> None:
    for number in (1, 3):
        rows = [[n, f"Người {chr(64 + n)}", "", "Phòng A", "Lao động tiên tiến", "Cá nhân"]
                for n in range(1, 4)]  # fmt: skip
        rows[number - 1][5] = "Hộ gia đình"
        with pytest.raises(InputError) as caught:
            read_award_list(sheet(tmp_path, rows), date(2023, 1, 15))
        assert caught.value.key == "sheet.bad_kind" and caught.value.row == number + 2


def test_example_list_of_2022(repo: Path) -> None:
    awards = read_award_list(
        repo / "inputs" / "2022" / "danh-sach-ldtt-2022.xlsx", date(2023, 1, 10), order="don_vi"
    )
    counts = {g.award: len(g.entries) for g in awards.groups}
    assert counts["Lao động tiên tiến"] >= 40
    assert counts["Chiến sĩ thi đua cơ sở"] >= 1
    assert awards.count(collective=True) >= 5
    assert awards.total == sum(e.amount for e in awards.entries)
