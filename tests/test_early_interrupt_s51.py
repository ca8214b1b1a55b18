"""A Ctrl-C sent to a build started with SIGINT ignored (a shell script's background job), before
the build has set its own handlers: noted from the command line's first moment and the build
stopped as it starts (exit 130, nothing built), not lost while the build runs to its end. Any
other command keeps ignoring it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# The signal sent once the command line's module is imported (its first moment: what the
# build's own handlers come long after), then the command run; SIGINT ignored as inherited.
_SENT_EARLY = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
import pipeline.cli
os.kill(os.getpid(), signal.SIGINT)
sys.argv = ["vanthu", *sys.argv[1:]]
pipeline.cli.run()
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SENT_EARLY, *args], cwd=cwd, capture_output=True, text=True,
        timeout=120, env={**os.environ, "PYTHONPATH": str(REPO), "VANTHU_LANG": "vi"},
    )  # fmt: skip


def test_build_stops_on_a_sigint_sent_before_its_handlers(tmp_path: Path) -> None:
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    shutil.copy(REPO / "vanthu.yaml", tmp_path)
    done = _run(["build", "-j", "1"], tmp_path)
    assert done.returncode == 130, done.stdout + done.stderr
    assert "Đã dừng" in done.stderr and "Traceback" not in done.stderr
    assert not list((tmp_path / "outputs").rglob("*.docx"))


def test_other_commands_keep_ignoring_it(tmp_path: Path) -> None:
    plan = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
    done = _run(["check", str(plan)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Hợp lệ" in done.stdout


def test_templates_check_inputs_folder_not_there_is_said(tmp_path: Path) -> None:
    """`templates check --inputs` naming no folder: said (exit 2), not every template passed
    against no data at all."""
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "--lang", "en", "templates", "check", "--inputs",
         str(tmp_path / "nowhere")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "nowhere" in done.stderr and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
