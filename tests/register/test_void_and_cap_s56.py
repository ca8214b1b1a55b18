"""`so huy SỐ/KÝ-HIỆU` voids only the row of that ký hiệu, and `so cap --nguon` naming the data
file of a built document never rewrites that document's row (command._refuse_other_symbol,
command._as_built).

A void is never undone: `so huy 02/QĐ-VPUBND` used to void the Công văn 02/VPUBND-TH (the text
after "/" only chose the run). `so cap --nguon inputs/2026/ke-hoach.yaml --trich-yeu ...` used to
replace the built Kế hoạch's trích yếu, said "giữ nguyên số", and the next build, the file
unchanged, kept the printed Kế hoạch: the sổ disagreed with it for good.
"""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import Entry, Status, open_register
from pipeline.register.rows import symbol_key
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)
PLAN = "inputs/2026/ke-hoach.yaml"
LETTER = "inputs/2026/cv.yaml"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def numbered(root: Path, kind: str, name: str) -> None:
    """A data file of `kind` at `name` asking the register for its number (so: tu_dong)."""
    path = root / name
    write_starter(kind, path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1, flags=re.M)
    assert "so: tu_dong" in text
    path.write_text(text, "utf-8")


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace whose build numbered a Kế hoạch 01/KH-VPUBND and a Công văn 02/VPUBND-TH,
    in its own register file."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    numbered(made.root, "ke-hoach", PLAN)
    numbered(made.root, "cong-van", LETTER)
    built = vanthu("build")
    assert built.exit_code == 0, built.output
    assert [e.reference for e in rows(made.root)] == ["01/KH-VPUBND", "02/VPUBND-TH"]
    return made.root


def rows(root: Path) -> list[Entry]:
    with open_register(root / "so-van-ban.sqlite3") as register:
        return register.entries(2026)


def row(root: Path, number: int) -> Entry:
    return next(e for e in rows(root) if e.number == number)


# -- so huy -------------------------------------------------------------------------------------


def test_void_of_another_ky_hieu_is_refused_naming_the_row(root: Path) -> None:
    letter = row(root, 2)
    result = vanthu("so", "huy", "02/QĐ-VPUBND", "--nam", "2026", "--ly-do", "Quyết định in hỏng")
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert said.startswith("Lỗi: chưa hủy số nào: số 02 năm 2026 trong sổ là 02/VPUBND-TH")
    assert letter.details.doc_date is not None and letter.details.summary
    assert letter.details.doc_date.strftime("%d/%m/%Y") in said
    assert f"“{letter.details.summary}”" in said
    assert "không phải 02/QĐ-VPUBND như đã gõ" in said
    assert 'vanthu so huy 02 --nam 2026 --ly-do "..."' in said
    assert [e.status for e in rows(root)] == [Status.ISSUED, Status.ISSUED]


def test_a_ky_hieu_typed_at_random_voids_nothing(root: Path) -> None:
    result = vanthu("so", "huy", "01/ABC-XYZ", "--nam", "2026", "--ly-do", "gõ bừa")
    assert result.exit_code == 1 and "01/KH-VPUBND" in result.output, result.output
    assert row(root, 1).status is Status.ISSUED


def test_the_line_the_refusal_gives_voids_the_row(root: Path) -> None:
    result = vanthu("so", "huy", "01/QĐ-VPUBND", "--nam", "2026", "--ly-do", "x")
    line = re.search(r"hãy chạy: (vanthu so huy [^;]*?) --ly-do", " ".join(result.output.split()))
    assert line is not None, result.output
    again = vanthu(*shlex.split(line.group(1))[1:], "--ly-do", "Kế hoạch in hỏng")
    assert again.exit_code == 0, again.output
    assert row(root, 1).status is Status.VOID and row(root, 2).status is Status.ISSUED


