"""Numbers a clerk pasted in front of an Điều, khoản or điểm are dropped: vanthu numbers them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.context.typed_numbers import article_text, item_text, point_text, section_title
from tests.docx_text import paragraph_texts

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Điều 3. Quyết định này có hiệu lực", "Quyết định này có hiệu lực"),
        ("điều 12: Hiệu lực", "Hiệu lực"),
        ("Điều chỉnh kế hoạch năm 2024", "Điều chỉnh kế hoạch năm 2024"),
        ("Điều 3.", "Điều 3."),  # a number alone is the clerk's text
    ],
)
def test_article_text(typed: str, kept: str) -> None:
    assert article_text(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1. Thời gian tổ chức", "Thời gian tổ chức"),
        ("2) Thành phần", "Thành phần"),
        ("1.500 người tham dự", "1.500 người tham dự"),
        ("2025 là năm cuối", "2025 là năm cuối"),
    ],
)
def test_item_text(typed: str, kept: str) -> None:
    assert item_text(typed) == kept


def test_point_and_section() -> None:
    assert point_text("a) Lãnh đạo Văn phòng;") == "Lãnh đạo Văn phòng;"
    assert point_text("đ) Các đơn vị") == "Các đơn vị"
    assert point_text("Lãnh đạo (a) Văn phòng") == "Lãnh đạo (a) Văn phòng"
    assert section_title("II. NHIỆM VỤ") == "NHIỆM VỤ"
    assert section_title("Ý NGHĨA") == "Ý NGHĨA"


def test_a_decision_pasted_with_its_numbers_prints_each_once(tmp_path: Path, renderer) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", inputs)
    path = inputs / "2024" / "qd-dieu-dong-cong-chuc.yaml"
    text = path.read_text("utf-8")
    for start, typed in [
        ("      Điều động bà", "Điều 1. "),
        ("          Bà Lò Thị Hương có trách", "1. "),
        ("              - Bố trí chỗ làm việc", "a) "),
        ("      Bà Lò Thị Hương được giữ nguyên", "Điều 3. "),
    ]:
        assert start in text
        at = len(start) - len(start.lstrip(" -"))
        text = text.replace(start, start[:at] + typed + start[at:])
    path.write_text(text, "utf-8")
    lines = paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx"))
    assert "Điều 1. Điều động bà Lò Thị Hương, chuyên viên Phòng Tổng hợp, đến nhận công tác " \
        "tại Phòng Văn hóa - Xã hội, kể từ ngày 15 tháng 3 năm 2024." in lines
    assert any(line.startswith("1. Bà Lò Thị Hương có trách nhiệm") for line in lines)
    assert "a) Bố trí chỗ làm việc, phân công nhiệm vụ cho bà Lò Thị Hương;" in lines
    assert any(line.startswith("Điều 3. Bà Lò Thị Hương được giữ nguyên") for line in lines)
    assert not any("Điều 1. Điều 1." in line or "1. 1." in line or "a) a)" in line
                   for line in lines)  # fmt: skip
