"""Bounds on the money an office states (s50f): refused at its line, never an internal error.

An office profile's own award (khen_thuong_rieng) of 2.000.000.000.000.000.000.000.000 đồng, a
hệ số of 10**23, or a mức lương cơ sở of 29 nines stopped render with an internal error
(decimal.InvalidOperation: babel cannot print a sum past 10**25), and ca_nhan: 23 nines with a
message naming no file, line nor field (the sum in words). A list's Số tiền of 29 digits did the
same. Each is now refused where it is typed, with the bound (rules.money.MAX_*), which real
figures stay far below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.rules.money import (
    MAX_AMOUNT,
    MAX_BASE_SALARY,
    MAX_COEFFICIENT,
    base_salaries,
    format_money,
    regimes,
)
from pipeline.rules.words import money_in_words
from tests.cli_lines import said

REPO = Path(__file__).resolve().parents[1]
PROFILE = "inputs/co-quan/van-phong-ubnd-son-la.yaml"
DECISION = "inputs/2022/qd-giay-khen.yaml"
LIST = "inputs/2022/danh-sach-giay-khen-2022.csv"
AWARD = "Giấy khen của Chánh Văn phòng"


@pytest.fixture
def workspace(example_here: Path) -> Path:
    """A copy of the example workspace, as the current folder (conftest.example_here)."""
    return example_here


def _profile_with(folder: Path, block: str) -> int:
    """The profile with `block` before its nhom_noi_nhan; the line `block` starts at."""
    path = folder / PROFILE
    text = path.read_text("utf-8")
    at = text.index("nhom_noi_nhan:")
    path.write_text(text[:at] + block + text[at:], "utf-8")
    return text[:at].count("\n") + 1


def _render(*options: str) -> Result:
    return CliRunner().invoke(main, [*options, "render", DECISION, "-o", "out.docx"])


def _own_award(rate: str) -> str:
    return (f"khen_thuong_rieng:\n  {AWARD}:\n    ca_nhan: {rate}\n    tap_the: 1\n"
            "    nguon: Quy chế thi đua, khen thưởng của Văn phòng\n")  # fmt: skip


@pytest.mark.parametrize(
    ("rate", "field", "words"),
    [
        ('"2.000.000.000.000.000.000.000.000"', "ca_nhan.so_tien",
         "“2.000.000.000.000.000.000.000.000” đồng vượt quá mức vanthu nhận (10.000.000.000 "
         "đồng)"),
        ("99999999999999999999999", "ca_nhan.so_tien",
         "“99999999999999999999999” đồng vượt quá mức vanthu nhận"),
        ("10000000001", "ca_nhan.so_tien", "“10000000001” đồng vượt quá mức vanthu nhận"),
        ("{he_so: 100000000000000000000000}", "ca_nhan.he_so",
         "hệ số “100000000000000000000000” vượt quá mức vanthu nhận (tối đa 50)"),
        ('{he_so: "1e308"}', "ca_nhan.he_so", "hệ số “1e308” vượt quá mức vanthu nhận"),
        ("{he_so: 50.5}", "ca_nhan.he_so", "hệ số “50.5” vượt quá mức vanthu nhận"),
    ],
)  # fmt: skip
def test_an_own_award_past_the_bound_is_refused_at_its_line(
    workspace: Path, rate: str, field: str, words: str
) -> None:
    start = _profile_with(workspace, _own_award(rate))
    result = _render()
    assert result.exit_code == 1
    text = said(result)
    assert f"{PROFILE}, dòng {start + 2}, trường 'khen_thuong_rieng.{AWARD}.{field}'" in text
    assert words in text, text
    assert not (workspace / "out.docx").exists()
    english = said(_render("--lang", "en"))
    assert "more than vanthu takes" in english, english


def test_a_base_salary_past_the_bound_is_refused_at_its_line(workspace: Path) -> None:
    start = _profile_with(workspace, "luong_co_so: [{tu_ngay: 2022-01-01, muc_luong: "
                                     "99999999999999999999999999999, nguon: Nghị định số "
                                     "1/2022/NĐ-CP}]\n")  # fmt: skip
    result = _render()
    assert result.exit_code == 1
    text = said(result)
    assert f"dòng {start}, trường 'luong_co_so[1].muc_luong'" in text, text
    assert "vượt quá mức vanthu nhận (100.000.000 đồng)" in text, text


def test_figures_at_the_bounds_are_taken(workspace: Path) -> None:
    block = _own_award("{he_so: 50}").replace("tap_the: 1", f"tap_the: {MAX_AMOUNT}")
    _profile_with(workspace, block)
    result = _render()
    said(result)
    assert result.exit_code == 0, result.output


def test_a_list_amount_past_the_bound_is_refused_at_its_cell(workspace: Path) -> None:
    path = workspace / LIST
    lines = path.read_text("utf-8-sig").splitlines()
    lines = [lines[0] + ",Số tiền", lines[1] + "," + "9" * 29, *(x + "," for x in lines[2:])]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = _render()
    assert result.exit_code == 1
    text = said(result)
    assert f"{LIST}, dòng 2, trường 'Số tiền': ô G2 ghi '{'9' * 29}', vượt quá mức" in text, text
    assert "(10.000.000.000 đồng)" in text


def test_the_bounds_leave_room_and_keep_sums_printable() -> None:
    """Far above the decree's figures, and every product (and a list's total of its most
    rows) stays printable and readable in words."""
    from pipeline.load.spreadsheet.limits import MAX_ROWS

    highest = max(award.coefficient for regime in regimes() for award in regime.awards)
    assert highest * 4 <= MAX_COEFFICIENT
    assert max(row.amount for row in base_salaries()) * 20 <= MAX_BASE_SALARY
    assert highest * 2 * max(row.amount for row in base_salaries()) * 100 <= MAX_AMOUNT
    largest = max(int(MAX_COEFFICIENT) * MAX_BASE_SALARY, MAX_AMOUNT) * MAX_ROWS
    assert format_money(largest) == f"{largest:,}".replace(",", ".")
    assert money_in_words(largest)
