"""s48: a register file emptied or named by a folder, an old sổ's row numbered 0, a date said as
the clerk writes it, and a void number an import with --doi-so-da-cap moves past.

1. A register file truncated to 0 bytes was taken for a new register (so xem: no rows; so cap:
   01 again). It is refused by every command opening it; vanthu's own register file appears
   whole (schema.create_file), so a run interrupted while making one leaves no empty file.
2. `so nhap` of a row numbered 0 said only "số văn bản bắt đầu từ 01 (nhận 0)", at the first
   such row; now at its sheet, row and field, every problem of the file together.
3. `so --db <folder>` said SQLite's "unable to open database file"; a year not matching the
   document date showed the date as 2025-02-05.
4. `so nhap --doi-so-da-cap` dropped a number vanthu had voided that no row of the file holds,
   and a moved document was given it again.

Workspaces are made by `vanthu init` in tmp_path; the commands run through CliRunner.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipeline.register import Details, Status, open_register
from pipeline.register.errors import RegisterError
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.register.test_shared_register_r8 import printed_number
from tests.test_register_r12a_numbering import (
    OFFICE,
    OLD_BOOK,
    book,
    build,
    built_one,
    manifest_number,
    office,
    output,
    rows,
    said,
    two_documents,
    vanthu,
)


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


EMPTIED = "là tệp rỗng (0 byte), không còn số nào"


# --- 1. a register file emptied to 0 bytes --------------------------------------------------


def test_a_register_file_emptied_to_0_bytes_is_refused_by_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, path = built_one(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    register.write_bytes(b"")  # a failed copy, a full disk
    for args in (["so", "xem", "2026"], ["so", "kiem-tra", "2026"],
                 ["so", "cap", "--ngay", "20/07/2026", "--ky-hieu", "UBND-VP",
                  "--trich-yeu", "V/v họp"],
                 ["so", "giu"], ["build"], ["render", str(path)], ["check", str(path)]):
        result = vanthu(root, monkeypatch, *args)
        assert result.exit_code != 0, (args, result.output)
        assert EMPTIED in said(result), (args, result.output)
        assert "Đã cấp số 01" not in result.output
    assert register.stat().st_size == 0  # not made into a new register
    assert manifest_number(root, "qd-07") == "01/QĐ-UBND"
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "xem", "2026")
    assert "is an empty file (0 bytes) holding no number" in said(english), english.output
    assert "vanthu so khoi-phuc YEAR" in said(english)


def test_an_emptied_register_names_the_wal_beside_it_and_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite deletes the -wal file beside an empty database: refused before SQLite opens it."""
    root = office(tmp_path)
    register = root / "so-van-ban.sqlite3"
    register.write_bytes(b"")
    wal = root / "so-van-ban.sqlite3-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))
    result = vanthu(root, monkeypatch, "so", "xem", "2026")
    assert result.exit_code == 1
    assert f"tệp {wal} bên cạnh có thể còn giữ các số cấp sau cùng" in said(result), \
        result.output
    assert wal.exists() and register.stat().st_size == 0
    with pytest.raises(RegisterError) as refused:
        open_register(register)
    assert refused.value.key == "register.emptied"


_CRASH = """
import os, sys
from pathlib import Path
import pipeline.register.backends as backends
from pipeline.register import open_register

def crash(connection):
    os._exit(9)  # the power cut: between SQLite making the file and writing anything in it

backends._switch_to_wal = crash
open_register(Path(sys.argv[1]))
"""


def test_a_run_killed_while_making_the_register_leaves_no_empty_file(tmp_path: Path) -> None:
    register = tmp_path / "ws" / "so-van-ban.sqlite3"
    killed = subprocess.run([sys.executable, "-c", _CRASH, str(register)], check=False,
                            cwd=Path(__file__).resolve().parents[1])
    assert killed.returncode == 9
    assert not register.exists()  # a hidden file being made, never the register's own name
    with open_register(register) as made:
        assert made.allocate(OFFICE, Details(doc_date=date(2026, 3, 1))).number == 1
    assert register.stat().st_size > 0


