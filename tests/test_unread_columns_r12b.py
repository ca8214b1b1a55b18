"""Columns of an award list whose content no document prints (r12b F6 and an old leftover): a
column no field reads ("Ngày sinh", "Thành tích", "Số CCCD") holding content on rows of the
list is warned of once for the list, naming its file,
sheet, each column by letter and header and how many rows have content there, in Vietnamese and
English; an empty such column, a bookkeeping column (STT), the office's own Ghi chú (read,
printed nowhere by design: awards.UNPRINTED_FIELDS) and a hidden one say nothing. The
warning reaches check, render and build; the starter lists have no such column."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pipeline.awards import UNPRINTED_FIELDS, read_award_list
from pipeline.load.spreadsheet import read_table
from pipeline.starters import read_starter
from tests.cli_lines import lines_of, run
from tests.new_office import new_office
from tests.test_list_rows import DAY, LDTT
from tests.test_list_rows import workbook as list_workbook
from tests.test_same_list_twice_r11 import YEAR, decision

KEY = "sheet.columns_not_printed"
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]
EXTRA = ["Ngày sinh", "Ghi chú", "Thành tích", "Số CCCD"]  # G, H, I, J


def person(n: int, name: str, *extra: object) -> list[object]:
    return [n, name, "Chuyên viên", "Phòng Kinh tế", LDTT, "Cá nhân", *extra]


def listed(tmp_path: Path, rows: list[list[object]], header: list[str] = HEADER + EXTRA,
           **kwargs: object) -> Path:  # fmt: skip
    """The list on sheet 'DS', header on row 1."""
    return list_workbook(tmp_path, rows, header=header, **kwargs)  # type: ignore[arg-type]


def said(path: Path) -> list:
    return [w for w in read_award_list(path, DAY).warnings if w.key == KEY]


# --- the list's warning ------------------------------------------------------------------------


def test_columns_printed_nowhere_are_one_warning_for_the_list(tmp_path: Path) -> None:
    rows = [
        person(1, "Lò Văn An", "01/01/1980", "Hoàn thành xuất sắc nhiệm vụ", "Sáng kiến", None),
        person(2, "Lò Văn Bình", "02/02/1982", None, "  ", "014080000123"),
        person(3, "Lò Văn Cường", "03/03/1983", "", None, None),
    ]
    path = listed(tmp_path, rows)
    (warning,) = said(path)
    assert (warning.file, warning.sheet, warning.row) == (str(path), "DS", None)
    assert warning.message("vi") == (
        f"{path}, trang tính 'DS': cột G «Ngày sinh» (3 dòng có nội dung), "
        "cột I «Thành tích» (1 dòng có nội dung), cột J «Số CCCD» "
        "(1 dòng có nội dung): nội dung ở đó không được in trong quyết định hay Danh sách kèm "
        "theo. Nếu cần in, hãy đưa vào văn bản (một điều của quyết định) hoặc vào một cột được "
        "in (Họ và tên, Chức vụ, Đơn vị, Danh hiệu/Hình thức); nếu đó chỉ là ghi chép riêng "
        "của cơ quan, có thể để nguyên, hoặc xóa cột cho hết cảnh báo"
    )
    en = warning.message("en")
    assert en.startswith(f"{path}, sheet 'DS': column G «Ngày sinh» (filled on 3 of the list's ")
    assert "Ghi chú" not in en  # the office's own notes: printed nowhere, as every office knows
    assert "is printed neither in the decision nor in its Danh sách" in en
    # Said again in English after crossing to a build's worker.
    assert pickle.loads(pickle.dumps(warning)).message("en") == en
    # The rows are read as before, the Ghi chú kept.
    entries = read_award_list(path, DAY).entries
    assert [e.note for e in entries] == ["Hoàn thành xuất sắc nhiệm vụ", "", ""]


def test_a_csv_list_is_named_without_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại,Quê quán\n"
        f"Lò Văn An,Chuyên viên,Văn phòng,{LDTT},Cá nhân,Chuyển đổi số\n"
        f"Lò Văn Bình,Chuyên viên,Văn phòng,{LDTT},Cá nhân,\n",
        "utf-8",
    )
    (warning,) = said(path)
    assert warning.message("vi").startswith(f"{path}: cột F «Quê quán» (1 dòng có nội dung): ")


@pytest.mark.parametrize(
    "extra",
    [
        [None, None, None, None],  # the columns left empty: nothing is lost
        ["", "   ", None, ""],
    ],
)
def test_empty_columns_say_nothing(tmp_path: Path, extra: list[object]) -> None:
    rows = [person(1, "Lò Văn An", *extra), person(2, "Lò Văn Bình", *extra)]
    assert read_award_list(listed(tmp_path, rows), DAY).warnings == ()


def test_a_list_without_such_columns_says_nothing(tmp_path: Path) -> None:
    rows = [person(1, "Lò Văn An"), person(2, "Lò Văn Bình")]
    path = listed(tmp_path, rows, header=HEADER)
    assert read_award_list(path, DAY).warnings == ()
    table = read_table(path, required=["ho_ten", "danh_hieu"],
                       optional=["chuc_vu", "don_vi", "loai"])  # fmt: skip
    assert table.unread == ()


@pytest.mark.parametrize("bookkeeping", ["Số TT", "Số thứ tự", "Đơn vị tính", "Ký nhận"])
def test_bookkeeping_columns_say_nothing(tmp_path: Path, bookkeeping: str) -> None:
    """STT is the row's number (the Danh sách numbers its rows), Đơn vị tính the amounts'
    unit, Ký nhận a payment list's receipt: no clerk expects them printed."""
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", bookkeeping]
    rows = [person(1, "Lò Văn An", "x"), person(2, "Lò Văn Bình", "đồng")]
    assert read_award_list(listed(tmp_path, rows, header=header), DAY).warnings == ()


