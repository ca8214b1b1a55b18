"""A stopped build stops: Ctrl-C (SIGINT to the whole process group, as a terminal sends it, or
to the build alone) and SIGTERM end `vanthu build` within seconds, with one line, exit code
130 (143 for SIGTERM), no worker or LibreOffice left running and no staged or partial file
left in the output folder. The build is started as a shell script's `vanthu build &` starts
it, with SIGINT ignored: Python then never raises KeyboardInterrupt, and a build ran to its
end through the signal (the tester's `setsid vanthu build --force --pdf -j 2`, 308 documents).
Real processes, a real LibreOffice; no mocks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.batch.supervise import BuildInterrupted, Stopped, remove_leftovers
from pipeline.i18n import t
from tests.copied_decisions import copy_decision
from tests.processes import alive_after, descendants, group_members, live_processes

REPO = Path(__file__).resolve().parents[1]
DECISION = "2022/qd-lao-dong-tien-tien.yaml"
STOP_LIMIT = 30.0  # seconds: generous, this is not a timing test (a stop takes well under 1 s)
ORPHAN_GRACE = 5.0


def busy(inputs: Path, extra: int) -> Path:
    """`inputs` with `extra` more award decisions, so that a build is still running when it
    is stopped."""
    for number in range(extra):
        copy_decision(inputs / "2022", Path(DECISION).name, f"qd-them-{number:03d}.yaml",
                      500 + number)
    # The year's report would refuse the copies: the same danh hiệu twice in one year.
    (inputs / "2022" / "bao-cao-tong-ket.yaml").unlink()
    return inputs


def ignore_sigint() -> None:
    """What a shell does for a job it starts in the background without job control."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_build(inputs: Path, out: Path, lang: str, *options: str) -> subprocess.Popen[str]:
    """`vanthu build` in its own process group (a terminal's foreground job), SIGINT ignored."""
    command = [sys.executable, "-m", "pipeline.cli", "--lang", lang, "build", str(inputs)]
    return subprocess.Popen(
        [*command, "-o", str(out), *options],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "VANTHU_LANG": "vi"},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=ignore_sigint,
    )


def wait_until(build: subprocess.Popen[str], ready: Callable[[], bool], limit: float) -> None:
    deadline = time.monotonic() + limit
    while not ready():
        assert build.poll() is None, "the build ended before it could be stopped"
        assert time.monotonic() < deadline, f"the build did not get there in {limit} s"
        time.sleep(0.01)


def stop_and_wait(build: subprocess.Popen[str], send: Callable[[], None]) -> tuple[str, str]:
    """Send the signal; the build's output once it has ended (within STOP_LIMIT)."""
    try:
        send()
        return build.communicate(timeout=STOP_LIMIT)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()


def leftovers(out: Path) -> list[Path]:
    """What a stop must not leave in the output folder: staged outputs, partial PDFs,
    LibreOffice's locks and save files."""
    patterns = ("*.tmp", "*partial*", ".~lock*")
    return [path for pattern in patterns for path in out.rglob(pattern)]


def assert_stopped(
    build: subprocess.Popen[str], stderr: str, stdout: str, code: int, message: str
) -> None:
    assert build.returncode == code, (build.returncode, stderr, stdout[-500:])
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"{t('cli.stopped', lang='en')}: {message}"], stderr  # r9b: not "Error"
    for noise in ("Traceback", "KeyboardInterrupt", "Aborted"):
        assert noise not in stderr and noise not in stdout


