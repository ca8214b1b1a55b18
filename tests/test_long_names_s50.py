"""A file named longer than the system takes (ENAMETOOLONG): said in words by every command that
is given one, never an internal error (Workspace.containing and `vanthu check`'s discovery
asked Path.is_dir, which raises for such a name)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.typed_docs import REPO

LONG = "a" * 300  # a name part over the 255 bytes of Linux's file systems
SAID = {"vi": "tên tệp hoặc thư mục quá dài", "en": "name is too long for the system"}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    (tmp_path / "inputs" / "2022").mkdir()  # the name too long is the file's, not its folder's
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _said(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    text = " ".join(result.output.split())
    assert "nội bộ" not in text and "internal" not in text.lower(), text
    assert result.exception is None or isinstance(result.exception, SystemExit), text
    return result.exit_code, text


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", ["render", "check"])
def test_a_data_file_named_too_long_is_said(workspace: Path, command: str, lang: str) -> None:
    code, text = _said(["--lang", lang, command, f"inputs/2022/{LONG}.yaml"])
    assert code == 1
    assert SAID[lang] in text


def test_build_of_a_folder_named_too_long_says_there_is_none(workspace: Path) -> None:
    code, text = _said(["--lang", "vi", "build", f"inputs/{LONG}"])
    assert code == 1
    assert "không tìm thấy thư mục đầu vào" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_of_a_docx_named_too_long_says_why(tmp_path: Path, lang: str) -> None:
    code, text = _said(["--lang", lang, "verify", str(tmp_path / f"{LONG}.docx")])
    assert code == 2
    assert SAID[lang] in text
    assert "0 byte" not in text  # not "the file is empty"
