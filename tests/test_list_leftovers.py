"""What an award list keeps besides its rows, and how its rows are ordered and added up:

- the signature lines a clerk keeps under the total row ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ",
  "(Ký, ghi rõ họ tên)", the signers' names) end the list instead of being refused as a row,
  while a row of the list after them, or a name under no signature line, is refused as before;
- tập thể sort by their whole name, cá nhân by given name first;
- total rows with sub-totals (a Cộng per group, then Tổng cộng) are checked in one pass over
  the rows, with the same verdicts and messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.awards import read_award_list
from pipeline.errors import InputError
from pipeline.load.spreadsheet import totals
from pipeline.load.spreadsheet.signatures import is_signature_line, is_signer_name
from tests.test_total_rows import DAY, FIRST, LDTT, PEOPLE, person, read, refused, workbook

TOTAL: list[object] = ["Tổng cộng: 3 người"]
NAMES = ["Lò Văn An", "Lò Văn Bình", "Lò Văn Cường"]


def names(path: Path) -> list[str]:
    return [row.values["ho_ten"] for row in read(path)]


# --- signature lines under the total row ----------------------------------------------------

SIGNED: dict[str, list[list[object]]] = {
    # the tester's list: two titles on one row, a blank row, then the two names
    "two titles": [[None, "NGƯỜI LẬP BIỂU", None, None, "THỦ TRƯỞNG ĐƠN VỊ"], [],
                   [None, "Nguyễn Thị Hoa", None, None, "Trần Văn Nam"]],
    "one cell": [[None, "Người lập biểu (ký, ghi rõ họ tên)"]],
    "title beside": [[None, "NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ"], [], [],
                     [None, "Nguyễn Thị Hoa", None, "TRẦN VĂN NAM"]],
    "date, on behalf, signed": [
        [None, None, None, "Hà Nội, ngày 15 tháng 01 năm 2026"],
        [None, "NGƯỜI LẬP BIỂU", None, "KT. GIÁM ĐỐC"],
        [None, "(Ký, ghi rõ họ tên)", None, "PHÓ GIÁM ĐỐC"],
        [None, None, None, "(Đã ký)"],
        [],
        [None, "Nguyễn Thị Hoa", None, "ThS. Trần Văn Nam"],
    ],
    "far right title": [[None, "Người lập biểu", None, None, None, None, None, "Thủ trưởng"],
                        [None, "Nguyễn Thị Hoa", None, None, None, None, None, "Trần Văn Nam"]],
}  # fmt: skip


@pytest.mark.parametrize("lines", SIGNED.values(), ids=SIGNED.keys())
def test_signature_lines_under_the_total_end_the_list(
    tmp_path: Path, lines: list[list[object]]
) -> None:
    assert names(workbook(tmp_path, [*PEOPLE, TOTAL, *lines])) == NAMES


def test_merged_signature_lines_end_the_list(tmp_path: Path) -> None:
    """Titles and names merged across the table's columns, as a signed form lays them out."""
    rows: list[list[object]] = [
        *PEOPLE, TOTAL, [None, "NGƯỜI LẬP BIỂU", None, None, "THỦ TRƯỞNG ĐƠN VỊ"], [],
        [None, None, "Nguyễn Thị Hoa", None, None, "Trần Văn Nam"],
    ]  # fmt: skip
    merge = ("B7:C7", "E7:G7", "C9:D9", "F9:G9")
    assert names(workbook(tmp_path, rows, merge=merge)) == NAMES


def test_award_list_with_signature_lines(tmp_path: Path) -> None:
    """Through the award list: the title under Danh hiệu is no award, the names no people."""
    path = workbook(tmp_path, [*PEOPLE, TOTAL, *SIGNED["two titles"]])
    awards = read_award_list(path, DAY)
    assert [e.name for e in awards.entries] == NAMES


def test_signature_lines_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    lines = ["Họ và tên,Danh hiệu,Loại", f"Lò Văn An,{LDTT},Cá nhân",
             f"Lò Văn Bình,{LDTT},Cá nhân", "Tổng cộng: 2 người,,", "Người lập biểu,,Thủ trưởng",
             ",,", "Nguyễn Thị Hoa,,Trần Văn Nam"]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert [r.values["ho_ten"] for r in read(path)] == NAMES[:2]


