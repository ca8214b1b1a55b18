"""s56 R2: `so khoi-phuc` enters again the numbers typed in data (so: 2) the outputs print.

A công văn typing its own number (so: 2) is built and the register enters it (record_typed).
The register is then lost, or an older copy of it put back. `so khoi-phuc` used to enter again
only the numbers the register gave (so: tu_dong), said "số tiếp theo: 02" once confirmed, and
`so cap` then gave 02 again: the number outputs/2026/cv-07.docx prints, nothing said. Now the
typed numbers the manifests record, in a year the register in use gave numbers of, count as
lacking too (build, render, `so cap`, `so giu` refuse; `so kiem-tra` counts them), and
`so khoi-phuc` enters them again: the next number follows them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.register import Details, Origin, open_register
from tests.register_setup import copied, no_register_env, put_back  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    build,
    document,
    manifest_number,
    office,
    rows,
    said,
    vanthu,
)

CONFIRM = ("so", "khoi-phuc", "2026", "--da-kiem-tra")
PAPER = ("so", "cap", "--ngay", "20/07/2026", "--ky-hieu", "UBND-VP", "--trich-yeu",
         "Công văn giấy")


def typed(root: Path, monkeypatch: pytest.MonkeyPatch, name: str, day: str, number: int) -> Path:
    """A công văn typing its own number `number` (so: N) in its data."""
    path = document(root, monkeypatch, name, day, kind="cong-van", about="Công văn gõ số")
    text = re.sub(r"^so:[^\n#]*", f"so: {number}  ", path.read_text("utf-8"), count=1,
                  flags=re.M)
    path.write_text(text, "utf-8")
    return path


def built_with_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune that built a Quyết định numbered by its register (qd-07: 01/QĐ-UBND) and a
    công văn typing 02 (cv-07: 02/UBND-VP), both in its register; its workspace."""
    root = office(tmp_path)
    document(root, monkeypatch, "qd-07", "15/07/2026")
    build(root, monkeypatch)
    typed(root, monkeypatch, "cv-07", "16/07/2026", 2)
    build(root, monkeypatch)
    assert rows(root / "so-van-ban.sqlite3") == [
        ("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml"),
        ("chung", "02/UBND-VP", "inputs/2026/cv-07.yaml")]
    return root


def test_khoi_phuc_enters_the_typed_number_again_and_so_cap_gives_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = built_with_typed(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    register.unlink()  # the register is lost
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    text = said(restored)
    assert "Đã ghi lại vào sổ: 02/UBND-VP 16/07/2026" in text, text
    assert "Đã ghi lại 2 số năm 2026" in text and "số cuối cùng ghi lại: 02/UBND-VP" in text
    assert rows(register) == [
        ("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml"),
        ("chung", "02/UBND-VP", "inputs/2026/cv-07.yaml")]
    confirmed = vanthu(root, monkeypatch, *CONFIRM)
    assert confirmed.exit_code == 0, confirmed.output
    assert "số tiếp theo: 03" in said(confirmed), confirmed.output
    paper = vanthu(root, monkeypatch, *PAPER)
    assert paper.exit_code == 0, paper.output
    assert "Đã cấp số 03/UBND-VP" in said(paper), paper.output
    nothing = vanthu(root, monkeypatch, "--lang", "en", "so", "khoi-phuc", "2026")
    assert nothing.exit_code == 0, nothing.output
    assert "lacks no number that the documents built" in said(nothing), nothing.output


def test_an_older_copy_lacking_only_a_typed_number_gives_no_new_number_until_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy was made after 01 was given and before the typed 02 was built: it holds every
    number the register gave, and its counter stands at 01."""
    root = office(tmp_path)
    document(root, monkeypatch, "qd-07", "15/07/2026")
    build(root, monkeypatch)
    register, backup = copied(root, tmp_path)
    typed(root, monkeypatch, "cv-07", "16/07/2026", 2)
    build(root, monkeypatch)
    put_back(backup, register)
    for command in (PAPER, ("so", "giu", "--nam", "2026")):
        refused = vanthu(root, monkeypatch, *command)
        assert refused.exit_code == 1, refused.output
        assert "không có dòng nào: 02/UBND-VP" in said(refused), refused.output
    new = document(root, monkeypatch, "tb-08", "20/07/2026", kind="thong-bao", about="Thông báo")
    refused = build(root, monkeypatch, code=1)
    assert "inputs/2026/tb-08.yaml" in said(refused) and "02/UBND-VP" in said(refused)
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 1, checked.output
    assert "năm 2026: 02/UBND-VP" in said(checked), checked.output
    assert rows(register) == [("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml")]
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    assert vanthu(root, monkeypatch, *CONFIRM).exit_code == 0
    build(root, monkeypatch)
    assert manifest_number(root, new.stem) == "03/TB-UBND"
    assert manifest_number(root, "cv-07") == "02/UBND-VP"


def typed_row(register: Path) -> tuple[Origin, Details]:
    """The origin and columns of the register's row 02/UBND-VP."""
    with open_register(register) as opened:
        (row,) = [e for e in opened.entries(2026) if e.reference == "02/UBND-VP"]
        return row.origin, row.details


def test_the_typed_number_is_entered_again_with_its_columns_and_the_build_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its row as the build entered it: trích yếu, người ký, nơi nhận, bản lưu, số bản from
    the data file (the document prints them), typed in data, not given by the register."""
    root = built_with_typed(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    entered = typed_row(register)
    assert entered[0] is Origin.TYPED
    assert entered[1].summary and entered[1].signer and entered[1].recipients
    assert entered[1].archive and entered[1].copies
    register.unlink()
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    assert typed_row(register) == entered
    assert vanthu(root, monkeypatch, *CONFIRM).exit_code == 0
    document(root, monkeypatch, "tb-08", "20/07/2026", kind="thong-bao", about="Thông báo")
    build(root, monkeypatch)  # numbers tb-08, the typed number of cv-07 looked at again
    assert typed_row(register) == entered
    assert manifest_number(root, "tb-08") == "03/TB-UBND"