def test_the_rows_own_ky_hieu_voids_it_case_and_spaces_aside(root: Path) -> None:
    result = vanthu("so", "huy", "02 / vpubnd - th", "--nam", "2026", "--ly-do", "in hỏng")
    assert result.exit_code == 0, result.output
    assert "Đã hủy số 02/VPUBND-TH" in result.output
    assert row(root, 2).status is Status.VOID and row(root, 1).status is Status.ISSUED
    assert vanthu("so", "huy", "01/KH-VPUBND", "--nam", "2026", "--ly-do", "x").exit_code == 0


def test_the_refusal_in_english(root: Path) -> None:
    result = vanthu("--lang", "en", "so", "huy", "02/QĐ-VPUBND", "--nam", "2026", "--ly-do", "x")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "nothing voided: number 02 of 2026 in the register is 02/VPUBND-TH" in said
    assert "not 02/QĐ-VPUBND as typed" in said


def test_d_is_not_dj(so) -> None:
    """HD (Hướng dẫn) and HĐ (Hợp đồng) are two types: 01/HD-VPUBND is not 01/HĐ-VPUBND."""
    assert symbol_key(" hđ-vpubnd ") == symbol_key("HĐ-VPUBND") != symbol_key("HD-VPUBND")
    assert so("--co-quan", "vp", "vao-so", "1", "--ngay", "05/02/2026", "--ky-hieu", "HĐ-VPUBND",
              "--trich-yeu", "Hợp đồng thuê xe").exit_code == 0
    result = so("huy", "01/HD-VPUBND", "--nam", "2026", "--ly-do", "x")
    assert result.exit_code == 1 and "01/HĐ-VPUBND" in result.output, result.output
    assert so("huy", "01/HĐ-VPUBND", "--nam", "2026", "--ly-do", "x").exit_code == 0


def test_a_number_kept_aside_or_never_used_has_no_ky_hieu_to_contradict(so) -> None:
    assert so("--co-quan", "vp", "giu", "--nam", "2026").exit_code == 0  # 01, no ký hiệu
    assert so("vao-so", "3", "--ngay", "05/02/2026", "--ky-hieu", "KH-VPUBND", "--trich-yeu",
              "Kế hoạch", "--bo-qua-so").exit_code == 0  # 02 never given
    assert so("huy", "01/QĐ-VPUBND", "--nam", "2026", "--ly-do", "không dùng").exit_code == 0
    assert so("huy", "02/QĐ-VPUBND", "--nam", "2026", "--ly-do", "bỏ trống").exit_code == 0


def test_a_type_numbered_apart_is_voided_in_its_own_run(so, tmp_path: Path) -> None:
    """The ký hiệu still chooses the run (QĐ=quyet-dinh); the row compared is that run's."""
    assert so("--co-quan", "vp", "day-so", "QĐ=quyet-dinh").exit_code == 0
    for symbol in ("KH-VPUBND", "QĐ-VPUBND"):
        assert so("--co-quan", "vp", "cap", "--ngay", "05/02/2026", "--ky-hieu", symbol,
                  "--trich-yeu", "Văn bản").exit_code == 0  # 01/KH-VPUBND in chung, 01/QĐ apart
    result = so("huy", "01/QĐ-VPUBND", "--nam", "2026", "--ly-do", "in hỏng")
    assert result.exit_code == 0 and "01/QĐ-VPUBND" in result.output, result.output
    assert so("huy", "01/kh-vpubnd", "--nam", "2026", "--day", " CHUNG",
              "--ly-do", "x").exit_code == 0
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        assert {e.reference: e.status for e in register.entries(2026)} == {
            "01/KH-VPUBND": Status.VOID, "01/QĐ-VPUBND": Status.VOID}


# -- so cap --nguon -----------------------------------------------------------------------------


