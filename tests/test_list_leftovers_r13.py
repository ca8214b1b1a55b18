"""Leftovers of the list warnings: (1) a list's columns printed nowhere are said once for the
file and sheet by check and build, by the first document naming it, however many decisions (or
draft decisions kept among the documents) name it; (2) a council's member list says its columns
printed nowhere as an award list does; (3) a list without money (tien_thuong: khong) whose
Số tiền or Hệ số column holds amounts is warned of, at its file and sheet, naming the columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.api import load_document
from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.errors import InputError
from tests.cli_lines import lines_of, run
from tests.test_list_rows import DAY, LDTT
from tests.test_list_rows import workbook as list_workbook
from tests.test_list_warnings import AWARDS, COUNCIL
from tests.test_list_warnings import office as huyen
from tests.test_same_list_twice_r11 import YEAR, decision
from tests.test_unread_columns_r12b import COLUMNS, LIST
from tests.test_unread_columns_r12b import office as office  # noqa: F401 - a fixture

UNPRINTED = "sheet.columns_not_printed"
MEMBERS_UNPRINTED = "sheet.member_columns_not_printed"
MONEY = "sheet.money_not_printed"


def keys(path: Path) -> list[str]:
    return [w.key for w in load_document(path).warnings]


# --- (1) once for the file and sheet --------------------------------------------------------


def test_two_decisions_naming_the_list_say_its_columns_once(office: Path) -> None:
    """qd-b and qd-c both name gk.csv: the first of them in the workspace's order says it, in
    a check, and in a build whose documents are loaded by several workers."""
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    code, out = run("check")
    assert code == 0, out
    (line,) = lines_of(out, COLUMNS)
    assert line.startswith("Cảnh báo: inputs/2026/qd-b.yaml: inputs/2026/gk.csv: "), out
    code, out = run("build")
    assert code == 0, out
    (line,) = lines_of(out, COLUMNS)
    assert line.startswith("Cảnh báo: inputs/2026/qd-b.yaml: "), out
    # The library: the first decision carries it, the other not; each keeps its other warnings.
    assert UNPRINTED in keys(YEAR / "qd-b.yaml")
    assert UNPRINTED not in keys(YEAR / "qd-c.yaml")
    assert "data.list_given_twice" in keys(YEAR / "qd-c.yaml")


def test_a_draft_decision_kept_among_the_documents_is_one_more_user(office: Path) -> None:
    """A Tờ trình's draft decision kept as a file of its own among the documents (not under
    kem-theo/) names the list as the decision does: the first of them says it, once."""
    draft = decision("du-thao.yaml", 13, "10/01/2026", "gk.csv")
    draft.write_text(draft.read_text("utf-8").replace("so: 13", "so:", 1), "utf-8")
    code, out = run("new", "to-trinh", "-o", str(YEAR / "tt.yaml"))
    assert code == 0, out
    text = (YEAR / "tt.yaml").read_text("utf-8")
    (YEAR / "tt.yaml").write_text(f"{text}\ndu_thao: du-thao.yaml\n", "utf-8")
    code, out = run("check")
    assert code == 0, out
    assert "Hợp lệ: inputs/2026/tt.yaml" in out, out
    (line,) = lines_of(out, COLUMNS)
    assert line.startswith("Cảnh báo: inputs/2026/du-thao.yaml: inputs/2026/gk.csv: "), out


def test_each_sheet_of_a_workbook_is_said_once(office: Path) -> None:
    """Two sheets of one workbook are two lists: each is said, once, by its own decision."""
    book = Workbook()
    for index, sheet in enumerate(("Đợt 1", "Đợt 2")):
        ws = book.active if index == 0 else book.create_sheet()
        ws.title = sheet
        lines = LIST.splitlines()
        ws.append(lines[0].split(","))
        for line in lines[1 + index :]:
            ws.append([cell or None for cell in line.split(",")])
    book.save(YEAR / "gk.xlsx")
    decision("qd-b.yaml", 11, "20/01/2026", "gk.xlsx", sheet="Đợt 1")
    decision("qd-c.yaml", 12, "20/03/2026", "gk.xlsx", sheet="Đợt 2")
    decision("qd-d.yaml", 13, "20/04/2026", "gk.xlsx", sheet="đợt 1")  # qd-b's sheet again
    code, out = run("check")
    assert code == 0, out
    said = lines_of(out, "«Quê quán»")
    assert [line.split(": ")[1:3] for line in said] == [
        ["inputs/2026/qd-b.yaml", "inputs/2026/gk.xlsx, trang tính 'Đợt 1'"],
        ["inputs/2026/qd-c.yaml", "inputs/2026/gk.xlsx, trang tính 'Đợt 2'"],
    ], out


# --- (2) a council's member list --------------------------------------------------------------

MEMBERS = """\
Họ và tên,Chức vụ,Vai trò,Ngày sinh,Ghi chú,Số điện thoại
Lò Thị Hoa,Trưởng phòng Nội vụ,Chủ tịch Hội đồng,01/01/1980,Nghỉ phép,0912345678
Ksor H'Hen,Chuyên viên,Ủy viên,,,
"""


def test_a_council_list_says_its_columns_printed_nowhere(tmp_path: Path) -> None:
    path = huyen(tmp_path, COUNCIL, sheet="hd.csv", text=MEMBERS)
    (warning,) = load_document(path).warnings
    assert isinstance(warning, InputError) and warning.key == MEMBERS_UNPRINTED
    assert (warning.file, warning.sheet) == (str(tmp_path / "hd.csv"), None)
    assert warning.message("vi") == (
        f"{tmp_path / 'hd.csv'}: cột D «Ngày sinh» (1 dòng có nội dung), cột F «Số điện thoại» "
        "(1 dòng có nội dung): nội dung ở đó không được in trong quyết định (Điều 1 chỉ in Họ "
        "và tên, Chức vụ và Vai trò của mỗi thành viên Hội đồng). Nếu cần in, hãy đưa vào văn "
        "bản (một điều của quyết định) hoặc vào một trong các cột đó; nếu đó chỉ là ghi chép "
        "riêng của cơ quan, có thể để nguyên, hoặc xóa cột cho hết cảnh báo"
    )
    assert warning.message("en").startswith(
        f"{tmp_path / 'hd.csv'}: column D «Ngày sinh» (filled on 1 of the list's rows), column F "
        "«Số điện thoại» (filled on 1 of the list's rows): what is there is not printed in the "
        "decision (Điều 1 prints each council member's Họ và tên, Chức vụ and Vai trò only)."
    )
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = lines_of(result.output, "«Ngày sinh»")
    assert line.startswith("Cảnh báo: ") and "qd.yaml: " in line, result.output


def test_a_council_list_of_printed_columns_says_nothing(tmp_path: Path) -> None:
    """Its own Ghi chú, the STT and empty columns are no loss, as in an award list."""
    text = ("STT,Họ và tên,Chức vụ,Vai trò,Ghi chú,Ngày sinh\n"
            "1,Lò Thị Hoa,Trưởng phòng Nội vụ,Chủ tịch Hội đồng,Nghỉ phép,\n")  # fmt: skip
    assert load_document(huyen(tmp_path, COUNCIL, sheet="hd.csv", text=text)).warnings == ()


def test_two_councils_naming_one_member_list_say_it_once(tmp_path: Path) -> None:
    path = huyen(tmp_path, COUNCIL, sheet="hd.csv", text=MEMBERS)
    other = tmp_path / "qe.yaml"  # after qd.yaml
    other.write_text(path.read_text("utf-8").replace("so: 7", "so: 8", 1), "utf-8")
    assert keys(other) == []
    assert keys(path) == [MEMBERS_UNPRINTED]


# --- (3) amounts in a list without money ----------------------------------------------------

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Hệ số", "Số tiền"]


def person(n: int, name: str, coefficient: object, amount: object) -> list[object]:
    return [n, name, "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân", coefficient, amount]


def money_warnings(path: Path, *, priced: bool = False) -> list:
    return [w for w in read_award_list(path, DAY, priced=priced).warnings if w.key == MONEY]


def test_amounts_in_a_list_without_money_are_warned_of(tmp_path: Path) -> None:
    rows = [
        person(1, "Lò Văn An", "0,3", 710000),
        person(2, "Lò Văn Bình", None, "710.000 đ"),
        person(3, "Lò Văn Cường", "0,3", None),
    ]
    path = list_workbook(tmp_path, rows, header=HEADER)  # type: ignore[arg-type]
    (warning,) = money_warnings(path)
    assert (warning.file, warning.sheet, warning.row) == (str(path), "DS", None)
    assert warning.message("vi") == (
        f"{path}, trang tính 'DS': cột G «Hệ số» (2 dòng có nội dung), cột H «Số tiền» "
        "(2 dòng có nội dung): quyết định ghi tien_thuong: khong (không có tiền thưởng), nên số "
        "tiền và hệ số ở đó không được in trong quyết định hay Danh sách kèm theo, cũng không "
        "được đối chiếu với mức thưởng. Nếu có thưởng tiền, hãy bỏ dòng tien_thuong: khong "
        "trong mục khen_thuong; nếu không, hãy xóa các số đó (hoặc cả cột) cho hết cảnh báo"
    )
    assert warning.message("en").startswith(
        f"{path}, sheet 'DS': column G «Hệ số» (filled on 2 of the list's rows), column H "
        "«Số tiền» (filled on 2 of the list's rows): the decision says tien_thuong: khong (no "
        "money), so the amounts and coefficients there are printed neither"
    )
    # Priced, the same list's amounts are checked instead (710.000 đ for Lao động tiên tiến).
    assert money_warnings(path, priced=True) == []
    assert [e.amount for e in read_award_list(path, DAY).entries] == [710000] * 3


def test_a_coefficient_alone_is_warned_of_too(tmp_path: Path) -> None:
    """A Hệ số column is read only to be checked against a priced list's rewards: unpriced, its
    values are lost as an amount's are."""
    rows = [person(1, "Lò Văn An", "0,5", None), person(2, "Lò Văn Bình", "0,5", None)]
    (warning,) = money_warnings(list_workbook(tmp_path, rows, header=HEADER))  # type: ignore[arg-type]
    assert warning.message("vi").startswith(f"{tmp_path / 'ds.xlsx'}, trang tính 'DS': cột G "
                                            "«Hệ số» (2 dòng có nội dung): ")  # fmt: skip


@pytest.mark.parametrize(
    "values",
    [
        [(None, None), (None, "")],  # the columns left empty
        [("0", 0), (0, "0 đ")],  # no money, said so
    ],
)
def test_no_money_typed_says_nothing(tmp_path: Path, values: list[tuple[object, object]]) -> None:
    names = ["Lò Văn An", "Lò Văn Bình"]
    rows = [person(n, name, *cells)
            for n, (name, cells) in enumerate(zip(names, values, strict=True), 1)]  # fmt: skip
    assert money_warnings(list_workbook(tmp_path, rows, header=HEADER)) == []  # type: ignore[arg-type]


def test_the_decision_without_money_says_it_after_its_name(tmp_path: Path) -> None:
    text = ("Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại,Số tiền\n"
            f"Lò Văn An,Giáo viên,Trường Mầm non Hoa Sen,{LDTT},Cá nhân,710.000\n")  # fmt: skip
    path = huyen(tmp_path, AWARDS, sheet="ds.csv", text=text)
    assert keys(path) == [MONEY]
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = lines_of(result.output, "tien_thuong: khong")
    assert f"qd.yaml: {tmp_path / 'ds.csv'}: cột F «Số tiền» (1 dòng có nội dung): " in line
