"""From 01/07/2025 local government has two levels: a document of a huyện's Ủy ban or Hội đồng
nhân dân (or of an office under one) dated from that day is warned about; its documents from
before stay as they are (the tester's `vanthu init --kieu ubnd-huyen` starter, dated 2026)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.agency_names import abolished_level

PLAN = Path("2024") / "ke-hoach-hoi-dong-tdkt-huyen.yaml"  # co_quan_chu_quan: UBND HUYỆN MAI SƠN


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "huyện"),
        ("UBND HUYỆN MAI SƠN", "huyện"),
        ("UỶ BAN NHÂN DÂN HUYỆN MAI SƠN", "huyện"),  # the old tone placement
        ("Uỷ ban nhân dân huyện Mai Sơn", "huyện"),
        ("Ủy ban nhân dân quận Ba Đình", "quận"),
        ("HỘI ĐỒNG NHÂN DÂN THỊ XÃ SA PA", "thị xã"),
        ("ỦY BAN NHÂN DÂN\nTHỊ TRẤN HÁT LÓT", "thị trấn"),
        ("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", None),
        ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", None),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", None),  # a city of the country's or a tỉnh's
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN MAI SƠN", None),  # the office itself: its chủ quản says
    ],
)
def test_abolished_level(name: str, level: str | None) -> None:
    assert abolished_level(name) == level


def check(path: Path, lang: str = "vi") -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["--lang", lang, "check", str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, [x for x in result.output.splitlines() if "01/07/2025" in x]


def test_a_district_s_document_dated_after_the_reform_is_warned(inputs_copy: Path) -> None:
    plan = inputs_copy / PLAN
    text = plan.read_text("utf-8")
    assert check(plan) == (0, [])  # dated 2024: as it was
    dated = re.sub(r"(?m)^ngay: .*$", "ngay: 05/01/2026", text)
    line = dated.splitlines().index("ngay: 05/01/2026") + 1
    moved = inputs_copy / "2026" / "ke-hoach.yaml"
    moved.parent.mkdir()
    moved.write_text(dated.replace("năm 2024", "năm 2026"), "utf-8")
    code, said = check(moved)
    assert code == 0
    assert said == [
        f"Cảnh báo: {moved}: dòng {line}, trường 'ngay': 'UBND HUYỆN MAI SƠN' là cơ quan cấp "
        "huyện, cấp này không còn từ 01/07/2025 (chính quyền địa phương hai cấp), nhưng văn bản "
        "ghi ngày 05/01/2026: sửa ngày, hoặc dùng hồ sơ của cơ quan hiện nay (kiểu cơ quan "
        "ubnd-xa, hoặc phong của UBND xã)"
    ]
    code, said = check(moved, "en")
    assert len(said) == 1 and "is a huyện-level body, a level that no longer exists" in said[0]


def test_the_day_before_the_reform_is_not_warned(inputs_copy: Path) -> None:
    plan = inputs_copy / PLAN
    text = re.sub(r"(?m)^ngay: .*$", "ngay: 30/06/2025", plan.read_text("utf-8"))
    moved = inputs_copy / "2025" / "ke-hoach.yaml"
    moved.parent.mkdir()
    moved.write_text(text.replace("năm 2024", "năm 2025"), "utf-8")
    assert check(moved) == (0, [])


@pytest.mark.parametrize(
    ("authority", "kind"),
    [
        ("Uỷ ban nhân dân tỉnh Sơn La", ("body", "ỦY BAN NHÂN DÂN")),  # the old tone placement
        ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", ("body", "ỦY BAN NHÂN DÂN")),
        ("Chủ tịch Uỷ ban nhân dân tỉnh", ("head", "CHỦ TỊCH")),
        ("Ban Thi đua", None),
    ],
)
def test_a_tham_quyen_spelt_either_way_is_one_authority(
    authority: str, kind: tuple[str, str] | None
) -> None:
    from pipeline.rules.agency_names import authority_kind

    assert authority_kind(authority) == kind
