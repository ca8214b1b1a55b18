"""A list's own total row ("Tổng cộng: 6 người", a sum under Số tiền): never read as a person,
refused at its cell when its figure disagrees with the rows above it, and free to be merged
across the table as offices lay it out, while merged cells over a person's row are still
refused. Also: collectives and units numbered "Tổ 4", "Tổ 12" sort as numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import Table, read_table
from pipeline.rules.collation import name_key, vietnamese_key
from tests.test_award_named import MONEY, office

DAY = dt.date(2026, 1, 8)  # Nghị định 152/2025, lương cơ sở 2.340.000: LĐTT 710.000
LDTT = "Lao động tiên tiến"
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Số tiền"]
FIELDS = dict(
    required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi", "loai", "so_tien"]
)


def person(n: int, name: str, amount: object = None) -> list[object]:
    return [n, name, "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân", amount]


PEOPLE = [person(1, "Lò Văn An"), person(2, "Lò Văn Bình"), person(3, "Lò Văn Cường")]
FIRST = 3  # the first person's row: a merged title row, then the header


def workbook(
    tmp_path: Path,
    rows: list[list[object]],
    *,
    header: list[list[object]] | None = None,
    merge: tuple[str, ...] = (),
    name: str = "ds.xlsx",
) -> Path:
    """A list as offices make it on sheet 'DS': a title merged across the table (row 1), the
    header (row 2, or the rows of `header`), then `rows`; `merge` names more ranges to merge
    (ws.merge_cells)."""
    book = Workbook()
    ws = book.active
    ws.title = "DS"
    ws.append(["DANH SÁCH KHEN THƯỞNG"])
    ws.merge_cells("A1:G1")
    for line in header or [HEADER]:
        ws.append(line)
    for row in rows:
        ws.append(row)
    for cells in merge:
        ws.merge_cells(cells)
    path = tmp_path / name
    book.save(path)
    return path


def read(path: Path) -> Table:
    return read_table(path, **FIELDS)  # type: ignore[arg-type]


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read(path)
    return caught.value


TOTAL = FIRST + len(PEOPLE)  # the row under the people


# --- a total row whose figure disagrees is refused at its cell -----------------------------


def test_total_stating_more_people_than_rows_is_refused(tmp_path: Path) -> None:
    """The tester's case: "Tổng cộng: 25 người" in the STT column under the people."""
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 25 người"]])
    error = refused(path)
    assert (error.key, error.sheet, error.row) == ("sheet.total_over_rows", "DS", TOTAL)
    vi, en = error.message("vi"), error.message("en")
    assert "ds.xlsx" in vi and f"dòng {TOTAL}" in vi and f"A{TOTAL}" in vi
    assert "25 người" in vi and "chỉ có 3 dòng" in vi and "Tổng cộng: 25 người" in vi
    assert f"row {TOTAL}" in en and "25 people" in en and "only 3 rows" in en


def test_total_in_the_name_column_stating_too_many_is_refused(tmp_path: Path) -> None:
    """A total row used to be refused as a person without a title; now it is a total row."""
    path = workbook(tmp_path, [*PEOPLE, [None, "Tổng cộng: 4 người"]])
    error = refused(path)
    assert (error.key, error.row, error.field) == ("sheet.total_over_rows", TOTAL, "Họ và tên")
    assert f"B{TOTAL}" in error.message("vi")


def test_counta_under_the_names_stating_too_many_is_refused(tmp_path: Path) -> None:
    """=COUNTA(B3:B5) under Họ và tên: a number there is the row's count, not a shifted name."""
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng", 4]])
    error = refused(path)
    assert (error.key, error.row) == ("sheet.total_over_rows", TOTAL)
    assert read(workbook(tmp_path, [*PEOPLE, ["Tổng cộng", 3]], name="ok.xlsx")).totals


def test_count_of_awards_must_be_the_rows(tmp_path: Path) -> None:
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 2 lượt"]])
    error = refused(path)
    assert error.key == "sheet.total_rows_differ" and "2 lượt" in error.message("vi")
    assert "3 dòng" in error.message("vi") and "2 awards" in error.message("en")


def test_typed_amounts_and_their_total_must_agree(tmp_path: Path) -> None:
    """A sum under Số tiền is compared with the amounts typed above it, as Excel's SUM adds
    them up; a row lost after the sum was typed shows as a sum too large."""
    people = [person(1, "Lò Văn An", 710000), person(2, "Lò Văn Bình", "710.000")]
    row = ["Tổng cộng", None, None, None, None, None, 2130000]
    path = workbook(tmp_path, [*people, row], merge=("A5:F5",))
    error = refused(path)
    assert (error.key, error.row, error.field) == ("sheet.total_amount_differs", 5, "Số tiền")
    vi, en = error.message("vi"), error.message("en")
    assert "G5" in vi and "2.130.000 đồng" in vi and "1.420.000 đồng" in vi
    assert "'Số tiền'" in vi and "1.420.000 đồng" in en


