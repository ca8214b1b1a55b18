"""An older copy of the register put back (r13a F1, F9): refused, said, and restored.

After a crash the IT person puts back last week's so-van-ban.sqlite3. It holds the numbers given
before the copy and lacks those given since, its counter standing where it stood. vanthu used
to refuse only a register holding none of the numbers the manifests record; one holding some
renumbered the documents issued since and gave another document the number `so cap` had given
a paper letter, exit 0. Now build, render and check refuse every new number of that year,
naming the numbers lacking and the ways out, and so do `so cap` and `so giu`; `so kiem-tra`
counts them as a fault (and an emptied register's too); `so khoi-phuc` enters them again from
the manifests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.register.test_shared_register_r8 import printed_number
from tests.register_setup import built_two, copied, no_register_env, numbered_after_copy, put_back  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    build,
    built_one,
    document,
    manifest_number,
    output,
    rows,
    said,
    vanthu,
)


def restored_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune that built 01, 02, copied its register, gave 03 to a paper letter (`so cap`),
    built 04 and 05, then had the copy put back: the register holds 01 and 02 only."""
    root = built_two(tmp_path, monkeypatch)
    numbered_after_copy(root, tmp_path, monkeypatch)
    assert [manifest_number(root, "cv-08"), manifest_number(root, "qd-08")] == [
        "04/UBND-VP", "05/QĐ-UBND"]
    return root


def test_a_build_on_an_older_copy_gives_no_number_and_names_the_numbers_it_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = restored_office(tmp_path, monkeypatch)
    before = output(root, "cv-08").read_bytes()
    refused = build(root, monkeypatch, code=1)
    text = said(refused)
    assert "inputs/2026/cv-08.yaml" in text and "inputs/2026/qd-08.yaml" in text, text
    assert ("sổ văn bản đang dùng (so-van-ban.sqlite3) đã cấp 2 số năm 2026 mà sổ nay không "
            "có dòng nào: 04/UBND-VP, 05/QĐ-UBND") in text
    assert "bản sao cũ" in text and "vanthu so khoi-phuc 2026" in text
    assert "đặt lại bản sổ mới nhất" in text
    # Nothing renumbered, nothing written: the issued documents still print their numbers.
    assert [reference for _, reference, _ in rows(root / "so-van-ban.sqlite3")] == [
        "01/QĐ-UBND", "02/UBND-VP"]
    assert output(root, "cv-08").read_bytes() == before
    assert manifest_number(root, "qd-08") == "05/QĐ-UBND"
    english = vanthu(root, monkeypatch, "--lang", "en", "build")
    assert english.exit_code == 1
    assert ("the register in use (so-van-ban.sqlite3) gave 2 numbers in 2026 of which it holds "
            "no row now: 04/UBND-VP, 05/QĐ-UBND") in said(english), english.output
    assert "vanthu so khoi-phuc 2026" in said(english)


def test_render_and_check_refuse_a_new_number_from_an_older_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = restored_office(tmp_path, monkeypatch)
    new = document(root, monkeypatch, "tb-09", "02/09/2026", kind="thong-bao",
                   about="Thông báo lịch trực")
    rendered = vanthu(root, monkeypatch, "render", str(new))
    assert rendered.exit_code == 1, rendered.output
    assert "không có dòng nào: 04/UBND-VP, 05/QĐ-UBND" in said(rendered), rendered.output
    assert not output(root, "tb-09").exists()
    for path in (new, root / "inputs/2026/qd-08.yaml"):
        checked = vanthu(root, monkeypatch, "check", str(path))
        assert checked.exit_code == 1, checked.output
        assert "không có dòng nào: 04/UBND-VP, 05/QĐ-UBND" in said(checked), checked.output
    # A document the copy holds the number of is no concern.
    kept = vanthu(root, monkeypatch, "check", str(root / "inputs/2026/qd-07.yaml"))
    assert kept.exit_code == 0, kept.output
    # Nor does a clerk's `so cap` or `so giu` take 03 or 04 again from the copy.
    for command in (["cap", "--ngay", "03/09/2026", "--ky-hieu", "UBND-VP", "--trich-yeu",
                     "Công văn giấy khác"], ["giu", "--nam", "2026"]):
        refused = vanthu(root, monkeypatch, "so", *command)
        assert refused.exit_code == 1, refused.output
        assert "không có dòng nào: 04/UBND-VP, 05/QĐ-UBND" in said(refused), refused.output
    assert len(rows(root / "so-van-ban.sqlite3")) == 2


