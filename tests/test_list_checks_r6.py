"""A school district's award list (findings r6b): the Tổng cộng under the last Cộng is
checked, a wrong Cộng is refused with its group's own sum, an empty Đơn vị among filled ones is
refused, the same person typed with old and new tone placement is one person, names typed in
capitals print in title case, and group headings and two-row headers are told apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.awards import read_award_list
from pipeline.errors import InputError
from pipeline.load.spreadsheet import Table, read_table
from pipeline.rules.award_names import name_key
from tests.test_total_rows import workbook

DAY = dt.date(2026, 1, 8)  # lương cơ sở 2.340.000: Lao động tiên tiến 710.000
LDTT = "Lao động tiên tiến"
AMOUNT = 710000
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Số tiền"]
FIELDS = dict(required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi", "loai", "so_tien"])
FIRST = 3  # the first row under the title (row 1) and the header (row 2)


def person(n: int, name: str, unit: str = "Trường Mầm non Hoa Sen", amount: object = None,
           title: str = "Giáo viên") -> list[object]:  # fmt: skip
    return [n, name, title, unit, LDTT, "Cá nhân", amount]


def read(path: Path) -> Table:
    return read_table(path, **FIELDS)  # type: ignore[arg-type]


def refused(path: Path, *, awards: bool = False) -> InputError:
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY) if awards else read(path)
    return caught.value


SCHOOLS = ("Trường Mầm non Hoa Sen", "Trường Mầm non Hoa Ban", "Trường Tiểu học Chiềng Mung")


def schools(
    sizes: tuple[int, ...] = (2, 3, 2),
    *,
    grand: int | None = None,
    grand_count: str | None = None,
) -> list[list[object]]:
    """Each school's people with their amounts typed, a "Cộng" with its sum under each, then
    "TỔNG CỘNG" with `grand` (the right sum if None)."""
    rows: list[list[object]] = []
    n = 0
    for school, size in zip(SCHOOLS, sizes, strict=False):
        for _ in range(size):
            n += 1
            rows.append(person(n, f"Lò Văn An {n}", school, "710.000"))
        rows.append([None, "Cộng", None, None, None, None, f"{size * AMOUNT:,}".replace(",", ".")])
    total = sum(sizes) * AMOUNT if grand is None else grand
    label = f"TỔNG CỘNG: {grand_count}" if grand_count else "TỔNG CỘNG"
    rows.append([None, label, None, None, None, None, total])
    return rows


# --- F1: the Tổng cộng right under the last Cộng is checked --------------------------------


def test_grand_total_under_the_last_subtotal_is_checked(tmp_path: Path) -> None:
    assert len(read(workbook(tmp_path, schools(), name="ok.xlsx"))) == 7
    rows = schools(grand=7 * AMOUNT + 90000)
    error = refused(workbook(tmp_path, rows))
    total_row = FIRST + 7 + 3  # seven people and three Cộng rows above it
    assert (error.key, error.row, error.params["cell"]) == (
        "sheet.total_amount_differs", total_row, f"G{total_row}"
    )
    assert "4.970.000 đồng" in error.message("vi") and "phía trên" in error.message("vi")


def test_a_school_deleted_whole_is_caught_by_the_grand_total(tmp_path: Path) -> None:
    """The tester's case: one school's block (its rows and its Cộng) cut away, TỔNG CỘNG
    still saying the sum of all three."""
    rows = schools()
    del rows[3:7]  # Hoa Ban's three people and its Cộng
    error = refused(workbook(tmp_path, rows), awards=True)
    assert error.key == "sheet.total_amount_differs" and error.row == FIRST + 4 + 2
    assert "4.970.000 đồng" in error.message("vi") and "2.840.000 đồng" in error.message("vi")


def test_a_zero_grand_total_under_the_last_subtotal_is_refused(tmp_path: Path) -> None:
    """A SUM over the wrong range gives 0: no empty group stands for it any more."""
    assert refused(workbook(tmp_path, schools(grand=0))).key == "sheet.total_amount_differs"


def test_grand_total_counts_under_the_last_subtotal_are_checked(tmp_path: Path) -> None:
    ok = workbook(tmp_path, schools(grand_count="7 người"), name="ok.xlsx")
    assert len(read_award_list(ok, DAY).entries) == 7
    for count in ("6 người", "0 người", "0 lượt"):
        error = refused(workbook(tmp_path, schools(grand_count=count)), awards=True)
        assert error.key.startswith("sheet.total_") and error.row == FIRST + 10, count


# --- F8: a wrong Cộng is refused with the sum it was compared with ---------------------------


def test_wrong_subtotal_names_its_groups_sum_then_the_running_total(tmp_path: Path) -> None:
    rows = schools()
    rows[9][6] = "1.520.000"  # the third school's Cộng; its two rows add up to 1.420.000
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.total_amount_differs", FIRST + 9)
    vi, en = error.message("vi"), error.message("en")
    assert "của nhóm (dòng 10–11, từ sau dòng cộng trước) được 1.420.000 đồng" in vi
    assert "còn từ đầu danh sách được 4.970.000 đồng" in vi
    assert "of its group (rows 10–11, after the previous total row) add up to 1.420.000" in en
    assert "from the top of the list to 4.970.000 đồng" in en


def test_wrong_subtotal_names_the_empty_amount_of_its_group(tmp_path: Path) -> None:
    rows = schools()
    rows[4][6] = None  # Hoa Ban's second person: G7 empty, the Cộng under it still 2.130.000
    error = refused(workbook(tmp_path, rows))
    assert error.row == FIRST + 6
    vi, en = error.message("vi"), error.message("en")
    assert "được 1.420.000 đồng (ô G7 để trống)" in vi and "(cell G7 is empty)" in en
    rows[5][6] = ""  # G8 too: Hoa Ban's Cộng (2.130.000) now equals the running total, which
    # is not its group's sum: refused at it, naming the group's empty cells
    error = refused(workbook(tmp_path, rows, name="hai.xlsx"))
    assert error.row == FIRST + 6
    assert "được 710.000 đồng (ô G7 và 1 ô khác để trống)" in error.message("vi")


# --- F3: an empty Đơn vị among filled ones --------------------------------------------------


def test_empty_unit_among_filled_ones_is_refused_at_its_cell(tmp_path: Path) -> None:
    rows = [
        person(1, "Lò Văn An"),
        [2, "Tổ Mẫu giáo lớn", None, None, "Tập thể lao động tiên tiến", "Tập thể"],
        person(3, "Lò Văn Bình", "Trường Mầm non Hoa Ban"),
    ]
    path = workbook(tmp_path, rows)
    error = refused(path, awards=True)
    assert (error.key, error.file, error.sheet, error.row, error.field) == (
        "sheet.unit_missing", str(path), "DS", FIRST + 1, "Đơn vị"
    )
    vi, en = error.message("vi"), error.message("en")
    assert "«Tổ Mẫu giáo lớn» không có đơn vị: ô D4 (cột 'Đơn vị') để trống" in vi
    assert "«Tổ Mẫu giáo lớn» has no unit: cell D4 (column 'Đơn vị') is empty" in en
    rows[1] = [2, "Phạm Thị Kim Thảo", None, None, LDTT, "Cá nhân"]  # a person's too
    assert refused(workbook(tmp_path, rows, name="b.xlsx"), awards=True).row == FIRST + 1


def test_a_list_with_no_units_at_all_is_accepted(tmp_path: Path) -> None:
    rows = [
        [1, "Lò Văn An", "Giáo viên", None, LDTT, "Cá nhân"],
        [2, "Tổ Mẫu giáo lớn", None, None, "Tập thể lao động tiên tiến", "Tập thể"],
    ]
    assert len(read_award_list(workbook(tmp_path, rows), DAY).entries) == 2
    header = [["STT", "Họ và tên", "Chức vụ", "Danh hiệu", "Loại"]]
    rows = [[1, "Lò Văn An", "Giáo viên", LDTT, "Cá nhân"]]
    assert len(read_award_list(workbook(tmp_path, rows, header=header, name="b.xlsx"),
                               DAY).entries) == 1  # fmt: skip


# --- F4: the same person typed with old and new tone placement --------------------------------


@pytest.mark.parametrize(("first", "second"), [("Lò Thị Hoà", "Lò Thị Hòa"),
                                               ("Lò Thị Thuý", "LÒ THỊ THÚY")])  # fmt: skip
def test_same_person_with_other_tone_placement_is_a_duplicate(
    tmp_path: Path, first: str, second: str
) -> None:
    rows = [person(1, first), person(2, "Lò Văn An"), person(3, second)]
    error = refused(workbook(tmp_path, rows), awards=True)
    assert (error.key, error.row, error.params["first"]) == ("sheet.duplicate_entry", 5, 3)


def test_units_with_other_tone_placement_are_one_unit(tmp_path: Path) -> None:
    rows = [person(1, "Lò Văn An", "Trường Mầm non Hoà Bình"),
            person(2, "Lò Văn An", "Trường Mầm non Hòa Bình")]  # fmt: skip
    assert refused(workbook(tmp_path, rows), awards=True).key == "sheet.duplicate_entry"


def test_one_person_typed_two_ways_with_two_awards_counts_once(tmp_path: Path) -> None:
    rows = [person(1, "Lò Thị Hoà"),
            [2, "Lò Thị Hòa", "Giáo viên", "Trường Mầm non Hoa Sen", "Chiến sĩ thi đua cơ sở",
             "Cá nhân"]]  # fmt: skip
    awards = read_award_list(workbook(tmp_path, rows), DAY)
    assert awards.count(collective=False) == 2 and awards.recipients(collective=False) == 1


def test_award_names_keep_their_tone_placement_folding() -> None:
    """The tone placement function moved to pipeline.text.tones; award names still fold it."""
    assert name_key("Chiến sỹ thi đua cơ sở") == name_key("Chiến sĩ thi đua cơ sở")
    assert name_key("Giấy khen của Chủ tịch Uỷ ban") == name_key("Giấy khen của Chủ tịch Ủy ban")


# --- F9: names typed in capitals ----------------------------------------------------------------


def test_person_typed_in_capitals_prints_in_title_case(tmp_path: Path) -> None:
    rows = [
        person(1, "ĐẶNG VĂN HẢI THẮNG"),
        person(2, "Giàng Văn An"),
        person(3, "H'HEN NIÊ"),
        [4, "TỔ MẪU GIÁO LỚN", None, "Trường Mầm non Hoa Sen", "Tập thể lao động tiên tiến",
         "Tập thể"],
        person(5, "Nguyễn Văn AN"),  # not wholly capitals: as typed
    ]
    names = [e.name for e in read_award_list(workbook(tmp_path, rows), DAY).entries]
    assert names == ["Đặng Văn Hải Thắng", "Giàng Văn An", "H'Hen Niê", "TỔ MẪU GIÁO LỚN",
                     "Nguyễn Văn AN"]  # fmt: skip


def test_a_name_in_capitals_and_in_title_case_is_one_person(tmp_path: Path) -> None:
    rows = [person(1, "ĐẶNG VĂN HẢI THẮNG"), person(2, "Đặng Văn Hải Thắng")]
    error = refused(workbook(tmp_path, rows), awards=True)
    assert error.key == "sheet.duplicate_entry" and "'Đặng Văn Hải Thắng'" in error.message("vi")


# --- F10: group headings and a header on two rows ------------------------------------------


@pytest.mark.parametrize(
    ("heading", "merge"),
    [
        (["I", "TRƯỜNG MẦM NON HOA SEN"], ()),
        (["I", "TRƯỜNG MẦM NON HOA SEN"], ("B3:G3",)),  # the tester's layout
        ([None, "TRƯỜNG MẦM NON HOA SEN"], ("B3:G3",)),
        ([None, "I. TRƯỜNG MẦM NON HOA SEN"], ()),
        (["A.", "Tập thể"], ()),
    ],
)
def test_group_heading_rows_are_passed_over(
    tmp_path: Path, heading: list[object], merge: tuple[str, ...]
) -> None:
    second = [list(heading), person(2, "Lò Văn Bình", "Trường Mầm non Hoa Ban")]
    second[0][-1] = str(heading[-1]).replace("HOA SEN", "HOA BAN")
    rows = [heading, person(1, "Lò Văn An"), *second]
    if merge:
        merge = (*merge, "B5:G5")
    path = workbook(tmp_path, rows, merge=merge)
    assert [r.number for r in read(path)] == [4, 6]
    names = [e.name for e in read_award_list(path, DAY).entries]
    assert names == ["Lò Văn An", "Lò Văn Bình"]


@pytest.mark.parametrize(
    "row",
    [
        [None, "Nguyễn Văn An"],  # a person whose title is forgotten
        [3, "Nguyễn Văn An"],  # an STT: a person's row
        ["3", "Nguyễn Văn An"],
        ["I", "Nguyễn Văn An", "Giáo viên"],  # more than a heading holds
        [None, "Y-Bih Niê"],
    ],
)
def test_rows_that_may_be_a_person_are_still_refused(tmp_path: Path, row: list[object]) -> None:
    error = refused(workbook(tmp_path, [person(1, "Lò Văn An"), row]))
    assert (error.key, error.row) == ("sheet.missing_cell", FIRST + 1)


def test_header_on_two_rows_is_told_to_be_merged_into_one(tmp_path: Path) -> None:
    header = [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Khen thưởng", None, None],
              [None, None, None, None, "Hình thức", "Loại", "Số tiền (đồng)"]]  # fmt: skip
    error = refused(workbook(tmp_path, [person(1, "Lò Văn An")], header=header))
    vi, en = error.message("vi"), error.message("en")
    assert error.key == "sheet.header_two_rows"
    assert "tiêu đề có vẻ nằm trên hai dòng (2–3)" in vi and "'Hình thức'" in vi
    assert "dưới tiêu đề chung 'Khen thưởng' (E2)" in vi and "gộp thành một dòng" in vi
    assert "Có lẽ là" not in vi  # no hint to rename the shared heading
    assert "the header seems to span two rows (2–3)" in en and "Merge them into one row" in en