def test_cap_of_a_built_file_with_other_columns_writes_nothing(root: Path) -> None:
    before = row(root, 1)
    assert before.details.doc_date is not None
    when = before.details.doc_date.strftime("%d/%m/%Y")
    result = vanthu("so", "cap", "--nguon", PLAN, "--ngay", when, "--ky-hieu", "KH-VPUBND",
                    "--trich-yeu", "Nội dung khác hẳn")
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert f"chưa ghi gì vào sổ: {PLAN} là tệp dữ liệu của văn bản vanthu đã dựng" in said
    assert (f"--trich-yeu (Tên loại và trích yếu nội dung) gõ “Nội dung khác hẳn”, sổ ghi "
            f"“{before.details.summary}”") in said
    assert "dựng lại (vanthu build)" in said
    assert row(root, 1) == before  # not a column, not updated_at
    assert vanthu("check").exit_code == 0


def test_every_column_that_differs_is_named(root: Path) -> None:
    before = row(root, 1)
    result = vanthu("so", "cap", "--nguon", PLAN, "--ngay", "28/02/2026", "--ky-hieu",
                    "KH-VPUBND", "--trich-yeu", "x", "--nguoi-ky", "Lê Văn B", "--so-ban", "7")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert before.details.doc_date is not None
    assert (f"--ngay (Ngày tháng văn bản) gõ 28/02/2026, sổ ghi "
            f"{before.details.doc_date.strftime('%d/%m/%Y')}") in said
    assert f"--nguoi-ky (Người ký) gõ “Lê Văn B”, sổ ghi “{before.details.signer}”" in said
    assert f"--so-ban (Số lượng bản) gõ 7, sổ ghi {before.details.copies or '—'}" in said
    assert row(root, 1) == before


def test_cap_of_a_built_file_saying_the_same_keeps_its_row(root: Path) -> None:
    """The trích yếu as the document prints it under its name, the ký hiệu in lower case: the
    same document; the number is answered, the document's columns kept, the clerk's note
    taken (no document says it)."""
    before = row(root, 1)
    assert before.details.doc_date is not None and before.details.summary
    printed = before.details.summary.removeprefix("Kế hoạch ").capitalize()
    assert printed != before.details.summary
    result = vanthu("so", "cap", "--nguon", PLAN, "--ngay",
                    before.details.doc_date.strftime("%d/%m/%Y"), "--ky-hieu", "kh-vpubnd",
                    "--trich-yeu", printed, "--ghi-chu", "Gửi bản giấy")
    assert result.exit_code == 0, result.output
    assert f"{PLAN} đã có số 01/KH-VPUBND (cấp khi dựng văn bản từ tệp này" in result.output
    after = row(root, 1)
    assert after.details.note == "Gửi bản giấy"
    assert after.details.symbol == "KH-VPUBND"
    assert after.details.summary == before.details.summary
    assert [e.number for e in rows(root)] == [1, 2]


def test_cap_of_a_file_vanthu_did_not_build_still_takes_the_columns_typed(root: Path) -> None:
    """A letter vanthu did not write (README: its row takes the other columns typed)."""
    args = ("so", "cap", "--nguon", "thu.docx", "--ngay", "02/03/2026", "--ky-hieu",
            "VPUBND-VP")
    assert vanthu(*args, "--trich-yeu", "Thư mời").exit_code == 0
    again = vanthu(*args, "--trich-yeu", "Thư mời họp")
    assert again.exit_code == 0 and "thu.docx đã có số 03/VPUBND-VP (cấp trước đây" in (
        again.output)
    assert row(root, 3).details.summary == "Thư mời họp"


def test_a_row_void_already_is_said_so_whatever_the_ky_hieu(root: Path) -> None:
    assert vanthu("so", "huy", "02", "--nam", "2026", "--ly-do", "in hỏng").exit_code == 0
    again = vanthu("so", "huy", "02/QĐ-VPUBND", "--nam", "2026", "--ly-do", "x")
    assert again.exit_code == 1, again.output
    assert "02/VPUBND-TH" in again.output and "đã bị hủy từ trước" in again.output
