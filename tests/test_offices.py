"""Four kinds of office, each writing its documents its own way by data alone.

Each example under inputs/ is rendered, read back as a reader's software reads it, and compared
paragraph by paragraph (tables cell by cell) with the expected text in tests/fixtures/offices/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.verify import verify_file
from tests.docx_text import paragraph_texts

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "fixtures" / "offices"

OFFICES = {
    # UBND tỉnh: TM./KT. signature in three lines, two-line agency name, "Xét đề nghị",
    # tập thể before cá nhân, its own Điều 1 and Điều 2, "(danh sách kèm theo)".
    "qd-bang-khen-ubnd-tinh": REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml",
    # Thủ tướng: 345/QĐ-TTg, no chủ quản, no money, a date before any money table, no
    # "Như Điều 3", numbering through the list.
    "qd-bang-khen-thu-tuong": REPO / "inputs" / "2016" / "qd-bang-khen-thu-tuong.yaml",
    # A district emulation council's plan: chủ quản, a long name kept on one line by the header's
    # widths, a three-line signature.
    "ke-hoach-hoi-dong-tdkt-huyen": REPO / "inputs" / "2024" / "ke-hoach-hoi-dong-tdkt-huyen.yaml",
    # The council's own decision: its lead-in and member lines, a document-level phrase.
    "qd-to-giup-viec-hoi-dong": REPO / "inputs" / "2024" / "qd-to-giup-viec-hoi-dong.yaml",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, renderer) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("offices")
    return {name: renderer.render_file(src, out / f"{name}.docx") for name, src in OFFICES.items()}


@pytest.mark.parametrize("name", list(OFFICES))
def test_text_is_the_office_s_paragraph_by_paragraph(rendered: dict[str, Path], name: str) -> None:
    expected = (EXPECTED / f"{name}.txt").read_text("utf-8").splitlines()
    actual = paragraph_texts(rendered[name])
    for number, (want, got) in enumerate(zip(expected, actual, strict=False), start=1):
        assert got == want, f"paragraph {number}"
    assert len(actual) == len(expected)


@pytest.mark.parametrize("name", list(OFFICES))
def test_passes_verify(rendered: dict[str, Path], name: str) -> None:
    report = verify_file(rendered[name])
    assert not report.violations, "\n".join(v.line("vi") for v in report.violations)


def test_office_award_name_is_printed_and_priced_as_the_decree_s(
    rendered: dict[str, Path],
) -> None:
    text = paragraph_texts(rendered["qd-bang-khen-ubnd-tinh"])
    assert "Bằng khen của bộ, ban, ngành, tỉnh" not in "\n".join(text)
    # Nghị định 98/2023, Bằng khen of a province: 1,0 × 2.340.000; a collective twice that.
    assert "cho mỗi tập thể được tặng Bằng khen là 4.680.000 đồng" in "\n".join(text)


def test_list_without_money_has_no_money_column_or_total(rendered: dict[str, Path]) -> None:
    text = paragraph_texts(rendered["qd-bang-khen-thu-tuong"])
    assert "Số tiền (đồng)" not in text
    assert "Tổng cộng" not in text
    assert not any("tiền thưởng" in line.lower() for line in text)
