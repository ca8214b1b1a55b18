"""A register file that cannot be written or read (r13a F5, F6, F8): said as such, never a bug.

A read-only register, a disk that fills (or a file-size limit) while the register is written,
and a damaged register file used to end in "Lỗi nội bộ của vanthu (OperationalError: …)", in
SQLite's bare English, or in a false "đang bận quá lâu (người khác đang ghi)". Each is now a
RegisterError naming the register file and what to do (backends.sqlite_failure); a register
really held by another writer is still said to be busy. Every test uses a real SQLite file in
the state it names.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from pipeline.register import Details, RegisterError, backends, open_register
from pipeline.register.store import Register
from tests.register.test_shared_register_r8 import printed_number
from tests.register_setup import no_register_env  # noqa: F401  (fixture)
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

OFFICE = "uy-ban-nhan-dan-xa-chieng-mai"
INTERNAL = "Lỗi nội bộ"


def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune that built 01 from its register file, and has a new document to number."""
    root, _ = built_one(tmp_path, monkeypatch)
    document(root, monkeypatch, "cv-08", "20/08/2026", kind="cong-van", about="Công văn mới")
    return root


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Register file `path` read-only for whoever runs the tests. Not root: its mode (0444).
    Root, whom a mode does not stop: `chattr +i`. Where that is not allowed (a container
    without CAP_LINUX_IMMUTABLE), SQLite told to open the file read-only (mode=ro), which is
    what it does itself when the file refuses writing: the same SQLITE_READONLY either way."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is not None and _refuses_writing(path, chattr):
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(path)], check=True)
        return
    real = sqlite3.connect
    wanted = str(path)

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database) == wanted:
            return real(f"{path.resolve().as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real(database, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backends.sqlite3, "connect", connect)
        yield


def _refuses_writing(path: Path, chattr: str) -> bool:
    """Whether `chattr +i` made `path` refuse writing (undone when it did not)."""
    if subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode != 0:
        return False
    try:
        with path.open("ab"):
            pass
    except PermissionError:
        return True
    subprocess.run([chattr, "-i", str(path)], check=True)
    return False


def test_a_read_only_register_is_said_with_its_file_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = built(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    with read_only(register):
        refused = build(root, monkeypatch, code=1)
        text = said(refused)
        assert INTERNAL not in text and "OperationalError" not in text, text
        assert f"không ghi được vào sổ văn bản {register}" in text, text
        assert "chỉ cho đọc" in text and "bỏ thuộc tính chỉ đọc" in text
        paper = vanthu(root, monkeypatch, "so", "cap", "--ngay", "21/08/2026", "--ky-hieu",
                       "UBND-VP", "--trich-yeu", "Công văn giấy")
        assert paper.exit_code == 1 and "chỉ cho đọc" in said(paper), paper.output
        english = vanthu(root, monkeypatch, "--lang", "en", "render",
                         str(root / "inputs/2026/cv-08.yaml"))
        assert english.exit_code == 1
        assert f"cannot write to the register {register}: the register file (or its folder) " \
               "is read-only" in said(english), english.output
    # Writable again: nothing was lost or given on the way.
    build(root, monkeypatch)
    assert manifest_number(root, "cv-08") == "02/UBND-VP"
    assert [reference for _, reference, _ in rows(register)] == ["01/QĐ-UBND", "02/UBND-VP"]


@pytest.mark.parametrize("damage", ["garbage", "half"])
def test_a_damaged_register_says_how_to_get_a_register_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    root = built(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    with open_register(register):  # its WAL folded in: one file to damage
        pass
    data = register.read_bytes()
    damaged = os.urandom(3000) if damage == "garbage" else data[: len(data) // 2]
    register.write_bytes(damaged)
    for args in (["build"], ["render", str(root / "inputs/2026/cv-08.yaml")],
                 ["so", "kiem-tra", "2026"]):
        result = vanthu(root, monkeypatch, *args)
        text = said(result)
        assert result.exit_code == 1, (args, result.output)
        assert INTERNAL not in text, text
        assert f"sổ văn bản {register} bị hỏng" in text, (args, text)
        assert "bản sao lưu" in text and "vanthu so nhap" in text and "vanthu so xuat" in text
    english = vanthu(root, monkeypatch, "--lang", "en", "build")
    assert f"the register {register} is damaged" in said(english), english.output
    assert register.read_bytes() == damaged  # left as it was, for whoever repairs it


def test_a_full_disk_while_numbering_is_said_and_loses_nothing(tmp_path: Path) -> None:
    """SQLite's own SQLITE_FULL, from a real file that may not grow (max_page_count)."""
    path = tmp_path / "so-van-ban.sqlite3"
    letter = Details(symbol="UBND-VP", summary="V/v " + "rất dài " * 200)
    with open_register(path) as register:
        connection = register.backend._connection  # type: ignore[attr-defined]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(RegisterError) as failed:
            for _ in range(200):
                register.allocate(OFFICE, letter, year=2026)
        assert failed.value.key == "register.disk_full"
        message = failed.value.message()
        assert f"không ghi được vào sổ văn bản {path}: ổ đĩa chứa sổ đã đầy" in message
        assert "giải phóng chỗ trống" in message
        given = len(register.entries(2026))
        connection.execute("PRAGMA max_page_count = 1073741823")
        assert register.allocate(OFFICE, letter, year=2026).number == given + 1


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """No file this process writes may grow past `size` bytes (ulimit -f): a write beyond
    fails with EFBIG, as on a disk that filled (Python ignores SIGXFSZ)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_register_that_cannot_grow_while_the_build_confirms_is_said_not_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """r13a F5, F6: the build's last step, confirming the numbers of the documents it wrote,
    meets a register file that may not grow: a disk error, not a bug nor another writer."""
    root = built(tmp_path, monkeypatch)
    register = root / "so-van-ban.sqlite3"
    real = Register.confirm

    def confirm(self: Register, *args: Any, **kwargs: Any) -> Any:
        wal = Path(f"{self.location}-wal")
        with file_size_limit(wal.stat().st_size if wal.exists() else 0):
            return real(self, *args, **kwargs)

    monkeypatch.setattr(Register, "confirm", confirm)
    failed = build(root, monkeypatch, code=1)
    text = said(failed)
    assert INTERNAL not in text and "đang bận" not in text, text
    assert f"không đọc ghi được sổ văn bản {register}: lỗi đọc ghi ổ đĩa" in text, text
    assert "outputs/2026/cv-08.docx" in text  # written, as the build says
    monkeypatch.setattr(Register, "confirm", real)
    again = build(root, monkeypatch)
    assert "0 đã dựng, 2 không đổi" in said(again), again.output
    assert printed_number(output(root, "cv-08")).startswith("Số: 02/UBND-VP")
    assert vanthu(root, monkeypatch, "so", "kiem-tra", "2026").exit_code == 0


def test_a_register_another_writer_holds_is_still_said_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "so-van-ban.sqlite3"
    monkeypatch.setattr(backends, "BUSY_TIMEOUT_S", 0.1)
    with open_register(path) as register:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(RegisterError) as failed:
                register.allocate(OFFICE, Details(symbol="UBND-VP"), year=2026)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    assert failed.value.key == "register.busy"
    assert "người khác đang ghi" in failed.value.message()
