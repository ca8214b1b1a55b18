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

from tests.test_register_r12a_numbering import build, two_documents

__all__ = ["built_two", "copied", "no_register_env", "put_back"]


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
