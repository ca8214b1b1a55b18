"""Headers of a danh sách as old lists type them (exploratory round r8b, F1 F3 F7 F8).

F1: a name column headed "Tên" (or "Tên cá nhân, tập thể") must never get "'Đơn vị' → 'Họ và
tên'" as its likely header, and one column declared for two fields is refused.
F7: a unit column headed "Cơ quan, đơn vị" is read; one headed otherwise but with a unit word,
when no column is Đơn vị, is refused rather than passed over (names printed without units).
F3: a header typed in TCVN3 or VNI is said to be so, not "column not found".
F8: a header with several merged ranges is refused naming all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.spreadsheet.fields import STANDARD_FIELDS, hinted, normalize_header
from pipeline.text.legacy import encode_legacy

REQUIRED = ("ho_ten", "danh_hieu")
# A header whose name column has a heading vanthu does not know, without "tên" in it.
UNNAMED = ["TT", "Người được khen", "Chức vụ", "Đơn vị", "Hình thức", "Loại"]
OPTIONAL = ("chuc_vu", "don_vi", "ghi_chu", "loai", "so_tien")
PEOPLE = [
    [1, "Lò Thị Ươm", "Chuyên viên", "Phòng Công chức, viên chức", "Giấy khen", "Cá nhân"],
    [2, "Trần Quốc Việt", "Chuyên viên", "Phòng Xây dựng chính quyền", "Giấy khen", "Cá nhân"],
]


def make_xlsx(
    path: Path, header: Sequence[object], rows: Sequence[Sequence[object]] = PEOPLE
) -> Path:
    """A list as an office makes it: two title rows, a blank row, the header on row 4."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    ws.append(["SỞ NỘI VỤ TỈNH SƠN LA"])
    ws.merge_cells("A1:F1")
    ws.append(["DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN"])
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def read(path: Path, **kw: object):  # type: ignore[no-untyped-def]
    return read_table(path, required=REQUIRED, optional=OPTIONAL, **kw)  # type: ignore[arg-type]


def refusal(path: Path, **kw: object) -> InputError:
    with pytest.raises(InputError) as info:
        read(path, **kw)
    return info.value


# -- F1: the name column ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name_header",
    ["Tên", "Tên cá nhân, tập thể", "Họ tên cá nhân/tập thể", "TÊN", "Tên tập thể, cá nhân"],
)
def test_a_name_column_headed_ten_is_read(tmp_path: Path, name_header: str) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["TT", name_header, "Chức vụ", "Đơn vị", "Hình thức", "Loại"])  # fmt: skip
    table = read(path)
    assert [r.values["ho_ten"] for r in table] == ["Lò Thị Ươm", "Trần Quốc Việt"]
    assert [r.values["don_vi"] for r in table] == [
        "Phòng Công chức, viên chức", "Phòng Xây dựng chính quyền"
    ]  # fmt: skip


@pytest.mark.parametrize("name_header", ["Tên người được khen", "Họ tên người đề nghị"])
def test_the_likely_name_header_is_the_one_with_ten_never_the_unit(
    tmp_path: Path, name_header: str
) -> None:
    """'Đơn vị' is close to the spelling 'Tên đơn vị', but it is the Đơn vị column: a clerk
    who renamed it as told printed the units as the people awarded."""
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["TT", name_header, "Chức vụ", "Đơn vị", "Hình thức", "Loại"])  # fmt: skip
    err = refusal(path)
    assert err.key == "sheet.missing_column_close"
    for lang in ("vi", "en"):
        message = err.message(lang)
        assert f"'{name_header}' → 'Họ và tên'" in message
        assert "'Đơn vị' →" not in message


def test_no_header_read_as_another_field_is_suggested(tmp_path: Path) -> None:
    """No header holds "tên": the suggestion may be none, but never a column read already."""
    path = make_xlsx(tmp_path / "ds.xlsx", UNNAMED)
    err = refusal(path)
    assert "'Đơn vị' →" not in err.message("vi") and "'Chức vụ' →" not in err.message("vi")


def test_a_column_declared_for_a_second_field_is_refused(tmp_path: Path) -> None:
    """cot: {ho_ten: "Đơn vị"} while Đơn vị is the unit column: refused, naming the column,
    both fields and the cot entry, instead of printing units as names."""
    path = make_xlsx(tmp_path / "ds.xlsx", UNNAMED)
    err = refusal(path, columns={"ho_ten": "Đơn vị"})
    assert err.key == "sheet.column_two_fields"
    assert (err.row, err.column) == (4, 4)
    vi, en = err.message("vi"), err.message("en")
    assert "cột D («Đơn vị»)" in vi and "'Họ và tên' lẫn 'Đơn vị'" in vi
    assert 'ho_ten: "Đơn vị"' in vi and str(path) in vi
    assert "column D («Đơn vị»)" in en and "'Họ và tên' and 'Đơn vị'" in en


