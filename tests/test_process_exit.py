"""The command line leaves without the interpreter's teardown, losing nothing a normal exit keeps:
its output, its exit code, the atexit handlers, a thread still working."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_leave_keeps_output_code_and_atexit_handlers_but_skips_the_teardown() -> None:
    done = _python(
        """
        import atexit, sys
        from pipeline.process_exit import leave

        class Torn:
            def __del__(self):
                print("teardown ran", flush=True)

        kept = Torn()  # a module global: only the interpreter's teardown deletes it
        atexit.register(lambda: print("atexit ran"))
        print("x" * 100_000, end="")  # more than one buffer, not yet flushed
        sys.stderr.write("to stderr")
        leave(3)
        """
    )
    assert done.returncode == 3
    assert done.stdout == "x" * 100_000 + "atexit ran\n"
    assert done.stderr == "to stderr"
    assert "teardown ran" not in done.stdout


def test_leave_waits_for_a_thread_still_working() -> None:
    done = _python(
        """
        import threading, time
        from pipeline.process_exit import leave

        def work():
            time.sleep(0.3)
            print("thread finished", flush=True)

        threading.Thread(target=work).start()
        leave(0)
        """
    )
    assert done.returncode == 0
    assert done.stdout == "thread finished\n"


def test_leave_with_a_message_prints_it_as_sys_exit_does() -> None:
    done = _python("from pipeline.process_exit import leave\nleave('dừng lại')")
    assert done.returncode == 1
    assert done.stderr.strip() == "dừng lại"


def test_the_command_line_keeps_its_exit_codes_and_output(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "--lang", "en", "templates", "list"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "quyet-dinh " in ok.stdout and "bao-cao " in ok.stdout
    assert ok.stdout.endswith("\n")
    missing = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "--lang", "en", "build", str(tmp_path / "none")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 1
    assert "Error" in missing.stderr and str(tmp_path / "none") in missing.stderr
    assert not list(tmp_path.iterdir())
