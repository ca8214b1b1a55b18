"""The command line in an unfriendly process: a Ctrl-C while a command's modules are still being
imported, no stdin at all, a file named on the command line that may not be read, an output
encoding without Vietnamese letters. Each run as a user runs vanthu: in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.i18n import t
from tests.unprivileged import assert_unreadable, unprivileged

ROOT = Path(__file__).resolve().parent.parent
VANTHU = [sys.executable, "-m", "pipeline.cli"]


def _vanthu(
    *args: str, cwd: Path, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*prefix, *VANTHU, *args], capture_output=True, cwd=cwd, timeout=120,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


# Ctrl-C (Python raises KeyboardInterrupt) the first time yaml.reader is looked for: while a
# command's lazily imported package, through pipeline.load, imports PyYAML. A second import of
# it is refused: a Ctrl-C handler must import nothing that the stopped import left half-loaded.
_CTRL_C_DURING_IMPORT = """
import importlib.abc, sys

class CtrlC(importlib.abc.MetaPathFinder):
    fired = False

    def find_spec(self, name, path, target=None):
        if name != "yaml.reader":
            return None
        if CtrlC.fired:
            raise RuntimeError("yaml imported again after the Ctrl-C")
        CtrlC.fired = True
        sys.stderr.write("<Ctrl-C>\\n")
        raise KeyboardInterrupt

sys.meta_path.insert(0, CtrlC())
sys.argv = ["vanthu", *sys.argv[1:]]
from pipeline.cli import run
run()
"""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("build",), "cli.interrupted"),  # while `build` is looked up (its package imported)
        (("check", "ke-hoach.yaml"), "cli.interrupted_read_only"),  # in check's own imports
    ],
)
def test_ctrl_c_while_a_command_imports_its_modules_stops_it(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    (tmp_path / "ke-hoach.yaml").write_text("loai: ke-hoach\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CTRL_C_DURING_IMPORT), "--lang", "vi", *args],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.stderr.startswith("<Ctrl-C>\n"), done.stderr  # PyYAML not imported before
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[1:] == [f"{t('cli.stopped', 'vi')}: {t(said, 'vi')}"]
    assert done.returncode == 130


def test_init_with_stdin_closed_says_what_is_missing_as_without_a_terminal(
    tmp_path: Path,
) -> None:
    """`<&-` (cron, a service): no stdin at all is no terminal, as </dev/null is."""
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *VANTHU, "--lang", "en", "init", "van-phong"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    (tmp_path / "null").mkdir()
    empty = subprocess.run(
        [*VANTHU, "--lang", "en", "init", "van-phong"], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, cwd=tmp_path / "null", timeout=120,
    )  # fmt: skip
    assert "internal error" not in closed.stderr
    assert "--dia-danh" in closed.stderr
    assert closed.returncode == empty.returncode == 1
    assert closed.stderr == empty.stderr


@pytest.fixture()
def unreadable(tmp_path: Path) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """A data file (ke-hoach.yaml) and a folder (khoa/) this user may not read, and what runs
    a command as such a user."""
    data = tmp_path / "ke-hoach.yaml"
    data.write_text("loai: ke-hoach\n", encoding="utf-8")
    folder = tmp_path / "khoa"
    folder.mkdir()
    (folder / "ke-hoach.yaml").write_text("loai: ke-hoach\n", encoding="utf-8")
    data.chmod(0)
    folder.chmod(0)
    try:
        assert_unreadable(data)
        yield tmp_path, unprivileged()
    finally:
        data.chmod(0o644)
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ["check", "render"])
def test_an_unreadable_file_named_is_said_by_its_reader_not_as_a_usage_error(
    unreadable: tuple[Path, tuple[str, ...]], command: str
) -> None:
    here, prefix = unreadable
    done = _vanthu("--lang", "vi", command, "ke-hoach.yaml", cwd=here, prefix=prefix)
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr  # as for one found in a folder; not 2
    assert "Cách dùng" not in stderr and "Traceback" not in stderr
    assert stderr.startswith(f"{t('common.error', 'vi')}: ke-hoach.yaml: không đọc được tệp (")


@pytest.mark.parametrize("args", [("check", "khoa"), ("init", "khoa", "--kieu", "van-phong")])
def test_an_unreadable_folder_named_is_one_error_naming_it(
    unreadable: tuple[Path, tuple[str, ...]], args: tuple[str, ...]
) -> None:
    here, prefix = unreadable
    done = _vanthu("--lang", "en", *args, cwd=here, prefix=prefix)
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    assert "Usage" not in stderr and "internal error" not in stderr
    # Named (the folder, or the file in it the system refused), and why: by a reader that says
    # it, else by the command line (a PermissionError).
    assert stderr.startswith(f"{t('common.error', 'en')}: khoa")
    assert "permission" in stderr


# A terminal whose encoding has no Vietnamese letters; PYTHONIOENCODING stands for it (no such
# locale needs to be installed). ":strict" for stderr too, which Python otherwise escapes.
LATIN_1 = {"PYTHONIOENCODING": "latin-1:strict"}


def test_help_on_a_latin_1_terminal_is_shown_whole(tmp_path: Path) -> None:
    done = _vanthu("--lang", "vi", "--help", cwd=tmp_path, env=LATIN_1)
    shown = done.stdout.decode("latin-1")
    assert done.returncode == 0, done.stderr.decode("latin-1")
    assert done.stderr == b""
    # Each letter latin-1 lacks as its escape: the exact letter kept, nothing crashed.
    assert "vanthu \\u2014 v\\u0103n b\\u1ea3n h\xe0nh ch\xednh" in shown
    assert "  verify" in shown  # the list of commands, its last, is there


def test_output_and_errors_on_a_latin_1_terminal(tmp_path: Path) -> None:
    made = _vanthu("--lang", "vi", "new", "ke-hoach", "-o", "ke-hoach.yaml", cwd=tmp_path,
                   env=LATIN_1)  # fmt: skip
    said = made.stdout.decode("latin-1")
    assert made.returncode == 0, made.stderr.decode("latin-1")
    assert said.startswith("\\u0110\xe3 t\\u1ea1o ke-hoach.yaml")  # "Đã tạo"
    assert (tmp_path / "ke-hoach.yaml").is_file()
    missing = _vanthu("--lang", "vi", "check", "khong-co.yaml", cwd=tmp_path, env=LATIN_1)
    error = missing.stderr.decode("latin-1")
    assert missing.returncode == 1
    assert "Traceback" not in error and "n\\u1ed9i b\\u1ed9" not in error  # not "Lỗi nội bộ"
    assert error.startswith("L\\u1ed7i: khong-co.yaml: ")