def test_a_register_made_meanwhile_by_another_run_is_the_one_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "so-van-ban.sqlite3"
    link = os.link

    def another_clerk_first(source: Path, target: Path) -> None:
        monkeypatch.setattr(os, "link", link)
        with open_register(target) as theirs:
            theirs.allocate(OFFICE, Details(doc_date=date(2026, 3, 1)))
        link(source, target)

    monkeypatch.setattr(os, "link", another_clerk_first)
    with open_register(register) as mine:
        assert mine.allocate(OFFICE, Details(doc_date=date(2026, 3, 2))).number == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["so-van-ban.sqlite3"]


def test_without_hard_links_the_register_is_made_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FAT USB stick: no hard links; the register is made as SQLite makes it."""

    def no_links(source: Path, target: Path) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    register = tmp_path / "so-van-ban.sqlite3"
    with open_register(register) as made:
        assert made.allocate(OFFICE, Details(doc_date=date(2026, 3, 1))).number == 1
    with open_register(register) as again:
        assert again.allocate(OFFICE, Details(doc_date=date(2026, 3, 2))).number == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["so-van-ban.sqlite3"]


# --- 2. an old sổ's row numbered 0 ----------------------------------------------------------


def test_rows_numbered_0_are_each_refused_at_their_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    sheet = book(tmp_path / "so-cu.xlsx", {"Sổ đi 2026": [
        ("0/QĐ-UBND", date(2026, 1, 5), "Quyết định số 0"),
        ("01/QĐ-UBND", date(2026, 1, 5), "Quyết định"),
        ("00/UBND-VP", date(2026, 1, 8), "Công văn số 00"),
    ]})
    refused = vanthu(root, monkeypatch, "so", "nhap", str(sheet))
    assert refused.exit_code == 1, refused.output
    text = said(refused)
    assert (f"{sheet}, trang tính 'Sổ đi 2026', dòng 3, trường 'Số, ký hiệu văn bản': số văn "
            "bản bắt đầu từ 01 (nhận 0/QĐ-UBND)") in text, refused.output
    assert "dòng 5, trường 'Số, ký hiệu văn bản': số văn bản bắt đầu từ 01 (nhận 00/UBND-VP)" \
        in text
    assert f"2 lỗi trong {sheet}, chưa nhập dòng nào" in text
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "nhap", str(sheet))
    assert "sheet 'Sổ đi 2026', row 3" in said(english), english.output
    assert "document numbers start at 01 (got 0/QĐ-UBND)" in said(english)
    assert rows(root / "so-van-ban.sqlite3") == []


# --- 3. a folder for a register; a date as the clerk writes it --------------------------------


def test_a_folder_given_for_the_register_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    (root / "so-dir").mkdir()
    result = vanthu(root, monkeypatch, "so", "--db", "so-dir", "xem", "2026")
    assert result.exit_code == 1
    assert "sổ văn bản so-dir là một thư mục, không phải tệp sổ" in said(result), result.output
    assert "so-dir/so-van-ban.sqlite3" in said(result)
    assert "unable to open" not in result.output
    monkeypatch.setenv("VANTHU_DB", str(root / "so-dir"))
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "cap", "--ngay", "01/03/2026",
                     "--ky-hieu", "UBND-VP", "--trich-yeu", "V/v")
    assert english.exit_code == 1
    assert "is a folder, not a register file" in said(english), english.output
    assert "unable to open" not in english.output


def test_a_year_not_matching_the_date_shows_the_date_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    args = ["so", "vao-so", "02", "--ngay", "05/02/2025", "--ky-hieu", "QĐ-UBND",
            "--trich-yeu", "x", "--nam", "2026"]
    result = vanthu(root, monkeypatch, *args)
    assert result.exit_code == 1
    assert "năm 2026 không khớp với ngày văn bản 05/02/2025" in said(result), result.output
    english = vanthu(root, monkeypatch, "--lang", "en", *args)
    assert "does not match the document date 05/02/2025" in said(english), english.output


# --- 4. a void number no row of the imported file holds ---------------------------------------


def test_a_void_number_the_file_does_not_hold_stays_void(
    location: str,  # noqa: F811  (fixture)
) -> None:
    letter = Details(doc_date=date(2026, 7, 1), symbol="UBND-VP", summary="V/v")
    with open_register(location) as register:
        given = [register.allocate(OFFICE, letter, source=f"inputs/2026/cv-{n}.yaml")
                 for n in (1, 2, 3)]
        register.void_entry(given[2], "đổi năm")
        old = [(2026, n, "chung", Details(doc_date=date(2026, 1, n), symbol="UBND-VP",
                                          summary=f"cũ {n}"), Status.ISSUED, None, None)
               for n in (1, 2)]
        with register.displacing() as moved:
            register.record_many(OFFICE, old)
        assert [(m.entry.number, m.number, m.kept) for m in moved] == [
            (1, 4, False), (2, 5, False), (3, 3, True)]
        assert [(e.number, e.status is Status.VOID, e.source)
                for e in register.entries(2026)] == [
            (1, False, None), (2, False, None), (3, True, "inputs/2026/cv-3.yaml"),
            (4, False, "inputs/2026/cv-1.yaml"), (5, False, "inputs/2026/cv-2.yaml")]
        assert register.counters(2026) == {(OFFICE, "chung"): 5}
        assert register.allocate(OFFICE, letter).number == 6


def test_a_void_number_the_file_holds_is_still_dropped(
    location: str,  # noqa: F811  (fixture)
) -> None:
    letter = Details(doc_date=date(2026, 7, 1), symbol="UBND-VP", summary="V/v")
    with open_register(location) as register:
        given = [register.allocate(OFFICE, letter, source=f"inputs/2026/cv-{n}.yaml")
                 for n in (1, 2)]
        register.void_entry(given[1], "in hỏng")
        old = [(2026, n, "chung", Details(doc_date=date(2026, 1, n), symbol="UBND-VP",
                                          summary=f"cũ {n}"), Status.ISSUED, None, None)
               for n in (1, 2, 3)]
        with register.displacing() as moved:
            register.record_many(OFFICE, old)
        assert [(m.entry.number, m.number) for m in moved] == [(1, 4), (2, None)]
        assert [e.number for e in register.entries(2026)] == [1, 2, 3, 4]
        assert not any(e.status is Status.VOID for e in register.entries(2026))


def test_so_nhap_names_only_the_void_numbers_the_file_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two_documents(tmp_path, monkeypatch)
    build(root, monkeypatch)
    given = vanthu(root, monkeypatch, "so", "cap", "--ngay", "20/07/2026", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "V/v lịch trực")
    assert "Đã cấp số 03/UBND-VP" in given.output, given.output
    voided = vanthu(root, monkeypatch, "so", "huy", "03", "--nam", "2026", "--ly-do",
                    "đổi năm")
    assert voided.exit_code == 0, voided.output
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK[:2]})
    imported = vanthu(root, monkeypatch, "so", "nhap", "--doi-so-da-cap", str(sheet))
    assert imported.exit_code == 0, imported.output
    text = said(imported)
    assert "01/QĐ-UBND [inputs/2026/qd-07.yaml] → 04" in text, imported.output
    assert "02/UBND-VP [inputs/2026/cv-07.yaml] → 05" in text
    assert "đã hủy được bỏ" not in text
    assert ("1 số vanthu đã hủy vẫn là số đã hủy, không cấp lại (không dòng nào trong tệp "
            "mang số đó; các số chuyển ra sau được đánh tiếp sau nó): 03/UBND-VP.") in text
    build(root, monkeypatch)
    assert printed_number(output(root, "qd-07")).startswith("Số: 04/QĐ-UBND")
    assert printed_number(output(root, "cv-07")).startswith("Số: 05/UBND-VP")
    after = vanthu(root, monkeypatch, "so", "cap", "--ngay", "21/07/2026", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "V/v họp")
    assert "Đã cấp số 06/UBND-VP" in after.output, after.output
    with open_register(root / "so-van-ban.sqlite3") as register:
        void = register.entry(OFFICE, 2026, 3)
        assert void is not None and void.status is Status.VOID
        assert void.void_reason == "đổi năm"
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output


def test_the_kept_void_sentence_says_itself_in_english() -> None:
    from pipeline.i18n import t

    words = t("register.displaced_void_kept", lang="en", count=1, numbers="03/UBND-VP")
    assert words == ("1 numbers vanthu had voided stay void, never given again (no row of the "
                     "file holds them; the numbers moved are numbered after them): 03/UBND-VP.")