def staged_or_workers(build: subprocess.Popen[str], out: Path) -> Callable[[], bool]:
    """Inside the build: workers started (-j 2), or a staged output written (-j 1)."""
    return lambda: bool(
        len(descendants(build.pid)) >= 2 or next(out.rglob("*.tmp"), None) is not None
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("target", ["group", "parent"])
def test_sigint_stops_a_build_started_with_sigint_ignored(
    inputs_copy: Path, tmp_path: Path, jobs: str, target: str
) -> None:
    inputs, out = busy(inputs_copy, 300), tmp_path / "out"
    build = start_build(inputs, out, "en", "-j", jobs, "--force")
    wait_until(build, staged_or_workers(build, out), 60)
    processes = descendants(build.pid)
    started = time.monotonic()
    if target == "group":  # Ctrl-C: every process of the foreground group gets it
        stdout, stderr = stop_and_wait(build, lambda: os.killpg(build.pid, signal.SIGINT))
    else:  # kill -INT <pid>
        stdout, stderr = stop_and_wait(build, lambda: os.kill(build.pid, signal.SIGINT))
    assert time.monotonic() - started < STOP_LIMIT
    assert_stopped(build, stderr, stdout, 130, t("build.interrupted", lang="en"))
    assert not alive_after(processes, ORPHAN_GRACE)
    assert not group_members(build.pid)
    assert not leftovers(out)


@pytest.mark.parametrize("target", ["group", "parent"])
def test_sigterm_stops_a_build_the_same_way_with_exit_code_143(
    inputs_copy: Path, tmp_path: Path, target: str
) -> None:
    inputs, out = busy(inputs_copy, 300), tmp_path / "out"
    build = start_build(inputs, out, "en", "-j", "2")
    wait_until(build, staged_or_workers(build, out), 60)
    processes = descendants(build.pid)
    kill = (lambda: os.killpg(build.pid, signal.SIGTERM)) if target == "group" else build.terminate
    stdout, stderr = stop_and_wait(build, kill)
    message = t("build.terminated", lang="en", signal="SIGTERM")
    assert_stopped(build, stderr, stdout, 143, message)
    assert not alive_after(processes, ORPHAN_GRACE)
    assert not group_members(build.pid)
    assert not leftovers(out)


@pytest.mark.usefixtures("pdf_build_ready")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_pdf_build_and_its_libreoffice(
    inputs_copy: Path, tmp_path: Path, jobs: str
) -> None:
    """The tester's case: `vanthu build --force --pdf -j 2` stopped while LibreOffice converts."""
    inputs, out = busy(inputs_copy, 40), tmp_path / "out"
    build = start_build(inputs, out, "vi", "-j", jobs, "--force", "--pdf")
    wait_until(build, lambda: next(out.rglob("*.pdf"), None) is not None, STOP_LIMIT * 3)
    processes = descendants(build.pid)
    assert any(proc.name.startswith("soffice") for proc in live_processes()
               if proc.pid in processes), "no LibreOffice of this build"  # fmt: skip
    started = time.monotonic()
    stdout, stderr = stop_and_wait(build, lambda: os.killpg(build.pid, signal.SIGINT))
    assert time.monotonic() - started < STOP_LIMIT
    assert build.returncode == 130, (stderr, stdout[-500:])
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"{t('cli.stopped', lang='vi')}: {t('build.interrupted', lang='vi')}"]
    assert "Traceback" not in stderr + stdout
    assert not alive_after(processes, ORPHAN_GRACE)
    assert not leftovers(out)


def test_interrupted_by_sigterm_says_so_with_exit_code_143() -> None:
    error = BuildInterrupted(signal.SIGTERM)
    assert error.exit_code == 143 and "SIGTERM" in error.message("en")
    assert "SIGTERM" in error.message("vi")
    assert BuildInterrupted().exit_code == 130 and "Ctrl-C" in BuildInterrupted().message("en")
    # Stopped is a KeyboardInterrupt: a document's `except Exception` cannot swallow it.
    assert isinstance(Stopped(signal.SIGTERM), KeyboardInterrupt)
    assert not isinstance(Stopped(signal.SIGTERM), Exception)


def test_leftovers_of_this_build_are_removed_and_no_one_elses(tmp_path: Path) -> None:
    from pipeline.batch.pdf import OWN_PROFILE

    folder = tmp_path / "2022"
    folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid, live_pid = int(dead.stdout), os.getppid()
    gone_profile = tmp_path / f"{OWN_PROFILE}gone"
    live_profile = tmp_path / f"{OWN_PROFILE}live"
    (live_profile / "profile").mkdir(parents=True)
    removed = {
        folder / f".qd.docx.{os.getpid()}-3.tmp": "",  # staged by this process
        folder / f".qd2.docx.{dead_pid}-0.tmp": "",  # staged by a worker that was stopped
        tmp_path / f".vanthu-hashes.json.{os.getpid()}-9.tmp": "",
        folder / f".qd.{dead_pid}.partial.pdf": "%PDF",
        folder / ".~lock.qd.docx#": f",root,host,03.12.2026 05:08,file://{gone_profile}/profile;",
    }
    kept = {
        folder / f".qd3.docx.{live_pid}-0.tmp": "",  # a build running beside this one
        folder / f".qd3.{live_pid}.partial.pdf": "%PDF",
        folder / ".~lock.qd3.docx#": f",root,host,03.12.2026 05:08,file://{live_profile}/profile;",
        folder / ".~lock.khac.docx#": ",clerk,pc,03.12.2026 05:08,file:///home/clerk/.config/lo;",
        folder / "qd.docx": "",
        folder / ".hidden": "",
    }
    for path, text in {**removed, **kept}.items():
        path.write_text(text)
    assert sorted(remove_leftovers(tmp_path)) == sorted(removed)
    assert all(path.exists() for path in kept)
    assert remove_leftovers(tmp_path / "missing") == []
    shutil.rmtree(live_profile)