def test_the_column_a_declared_header_names_is_read(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx", UNNAMED)
    table = read(path, columns={"ho_ten": "Người được khen"})
    assert table.rows[0].values["ho_ten"] == "Lò Thị Ươm"
    assert table.rows[0].values["don_vi"] == "Phòng Công chức, viên chức"


@pytest.mark.parametrize("surname", ["Họ", "Họ và tên đệm", "Họ đệm"])
def test_a_name_split_in_two_columns_is_refused(tmp_path: Path, surname: str) -> None:
    """"Tên" right of a surname column holds the given names only: read as the name, the
    decision would print "Ươm" for Lò Thị Ươm."""
    people = [[1, "Lò Thị", "Ươm", "Chuyên viên", "Phòng Công chức", "Giấy khen", "Cá nhân"]]
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["TT", surname, "Tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"],
                     people)  # fmt: skip
    err = refusal(path)
    assert err.key == "sheet.split_name"
    vi, en = err.message("vi"), err.message("en")
    assert f"B4 «{surname}»" in vi and "C4 «Tên»" in vi and "=B5&\" \"&C5" in vi
    assert f"B4 «{surname}»" in en and "given names" in en


def test_standard_spellings_name_one_field_each() -> None:
    """One header read as two fields is refused; the usual spellings must never be such."""
    owners: dict[str, str] = {}
    for field in STANDARD_FIELDS.values():
        for spelling in field.headers:
            key = normalize_header(spelling)
            assert owners.setdefault(key, field.name) == field.name, spelling


# -- F7: the unit column ----------------------------------------------------------------------


@pytest.mark.parametrize("unit_header", ["Cơ quan, đơn vị", "Đơn vị, bộ phận", "Cơ quan công tác"])
def test_a_unit_column_headed_co_quan_don_vi_is_read(tmp_path: Path, unit_header: str) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", unit_header, "Hình thức", "Loại"])  # fmt: skip
    table = read(path)
    assert table.has("don_vi")
    assert table.rows[1].values["don_vi"] == "Phòng Xây dựng chính quyền"


@pytest.mark.parametrize(
    "unit_header", ["Bộ phận", "Cơ quan", "Chức vụ, đơn vị công tác", "Phòng, ban"]
)
def test_an_unread_unit_column_with_values_is_refused(tmp_path: Path, unit_header: str) -> None:
    """No column is read as Đơn vị, and one whose header says unit holds values: refused at
    its first value, naming the column and the cot entry that reads it."""
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", unit_header, "Hình thức", "Loại"])  # fmt: skip
    err = refusal(path)
    assert err.key == "sheet.unread_column"
    assert (err.row, err.column) == (5, 4)
    vi, en = err.message("vi"), err.message("en")
    assert f"cột D («{unit_header}»)" in vi and "ô D5: «Phòng Công chức, viên chức»" in vi
    assert f'cot: {{don_vi: "{unit_header}"}}' in vi and "'Đơn vị'" in vi
    assert f"column D («{unit_header}»)" in en and f'cot: {{don_vi: "{unit_header}"}}' in en
    # The way out the message gives reads the units.
    table = read(path, columns={"don_vi": unit_header})
    assert table.rows[0].values["don_vi"] == "Phòng Công chức, viên chức"


def test_an_unread_unit_column_left_empty_is_no_loss(tmp_path: Path) -> None:
    people = [row[:3] + [None] + row[4:] for row in PEOPLE]
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", "Bộ phận", "Hình thức", "Loại"],
                     people)  # fmt: skip
    assert not read(path).has("don_vi")


def test_other_unread_columns_pass(tmp_path: Path) -> None:
    """Columns no field reads and whose header names none (STT, Ngày sinh, Đơn vị tính) are
    no part of the document: passed over as before."""
    people = [[*row, "05/01/1985", "đồng"] for row in PEOPLE]
    path = make_xlsx(
        tmp_path / "ds.xlsx",
        ["STT", "Họ và tên", "Chức vụ", "Nơi sinh", "Hình thức", "Loại", "Ngày sinh",
         "Đơn vị tính"],
        people,
    )  # fmt: skip
    assert len(read(path)) == 2


def test_an_unread_unit_column_beside_a_unit_column_is_not_asked_about(tmp_path: Path) -> None:
    people = [[*row, "Sở Nội vụ"] for row in PEOPLE]
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại", "Cơ quan"],
                     people)  # fmt: skip
    assert read(path).rows[0].values["don_vi"] == "Phòng Công chức, viên chức"


