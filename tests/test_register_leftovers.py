"""Three leftovers of `vanthu so`: cap and vao-so refuse a row without its ký hiệu or trích yếu
(giu still keeps a number for a document not yet written); a void or reserved row is named in
the message language; `so kiem-tra` warns of document rows without a date or a ký hiệu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import Details, Entry, Origin, Status, open_register
from pipeline.register.checks import check_year


@pytest.fixture()
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `vanthu so ...` in an empty folder, on its own SQLite register."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    runner = CliRunner()

    def run(*args: str, lang: str | None = None) -> Result:
        prefix = ["--lang", lang] if lang else []
        return runner.invoke(main, [*prefix, "so", "--co-quan", "vp", *args],
                             catch_exceptions=False)

    return run


def rows(tmp_path: Path) -> list[Entry]:
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        return register.entries(2026)


# --- 1. cap and vao-so need --ky-hieu and --trich-yeu; giu does not ---------------------------

COMMANDS = [["cap"], ["vao-so", "1"]]
MISSING = [
    (["--trich-yeu", "Khen thưởng"], "thiếu --ky-hieu", "--ky-hieu is missing"),
    (["--ky-hieu", "QĐ-VPUBND"], "thiếu --trich-yeu", "--trich-yeu is missing"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("given, vi, en", MISSING)
def test_a_row_without_symbol_or_summary_is_refused(
    so, tmp_path: Path, command: list[str], given: list[str], vi: str, en: str
) -> None:
    result = so(*command, "--ngay", "03/02/2026", *given)
    assert result.exit_code == 1, result.output
    assert vi in result.output and "chưa ghi gì vào sổ" in result.output
    result = so(*command, "--ngay", "03/02/2026", *given, lang="en")
    assert result.exit_code == 1, result.output
    assert en in result.output and "nothing was written" in result.output
    assert "Missing option" not in result.output and "Traceback" not in result.output
    assert rows(tmp_path) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_row_with_symbol_and_summary_is_accepted(
    so, tmp_path: Path, command: list[str]
) -> None:
    result = so(*command, "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng")
    assert result.exit_code == 0, result.output
    [row] = rows(tmp_path)
    assert (row.reference, row.details.summary) == ("01/QĐ-VPUBND", "Khen thưởng")


def test_a_reserved_number_needs_no_symbol_nor_summary(so, tmp_path: Path) -> None:
    result = so("giu", "--nam", "2026")
    assert result.exit_code == 0, result.output
    [row] = rows(tmp_path)
    assert row.status is Status.RESERVED and row.details.symbol is None


# --- 2. a void or reserved row named in the message language -----------------------------------

def test_a_void_row_is_named_in_english(so) -> None:
    assert so("cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
              "--trich-yeu", "Khen thưởng").exit_code == 0
    result = so("huy", "01", "--nam", "2026", "--ly-do", "in hỏng", lang="en")
    assert result.exit_code == 0, result.output
    assert "01/QĐ-VPUBND 03/02/2026 “Khen thưởng” (void: in hỏng)" in result.output
    assert "hủy" not in result.output
    result = so("huy", "01", "--nam", "2026", "--ly-do", "in hỏng", lang="en")
    assert result.exit_code == 1
    assert "(void: in hỏng) is already void" in result.output and "hủy:" not in result.output
    result = so("huy", "01", "--nam", "2026", "--ly-do", "in hỏng")
    assert "(hủy: in hỏng)" in result.output


def test_describe_says_the_state_in_the_language_asked() -> None:
    void = Entry(1, "vp", 2026, "chung", 4, Status.VOID, Origin.REGISTER,
                 void_reason="viết nhầm")
    assert void.describe(lang="en") == "04 (void: viết nhầm)"
    assert void.describe(lang="vi") == "04 (hủy: viết nhầm)"
    bare = Entry(2, "vp", 2026, "chung", 5, Status.VOID, Origin.REGISTER)
    assert (bare.describe(lang="en"), bare.describe(lang="vi")) == ("05 (void)", "05 (hủy)")
    kept = Entry(3, "vp", 2026, "chung", 6, Status.RESERVED, Origin.REGISTER)
    assert (kept.describe(lang="en"), kept.describe(lang="vi")) == ("06 (reserved)",
                                                                    "06 (giữ số)")


# --- 3. so kiem-tra warns of document rows without a date or a ký hiệu -------------------------

def import_incomplete_rows(tmp_path: Path) -> None:
    """Rows as an import or an older vanthu left them: 01 whole, 02 without its date, 03
    without its ký hiệu, 04 reserved and 05 void (neither stands for a document)."""
    whole = Details(doc_date=date(2026, 2, 3), symbol="QĐ-VPUBND", summary="Khen thưởng")
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        register.record_many("vp", [
            (2026, 1, "chung", whole, Status.ISSUED, None, None),
            (2026, 2, "chung", Details(symbol="KH-VPUBND", summary="Kế hoạch"), Status.ISSUED,
             None, None),
            (2026, 3, "chung", Details(doc_date=date(2026, 2, 5), summary="Công văn"),
             Status.ISSUED, None, None),
            (2026, 4, "chung", Details(), Status.RESERVED, None, None),
            (2026, 5, "chung", Details(), Status.VOID, "viết nhầm", None),
        ])


def test_check_reports_rows_without_date_or_symbol(tmp_path: Path) -> None:
    import_incomplete_rows(tmp_path)
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        report = check_year(register, 2026)
    assert [e.number for e in report.undated] == [2]
    assert [e.number for e in report.without_symbol] == [3]
    assert report.ok  # warnings: the numbering itself is sound


def test_check_command_warns_naming_number_and_year(so, tmp_path: Path) -> None:
    import_incomplete_rows(tmp_path)
    result = so("kiem-tra", "2026")
    assert result.exit_code == 0, result.output
    assert ("Cảnh báo: số 02/KH-VPUBND năm 2026 (cơ quan vp, dãy số 'chung') không có ngày văn "
            "bản") in result.output
    assert ("Cảnh báo: số 03 năm 2026 (cơ quan vp, dãy số 'chung') không có ký hiệu"
            in result.output)
    assert "số 01" not in result.output and "số 04" not in result.output
    assert "số 05" not in result.output
    result = so("kiem-tra", "2026", lang="en")
    assert result.exit_code == 0, result.output
    assert ("Warning: number 02/KH-VPUBND of 2026 (office vp, sequence 'chung') has no "
            "document date") in result.output
    assert ("Warning: number 03 of 2026 (office vp, sequence 'chung') has no ký hiệu"
            in result.output)