def test_a_hidden_column_printed_nowhere_says_nothing(tmp_path: Path) -> None:
    """A hidden working column is no part of the list the clerk sees (test_hidden_columns)."""
    header = [*HEADER, "Đánh dấu"]
    rows = [person(1, "Lò Văn An", "x"), person(2, "Lò Văn Bình", "x")]
    assert read_award_list(listed(tmp_path, rows, header=header, hide_columns=("G",)),
                           DAY).warnings == ()  # fmt: skip


def test_only_rows_of_the_list_are_counted(tmp_path: Path) -> None:
    """A total row and the signature lines under it are no rows of the list, whatever stands in
    the column."""
    header = [*HEADER, "Thành tích"]
    rows = [
        person(1, "Lò Văn An", "Sáng kiến"),
        person(2, "Lò Văn Bình"),
        ["Tổng cộng: 02 người", None, None, None, None, None, "2 sáng kiến"],
        [],
        [None, None, None, None, None, None, "THỦ TRƯỞNG ĐƠN VỊ"],
    ]
    (warning,) = said(listed(tmp_path, rows, header=header))
    assert "cột G «Thành tích» (1 dòng có nội dung)" in warning.message("vi")


def test_an_unread_unit_column_is_still_refused(tmp_path: Path) -> None:
    """A unit column under another header is refused, not merely warned of: every name would
    print without its unit."""
    header = ["STT", "Họ và tên", "Chức vụ", "Bộ phận", "Danh hiệu", "Loại", "Ghi chú"]
    rows = [person(1, "Lò Văn An", "x")]
    with pytest.raises(Exception) as caught:
        read_award_list(listed(tmp_path, rows, header=header), DAY)
    assert getattr(caught.value, "key", None) == "sheet.unread_column"


# --- check, render and build say it ----------------------------------------------------------

