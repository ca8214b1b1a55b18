"""Collectives a school or a commune office commends, named without the unit words of an agency
("Bếp ăn bán trú", "Lớp 5A", "Câu lạc bộ Cờ vua"), read as collectives' names; persons' names
(a surname first, every word capitalised) never do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.awards import read_award_list
from pipeline.errors import InputError
from pipeline.text.person_names import SURNAMES, UNIT_WORDS, reads_as_collective

DAY = date(2026, 1, 8)
NO_KIND = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức"]


@pytest.mark.parametrize(
    "name",
    [
        "Bếp ăn bán trú",
        "BẾP ĂN BÁN TRÚ",
        "Nhà bếp Trường Mầm non Hoa Ban",
        "Tổ bếp",
        "Nhà ăn tập thể",
        "Thư viện trường",
        "Câu lạc bộ Cờ vua",
        "CLB Văn nghệ",
        "Đội văn nghệ",
        "Nhóm trẻ Hoa Mai",
        "Lớp 5A",
        "Khối 5",
        "Chi bộ Trường Tiểu học Chiềng Sinh",
        "Chi đoàn giáo viên",
        "Chi hội Phụ nữ bản Mé",
        "Liên đội Trường THCS Chiềng Sinh",
        "Chi đội 9A",
        "Ban giám hiệu",
        "Hội đồng trường",
        "Trạm y tế xã",
        "Trung tâm Học tập cộng đồng",
        "Bộ phận Một cửa",
        "Điểm trường bản Mé",
        "Công an xã Chiềng Sinh",
        "UBND xã Chiềng Sinh",
        "Đảng uỷ xã Chiềng Sinh",
        "Thôn Đông",
        "Bản Mé",
        "Xóm 3",
        "Tiểu khu 2",
        "Khu phố 4",
        "Ký túc xá Trường Dân tộc nội trú",
    ],
)
def test_school_and_commune_collectives(name: str) -> None:
    assert reads_as_collective(name)


@pytest.mark.parametrize(
    "name",
    [
        "Đoàn Văn Bếp",
        "Lò Văn Khối",
        "Hà Thị Nhóm",
        "Văn Thị Ban",
        "Công An Bình",  # Công is a surname: every word capitalised, a person
        "Nguyễn Thị Lớp",
        "Bếp",  # a unit word alone names nothing
        "Lớp",
    ],
)
def test_persons_are_still_persons(name: str) -> None:
    assert not reads_as_collective(name)


def test_no_single_unit_word_is_a_surname() -> None:
    """A one-word unit word that is also a surname would take every person of that name for a
    collective: such words are read through SURNAMES (a lower-case word must follow)."""
    single = {w for w in UNIT_WORDS if " " not in w}
    assert single & SURNAMES == {"đoàn"}  # Đoàn Văn Hậu; "Đoàn thanh niên" has lower case


def test_boarding_kitchen_without_kind_is_refused(tmp_path: Path) -> None:
    """The school's case: "Bếp ăn bán trú" with no Loại was paid as one cá nhân."""
    book = Workbook()
    ws = book.active
    ws.title = "DS"
    ws.append(NO_KIND)
    ws.append([1, "Lò Thị Hoa", "Giáo viên", "Trường Tiểu học Chiềng Sinh", "Giấy khen"])
    ws.append([2, "Bếp ăn bán trú", None, "Trường Tiểu học Chiềng Sinh", "Giấy khen"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row) == ("sheet.kind_column_missing", 3)
    assert "Bếp ăn bán trú" in error.message("vi")
