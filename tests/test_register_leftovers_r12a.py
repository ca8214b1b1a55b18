"""r12a leftovers of the sổ văn bản đi.

F7: a Quyết định's row in the sổ lists its Nơi nhận as the document prints them, "Như Điều 3"
first. F8: a data file whose date is in another year than its year folder is warned at `ngay`,
by `vanthu check` before any number is given, in both directions, also when its trích yếu
names the folder's year but the date is a year off. F6: an Excel sổ with no Trạng thái column
that says "Hủy số (...)" in Ghi chú imports that number as voided.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.context.quyet_dinh import decision_context
from pipeline.register import open_register
from pipeline.register.columns import printed_note, void_from_note
from pipeline.register.documents import register_details, register_recipients
from pipeline.register.model import Status
from pipeline.register.xlsx_export import export_xlsx
from pipeline.register.xlsx_import import import_register, import_xlsx
from pipeline.render.styles import StyleSheet
from pipeline.starters import write_starter
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace
from tests.test_register_r12a_import import OFFICE, ROWS, sheet_file

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(kieu="ubnd-xa", dia_danh="Sơn La", nguoi_ky="Lò Văn Thắng",
                        ten_co_quan="ỦY BAN NHÂN DÂN XÃ CHIỀNG MAI", viet_tat="UBND")


@pytest.fixture()
def commune(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh UBND xã workspace, the current folder."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    return made.root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


# F7 — Nơi nhận of a Quyết định in the sổ


def test_a_rendered_decision_s_row_lists_nhu_dieu_3_first(commune: Path) -> None:
    path = commune / "inputs" / "2026" / "qd-khen.yaml"
    write_starter("quyet-dinh", path, force=True, today=TODAY)
    text = re.sub(r"(?m)^so:[^\n]*", "so: tu_dong", path.read_text("utf-8"), count=1)
    path.write_text(text, "utf-8")
    code, out = run("render", str(path))
    assert code == 0, out
    with open_register(commune / "so-van-ban.sqlite3") as register:
        [entry] = register.entries(2026)
    printed = decision_context(Workspace.open(commune).load(path).info, _styles())["noi_nhan"]
    assert entry.details.recipients == "; ".join(printed) == (
        "Như Điều 3; Chủ tịch, các Phó Chủ tịch UBND xã")


def _styles() -> StyleSheet:
    with zipfile.ZipFile(REPO / "templates" / "quyet-dinh.docx") as archive:
        return StyleSheet(archive.read("word/styles.xml"))


def test_every_example_decision_s_row_says_its_printed_nhu_dieu() -> None:
    """Decisions with a list of awards priced or not, a council, a plan or a Quy chế issued,
    four articles, a typed '(thực hiện)', an office printing no 'Như Điều' line: the row
    names what the document prints, its article number counted the same way."""
    workspace = Workspace.open(REPO)
    styles = _styles()
    seen = 0
    for path in sorted((REPO / "inputs").glob("*/q*.yaml")):
        document = workspace.load(path)
        if document.kind.code != "quyet_dinh":
            continue
        printed = decision_context(document.info, styles)["noi_nhan"]
        assert register_details(document).recipients == "; ".join(
            register_recipients([], printed)), path
        seen += 1
    assert seen >= 8


# F8 — a date in another year than its year folder


def _dated(root: Path, folder: str, day: str, subject: str | None = None) -> Path:
    """A công văn (so: tu_dong) in inputs/<folder>/ dated `day`, its trích yếu `subject`."""
    path = root / "inputs" / folder / "cv.yaml"
    write_starter("cong-van", path, force=True, today=TODAY)
    text = re.sub(r"(?m)^ngay:[^\n]*", f"ngay: {day}", path.read_text("utf-8"), count=1)
    if subject is not None:
        text = re.sub(r"(?m)^trich_yeu:[^\n]*", f"trich_yeu: {subject}", text, count=1)
    path.write_text(text, "utf-8")
    return path


def _ngay_warnings(path: Path) -> list[str]:
    code, out = run("check", str(path))
    assert code == 0, out
    return [line for line in out.splitlines()
            if line.startswith("Cảnh báo") and "nằm trong thư mục" in line]


@pytest.mark.parametrize(
    ("folder", "day", "subject", "key_words"),
    [
        # The January habit: 2026 typed in 2027, for a plan of 2027 (F8).
        ("2027", "05/01/2026", "triển khai kế hoạch chuyển đổi số năm 2027", "nói về năm 2027"),
        # The other way: 2027 typed in December 2026 for a report of 2026.
        ("2026", "05/12/2027", "báo cáo kết quả chuyển đổi số năm 2026", "nói về năm 2026"),
        # Two years off, whatever it names.
        ("2027", "05/01/2025", "kế hoạch năm 2027", "nói về năm 2027"),
        # Naming no year: both ways, as before.
        ("2027", "05/01/2026", None, "thư mục 2027: nếu tệp được chép"),
        ("2026", "05/01/2027", None, "thư mục 2026: nếu tệp được chép"),
    ],
)
def test_a_date_of_another_year_than_its_folder_is_warned_by_check(
    commune: Path, folder: str, day: str, subject: str | None, key_words: str
) -> None:
    path = _dated(commune, folder, day, subject)
    [warning] = _ngay_warnings(path)
    lines = path.read_text("utf-8").splitlines()
    line = next(i for i, x in enumerate(lines, start=1) if x.startswith("ngay:"))
    assert f"dòng {line}, trường 'ngay': văn bản ghi ngày {day}" in warning
    assert key_words in warning and f"tính vào năm {day[-4:]}" in warning
    assert not (commune / "so-van-ban.sqlite3").exists()  # before any number is given


@pytest.mark.parametrize(
    ("folder", "day", "subject"),
    [
        ("2027", "15/12/2026", "kế hoạch chuyển đổi số năm 2027"),  # a plan signed in December
        ("2026", "20/01/2027", "báo cáo tổng kết năm 2026"),  # a report signed in January
        ("2027", "05/01/2027", None),
    ],
)
def test_a_document_of_the_folder_s_year_signed_near_it_is_not_warned(
    commune: Path, folder: str, day: str, subject: str | None
) -> None:
    assert _ngay_warnings(_dated(commune, folder, day, subject)) == []


def test_the_far_off_date_is_said_in_english_too(commune: Path) -> None:
    path = _dated(commune, "2027", "05/01/2026", "kế hoạch năm 2027")
    code, out = run("--lang", "en", "check", str(path))
    assert code == 0 and (
        "the document is dated 05/01/2026 but kept in the 2027 folder and speaks of 2027" in out
    ), out


# F6 — "Hủy số (...)" in the Ghi chú of a clerk's sổ


def _with_notes(notes: dict[int, str]) -> list[list[Any]]:
    """ROWS with Ghi chú (column 10) of the rows numbered as the keys."""
    rows = [[*r, *[None] * (10 - len(r))] for r in ROWS]
    for number, note in notes.items():
        rows[number - 1][9] = note
    return rows


def test_a_void_said_in_ghi_chu_is_imported_as_void(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", _with_notes({
        3: "Hủy số (in sai danh sách)",
        5: "Huỷ số",
        6: "Hủy số 05, cấp lại cho văn bản khác",  # another number: the clerk's note
        7: "Hủy Quyết định số 12/QĐ-UBND năm 2025",  # voids another document
        8: "HỦY SỐ: cấp nhầm loại văn bản",
    }))
    with open_register(tmp_path / "so.sqlite3") as register:
        result = import_register(register, OFFICE, path, today=date(2027, 1, 1))
        rows = {e.number: e for e in register.entries(2026)}
    assert {n: (e.status, e.void_reason, e.details.note) for n, e in rows.items()
            if n in (3, 5, 6, 7, 8)} == {
        3: (Status.VOID, "in sai danh sách", None),
        5: (Status.VOID, None, None),
        6: (Status.ISSUED, None, "Hủy số 05, cấp lại cho văn bản khác"),
        7: (Status.ISSUED, None, "Hủy Quyết định số 12/QĐ-UBND năm 2025"),
        8: (Status.VOID, "cấp nhầm loại văn bản", None),
    }
    assert printed_note(rows[3]) == "Hủy số: in sai danh sách"
    assert [w.key for w in result.warnings] == []
    # so xem / the exports print the void as vanthu's own, and it reads back as it was.
    exported = export_xlsx(list(rows.values()), 2026, tmp_path / "xuat.xlsx")
    with open_register(tmp_path / "again.sqlite3") as again:
        import_xlsx(again, OFFICE, exported)
        back = {e.number: (e.status, e.void_reason, e.details.note) for e in again.entries(2026)}
    assert back == {n: (e.status, e.void_reason, e.details.note) for n, e in rows.items()}


def test_a_lý_do_hủy_column_gives_the_reason_of_a_void_said_in_ghi_chu(tmp_path: Path) -> None:
    from tests.test_register_r12a_import import HEADER

    rows = [[*r, "Lý do cột" if r[0].startswith("03") else None] for r in _with_notes({
        3: "Hủy số"})]
    path = sheet_file(tmp_path / "so.xlsx", rows, header=[*HEADER, "Lý do hủy"])
    with open_register(tmp_path / "so.sqlite3") as register:
        import_xlsx(register, OFFICE, path)
        [row] = [e for e in register.entries(2026) if e.number == 3]
    assert (row.status, row.void_reason, row.details.note) == (Status.VOID, "Lý do cột", None)


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Hủy số (in sai); cấp lại số 12", ("in sai", "cấp lại số 12")),
        ("Đã hủy số - cấp nhầm", ("cấp nhầm", None)),
        ("Số bị hủy", (None, None)),
        ("Hủy số 04/TB-UBND (in sai)", ("in sai", None)),
        ("hủy số in sai", ("in sai", None)),
        ("Hủy số 06/TB-UBND", None),
        ("Thay thế văn bản đã hủy", None),
        ("Hủyxyz", None),
        (None, None),
    ],
)
def test_how_ghi_chu_says_a_void(note: str | None, said: tuple[str | None, str | None] | None
                                 ) -> None:
    assert void_from_note(note, 4) == said