def test_a_name_under_no_signature_line_is_still_refused(tmp_path: Path) -> None:
    error = refused(workbook(tmp_path, [*PEOPLE, TOTAL, [None, "Nguyễn Thị Hoa"]]))
    assert (error.key, error.row) == ("sheet.missing_cell", FIRST + 4)


def test_signature_lines_without_a_total_row_are_still_refused(tmp_path: Path) -> None:
    """Only the total row says the list has ended: a title among the rows is a row's."""
    error = refused(workbook(tmp_path, [*PEOPLE, [None, "NGƯỜI LẬP BIỂU"]]))
    assert (error.key, error.row) == ("sheet.missing_cell", FIRST + 3)


@pytest.mark.parametrize(
    "after",
    [
        person(4, "Lò Văn Dũng"),  # a whole row of the list
        [4, "Nguyễn Thị Hoa"],  # an STT: a row of the list without its title
        [None, "Nguyễn Thị Hoa", "Chuyên viên"],  # a chức vụ where no line signs
        [None, "Nguyễn Thị Hoa", None, None, LDTT],  # an award, written as awards are
    ],
)
def test_a_row_of_the_list_after_the_signature_lines_is_refused_as_before(
    tmp_path: Path, after: list[object]
) -> None:
    """The lines were no end of the list then: they are read as rows, and refused."""
    rows: list[list[object]] = [*PEOPLE, TOTAL, [None, "NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ"],
                                after]  # fmt: skip
    error = refused(workbook(tmp_path, rows))
    assert (error.key, error.row) == ("sheet.missing_cell", FIRST + 4)


def test_a_bad_cell_after_the_signature_lines_is_refused(tmp_path: Path) -> None:
    rows: list[list[object]] = [*PEOPLE, TOTAL, [None, "NGƯỜI LẬP BIỂU"], [None, None, 12345]]
    assert refused(workbook(tmp_path, rows)).row == FIRST + 4


def test_rows_after_a_subtotal_are_still_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        PEOPLE[0], ["Cộng: 1 lượt"], PEOPLE[1], PEOPLE[2], ["Tổng cộng: 3 lượt"],
        [None, "Người lập biểu"], [None, "Nguyễn Thị Hoa"],
    ]  # fmt: skip
    assert names(workbook(tmp_path, rows)) == NAMES


@pytest.mark.parametrize(
    "text",
    ["NGƯỜI LẬP BIỂU", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "KT. HIỆU TRƯỞNG",
     "TM. ỦY BAN NHÂN DÂN", "Hà Nội, ngày 15 tháng 01 năm 2026",
     "........, ngày ... tháng ... năm 20..",
     "Người lập biểu (ký, ghi rõ họ tên)", "Xác nhận của thủ trưởng đơn vị"],
)  # fmt: skip
def test_signature_lines(text: str) -> None:
    assert is_signature_line(text)


@pytest.mark.parametrize(
    "text",
    ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Nguyễn Văn Trưởng", "Trường Tiểu học A",
     "Phòng Tư pháp", "Tổ 4", "Giấy khen"],
)  # fmt: skip
def test_rows_of_a_list_are_no_signature_lines(text: str) -> None:
    assert not is_signature_line(text)


def test_signer_names() -> None:
    assert is_signer_name("Nguyễn Thị Hoa") and is_signer_name("TRẦN VĂN NAM")
    assert is_signer_name("ThS. Lê Văn Bình")
    for text in ("Lao động tiên tiến", "Phòng Tư pháp", "Tổ 12", "Hoa", "710.000"):
        assert not is_signer_name(text), text


# --- tập thể sort by their whole name ------------------------------------------------------

COLLECTIVES = ["Trường Tiểu học A", "Phòng Văn hóa và Thông tin", "Tổ 12", "Phòng Tư pháp",
               "Tổ 4", "Trường Mầm non Hoa Sen"]  # fmt: skip
PERSONS = ["Nguyễn Văn Cường", "Lê Thị Bình", "Trần An"]


def award_rows(unit: str = "Huyện") -> list[list[object]]:
    people: list[list[object]] = [[n, name, "Chuyên viên", unit, LDTT, "Cá nhân", None]
              for n, name in enumerate(PERSONS, start=1)]  # fmt: skip
    groups: list[list[object]] = [
        [n, name, None, unit, "Tập thể lao động tiên tiến", "Tập thể", None]
        for n, name in enumerate(COLLECTIVES, start=4)
    ]
    return people + groups


