"""An award named by one of its other names (tên khác: "Chiến sĩ tiên tiến" is Lao động tiên
tiến) is the same award: refused twice to one person in a list and in a year, counted in one row
of a report with one comparison; a report's units table puts a tập thể under its unit; its
percentages round half up (s49, from a hunt of the domain's figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.context.bao_cao import awards_table, units_table
from pipeline.errors import InputError
from pipeline.figures import YearFigures, change, figure_values, unit_key
from tests.test_report import award_list
from tests.test_report_copies import REPORT, check, second_title_decision


def test_a_title_and_its_other_name_to_one_person_in_a_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        award_list(tmp_path, "ds.csv", [
            "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Lao động tiên tiến,Cá nhân",
            "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
        ])  # fmt: skip
    message = caught.value.message()
    assert "dòng 3" in message and "'Chiến sĩ tiên tiến' là tên khác của 'Lao động tiên tiến' " \
        "(lần đầu ở dòng 2)" in message, message


def test_a_collective_title_by_its_other_name_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        award_list(tmp_path, "ds.csv", [
            "Phòng Kinh tế,,Văn phòng,Đơn vị tiên tiến,Tập thể",
            "Phòng Kinh tế,,Văn phòng,Tập thể lao động tiên tiến,Tập thể",
        ])  # fmt: skip
    assert "là tên khác của 'Đơn vị tiên tiến'" in caught.value.message()


def test_the_same_other_name_twice_says_it_as_before(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        award_list(tmp_path, "ds.csv", [
            "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
            "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
        ])  # fmt: skip
    assert "có hai lần với cùng danh hiệu/hình thức 'Chiến sĩ tiên tiến'" in caught.value.message()


def test_a_title_and_its_other_name_in_two_decisions_of_a_year_is_refused(
    inputs_copy: Path,
) -> None:
    """Lò Văn Mạnh has Lao động tiên tiến for 2022 in the example; a second decision of 2022
    gives him Chiến sĩ tiên tiến, the same title."""
    second_title_decision(inputs_copy, "Chiến sĩ tiên tiến")
    code, out = check(inputs_copy / REPORT)
    assert code == 1
    assert "Lò Văn Mạnh được công nhận danh hiệu '" in out and "' năm 2022 hai lần: " in out, out
    assert "2022/qd-bo-sung.yaml (dòng 2 của danh sách)" in out, out
    assert "2022/qd-lao-dong-tien-tien.yaml (dòng 4)" in out, out


def test_one_row_and_one_comparison_for_a_title_spelt_two_ways(tmp_path: Path) -> None:
    """Last year's list named the titles by their other names, this year's by the decree's: the
    awards table has one row each, compared, and the text's figures agree under both names."""
    before = YearFigures(2023)
    before.add(award_list(tmp_path, "2023.csv", [
        "Lò Văn An,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
        "Cầm Thị Mai,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
        "Phòng Kinh tế,,Văn phòng,Đơn vị tiên tiến,Tập thể",
    ]))  # fmt: skip
    now = YearFigures(2024)
    now.add(award_list(tmp_path, "2024.csv", [
        "Lò Văn An,Chuyên viên,Phòng Tổng hợp,Lao động tiên tiến,Cá nhân",
        "Cầm Thị Mai,Chuyên viên,Phòng Tổng hợp,Lao động tiên tiến,Cá nhân",
        "Quàng Văn Bình,Chuyên viên,Phòng Tổng hợp,Chiến sĩ tiên tiến,Cá nhân",
        "Phòng Kinh tế,,Văn phòng,Tập thể lao động tiên tiến,Tập thể",
    ]))  # fmt: skip
    rows = {row["ten"]: row for row in awards_table(now, before, 1, "—")["dong"]}
    assert sorted(rows) == ["Lao động tiên tiến", "Tập thể lao động tiên tiến"], rows
    title = rows["Lao động tiên tiến"]
    assert (title["ca_nhan"], title["nam_truoc"], title["tang_giam"]) == ("3", "2", "tăng 50%")
    team = rows["Tập thể lao động tiên tiến"]
    assert (team["tap_the"], team["nam_truoc"], team["tang_giam"]) == ("1", "1", "không đổi")
    values = figure_values(now, before)
    for prefix in ("lao_dong_tien_tien", "chien_si_tien_tien"):
        assert (values[f"{prefix}.tong"], values[f"{prefix}.nam_truoc"]) == ("3", "2"), prefix
    assert values["don_vi_tien_tien.tang_giam"] == "không đổi"


