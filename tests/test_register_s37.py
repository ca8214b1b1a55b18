"""Register leftovers (s37).

`so huy` and `so khoi-phuc NĂM` on a workspace without its register file make none (they
used to leave an empty so-van-ban.sqlite3 behind, which the clerk, or the next build, would
take for the office's sổ): huy refuses (exit code 1) naming the file looked for; khoi-phuc
with nothing to enter again says so, naming it too. An output whose data file the register
holds only void rows of is judged as one it names in no row (documents.holds_number_for).
`so nhap` finds two rows of its file holding one number by the runs it writes them in, chosen
once, in its transaction (under the office's plan it holds), not in a read before it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.register import open_register
from pipeline.register.errors import RegisterImportError
from pipeline.register.sequences import SequencePlan
from pipeline.register.xlsx_import import import_register
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.register_setup import no_register_env  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    book,
    built_one,
    manifest_number,
    office,
    rows,
    said,
    vanthu,
)
from tests.test_register_r15_absent import REGISTER, register_files
from tests.test_register_r15_restore_void import older_copy_put_back


def test_huy_in_a_fresh_workspace_makes_no_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    voided = vanthu(root, monkeypatch, "so", "huy", "05", "--nam", "2026", "--ly-do", "Nhầm")
    assert voided.exit_code == 1, voided.output
    assert ("không có sổ văn bản so-van-ban.sqlite3, và không văn bản đã dựng nào ghi số năm "
            "2026 do sổ này cấp: không có số 05 năm 2026 để hủy; nếu sổ được đặt ở chỗ khác, "
            "hãy chỉ đúng tệp sổ; không tạo sổ") in said(voided), voided.output
    assert register_files(root) == []
    # Without --nam (this year's number), and in English.
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "huy", "05/QĐ-UBND",
                     "--ly-do", "Wrong")
    assert english.exit_code == 1, english.output
    assert ("there is no register so-van-ban.sqlite3, and no document built records a number "
            "of 2026 given by it") in said(english)
    assert "no register made" in said(english)
    assert register_files(root) == []


def test_huy_with_db_naming_a_missing_file_makes_neither_file_nor_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    moved = tmp_path / "moved" / "so.sqlite3"
    voided = vanthu(root, monkeypatch, "so", "--db", str(moved), "huy", "01", "--nam", "2026",
                    "--ly-do", "Nhầm")
    assert voided.exit_code == 1, voided.output
    assert f"không có sổ văn bản {moved}" in said(voided), voided.output
    assert not moved.parent.exists()


def test_huy_on_a_deleted_register_says_how_to_put_it_back_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outputs record 01 given by the register file deleted since: the number exists, the
    register does not. Refused, naming the numbers recorded nowhere and the way back."""
    root, _ = built_one(tmp_path, monkeypatch)
    for name in register_files(root):
        (root / name).unlink()
    voided = vanthu(root, monkeypatch, "so", "huy", "01", "--nam", "2026", "--ly-do", "Nhầm")
    assert voided.exit_code == 1, voided.output
    text = said(voided)
    assert ("không có sổ văn bản so-van-ban.sqlite3, nhưng các văn bản đã dựng ghi 1 số năm "
            "2026 do sổ đó cấp") in text, text
    assert "năm 2026: 01/QĐ-UBND" in text
    assert ("chưa hủy số 01 năm 2026: không có sổ văn bản so-van-ban.sqlite3 (xem trên). Hãy "
            "đặt tệp sổ lại chỗ cũ, hoặc ghi lại các số vào sổ (vanthu so khoi-phuc 2026), rồi "
            "mới hủy số; không tạo sổ") in text, text
    assert register_files(root) == []


def test_khoi_phuc_with_nothing_to_restore_makes_no_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    assert ("Không có sổ văn bản so-van-ban.sqlite3: không văn bản đã dựng nào ghi số năm 2026 "
            "do sổ này cấp, nên không có số nào cần ghi lại; không tạo sổ") in said(restored)
    assert register_files(root) == []
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "khoi-phuc", "2026")
    assert english.exit_code == 0, english.output
    assert ("There is no register so-van-ban.sqlite3: no document built records a number of "
            "2026 given by it, so no number needs entering again; no register made"
            ) in said(english)
    assert register_files(root) == []


