"""An award the list names by one of its other names (tên khác in khen-thuong.yaml) is printed as
the list names it: "Bằng khen của Chủ tịch UBND tỉnh", not the decree's category "Bằng khen của
bộ, ban, ngành, tỉnh"; "Đơn vị quyết thắng" in an army unit's decision, not "Tập thể lao động
xuất sắc". Priced as the decree's award all the same. A spelling of the award's own name
("Chiến sỹ ...", "văn hoá") prints the decree's spelling, as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from pipeline.awards import read_award_list
from pipeline.rules.award_names import other_name
from pipeline.rules.money import find_award

DAY = date(2024, 12, 20)  # Nghị định 98/2023, lương cơ sở 2.340.000
COLUMNS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"]


def award_list(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for number, (name, title, kind) in enumerate(rows, start=1):
        sheet.append([number, name, "Chuyên viên" if kind == "Cá nhân" else None,
                      "Văn phòng", title, kind])  # fmt: skip
    path = folder / "ds.xlsx"
    book.save(path)
    return path


def test_an_award_named_by_its_other_name_prints_so_and_is_priced_as_the_decrees(
    tmp_path: Path,
) -> None:
    path = award_list(tmp_path, [
        ("Lò Văn An", "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân"),
        ("Bản Hưng Mai", "Bản văn hóa", "Tập thể"),
        ("Đại đội 1", "Đơn vị quyết thắng", "Tập thể"),
        ("Lò Thị Bình", "Chiến sỹ thi đua cơ sở", "Cá nhân"),
        ("Tổ Văn thư", "Tập thể lao động xuất sắc", "Tập thể"),
    ])  # fmt: skip
    entries = {e.name: e for e in read_award_list(path, DAY).entries}
    printed = {name: entry.award for name, entry in entries.items()}
    assert printed == {
        "Lò Văn An": "Bằng khen của Chủ tịch UBND tỉnh",
        "Bản Hưng Mai": "Bản văn hóa",
        "Đại đội 1": "Đơn vị quyết thắng",
        "Lò Thị Bình": "Chiến sĩ thi đua cơ sở",  # the award's own name, spelt as the decree's
        "Tổ Văn thư": "Tập thể lao động xuất sắc",
    }
    amounts = {name: entry.reward.amount for name, entry in entries.items() if entry.reward}
    assert amounts["Lò Văn An"] == 2_340_000  # Bằng khen của bộ, ban, ngành, tỉnh: 1,0
    assert amounts["Đại đội 1"] == amounts["Tổ Văn thư"] == 3_510_000  # Tập thể LĐXS: 1,5
    assert amounts["Bản Hưng Mai"] == 3_510_000


def test_other_name_is_none_for_the_awards_own_name_in_any_spelling() -> None:
    award = find_award("Thôn, tổ dân phố văn hóa", DAY)
    assert other_name("Thôn, tổ dân phố văn hoá", award) is None
    assert other_name("bản văn hóa", award) == "Bản văn hóa"  # the data's spelling
