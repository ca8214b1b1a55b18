"""A document whose register row was voided, after an older copy of the register was put back
(r15): the build's early check refuses it alone, naming its data file.

The early check (builder.refuse_unmigrated) refuses a document asking for a new number of a
year whose numbers the register lacks (an older copy put back: restore.py) or whose restore
(`so khoi-phuc`) the clerk has not confirmed (restorations.py). It used to pass over every
document whose data file a register row names, live or void; one whose row was voided asks
for a new number all the same. Then Register.allocate refused it, stopping the whole build
without naming the file (a restore not confirmed), or gave it a number the copy lacked: one
issued already (a paper letter's, given with `so cap` after the copy).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.register_setup import built_two, copied, no_register_env, numbered_after_copy, put_back  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    manifest_number,
    rows,
    said,
    vanthu,
)


def edit(path: Path, about: str) -> None:
    """The data file's trích yếu changed: its document is built again."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(f"trich_yeu: {about}\n" if line.startswith("trich_yeu:") else line
                            for line in lines), "utf-8")


def older_copy_put_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        void_first: bool) -> tuple[Path, Path]:
    """A commune that built 01 (qd-07) and 02 (cv-07), copied its register, gave 03 to a
    paper letter (`so cap`), built 04 (cv-08) and 05 (qd-08), then had the copy put back.
    With `void_first`, qd-07's 01 was voided before the copy was made (and qd-07 rebuilt
    after it: 04, cv-08 05, qd-08 06). Its workspace and register file."""
    root = built_two(tmp_path, monkeypatch)
    if void_first:
        voided = vanthu(root, monkeypatch, "so", "huy", "01", "--ly-do", "Ký nhầm người")
        assert voided.exit_code == 0, voided.output
    register = numbered_after_copy(root, tmp_path, monkeypatch)
    return root, register


def test_a_voided_document_of_an_older_copy_is_refused_alone_naming_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy holds qd-07's 01 as void; qd-07 (04 since) is edited. Numbered now, it would
    be given 03, the paper letter's number."""
    root, register = older_copy_put_back(tmp_path, monkeypatch, void_first=True)
    assert manifest_number(root, "qd-07") == "04/QĐ-UBND"
    edit(root / "inputs" / "2026" / "qd-07.yaml", "Quyết định qd-07 sửa")
    # cv-07 (02, which the copy holds) is edited too: it keeps its number and is built.
    edit(root / "inputs" / "2026" / "cv-07.yaml", "Công văn cv-07 sửa")
    built = vanthu(root, monkeypatch, "build", "--keep-going")
    assert built.exit_code == 1, built.output
    text = said(built)
    assert ("Lỗi: inputs/2026/qd-07.yaml, dòng 10, trường 'so': chưa cấp số: các văn bản đã dựng "
            "(manifest trong outputs/) cho thấy sổ văn bản đang dùng (so-van-ban.sqlite3) đã "
            "cấp 3 số năm 2026 mà sổ nay không có dòng nào") in text, text
    assert "inputs/2026/cv-07.yaml │ đã dựng" in built.output, built.output
    # No number given: 03 stays the paper letter's (recorded nowhere yet), 04 qd-07's.
    assert [(reference, source) for _, reference, source in rows(register)] == [
        ("01/QĐ-UBND", "inputs/2026/qd-07.yaml"), ("02/UBND-VP", "inputs/2026/cv-07.yaml")]
    assert manifest_number(root, "qd-07") == "04/QĐ-UBND"


def test_a_number_voided_while_a_restore_waits_refuses_its_document_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `so khoi-phuc` (not yet confirmed) the clerk voids cv-07's 02: the build refuses
    cv-07, naming it, and builds the others, instead of stopping at its allocation."""
    root, register = older_copy_put_back(tmp_path, monkeypatch, void_first=False)
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    voided = vanthu(root, monkeypatch, "so", "huy", "02", "--ly-do", "Gửi nhầm nơi nhận")
    assert voided.exit_code == 0, voided.output
    edit(root / "inputs" / "2026" / "qd-07.yaml", "Quyết định qd-07 sửa")
    built = vanthu(root, monkeypatch, "build", "--keep-going")
    assert built.exit_code == 1, built.output
    text = said(built)
    assert "Lỗi: inputs/2026/cv-07.yaml, dòng 9, trường 'so':" in text, text
    assert "vanthu so khoi-phuc 2026 --da-kiem-tra" in text
    assert "inputs/2026/qd-07.yaml │ đã dựng" in built.output, built.output
    assert manifest_number(root, "qd-07") == "01/QĐ-UBND"
    # Nothing new given: the paper letter's 03 is still for the clerk to enter.
    assert [reference for _, reference, _ in rows(register)] == [
        "01/QĐ-UBND", "02/UBND-VP", "04/UBND-VP", "05/QĐ-UBND"]



def test_render_and_check_refuse_the_voided_document_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the build: `vanthu check` and `vanthu render` of qd-07 refuse it, naming it, and
    give no number (render used to give 03, the paper letter's)."""
    root, register = older_copy_put_back(tmp_path, monkeypatch, void_first=True)
    edit(root / "inputs" / "2026" / "qd-07.yaml", "Quyết định qd-07 sửa")
    lacking = ("Lỗi: inputs/2026/qd-07.yaml, dòng 10, trường 'so': chưa cấp số: các văn bản "
               "đã dựng (manifest trong outputs/) cho thấy sổ văn bản đang dùng "
               "(so-van-ban.sqlite3) đã cấp 3 số năm 2026 mà sổ nay không có dòng nào: "
               "04/QĐ-UBND, 05/UBND-VP, 06/QĐ-UBND")
    for command in ("check", "render"):
        refused = vanthu(root, monkeypatch, command, "inputs/2026/qd-07.yaml")
        assert refused.exit_code == 1, refused.output
        assert lacking in said(refused), refused.output
    assert [reference for _, reference, _ in rows(register)] == ["01/QĐ-UBND", "02/UBND-VP"]
    assert manifest_number(root, "qd-07") == "04/QĐ-UBND"