def test_money_said_in_the_label_is_checked_too(tmp_path: Path) -> None:
    people = [person(1, "Lò Văn An", 710000), person(2, "Lò Văn Bình", 710000)]
    path = workbook(tmp_path, [*people, ["Tổng cộng: 2 người, số tiền: 1.420.001 đồng"]])
    assert refused(path).key == "sheet.total_amount_differs"
    ok = workbook(tmp_path, [*people, ["Tổng số tiền: 1.420.000"]], name="ok.xlsx")
    assert len(read(ok)) == 2


def test_cli_names_file_sheet_row_cell_and_both_numbers(tmp_path: Path) -> None:
    """`vanthu check` on a decision whose list closes with a wrong total: exit 1, one line, after
    the decision's name (the file checked), as build says it."""
    decision = office(tmp_path, [], khen_thuong=MONEY)
    rows = [
        [1, "Lò Văn An", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân"],
        [2, "Lò Văn Bình", "Chuyên viên", "Phòng Nội vụ", "Giấy khen", "Cá nhân"],
        ["Tổng cộng: 25 người"],
    ]
    workbook(tmp_path, rows, merge=("A5:F5",))
    text = decision.read_text("utf-8").replace("danh_sach: ds.csv", "danh_sach: ds.xlsx")
    decision.write_text(text, "utf-8")
    sheet = tmp_path / "ds.xlsx"
    said = {
        "vi": f"Lỗi: {decision}: {sheet}, trang tính 'DS', dòng 5: ô A5 của dòng tổng cộng ghi 25 "
        "người («Tổng cộng: 25 người») nhưng phía trên chỉ có 2 dòng: có thể một dòng đã bị mất "
        "(xóa nhầm, lọc rồi sao chép). Hãy đối chiếu với danh sách gốc, bổ sung dòng thiếu hoặc "
        "sửa lại dòng tổng cộng.\n",
        "en": f"Error: {decision}: {sheet}, sheet 'DS', row 5: cell A5 of the total row says 25 "
        "people («Tổng cộng: 25 người») but there are only 2 rows above it: a row may have been "
        "lost (deleted by mistake, filtered before copying). Compare with the original list, add "
        "the missing row or correct the total row.\n",
    }
    for lang, expected in said.items():
        result = CliRunner().invoke(main, ["--lang", lang, "check", str(decision)])
        assert result.exit_code == 1, result.output
        assert result.output == expected


# --- a total row that agrees, or states nothing, is no person and passes -------------------


@pytest.mark.parametrize(
    "total",
    [
        ["Tổng cộng: 3 người"],
        ["TỔNG CỘNG: 03 NGƯỜI"],
        ["Tổng cộng"],
        ["Tổng số: 3"],
        ["Cộng: 3 cá nhân"],
        ["Tổng cộng (năm 2025): 3 người"],
        [None, "Tổng cộng: 3 người"],
        [None, "Tổng cộng", None, None, None, None, None],
        ["Tổng cộng", "3 người"],
        ["Tổng cộng: 3 lượt"],
    ],
)
def test_total_row_that_agrees_or_states_nothing_passes(
    tmp_path: Path, total: list[object]
) -> None:
    table = read(workbook(tmp_path, [*PEOPLE, total]))
    assert [r.values["ho_ten"] for r in table] == ["Lò Văn An", "Lò Văn Bình", "Lò Văn Cường"]


def test_typed_total_of_computed_amounts_is_left_alone(tmp_path: Path) -> None:
    """No row types an amount: vanthu computes them (and prints its own total)."""
    row = ["Tổng cộng", None, None, None, None, None, 2130000]
    assert len(read(workbook(tmp_path, [*PEOPLE, row]))) == 3


def test_subtotals_count_their_own_group(tmp_path: Path) -> None:
    """A group's "Cộng" counts the rows since the total row before it; "Tổng cộng" all."""
    rows = [
        PEOPLE[0],
        PEOPLE[1],
        ["Cộng: 2 lượt"],
        PEOPLE[2],
        ["Cộng: 1 lượt"],
        ["Tổng cộng: 3 lượt"],
    ]
    table = read(workbook(tmp_path, rows))
    assert len(table) == 3 and [t.value for t in table.totals] == [2, 1, 3]
    rows[4] = ["Cộng: 2 lượt"]
    assert refused(workbook(tmp_path, rows, name="sai.xlsx")).row == 7


@pytest.mark.parametrize("name", ["Tống Văn Cộng", "Tổng công ty Điện lực", "Cộng đồng bản Mòng"])
def test_names_that_look_like_a_total_are_still_rows(tmp_path: Path, name: str) -> None:
    """A surname (Tống), a corporation (Tổng công ty), a community (Cộng đồng): no label; a row
    of theirs without a title is still refused as one."""
    path = workbook(tmp_path, [*PEOPLE, [4, name, None, "Huyện", None, "Cá nhân"]])
    error = refused(path)
    assert (error.key, error.row) == ("sheet.missing_cell", TOTAL)


# --- the people and collectives a count can mean: for the award list to check --------------


def test_counts_of_people_checked_against_who_is_a_collective(tmp_path: Path) -> None:
    """"2 người" under 3 rows is right for 2 cá nhân and 1 tập thể, and for 3 rows of people
    one of whom has two titles; wrong for 3 different people."""
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 2 người"]])
    table = read(path)
    table.check_counts([(False, "an"), (True, "phòng"), (False, "bình")])
    table.check_counts([(False, "an"), (False, "an"), (False, "bình")])
    with pytest.raises(InputError) as caught:
        table.check_counts([(False, "an"), (False, "bình"), (False, "cường")])
    error = caught.value
    assert (error.key, error.row) == ("sheet.total_count_differs", TOTAL)
    assert "3 cá nhân và 0 tập thể (3 dòng)" in error.message("vi")
    assert "3 individuals and 0 collectives (3 rows)" in error.message("en")


def test_counts_of_collectives(tmp_path: Path) -> None:
    table = read(workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 2 cá nhân, 1 tập thể"]]))
    table.check_counts([(False, "an"), (True, "phòng"), (False, "bình")])
    with pytest.raises(InputError):
        table.check_counts([(False, "an"), (True, "phòng"), (True, "tổ")])


# --- merged cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "merge"),
    [
        (["Tổng cộng: 3 người"], "A6:G6"),  # the tester's layout: merged across the table
        (["Tổng cộng", None, None, None, None, None, None], "A6:F6"),
        ([None, "Tổng cộng: 3 người"], "B6:E6"),  # the label under Họ và tên
    ],
)
def test_merged_total_row_is_read_like_the_unmerged_one(
    tmp_path: Path, row: list[object], merge: str
) -> None:
    table = read(workbook(tmp_path, [*PEOPLE, row], merge=(merge,)))
    assert len(table) == 3


def test_merged_total_row_with_wrong_count_is_refused_for_its_count(tmp_path: Path) -> None:
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 25 người"]], merge=("A6:G6",))
    assert refused(path).key == "sheet.total_over_rows"


def test_merged_group_heading_reads_like_the_unmerged_one(tmp_path: Path) -> None:
    """"I. CÁ NHÂN" in the STT column merged across the table: the list reads nothing there."""
    rows = [["I. CÁ NHÂN"], *PEOPLE, ["Tổng cộng: 3 người"]]
    table = read(workbook(tmp_path, rows, merge=("A3:G3", "A7:G7")))
    assert [r.number for r in table] == [4, 5, 6]


def test_merged_cells_over_people_are_still_refused(tmp_path: Path) -> None:
    """A unit merged down over two people (D3:D4) is read for the first of them only."""
    rows = [PEOPLE[0], [2, "Lò Văn Bình", "Chuyên viên", None, LDTT, "Cá nhân"]]
    error = refused(workbook(tmp_path, [*rows, ["Tổng cộng: 2 người"]], merge=("D3:D4",)))
    assert (error.key, error.row) == ("sheet.merged_cells", 3)
    assert "D3:D4" in error.message("vi")


def test_cells_merged_across_a_person_row_are_refused_with_advice_for_one_row(
    tmp_path: Path,
) -> None:
    rows = [PEOPLE[0], [2, "Lò Văn Bình", None, "Phòng Kinh tế", LDTT, "Cá nhân"]]
    error = refused(workbook(tmp_path, rows, merge=("B4:C4",)))
    assert (error.key, error.row) == ("sheet.merged_row", 4)
    assert "B4:C4" in error.message("vi") and "từng ô" in error.message("vi")
    assert "từng dòng" not in error.message("vi")


def test_award_list_reads_the_office_layout(tmp_path: Path) -> None:
    """Through the award list: a merged, agreeing total row passes; a wrong one does not."""
    rows = [*PEOPLE, ["Tổng cộng: 3 người"]]
    assert len(read_award_list(workbook(tmp_path, rows, merge=("A6:G6",)), DAY).entries) == 3
    rows[-1] = ["Tổng cộng: 25 người"]
    with pytest.raises(InputError) as caught:
        read_award_list(workbook(tmp_path, rows, merge=("A6:G6",), name="sai.xlsx"), DAY)
    assert caught.value.key == "sheet.total_over_rows"


def test_total_row_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    lines = ["Họ và tên,Danh hiệu,Loại", f"Lò Văn An,{LDTT},Cá nhân", f"Lò Văn Bình,{LDTT},"]
    path.write_text("\n".join([*lines, "Tổng cộng: 2 người,,"]) + "\n", "utf-8")
    assert len(read(path)) == 2
    path.write_text("\n".join([*lines, "Tổng cộng: 5 người,,"]) + "\n", "utf-8")
    assert refused(path).key == "sheet.total_over_rows"


# --- collectives numbered: natural order ----------------------------------------------------


def test_numbers_in_names_sort_as_numbers() -> None:
    """The tester's list: "Tổ công tác số 12, 14, 20, …, 4, 8, 9" sorted as text."""
    numbers = [12, 14, 20, 26, 32, 34, 4, 8, 9]
    names = [f"Tổ công tác số {n}" for n in numbers]
    expected = [f"Tổ công tác số {n}" for n in sorted(numbers)]
    assert sorted(names, key=vietnamese_key) == expected
    assert sorted(names, key=name_key) == expected  # collectives are ordered by name_key
    assert vietnamese_key("Tổ 4") < vietnamese_key("Tổ 12") < vietnamese_key("Tổ A")
    assert vietnamese_key("Trường Tiểu học số 2") < vietnamese_key("Trường Tiểu học số 10")


def test_numbers_and_letters_keep_their_order() -> None:
    ordered = ["Tổ", "Tổ 0", "Tổ 4", "Tổ 04", "Tổ 4a", "Tổ 4b", "Tổ 10", "Tổ a", "Tổ ă", "Tờ 1"]
    assert sorted(reversed(ordered), key=vietnamese_key) == ordered
    assert sorted(["A10", "A2", "A1", "B1"], key=vietnamese_key) == ["A1", "A2", "A10", "B1"]


def test_award_list_orders_numbered_collectives_as_numbers(tmp_path: Path) -> None:
    """sap_xep: ten and don_vi: "Tổ công tác số 4" before "số 12"."""
    rows = [
        [n, f"Tổ công tác số {number}", None, f"Đội {number}", "Tập thể lao động tiên tiến",
         "Tập thể", None]
        for n, number in enumerate((12, 4, 9), start=1)
    ]  # fmt: skip
    path = workbook(tmp_path, rows)
    for order in ("ten", "don_vi"):
        entries = read_award_list(path, DAY, order=order).entries
        assert [e.name[-2:].strip() for e in entries] == ["4", "9", "12"], order


def test_total_row_of_uncomputed_formulas_is_refused_not_lost(tmp_path: Path) -> None:
    """A last row holding only formulas Excel never computed (a script wrote the file) was
    dropped with calamine's range; it is read, and its formula refused, as any other row's."""
    formula = '="Tổng cộng: "&COUNTA(B3:B5)&" người"'
    error = refused(workbook(tmp_path, [*PEOPLE, [None, formula]]))
    assert (error.key, error.row, error.field) == ("sheet.formula_no_value", TOTAL, "Họ và tên")


def test_an_award_list_whose_total_counts_fewer_people_is_refused(tmp_path: Path) -> None:
    """read_award_list knows who is who: "2 người" under three different people is wrong,
    "2 người" under one person given two titles and another is right (Điều 1 counts so)."""
    path = workbook(tmp_path, [*PEOPLE, ["Tổng cộng: 2 người"]])
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY, sheet="DS", priced=False)
    assert (caught.value.key, caught.value.row) == ("sheet.total_count_differs", TOTAL)
    twice = [*PEOPLE[:2], [3, "Lò Văn An", "Chuyên viên", "Phòng Kinh tế",
                           "Chiến sĩ thi đua cơ sở", "Cá nhân"], ["Tổng cộng: 2 người"]]
    awards = read_award_list(workbook(tmp_path, twice, name="hai.xlsx"), DAY, sheet="DS",
                             priced=False)  # fmt: skip
    assert len(awards.entries) == 3