def test_a_unit_column_is_not_asked_for_by_lists_that_read_no_unit(tmp_path: Path) -> None:
    """A council's members (ho_ten, chuc_vu and a role) read no Đơn vị: its column is no loss."""
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", "Bộ phận", "Hình thức", "Loại"])  # fmt: skip
    table = read_table(path, required=("ho_ten", "danh_hieu"), optional=("chuc_vu",))
    assert len(table) == 2


def test_a_unit_word_in_a_signature_line_under_the_list_is_not_a_value(tmp_path: Path) -> None:
    """The Bộ phận column is empty on every row of the list; under the total row, a signature
    line stands in it: no unit is lost."""
    people = [row[:3] + [None] + row[4:] for row in PEOPLE]
    rows = [*people, [None, "Tổng cộng: 02"], [], [None, None, None, "THỦ TRƯỞNG ĐƠN VỊ"]]
    path = make_xlsx(tmp_path / "ds.xlsx",
                     ["STT", "Họ và tên", "Chức vụ", "Bộ phận", "Hình thức", "Loại"],
                     rows)  # fmt: skip
    assert len(read(path)) == 2


def test_unit_hints_are_whole_words() -> None:
    unit = STANDARD_FIELDS["don_vi"]
    assert hinted(unit, "Cơ quan, bộ phận") and hinted(unit, "ĐƠN VỊ (PHÒNG, BAN)")
    assert not hinted(unit, "Số tiền (đơn vị tính: đồng)") and not hinted(unit, "Quan hệ")


# -- F3: a header typed in TCVN3 or VNI ------------------------------------------------------


def legacy(text: str, encoding: str) -> str:
    """Text as Excel shows a cell typed in a .VnTime (TCVN3) or VNI-Times (VNI) font."""
    return encode_legacy(text, encoding).decode("latin-1").translate(_CP1252)


# Bytes 0x80-0x9F as Windows-1252 shows them (Latin-1 gives control characters there).
_CP1252 = {
    b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)
}


@pytest.mark.parametrize(
    ("encoding", "code", "font"), [("tcvn3", "TCVN3 (ABC)", ".VnTime"), ("vni", "VNI", "VNI-Times")]
)
def test_a_header_typed_in_a_legacy_code_is_said_to_be(
    tmp_path: Path, encoding: str, code: str, font: str
) -> None:
    header = ["TT", *(legacy(t, encoding) for t in
                      ("Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"))]  # fmt: skip
    rows = [[r[0], *(legacy(c, encoding) for c in r[1:])] for r in PEOPLE]
    err = refusal(make_xlsx(tmp_path / "ds.xlsx", header, rows))
    assert err.key == "sheet.legacy_header"
    vi, en = err.message("vi"), err.message("en")
    assert f"dòng tiêu đề (dòng 4) gõ bằng bảng mã {code} (phông {font})" in vi
    assert f"«{header[1]}» = «Họ và tên»" in vi and "Unicode" in vi
    assert "Có lẽ là" not in vi
    assert f"header row (row 4) is typed in the {code} code" in en


# -- F8: every merged range of the header -------------------------------------------------------


def test_every_merged_range_of_a_two_row_header_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH KHEN THƯỞNG"])
    ws.merge_cells("A1:F1")
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Khen thưởng", None])
    ws.append([None, None, None, None, "Hình thức", "Loại"])
    for cells in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"):
        ws.merge_cells(cells)
    ws.append([1, "Lò Thị Ươm", "Chuyên viên", "Phòng Công chức", "Giấy khen", "Cá nhân"])
    wb.save(tmp_path / "ds.xlsx")
    err = refusal(tmp_path / "ds.xlsx")
    assert err.key == "sheet.merged_header" and err.row == 2
    assert "(A2:A3, B2:B3, C2:C3, D2:D3, E2:F2)" in err.message("vi")
    assert "(A2:A3, B2:B3, C2:C3, D2:D3, E2:F2)" in err.message("en")


def test_every_merged_range_over_a_found_header_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"])
    ws.append([1, "Lò Thị Ươm", "Chuyên viên", "Phòng Công chức", "Giấy khen", "Cá nhân"])
    ws.append([2, "Trần Quốc Việt", "Chuyên viên", "Phòng Xây dựng", "Giấy khen", "Cá nhân"])
    ws.merge_cells("B1:B2")
    ws.merge_cells("D1:D2")
    wb.save(tmp_path / "ds.xlsx")
    err = refusal(tmp_path / "ds.xlsx")
    assert err.key == "sheet.merged_header" and "(B1:B2, D1:D2)" in err.message("vi")
