"""A new office made by `vanthu init` in a test's folder, the working folder inside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

FLAGS = [
    "--kieu", "so-nganh", "--dia-danh", "Sơn La", "--co-quan", "SỞ NỘI VỤ",
    "--ten-day-du", "Sở Nội vụ", "--viet-tat", "SNV", "--nguoi-ky", "Nguyễn Văn A",
]  # fmt: skip


def new_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`vanthu init ws` (a Sở, Nguyễn Văn A signing) in tmp_path; the working folder is ws."""
    monkeypatch.chdir(tmp_path)
    init = CliRunner().invoke(main, ["--lang", "vi", "init", "ws", *FLAGS])
    assert init.exit_code == 0, init.output
    monkeypatch.chdir(tmp_path / "ws")
    return tmp_path / "ws"