def test_the_row_is_named_as_the_lists_name_it(tmp_path: Path) -> None:
    """An army unit's lists say Chiến sĩ tiên tiến: so does its report's table."""
    figures = YearFigures(2024)
    figures.add(award_list(tmp_path, "ds.csv", [
        "Lò Văn An,Chiến sĩ,Đại đội 1,Chiến sĩ tiên tiến,Cá nhân",
        "Cầm Văn Mạnh,Chiến sĩ,Đại đội 1,Chiến sĩ tiên tiến,Cá nhân",
        "Quàng Văn Bình,Chiến sĩ,Đại đội 2,Lao động tiên tiến,Cá nhân",
    ]))  # fmt: skip
    rows = awards_table(figures, None, 1, "—")["dong"]
    assert [(r["ten"], r["ca_nhan"]) for r in rows] == [("Chiến sĩ tiên tiến", "3")]


def test_a_collective_counts_under_its_unit_where_that_unit_has_people(tmp_path: Path) -> None:
    """A province's Bằng khen list: each Sở's Phòng Tổ chức cán bộ is its Sở's tập thể, not a
    unit of their shared name; a Sở given its own (of "tỉnh Sơn La", a unit no one else's row
    names) is the unit it is."""
    figures = YearFigures(2024)
    figures.add(award_list(tmp_path, "ds.csv", [
        "Phòng Tổ chức cán bộ,,Sở Giáo dục và Đào tạo,Giấy khen,Tập thể",
        "Phòng Tổ chức cán bộ,,Sở Y tế,Giấy khen,Tập thể",
        "Nguyễn Văn Hùng,Chuyên viên,Sở Y tế,Giấy khen,Cá nhân",
        "Lò Thị Thanh,Phó Trưởng phòng,Sở Giáo dục và Đào tạo,Giấy khen,Cá nhân",
        "Sở Tư pháp,,tỉnh Sơn La,Giấy khen,Tập thể",
    ]))  # fmt: skip
    table = units_table(figures, 2)
    rows = [(r["ten"], r["ca_nhan"], r["tap_the"]) for r in table["dong"]]
    assert rows == [
        ("Sở Giáo dục và Đào tạo", "1", "1"), ("Sở Tư pháp", "0", "1"), ("Sở Y tế", "1", "1"),
    ], rows  # fmt: skip
    assert (table["tong"]["ca_nhan"], table["tong"]["tap_the"]) == ("2", "3")


def test_same_named_collectives_of_two_units_are_two_units_even_without_people(
    tmp_path: Path,
) -> None:
    figures = YearFigures(2024)
    figures.add(award_list(tmp_path, "ds.csv", [
        "Phòng Tổ chức cán bộ,,Sở Giáo dục và Đào tạo,Giấy khen,Tập thể",
        "Phòng Tổ chức cán bộ,,Sở Y tế,Giấy khen,Tập thể",
    ]))  # fmt: skip
    assert sorted(figures.by_unit) == sorted(
        [unit_key("Sở Giáo dục và Đào tạo"), unit_key("Sở Y tế")]
    )


def test_a_collective_of_the_office_itself_is_its_own_unit_with_its_people(
    tmp_path: Path,
) -> None:
    """The Văn phòng's Trung tâm Thông tin (its row's unit: the Văn phòng, no one's unit) is
    the unit its people work in: one row for both."""
    figures = YearFigures(2024)
    figures.add(award_list(tmp_path, "ds.csv", [
        "Trung tâm Thông tin,,Văn phòng UBND tỉnh Sơn La,Giấy khen,Tập thể",
        "Lê Thị Mỹ Hạnh,Kỹ thuật viên,Trung tâm Thông tin,Giấy khen,Cá nhân",
    ]))  # fmt: skip
    home = figures.by_unit[unit_key("Trung tâm Thông tin")]
    assert (home.individuals, home.collectives) == (1, 1) and len(figures.by_unit) == 1


@pytest.mark.parametrize(
    "now, before, said",
    [(17, 16, "tăng 6,3%"), (15, 16, "giảm 6,3%"), (3, 8, "giảm 62,5%"), (1, 8, "giảm 87,5%"),
     (2, 3, "giảm 33,3%"), (1001, 1000, "tăng 0,1%"), (2001, 2000, "tăng 0,1%")],
)  # fmt: skip
def test_a_change_rounds_half_up(now: int, before: int, said: str) -> None:
    assert change(now, before) == said
