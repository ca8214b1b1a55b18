"""A group's "Cộng" counts its own group: one stating the running total from the top of the
sheet (a SUM or COUNTA started at the first row) is a wrong subtotal, refused at its cell with
what its group counts; under the first group both are the same rows, and a "Tổng cộng" may
state the whole list's. Also: what a total's figure counts is said from the catalogue, and the
amounts a clerk types read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.awards import read_award_list
from pipeline.i18n import t
from pipeline.load.spreadsheet import typed_money
from pipeline.load.spreadsheet.totals import TOTAL_KINDS
from tests.test_list_checks_r6 import DAY, FIRST, SCHOOLS, person, read, refused, schools
from tests.test_total_rows import workbook

# schools(): Hoa Sen (rows 3–4, its Cộng row 5), Hoa Ban (rows 6–8, Cộng 9), Chiềng Mung (rows
# 10–11, Cộng 12), TỔNG CỘNG (row 13); each person 710.000.
LAST_CONG = 9  # index in schools() of Chiềng Mung's Cộng
LAST_CONG_ROW = FIRST + 9


def test_a_subtotal_stating_the_running_total_is_refused(tmp_path: Path) -> None:
    """F8's case: the third school's Cộng says schools 1–3 together (4.970.000)."""
    rows = schools()
    rows[LAST_CONG][6] = "4.970.000"
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row, error.params["cell"]) == (
        "sheet.subtotal_from_top", LAST_CONG_ROW, f"G{LAST_CONG_ROW}"
    )
    vi, en = error.message("vi"), error.message("en")
    assert vi.endswith(
        "ô G12 của dòng cộng ghi 4.970.000 đồng («4.970.000»), là số tính từ đầu danh sách, "
        "trong khi nhóm của nó (dòng 10–11, từ sau dòng cộng trước) cộng các ô cột 'Số tiền' "
        "được 1.420.000 đồng. Dòng «Cộng» dưới một nhóm chỉ tính các dòng của nhóm đó: hãy sửa "
        "lại số (công thức SUM hay COUNTA chỉ lấy các dòng của nhóm), hoặc ghi «Tổng cộng» nếu "
        "đây là tổng của cả danh sách."
    )
    assert "the figure from the top of the list" in en
    assert "(rows 10–11, after the previous total row) adds up to 1.420.000 đồng" in en


def test_the_first_groups_subtotal_is_its_running_total(tmp_path: Path) -> None:
    """Under the first group the running total is the group's: both agree, nothing to refuse."""
    assert len(read(workbook(tmp_path, schools()))) == 7
    rows = schools()
    rows[2][1] = "Cộng: 2 lượt"  # Hoa Sen's: two rows from the top, two in its group
    assert len(read_award_list(workbook(tmp_path, rows, name="luot.xlsx"), DAY).entries) == 7


def test_a_grand_total_under_a_group_without_its_subtotal_may_count_every_row(
    tmp_path: Path,
) -> None:
    """The last school has no Cộng: the TỔNG CỘNG right under its rows counts the whole list."""
    rows = schools()
    del rows[LAST_CONG]
    assert len(read_award_list(workbook(tmp_path, rows), DAY).entries) == 7
    rows[LAST_CONG][1] = "Tổng cộng: 7 lượt"  # said as a count of awards too
    assert len(read(workbook(tmp_path, rows, name="luot.xlsx"))) == 7


def test_the_clerks_fix_of_writing_tong_cong_is_accepted(tmp_path: Path) -> None:
    """The message's advice: a figure meant for the whole list, labelled "Tổng cộng"."""
    rows = schools()
    rows[LAST_CONG][1:] = ["Tổng cộng", None, None, None, None, "4.970.000"]
    del rows[-1]
    assert len(read(workbook(tmp_path, rows))) == 7


