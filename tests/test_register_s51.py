"""s51: runs named by a slip, an import over numbers held, `so cap --nguon` asked again, and
`so xuat` (its bytes, a file already there).

1. `so cap --day khac` / `--day CHUNG` / `--day "chung "` each started a run at 01: 01/QĐ-VPUBND
   given four times in one office and year, exit 0 (`so kiem-tra` found it after). Run names
   compare without case and surrounding spaces; a --day that is neither a run the register
   holds numbers in for the office's year (one no plan names) nor the run the plan gives the
   type is refused, naming the option and the runs, nothing written; a run of its own for a
   type is recorded with `so day-so`.
2. `so nhap` of a row whose Dãy số says "Chung" (or `--day CHUNG`) imported a number the
   register held in "chung", warning only after. Now the row's run is "chung" and the row is
   refused at its row, nothing imported; a số, ký hiệu the register holds in another run of the
   year is refused too.
3. `so cap --nguon x.yaml` asked again for another type or date printed the old number, exit 0.
   Now refused naming what differs; asked again for the same document, the number is given
   again and its row takes the columns typed.
4. `so xuat` gave other bytes at every run (zip entries and the package's dates: the time of
   saving). Now the same register gives the same bytes, dated as its last change.
5. `so xuat -o FILE` wrote over any file. Now refused without --force, as render.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import Result
from openpyxl import Workbook, load_workbook

from pipeline.register import Details, open_register
from pipeline.register.errors import RegisterError, RegisterImportError
from pipeline.register.sequences import SequencePlan
from pipeline.register.xlsx_import import import_register
from tests.cli_lines import said
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_register_r12a_numbering import TITLES
from tests.test_register_s49 import OFFICE, _no_env, so  # noqa: F401  (_no_env: autouse)


def cap(*args: str, day: str = "05/01/2026", symbol: str = "QĐ-VPUBND",
        about: str = "Quyết định") -> Result:
    return so("cap", "--ngay", day, "--ky-hieu", symbol, "--trich-yeu", about, *args)


def held(year: int = 2026) -> list[tuple[str, str]]:
    """(run, số ký hiệu) of the year's rows of the test's register, in register order."""
    with open_register("so-van-ban.sqlite3") as register:
        return [(e.sequence, e.reference) for e in register.entries(year)]


def sheet(path: Path, rows: list[tuple[str, date, str, str | None]]) -> Path:
    """An Excel sổ of 2026: the form's titles and Dãy số, then (số ký hiệu, date, trích yếu,
    Dãy số) rows."""
    book = Workbook()
    page = book.active
    assert page is not None
    page.title = "Sổ đi 2026"
    page.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"])
    page.append([*TITLES, "Dãy số"])
    for reference, when, summary, run in rows:
        page.append([reference, datetime(when.year, when.month, when.day), summary, "Lò Văn A",
                     "Các ban ngành", "Lưu VT", 2, None, None, None, run])
    book.save(path)
    return path


# --- 1. a --day naming no run -------------------------------------------------------------------


def test_a_day_naming_no_run_is_refused_and_its_spellings_are_one_run() -> None:
    assert cap(about="a").exit_code == 0
    slip = cap("--day", "khac", about="b")
    assert slip.exit_code == 1
    text = said(slip)
    assert "--day 'khac'" in text and "(dãy số dùng được: 'chung')" in text, text
    assert "chưa ghi gì vào sổ" in text and "vanthu so day-so QĐ=khac" in text
    assert held() == [("chung", "01/QĐ-VPUBND")]  # nothing written
    assert "02/QĐ-VPUBND" in said(cap("--day", "CHUNG", about="c"))
    assert "03/QĐ-VPUBND" in said(cap("--day", "chung ", about="d"))
    entered = so("vao-so", "04", "--ngay", "05/01/2026", "--ky-hieu", "QĐ-VPUBND",
                 "--trich-yeu", "e", "--day", " chung")
    assert entered.exit_code == 0, entered.output
    kept = so("giu", "--day", "chung.")
    assert kept.exit_code == 1 and "--day 'chung.'" in said(kept)
    blank = so("giu", "--day", "  ")
    assert blank.exit_code == 1 and "--day để trống" in said(blank)
    assert held() == [("chung", f"0{n}/QĐ-VPUBND") for n in range(1, 5)]
    assert so("kiem-tra", "2026").exit_code == 0
    # Shown and voided by any spelling of the run.
    assert "04/QĐ-VPUBND" in said(so("xem", "2026", "--day", "CHUNG"))
    voided = so("huy", "04", "--nam", "2026", "--day", "Chung", "--ly-do", "in hỏng")
    assert voided.exit_code == 0, voided.output
    english = so("cap", "--ngay", "05/01/2026", "--ky-hieu", "QĐ-VPUBND", "--trich-yeu", "f",
                 "--day", "other", lang="en")
    assert english.exit_code == 1
    assert "the 2026 register of office vp has no such sequence for documents of type QĐ" in (
        said(english))


def test_a_day_keeps_to_the_plan_kept_for_the_type() -> None:
    planned = so("day-so", "QĐ=quyet-dinh", "--tu-nam", "2026")
    assert planned.exit_code == 0, planned.output
    shared = cap("--day", "chung")
    assert shared.exit_code == 1
    assert "(dãy số dùng được: 'quyet-dinh')" in said(shared), said(shared)
    assert "01/QĐ-VPUBND" in said(cap("--day", "Quyet-Dinh"))
    letter = cap("--day", "quyet-dinh", symbol="KH-VPUBND", about="Kế hoạch")
    assert letter.exit_code == 1 and "(dãy số dùng được: 'chung')" in said(letter)
    # A number kept aside, of no type yet: any run of the plan.
    assert "02" in said(so("giu", "--day", "QUYET-DINH"))
    assert "01" in said(so("giu", "--day", "chung"))
    assert held() == [("chung", "01"), ("quyet-dinh", "01/QĐ-VPUBND"), ("quyet-dinh", "02")]


def test_a_run_of_the_clerks_own_is_taken_and_a_new_one_is_recorded_with_day_so(
    tmp_path: Path,
) -> None:
    book = sheet(tmp_path / "nq.xlsx", [("01/NQ-HĐND", date(2026, 1, 5), "Nghị quyết", None)])
    assert so("nhap", "--day", "qppl", str(book)).exit_code == 0
    entered = so("vao-so", "02", "--ngay", "06/01/2026", "--ky-hieu", "NQ-HĐND",
                 "--trich-yeu", "Nghị quyết 2", "--day", "QPPL")
    assert entered.exit_code == 0, entered.output
    # A ký hiệu numbered in another run that year is refused in the clerk's own, as it is in
    # the plan's (both would give its numbers).
    assert cap().exit_code == 0
    mixed = cap("--day", "qppl", about="again")
    assert mixed.exit_code == 1 and "dãy số riêng 'chung'" in said(mixed), said(mixed)
    shared = cap("--day", "chung", symbol="NQ-HĐND", about="again")
    assert shared.exit_code == 1 and "dãy số riêng 'qppl'" in said(shared), said(shared)
    # A new run is recorded, then numbered in without --day, or with it.
    assert so("day-so", "NQ=nghi-quyet", "--tu-nam", "2027").exit_code == 0
    first = cap(day="05/01/2027", symbol="NQ-HĐND")
    assert "01/NQ-HĐND" in said(first)
    assert "02/NQ-HĐND" in said(cap("--day", "Nghi-Quyet ", day="06/01/2027", symbol="NQ-HĐND"))
    assert held(2027) == [("nghi-quyet", "01/NQ-HĐND"), ("nghi-quyet", "02/NQ-HĐND")]
    assert held() == [("chung", "01/QĐ-VPUBND"), ("qppl", "01/NQ-HĐND"),
                      ("qppl", "02/NQ-HĐND")]


def test_plans_compare_run_names_without_case_or_spaces(location: str) -> None:  # noqa: F811
    assert SequencePlan.from_mapping({"QĐ": "Quyet-Dinh "}).same_as(
        SequencePlan.from_mapping({"QĐ": "quyet-dinh"}))
    assert SequencePlan.from_mapping({"QĐ": "CHUNG"}).pairs == ()
    with open_register(location) as register:
        register.record(OFFICE, 1, Details(doc_date=date(2026, 1, 5), symbol="QĐ-VP"),
                        sequence="quyet-dinh", open_run=True)
        kept, _ = register.set_plan(OFFICE, SequencePlan.from_mapping({"QĐ": "Quyet-Dinh"}))
        assert kept.plan.pairs == (("QĐ", "quyet-dinh"),)
        entry = register.allocate(OFFICE, Details(doc_date=date(2026, 1, 6), symbol="QĐ-VP"))
        assert (entry.sequence, entry.number) == ("quyet-dinh", 2)
        with pytest.raises(RegisterError) as refused:
            register.allocate(OFFICE, Details(doc_date=date(2026, 1, 6), symbol="QĐ-VP"),
                              sequence="khac")  # a run the plan has not: refused by default
        assert refused.value.key == "register.run_unknown"


# --- 2. an import over a number held ------------------------------------------------------------


def test_an_import_over_a_number_held_in_its_run_spelt_otherwise_is_refused_at_its_row(
    tmp_path: Path,
) -> None:
    assert cap(symbol="KH-VP", about="a").exit_code == 0
    cell = sheet(tmp_path / "o.xlsx", [("01/KH-VP", date(2026, 1, 5), "Kế hoạch x", "Chung")])
    refused = so("nhap", str(cell))
    assert refused.exit_code == 1
    text = said(refused)
    assert "dòng 3" in text and "(dãy số 'chung')" in text and "chưa nhập dòng nào" in text, text
    plain = sheet(tmp_path / "p.xlsx", [("01/KH-VP", date(2026, 1, 5), "Kế hoạch x", None)])
    forced = so("nhap", "--day", "CHUNG", str(plain))
    assert forced.exit_code == 1 and "dòng 3" in said(forced)
    assert held() == [("chung", "01/KH-VP")]
    assert so("kiem-tra", "2026").exit_code == 0


def test_an_import_over_a_number_the_register_holds_in_another_run_is_refused(
    location: str, tmp_path: Path,  # noqa: F811
) -> None:
    first = sheet(tmp_path / "a.xlsx", [("01/NQ-HĐND", date(2026, 1, 5), "Nghị quyết", "qppl"),
                                        ("02/NQ-HĐND", date(2026, 1, 6), "Nghị quyết 2", "QPPL")])
    again = sheet(tmp_path / "b.xlsx", [("05/UBND-VP", date(2026, 1, 4), "Công văn", None),
                                        ("01/NQ-HĐND", date(2026, 1, 5), "Nghị quyết", "chung")])
    with open_register(location) as register:
        import_register(register, OFFICE, first)
        assert [(e.sequence, e.number) for e in register.entries(2026)] == [
            ("qppl", 1), ("qppl", 2)]  # one run, however the file spells it
        with pytest.raises(RegisterImportError) as refused:
            import_register(register, OFFICE, again)
        [error] = refused.value.errors
        assert error.key == "register.duplicate_other_run" and error.row == 4
        assert "dãy số 'qppl'" in error.message()
        assert len(register.entries(2026)) == 2  # nothing imported


# --- 3. so cap --nguon asked again --------------------------------------------------------------


def test_cap_for_a_source_asked_again_for_another_document_is_refused() -> None:
    assert cap("--nguon", "x.yaml", symbol="QĐ-VP", about="a").exit_code == 0
    other = cap("--nguon", "x.yaml", "-q", day="06/01/2026", symbol="KH-VP", about="b")
    assert other.exit_code == 1
    text = said(other)
    assert "ngày 05/01/2026 → 06/01/2026" in text and "loại QĐ → KH" in text, text
    assert "vanthu so huy 01 --nam 2026" in text
    signer = cap("--nguon", "x.yaml", "--nguoi-ky", "Trần Văn B", symbol="QĐ-VP", about="a")
    assert signer.exit_code == 0, signer.output  # the row named no signer: anyone's
    changed = cap("--nguon", "x.yaml", "--nguoi-ky", "Lê Thị C", symbol="QĐ-VP", about="a")
    assert changed.exit_code == 1 and "người ký Trần Văn B → Lê Thị C" in said(changed)
    # The same document, its trích yếu edited: its number again, its row as typed now.
    same = cap("--nguon", "x.yaml", symbol="QĐ-VP", about="a, sửa")
    assert same.exit_code == 0
    assert "x.yaml đã có số 01/QĐ-VP (cấp trước đây, giữ nguyên số)" in said(same)
    with open_register("so-van-ban.sqlite3") as register:
        [row] = register.entries(2026)
    assert (row.reference, row.details.summary, row.details.signer) == (
        "01/QĐ-VP", "a, sửa", "Trần Văn B")


# --- 4 and 5. so xuat ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_unchanged_register_exports_the_same_bytes(suffix: str) -> None:
    assert cap(about="a").exit_code == 0
    assert so("xuat", "2026", "-o", f"a{suffix}").exit_code == 0
    assert so("xuat", "2026", "-o", f"b{suffix}").exit_code == 0
    data = Path(f"a{suffix}").read_bytes()
    assert data == Path(f"b{suffix}").read_bytes()
    with open_register("so-van-ban.sqlite3") as register:
        [row] = register.entries(2026)
    changed = datetime.fromisoformat(row.updated_at).astimezone(UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    stamp = changed.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f">{stamp}</dcterms:created>" in core and f">{stamp}</dcterms:modified>" in core


def test_export_writes_over_a_file_only_with_force() -> None:
    assert cap(about="a").exit_code == 0
    mine = Path("so-2026.xlsx")
    mine.write_bytes(b"the clerk's own spreadsheet")
    refused = so("xuat", "2026", "-o", str(mine))
    assert refused.exit_code == 1
    assert "so-2026.xlsx đã có" in said(refused) and "--force" in said(refused)
    assert mine.read_bytes() == b"the clerk's own spreadsheet"
    assert not [p for p in Path().iterdir() if p.name.endswith(".tmp")]
    other = Path("so.pdf")  # no format to write: said so, not "use --force"
    other.write_bytes(b"x")
    wrong = so("xuat", "2026", "-o", str(other))
    assert wrong.exit_code == 1 and "chỉ xuất được .xlsx hoặc .docx" in said(wrong)
    forced = so("xuat", "2026", "-o", str(mine), "--force")
    assert forced.exit_code == 0, forced.output
    assert load_workbook(mine).active["A1"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