LIST = (
    "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại,Quê quán,Ngày sinh\n"
    "Nguyễn Văn An,Chuyên viên,Văn phòng,Giấy khen,Cá nhân,Chuyển đổi số,01/01/1980\n"
    "Trần Thị Bình,Kế toán viên,Văn phòng,Giấy khen,Cá nhân,Phòng cháy chữa cháy rừng,\n"
    "Lò Văn Cường,Chuyên viên,Phòng Tổ chức,Giấy khen,Cá nhân,Chuyển đổi số,\n"
)
COLUMNS = "cột F «Quê quán» (3 dòng có nội dung), cột G «Ngày sinh» (1 dòng có nội dung)"


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new Sở Nội vụ with a Giấy khen decision naming gk.csv, whose Quê quán is filled."""
    ws = new_office(tmp_path, monkeypatch)
    (YEAR / "gk.csv").write_text(LIST, "utf-8")
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    return ws


def test_check_render_and_build_say_it_once(office: Path) -> None:
    code, out = run("check")
    assert code == 0, out
    (line,) = lines_of(out, "«Quê quán»")
    assert line.startswith(f"Cảnh báo: inputs/2026/qd-b.yaml: inputs/2026/gk.csv: {COLUMNS}: ")
    code, out = run("check", lang="en")
    (line,) = lines_of(out, "«Quê quán»")
    assert line.startswith("Warning: inputs/2026/qd-b.yaml: inputs/2026/gk.csv: column F «Quê ")
    code, out = run("render", str(YEAR / "qd-b.yaml"))
    assert code == 0, out
    assert len(lines_of(out, COLUMNS)) == 1, out
    (office / "outputs" / "2026" / "qd-b.docx").unlink()
    code, out = run("build")
    assert code == 0, out
    assert len(lines_of(out, COLUMNS)) == 1, out


def test_decisions_sharing_the_list_are_never_warned_per_row(office: Path) -> None:
    """Each decision naming the list says it at most once (the list given twice is warned of
    at their danh_sach lines)."""
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    code, out = run("check")
    assert code == 0, out
    warned = lines_of(out, COLUMNS)
    assert 1 <= len(warned) <= 2, out
    assert len({line.split(": ")[1] for line in warned}) == len(warned), out


# --- the starters -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["danh-sach-khen-thuong.csv", "danh-sach-giay-khen.csv"])
def test_every_column_of_a_starter_list_is_printed(name: str, tmp_path: Path) -> None:
    """Nothing a clerk types into the starter's list is left out of the decision: no column of
    it is one the list does not read, or reads and prints nowhere (a Ghi chú)."""
    path = tmp_path / name
    path.write_text(read_starter(name).replace("$ten_don_vi", "Văn phòng"), "utf-8")
    table = read_table(path, required=["ho_ten", "danh_hieu"],
                       optional=["chuc_vu", "don_vi", "loai", *UNPRINTED_FIELDS])  # fmt: skip
    header = read_starter(name).splitlines()[0].split(",")
    assert len(table.header.columns) == len(header)
    assert not any(table.has(field) for field in UNPRINTED_FIELDS)


def test_the_decision_starter_checks_without_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_office(tmp_path, monkeypatch)
    code, out = run("new", "quyet-dinh", "-o", str(YEAR / "qd.yaml"))
    assert code == 0, out
    code, out = run("check", str(YEAR / "qd.yaml"))
    assert code == 0 and "Cảnh báo" not in out, out


def test_the_office_s_own_ghi_chu_says_nothing(tmp_path: Path) -> None:
    """Lists keep a Ghi chú as a matter of course ("Nghỉ thai sản từ 15/8"): read, printed
    nowhere, and not warned of (it would be said of nearly every list)."""
    header = [*HEADER, "Ghi chú"]
    rows = [person(1, "Lò Văn An", "Hợp đồng lao động"), person(2, "Lò Văn Bình", "x")]
    assert said(listed(tmp_path, rows, header=header)) == []