def test_a_subtotal_counting_every_row_from_the_top_is_refused(tmp_path: Path) -> None:
    rows = schools()
    rows[LAST_CONG][1] = "Cộng: 7 lượt"
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.subtotal_from_top", LAST_CONG_ROW)
    assert "ghi 7 lượt («Cộng: 7 lượt»), là số tính từ đầu" in error.message("vi")
    assert "(dòng 10–11, từ sau dòng cộng trước) có 2 dòng" in error.message("vi")
    assert "says 7 awards" in error.message("en") and "has 2 rows" in error.message("en")


def test_a_subtotal_counting_every_person_from_the_top_is_refused(tmp_path: Path) -> None:
    """Who is a person is the award list's to say (Table.check_counts)."""
    rows = schools()
    rows[LAST_CONG][1] = "Cộng: 7 người"
    error = refused(workbook(tmp_path, rows), awards=True)
    assert (error.key, error.row) == ("sheet.subtotal_from_top", LAST_CONG_ROW)
    assert "có 2 cá nhân và 0 tập thể (2 dòng)" in error.message("vi")
    assert "has 2 individuals and 0 collectives (2 rows)" in error.message("en")
    rows[LAST_CONG][1] = "Cộng: 2 người"
    assert len(read_award_list(workbook(tmp_path, rows, name="ok.xlsx"), DAY).entries) == 7


def test_a_subtotal_over_an_empty_amount_names_the_empty_cell(tmp_path: Path) -> None:
    """Hoa Ban's Cộng is its three people's 2.130.000, two of whose amounts are missing, and
    happens to be the running total too: the empty cells are the clerk's clue, not the top."""
    rows = schools()
    rows[4][6] = rows[5][6] = None  # G7, G8
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.total_amount_differs", FIRST + 6)
    assert "được 710.000 đồng (ô G7 và 1 ô khác để trống)" in error.message("vi")


# --- unchanged: what a figure counts, said in each language; the amounts typed ----------------


@pytest.mark.parametrize("kind", TOTAL_KINDS)
def test_every_kind_of_figure_is_said_in_both_languages(kind: str) -> None:
    said = {lang: t(f"sheet.total_kind.{kind}", lang=lang) for lang in ("vi", "en")}
    assert all(said.values()) and not any(text.startswith("sheet.") for text in said.values())


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("710000", 710000), ("710.000", 710000), ("710,000", 710000), ("710 000", 710000),
        ("1.420.000 đ", 1420000), ("1 420 000 đồng", 1420000), ("710.000đ.", 710000),
        ("12 VNĐ", 12), ("1.420,000", None), ("71.0000", None), ("7100.000", None), ("", None),
    ],
)  # fmt: skip
def test_typed_amounts_read_as_before(typed: str, amount: int | None) -> None:
    assert typed_money(typed) == amount


# --- a row below the list's own total: counted by no total the list states ---------------------


def test_a_person_below_the_grand_total_is_refused_at_that_row(tmp_path: Path) -> None:
    """A person typed under TỔNG CỘNG (added after the total was made): the total the list's
    signers signed does not count the row, and the decision would award and pay it all the
    same. Refused at the row, naming the total row."""
    rows = schools()
    rows.append(person(8, "Lò Văn Thêm", SCHOOLS[2], "710.000"))
    error = refused(workbook(tmp_path, rows), awards=True)
    total_row = FIRST + len(rows) - 2
    assert (error.key, error.row, error.params["total_row"]) == (
        "sheet.row_after_total", total_row + 1, total_row)
    assert f"dưới dòng tổng của danh sách (dòng {total_row}: «4970000»)" in error.message("vi")
    assert "so that total does not count it" in error.message("en")


def test_a_group_below_the_last_subtotal_is_read_as_before(tmp_path: Path) -> None:
    """Below a group's Cộng the next group's rows follow: a list whose last group has no Cộng
    (nor TỔNG CỘNG) ends with rows after its last total row, and is read as before."""
    rows = schools()
    del rows[-1]  # no TỔNG CỘNG
    del rows[-1]  # the last school without its Cộng
    assert len(read_award_list(workbook(tmp_path, rows), DAY).entries) == 7