def test_so_kiem_tra_counts_the_numbers_the_outputs_record_and_the_register_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = restored_office(tmp_path, monkeypatch)
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 1, checked.output
    assert ("thiếu 2 số mà các văn bản đã dựng (manifest trong outputs/) ghi là sổ này đã cấp "
            "năm 2026: 04/UBND-VP, 05/QĐ-UBND") in said(checked), checked.output
    assert "không thiếu số" not in said(checked)
    # An emptied register (r13a F9): every number the outputs print is lacking.
    (root / "so-van-ban.sqlite3").unlink()
    emptied = vanthu(root, monkeypatch, "--lang", "en", "so", "kiem-tra", "2026")
    assert emptied.exit_code == 1, emptied.output
    assert ("4 numbers that the documents built (the manifests in outputs/) record this "
            "register giving in 2026 are missing: 01/QĐ-UBND, 02/UBND-VP, 04/UBND-VP, "
            "05/QĐ-UBND") in said(emptied), emptied.output


def test_so_khoi_phuc_enters_the_lacking_numbers_again_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = restored_office(tmp_path, monkeypatch)
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    text = said(restored)
    assert "Đã ghi lại vào sổ: 04/UBND-VP 20/07/2026" in text, text
    assert "[inputs/2026/cv-08.yaml]" in text and "[inputs/2026/qd-08.yaml]" in text
    assert "Đã ghi lại 2 số năm 2026" in text and "vanthu so kiem-tra 2026" in text
    register = root / "so-van-ban.sqlite3"
    assert rows(register) == [
        ("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml"),
        ("chung", "02/UBND-VP", "inputs/2026/cv-07.yaml"),
        ("chung", "04/UBND-VP", "inputs/2026/cv-08.yaml"),
        ("chung", "05/QĐ-UBND", "inputs/2026/qd-08.yaml")]
    # The paper letter's 03 no output records: a gap for the clerk to enter again.
    gap = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert gap.exit_code == 1 and "thiếu số 03" in said(gap), gap.output
    assert "manifest" not in said(gap)
    again = build(root, monkeypatch)
    assert "0 đã dựng, 4 không đổi" in said(again), again.output
    assert printed_number(output(root, "qd-08")).startswith("Số: 05/QĐ-UBND")
    # A new document follows the numbers issued, not the copy's counter, once the clerk has
    # checked the paper sổ for numbers given after the copy (khoi-phuc --da-kiem-tra).
    document(root, monkeypatch, "tb-09", "02/09/2026", kind="thong-bao", about="Thông báo")
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra").exit_code == 0
    build(root, monkeypatch)
    assert manifest_number(root, "tb-09") == "06/TB-UBND"
    nothing = vanthu(root, monkeypatch, "--lang", "en", "so", "khoi-phuc", "2026")
    assert nothing.exit_code == 0
    assert "lacks no number that the documents built" in said(nothing), nothing.output


def test_an_emptied_register_is_restored_from_the_outputs_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No backup at all: the refusal's third way, `so khoi-phuc`, rebuilds the sổ's rows."""
    root, _ = built_one(tmp_path, monkeypatch)
    (root / "so-van-ban.sqlite3").unlink()
    refused = build(root, monkeypatch, code=1)
    assert "vanthu so khoi-phuc 2026" in said(refused), refused.output
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    assert rows(root / "so-van-ban.sqlite3") == [
        ("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml")]
    assert "0 đã dựng, 1 không đổi" in said(build(root, monkeypatch))