@pytest.mark.parametrize("order", ["ten", "don_vi"])
def test_collectives_sort_by_their_whole_name(tmp_path: Path, order: str) -> None:
    path = workbook(tmp_path, award_rows())
    entries = read_award_list(path, DAY, order=order).entries  # type: ignore[arg-type]
    assert [e.name for e in entries] == [
        "Trần An", "Lê Thị Bình", "Nguyễn Văn Cường",  # cá nhân: given name first
        "Phòng Tư pháp", "Phòng Văn hóa và Thông tin", "Tổ 4", "Tổ 12",
        "Trường Mầm non Hoa Sen", "Trường Tiểu học A",
    ]  # fmt: skip


# --- sub-totals checked in one pass ---------------------------------------------------------

GROUPS = 30
AMOUNT = 710000


def grouped(tmp_path: Path, *, wrong: int | None = None) -> Path:
    """GROUPS groups of two people with their amounts typed, each under a Cộng stating their
    number and sum, then a Tổng cộng; group `wrong` states one đồng too many."""
    rows: list[list[object]] = []
    for group in range(GROUPS):
        for k in range(2):
            rows.append(person(2 * group + k + 1, f"Lò Văn An {group} {k}", AMOUNT))
        stated = 2 * AMOUNT + (1 if group == wrong else 0)
        rows.append(["Cộng: 2 cá nhân", None, None, None, None, None, stated])
    rows.append([f"Tổng cộng: {2 * GROUPS} cá nhân", None, None, None, None, None,
                 2 * GROUPS * AMOUNT])  # fmt: skip
    return workbook(tmp_path, rows, name=f"nhom-{wrong}.xlsx")


def test_subtotals_read_each_typed_amount_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_amounts: list[str] = []
    real = totals.typed_money

    def counting(text: str) -> int | None:
        read_amounts.append(text)
        return real(text)

    monkeypatch.setattr(totals, "typed_money", counting)
    table = read(grouped(tmp_path))
    assert len(table) == 2 * GROUPS and len(table.totals) == 2 * (GROUPS + 1)
    assert len(read_amounts) == 2 * GROUPS  # not once per total row above it


class CountedList(list):  # type: ignore[type-arg]
    """A list that counts the items read from it: by index, through slices and by iterating."""

    read = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        got = super().__getitem__(index)
        self.read += len(got) if isinstance(index, slice) else 1
        return got

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            self.read += 1
            yield item


def test_subtotal_counts_read_each_recipient_once(tmp_path: Path) -> None:
    table = read(grouped(tmp_path))
    recipients = CountedList((False, f"an {n}") for n in range(2 * GROUPS))
    table.check_counts(recipients)
    assert recipients.read == 2 * GROUPS


def test_subtotals_keep_their_verdicts_and_messages(tmp_path: Path) -> None:
    table = read(grouped(tmp_path))
    table.check_counts([(False, f"an {n}") for n in range(2 * GROUPS)])
    error = refused(grouped(tmp_path, wrong=4))
    row = FIRST + 3 * 4 + 2  # the fifth group's Cộng
    assert (error.key, error.row, error.params["cell"]) == (
        "sheet.total_amount_differs", row, f"G{row}"
    )
    # The group's own sum (the figure a Cộng is compared with) first, then the running total.
    assert error.message("vi").endswith(
        "ô G17 của dòng tổng cộng ghi 1.420.001 đồng nhưng cộng các ô cột 'Số tiền' của nhóm "
        "(dòng 15–16, từ sau dòng cộng trước) được 1.420.000 đồng, còn từ đầu danh sách được "
        "7.100.000 đồng: có thể một dòng đã bị mất hoặc thừa, hoặc gõ sai số tiền. Hãy đối chiếu "
        "với danh sách gốc rồi sửa dòng sai hoặc dòng tổng cộng."
    )
    one = [(False, f"an {n}") for n in range(2 * GROUPS)]
    one[7] = (True, "phòng")  # the fourth group: one tập thể, "2 cá nhân" wrong
    with pytest.raises(InputError) as caught:
        table.check_counts(one)
    assert (caught.value.key, caught.value.row) == ("sheet.total_count_differs", FIRST + 3 * 3 + 2)
    assert "7 cá nhân và 1 tập thể (8 dòng)" in caught.value.message("vi")
