"""Setup the tests of the register through the CLI share: no register named from outside the
workspace, a commune that built its first two numbers, and its register file copied and put
back as an IT person restores a backup.

The workspace helpers themselves (office, document, build, ...) are those of
tests/test_register_r12a_numbering.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_register_r12a_numbering import build, document, two_documents, vanthu

__all__ = ["built_two", "copied", "no_register_env", "numbered_after_copy", "put_back"]


@pytest.fixture(autouse=True)
def no_register_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither VANTHU_DB nor VANTHU_DA_CHUYEN from the shell running the tests: each workspace
    numbers in the register its own vanthu.yaml names. Autouse in every module importing it."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


def built_two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune that built a Quyết định (qd-07, 15/07/2026) and a công văn (cv-07,
    16/07/2026) from its own register file; its workspace."""
    root = two_documents(tmp_path, monkeypatch)
    build(root, monkeypatch)
    return root


def copied(root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The workspace's register file and a copy of it as it is now, last week's backup
    (tmp_path/so-tuan-truoc.sqlite3, outside the workspace)."""
    register = root / "so-van-ban.sqlite3"
    backup = tmp_path / "so-tuan-truoc.sqlite3"
    shutil.copy(register, backup)
    return register, backup


def put_back(copy: Path, register: Path) -> None:
    """`copy` put in place of `register`, as an IT person restores a backup (the live file's
    WAL and shared memory gone with it)."""
    shutil.copy(copy, register)
    for suffix in ("-wal", "-shm"):
        Path(f"{register}{suffix}").unlink(missing_ok=True)


def numbered_after_copy(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The commune's register copied (copied), then 03 given to a paper letter (`so cap`), a
    Công văn (cv-08, 20/07/2026) and a Quyết định (qd-08, 21/07/2026) built, and the copy put
    back: the register misses what came after the copy. Its register file."""
    register, backup = copied(root, tmp_path)
    paper = vanthu(root, monkeypatch, "so", "cap", "--ngay", "18/07/2026", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "Công văn giấy gửi gấp")  # fmt: skip
    assert paper.exit_code == 0 and "03/UBND-VP" in paper.output, paper.output
    document(root, monkeypatch, "cv-08", "20/07/2026", kind="cong-van", about="Công văn mới")
    document(root, monkeypatch, "qd-08", "21/07/2026", about="Quyết định mới")
    build(root, monkeypatch)
    put_back(backup, register)
    return register