def test_khoi_phuc_of_another_year_than_the_one_lost_makes_no_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register file deleted: 2025 has nothing to enter again (no file made), 2026 has
    (the file made, its number entered)."""
    root, _ = built_one(tmp_path, monkeypatch)
    for name in register_files(root):
        (root / name).unlink()
    other = vanthu(root, monkeypatch, "so", "khoi-phuc", "2025")
    assert other.exit_code == 0, other.output
    assert "không có số nào cần ghi lại; không tạo sổ" in said(other), other.output
    assert register_files(root) == []
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    assert rows(root / REGISTER) == [("chung", "01/QĐ-UBND", "inputs/2026/qd-07.yaml")]


def test_an_output_whose_file_holds_only_void_rows_is_not_kept_with_a_number_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One meaning of "the register has this file" for asking a new number and for an
    output's number being lost (documents.holds_number_for): it holds a live number for
    it. qd-07's 01 was voided and qd-07 rebuilt with 04; an older copy holding 01 void,
    without 04, was put back. The build used to keep qd-07's output, printing 04 that no
    row holds, silently (the copy's void row counted as the register knowing the file),
    while it refused cv-08 and qd-08, whose numbers the copy lacks too; now it refuses
    qd-07 as well, naming it, and `so khoi-phuc` enters 04 again for it."""
    root, register = older_copy_put_back(tmp_path, monkeypatch, void_first=True)
    assert manifest_number(root, "qd-07") == "04/QĐ-UBND"
    built = vanthu(root, monkeypatch, "build", "--keep-going")
    assert built.exit_code == 1, built.output
    text = said(built)
    assert ("Lỗi: inputs/2026/qd-07.yaml, dòng 10, trường 'so': chưa cấp số: các văn bản đã dựng "
            "(manifest trong outputs/) cho thấy sổ văn bản đang dùng (so-van-ban.sqlite3) đã "
            "cấp 3 số năm 2026 mà sổ nay không có dòng nào: 04/QĐ-UBND, 05/UBND-VP, "
            "06/QĐ-UBND") in text, text
    assert "0 đã dựng, 1 không đổi, 3 lỗi" in text, text  # cv-07 (02, held) kept
    assert [reference for _, reference, _ in rows(register)] == ["01/QĐ-UBND", "02/UBND-VP"]
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    assert ("chung", "04/QĐ-UBND", "inputs/2026/qd-07.yaml") in rows(register)


def test_so_nhap_judges_rows_holding_one_number_by_the_runs_it_writes_them_in(
    location: str,  # noqa: F811
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The office numbered Quyết định apart (QĐ=quyet-dinh) when the import read its file;
    a plan change to one run for every type is committed before the import writes. Its
    01/QĐ-UBND and 01/UBND-VP then hold one number of one run: said as two rows of the file
    holding it (they used to be judged apart by a run chosen before the transaction, then
    refused as a number the register held, naming the file's own row just written)."""
    office = "ubnd-xa"
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": [
        ("01/QĐ-UBND", date(2026, 1, 5), "Quyết định kiện toàn tổ công tác"),
        ("01/UBND-VP", date(2026, 1, 6), "V/v báo cáo số liệu"),
    ]})
    with open_register(location) as register, open_register(location) as changer:
        register.set_plan(office, SequencePlan.from_mapping({"QĐ": "quyet-dinh"}), since=2026)
        writing = register.record_many

        def changed_first(*args: object, **kwargs: object) -> object:
            changer.set_plan(office, SequencePlan(), since=2026)
            return writing(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(register, "record_many", changed_first)
        with pytest.raises(RegisterImportError) as refused:
            import_register(register, office, sheet)
        assert [(e.key, e.row, e.params.get("other_row")) for e in refused.value.errors] == [
            ("register.duplicate_in_file", 4, 3)], [e.message() for e in refused.value.errors]
        assert register.entries(2026, office) == []
